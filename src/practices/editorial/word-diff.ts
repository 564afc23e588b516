// The word-level difference an editor reads inside a long text: a longest common subsequence
// over words and the spaces between them, written out so it has no dependency and its own tests.

export interface DiffPart {
  kind: 'same' | 'added' | 'removed'
  text: string
}

/** Beyond this many token pairs the word diff gives up and shows the whole field as replaced. */
const MAX_DIFF_CELLS = 4_000_000

/**
 * The word-level difference between two texts: a longest common subsequence over words and the
 * spaces between them. Common words at both ends are taken off first, which makes the usual
 * small edit to a long text cheap.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before)
  const b = tokens(after)
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const ops: DiffPart[] = []
  for (const text of a.slice(0, start)) ops.push({ kind: 'same', text })
  const midA = a.slice(start, endA)
  const midB = b.slice(start, endB)
  if (midA.length * midB.length > MAX_DIFF_CELLS) {
    for (const text of midA) ops.push({ kind: 'removed', text })
    for (const text of midB) ops.push({ kind: 'added', text })
  } else ops.push(...lcsOps(midA, midB))
  for (const text of a.slice(endA)) ops.push({ kind: 'same', text })
  return merge(ops)
}

function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? []
}

function lcsOps(a: string[], b: string[]): DiffPart[] {
  const n = a.length
  const m = b.length
  // lengths[i][j]: LCS length of a[i..] and b[j..], in one flat array.
  const width = m + 1
  const lengths = new Uint32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!)
    }
  }
  const ops: DiffPart[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: 'same', text: a[i]! })
      i++
      j++
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) ops.push({ kind: 'removed', text: a[i++]! })
    else ops.push({ kind: 'added', text: b[j++]! })
  }
  while (i < n) ops.push({ kind: 'removed', text: a[i++]! })
  while (j < m) ops.push({ kind: 'added', text: b[j++]! })
  return ops
}

/**
 * Joins the operations into readable parts: a lone space between two changes belongs to the
 * change (so "a b c" → "a x y c" reads as "b" replaced by "x y", not as three edits), and within
 * each change the removed text comes before the added text.
 */
function merge(ops: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = []
  let removed = ''
  let added = ''
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed })
    if (added) out.push({ kind: 'added', text: added })
    removed = added = ''
  }
  ops.forEach((op, index) => {
    const inChange = removed !== '' || added !== ''
    const next = ops[index + 1]
    if (op.kind === 'same' && inChange && /^\s+$/.test(op.text) && next && next.kind !== 'same') {
      removed += op.text
      added += op.text
    } else if (op.kind === 'same') {
      flush()
      const last = out[out.length - 1]
      if (last?.kind === 'same') last.text += op.text
      else out.push({ ...op })
    } else if (op.kind === 'removed') removed += op.text
    else added += op.text
  })
  flush()
  return out
}
