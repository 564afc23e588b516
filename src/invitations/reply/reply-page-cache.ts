// The reply page is the most visited page, and nearly all of it is the same for every invitee of
// an edition who reads it in the same language: the header, when and where, the programme, the
// empty form, the recording section and whom to call. This keeps that part rendered, split around
// a few slots (the first name, the token in the page's addresses, the answer section), so that a
// visit costs one query and filling in those slots.
//
// Freshness: the edition's own facts and the municipality's contact come with every visit's query
// and are part of the cache key, so a changed date, venue, deadline or status shows at once. The
// programme and the info-market stands are shared data loaded at most once per SHARED_TTL_MS per
// edition: an edited programme or stand shows on reply pages within 10 seconds.
import { randomBytes } from 'node:crypto'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { deflatePiece, gzipJoin, storedPiece, type DeflatedPiece } from '../../platform/http/gzip-join.ts'
import type { ProgrammeItem } from '../../editions/programme/programme.ts'
import { listProgrammeItems } from '../../editions/programme/programme-queries.ts'
import { editionOffers } from '../../editions/partners/stands-queries.ts'
import type { AnyDb } from '../../platform/db/transaction.ts'
import { isReplyOpen } from '../reply.ts'
import type { Offer } from './reply-form.tsx'
import type { ReplySubject } from './reply-queries.ts'

export const SHARED_TTL_MS = 10_000
/**
 * Bounds on memory: editions kept at once (few are open for replies at the same moment), and page
 * variants per edition (languages × recording saved or not × notice × empty form or answer slot).
 */
const MAX_EDITIONS = 50
const MAX_TEMPLATES = 48

/**
 * Slot markers, random per process: no text a municipality or a newcomer types can contain them,
 * and they are plain letters and digits, which neither HTML escaping nor paths' URL encoding changes.
 */
const MARK = randomBytes(12).toString('hex')
const SLOTS = { token: `t${MARK}`, name: `n${MARK}`, answer: `a${MARK}` } as const
type Slot = keyof typeof SLOTS
const SLOT_PATTERN = new RegExp(`(${Object.values(SLOTS).join('|')})`)
const SLOT_OF = new Map<string, Slot>(Object.entries(SLOTS).map(([slot, mark]) => [mark, slot as Slot]))

/** The values a page template is rendered with instead of one person's. */
export const slotValues = { token: SLOTS.token, firstName: SLOTS.name, answer: SLOTS.answer }

/** A page rendered once: literal bytes between slots (one more piece than slots), also deflated for gzip. */
export interface PageTemplate {
  pieces: DeflatedPiece[]
  slots: Slot[]
}

export interface SlotFill {
  /** A reply token (checked: letters, digits, "-" and "_" only, so it needs no escaping). */
  token: string
  /** Plain text; escaped here. */
  firstName: string
  /** Already rendered HTML of the answer section, for a template that has that slot. */
  answer?: string
}

export function compileTemplate(html: string): PageTemplate {
  const parts = html.split(SLOT_PATTERN)
  const pieces: DeflatedPiece[] = []
  const slots: Slot[] = []
  parts.forEach((part, i) => (i % 2 === 0 ? pieces.push(deflatePiece(Buffer.from(part))) : slots.push(SLOT_OF.get(part)!)))
  return { pieces, slots }
}

const SAFE_TOKEN = /^[A-Za-z0-9_-]+$/
/** An answer section shorter than this goes uncompressed: starting deflate would cost more than it saves. */
const DEFLATE_FROM_BYTES = 512

/** The page for one visit, as HTML. */
export function fillTemplate(template: PageTemplate, fill: SlotFill): Buffer {
  const values = slotBytes(fill)
  const out: Buffer[] = [template.pieces[0]!.plain]
  template.slots.forEach((slot, i) => out.push(values[slot], template.pieces[i + 1]!.plain))
  return Buffer.concat(out)
}

/** The same page gzip-compressed, costing little more than the plain one: only the slots are new. */
export function fillTemplateGzip(template: PageTemplate, fill: SlotFill): Buffer {
  const values = slotBytes(fill)
  const filled = { token: storedPiece(values.token), name: storedPiece(values.name), answer: values.answer.length < DEFLATE_FROM_BYTES ? storedPiece(values.answer) : deflatePiece(values.answer, 6) }
  const out: DeflatedPiece[] = [template.pieces[0]!]
  template.slots.forEach((slot, i) => out.push(filled[slot], template.pieces[i + 1]!))
  return gzipJoin(out)
}

function slotBytes(fill: SlotFill): Record<Slot, Buffer> {
  if (!SAFE_TOKEN.test(fill.token)) throw new Error('a reply token with unexpected characters')
  return { token: Buffer.from(fill.token, 'latin1'), name: Buffer.from(escapeHtml(fill.firstName)), answer: Buffer.from(fill.answer ?? '') }
}

/** As preact escapes text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'))
}

export interface SharedReplyData {
  /** In order (listProgrammeItems sorts by position). */
  programme: ProgrammeItem[]
  offers: Offer[]
}

type Facts = Pick<ReplySubject, 'edition' | 'municipality'>

interface EditionEntry {
  loadedAt: number
  shared: Promise<SharedReplyData>
  /** The shared data once loaded: templates are kept only when rendered with it. */
  data: SharedReplyData | null
  /** The edition's and municipality's facts the templates (and `open`) are for. */
  facts: Facts | null
  templates: Map<string, PageTemplate>
  /** isReplyOpen at a second: it changes with the facts or at a moment (the deadline's end, the start). */
  open: { second: number; value: boolean } | null
}

export interface ReplyPageCache {
  /** The programme and stands of an edition, at most SHARED_TTL_MS old. */
  shared(editionId: string): Promise<SharedReplyData>
  /**
   * Whether replying is open (isReplyOpen), worked out at most once a second per edition: the page
   * may show the form up to a second after the deadline, the post itself checks exactly.
   */
  isOpen(subject: Facts, now: Date): boolean
  /**
   * The template for one variant of the page (the caller names in `variant` everything `render`
   * depends on besides the edition, its municipality and `shared`), rendered the first time.
   */
  template(subject: Facts, shared: SharedReplyData, variant: string, render: () => VNode): PageTemplate
}

export function createReplyPageCache(db: AnyDb, clock: () => number = Date.now): ReplyPageCache {
  const editions = new Map<string, EditionEntry>()

  const entryOf = (editionId: string): EditionEntry => {
    const now = clock()
    let entry = editions.get(editionId)
    if (!entry || now - entry.loadedAt >= SHARED_TTL_MS) {
      editions.delete(editionId)
      for (const [id, old] of editions) if (now - old.loadedAt >= SHARED_TTL_MS) editions.delete(id)
      if (editions.size >= MAX_EDITIONS) editions.delete(editions.keys().next().value!)
      const loaded: EditionEntry = { loadedAt: now, shared: load(editionId), data: null, facts: null, templates: new Map(), open: null }
      loaded.shared.then(
        (data) => (loaded.data = data),
        // A failed load is not kept: the next visit tries again.
        () => editions.get(editionId) === loaded && editions.delete(editionId),
      )
      editions.set(editionId, loaded)
      entry = loaded
    }
    return entry
  }

  /** The entry, emptied of what was worked out from other facts (the edition or its municipality changed). */
  const entryFor = (subject: Facts): EditionEntry => {
    const entry = entryOf(subject.edition.id)
    if (!entry.facts || !sameFacts(entry.facts, subject)) {
      entry.facts = { edition: subject.edition, municipality: subject.municipality }
      entry.templates.clear()
      entry.open = null
    }
    return entry
  }

  const load = async (editionId: string): Promise<SharedReplyData> => {
    const [programme, offers] = await Promise.all([listProgrammeItems(db, editionId), editionOffers(db, editionId)])
    return { programme, offers }
  }

  const render = (page: () => VNode) => compileTemplate('<!doctype html>' + renderToString(page()))

  return {
    shared: (editionId) => entryOf(editionId).shared,
    isOpen(subject, now) {
      const entry = entryFor(subject)
      const second = Math.floor(now.getTime() / 1000)
      if (entry.open?.second !== second) entry.open = { second, value: isReplyOpen(subject.edition, now) }
      return entry.open.value
    },
    template(subject, shared, variant, page) {
      const entry = entryFor(subject)
      // Rendered with shared data that has just been replaced: used once, not kept.
      if (entry.data !== shared) return render(page)
      let template = entry.templates.get(variant)
      if (!template) {
        template = render(page)
        if (entry.templates.size >= MAX_TEMPLATES) entry.templates.clear()
        entry.templates.set(variant, template)
      }
      return template
    },
  }
}

/** The same edition and municipality facts: every field equal (dates by time, lists item by item). */
function sameFacts(a: Facts, b: Facts): boolean {
  return sameFields(a.edition, b.edition) && sameFields(a.municipality, b.municipality)
}

function sameFields<T extends object>(a: T, b: T): boolean {
  return a === b || (Object.keys(a) as (keyof T)[]).every((key) => sameValue(a[key], b[key]))
}

function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime()
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i])
  return false
}
