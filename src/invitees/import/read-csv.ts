// Decoded CSV text to rows: which separator the file uses, and each record with the line it starts on.
import { CsvError, parse } from 'csv-parse/sync'
import type { FileProblem } from './types.ts'
import type { SourceRow } from './table-rows.ts'

export const SEPARATORS = [';', ',', '\t'] as const
export type Separator = (typeof SEPARATORS)[number]

const SAMPLE_CHARS = 64 * 1024
const SAMPLE_LINES = 50

/**
 * The separator that splits the header into the most cells. The header is looked for under each
 * candidate in turn (the first line with two filled cells), so a title line such as
 * "Gemeente Mol, export 03/04/2026" above a ';' header does not make the file comma-separated.
 * Ties go to ';', what Excel writes in Belgium. Excel's own "sep=;" first line wins outright.
 */
export function detectSeparator(text: string): Separator {
  const lines = sampleLines(text)
  const hint = /^sep=(.)$/i.exec(lines[0] ?? '')?.[1]
  const hinted = SEPARATORS.find((separator) => separator === hint)
  if (hinted) return hinted

  let best: Separator = ';'
  let bestCells = 0
  for (const separator of SEPARATORS) {
    const header = lines.map((line) => splitLine(line, separator)).find((cells) => cells.filter(Boolean).length >= 2)
    if (header && header.length > bestCells) {
      best = separator
      bestCells = header.length
    }
  }
  return best
}

/** The first lines of the text, keeping line breaks inside quoted fields within their line. */
function sampleLines(text: string): string[] {
  const sample = text.slice(0, SAMPLE_CHARS)
  const lines: string[] = []
  let start = 0
  let quoted = false
  for (let i = 0; i < sample.length && lines.length < SAMPLE_LINES; i++) {
    const char = sample[i]
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) {
      lines.push(sample.slice(start, i))
      if (char === '\r' && sample[i + 1] === '\n') i++
      start = i + 1
    }
  }
  if (lines.length < SAMPLE_LINES && start < sample.length) lines.push(sample.slice(start))
  return lines
}

/** The cells of one line, split outside quotes, without their quotes, trimmed. */
function splitLine(line: string, separator: Separator): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (const char of line) {
    if (char === '"') quoted = !quoted
    else if (char === separator && !quoted) {
      cells.push(cell.trim())
      cell = ''
    } else cell += char
  }
  cells.push(cell.trim())
  return cells
}

export type ParsedCsv = { ok: true; rows: SourceRow[] } | { ok: false; problem: FileProblem }

/**
 * Every record, blank ones included, with the line it starts on. We count lines ourselves from the
 * line breaks inside each record: csv-parse's `info.lines` counts a CRLF inside quotes twice.
 */
export function parseCsv(text: string, separator: Separator): ParsedCsv {
  const rows: SourceRow[] = []
  let nextLine = 1
  try {
    parse(text, {
      delimiter: separator,
      bom: false,
      relax_column_count: true,
      // Excel leaves a quote inside an unquoted field as it is (Jan "Johnny" Peeters); so do we.
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[]) => {
        rows.push({ line: nextLine, cells: record.map(cleanCell) })
        nextLine += 1 + record.reduce((breaks, field) => breaks + lineBreaks(field), 0)
        return null
      },
    })
  } catch (error) {
    // The parser's message quotes the field, which may hold personal data: only the line leaves here.
    if (error instanceof CsvError) return { ok: false, problem: { message: 'invitees.import.badQuotes', values: { line: nextLine } } }
    throw error
  }
  return { ok: true, rows }
}

function cleanCell(field: string): string {
  return field.replace(/\r\n?/g, '\n').trim()
}

function lineBreaks(field: string): number {
  return field.match(/\r\n|\r|\n/g)?.length ?? 0
}
