// The programme of the ceremony: ordered items, each with a duration. Start times are not stored:
// the first item starts when the ceremony starts and each next one when the one before ends, so
// moving or lengthening an item moves everything after it. Pure.
import { brusselsDate, brusselsTime } from '../../platform/calendar.ts'
import { FormParser, type Parsed } from '../../platform/http/forms.ts'
import type { FieldError } from '../../platform/views/context.ts'

export const PROGRAMME_KINDS = ['welcome', 'speech', 'testimony', 'music', 'certificates', 'group_photo', 'reception', 'info_market', 'other'] as const
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number]

export interface ProgrammeItem {
  id: string
  position: number
  kind: ProgrammeKind
  title: string
  durationMinutes: number
  performer: string | null
}

export interface ScheduledItem extends ProgrammeItem {
  startsAt: Date
  endsAt: Date
  /** HH:MM in Brussels */
  start: string
  end: string
}

/** Start and end of every item, in order, from the ceremony's start. */
export function schedule(startsAt: Date, items: ProgrammeItem[]): ScheduledItem[] {
  let at = startsAt.getTime()
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((item) => {
      const start = new Date(at)
      at += item.durationMinutes * 60_000
      const end = new Date(at)
      return { ...item, startsAt: start, endsAt: end, start: brusselsTime(start), end: brusselsTime(end) }
    })
}

/** True when the programme ends on a later day than it starts (past midnight in Brussels). */
export function runsPastMidnight(startsAt: Date, items: Pick<ProgrammeItem, 'durationMinutes'>[]): boolean {
  const end = new Date(startsAt.getTime() + items.reduce((sum, item) => sum + item.durationMinutes, 0) * 60_000)
  // Ending at exactly midnight is still the same evening.
  return brusselsDate(new Date(end.getTime() - 1)) !== brusselsDate(startsAt)
}

export const PROGRAMME_LIMITS = { title: 120, performer: 120, minDuration: 1, maxDuration: 600 } as const

/** What the item form holds. */
export interface ProgrammeItemInput {
  kind: ProgrammeKind
  title: string
  durationMinutes: number
  performer: string | null
}

/**
 * A title for an item whose title was left empty: the programme is written in Dutch, as the
 * municipality writes everything first in Dutch. "Other" has no sensible default.
 */
export const SUGGESTED_TITLES: Record<ProgrammeKind, string> = {
  welcome: 'Welkom',
  speech: 'Toespraak',
  testimony: 'Getuigenis',
  music: 'Muziek',
  certificates: 'Uitreiking van de certificaten',
  group_photo: 'Groepsfoto',
  reception: 'Receptie',
  info_market: 'Infomarkt',
  other: '',
}

/** Reads the item form: a known kind, a title (or the kind's suggestion), 1–600 minutes. */
export function parseProgrammeItem(body: unknown): Parsed<ProgrammeItemInput> {
  const form = new FormParser(body)
  const kind = form.oneOf('kind', PROGRAMME_KINDS, 'programme.form.kindInvalid')
  const typed = form.optional('title', { max: PROGRAMME_LIMITS.title })
  const title = typed ?? (PROGRAMME_KINDS.includes(kind) ? SUGGESTED_TITLES[kind] : '')
  // Only "other" has no suggestion; for an unknown kind the kind's own error is enough.
  if (kind === 'other') form.check(title !== '', 'title', 'programme.form.titleRequired')
  const durationMinutes = form.integer('duration', { min: PROGRAMME_LIMITS.minDuration, max: PROGRAMME_LIMITS.maxDuration }, 'programme.form.durationInvalid')
  const performer = form.optional('performer', { max: PROGRAMME_LIMITS.performer })
  return form.result({ kind, title, durationMinutes, performer })
}

/** The form values of an item, as the edit form shows them. */
export function programmeItemValues(item: ProgrammeItemInput): Record<string, string> {
  return { kind: item.kind, title: item.title, duration: String(item.durationMinutes), performer: item.performer ?? '' }
}

/** When the programme ends: the ceremony's start plus every item's duration. */
export function programmeEnd(startsAt: Date, items: Pick<ProgrammeItem, 'durationMinutes'>[]): Date {
  return new Date(startsAt.getTime() + totalMinutes(items) * 60_000)
}

export function totalMinutes(items: Pick<ProgrammeItem, 'durationMinutes'>[]): number {
  return items.reduce((sum, item) => sum + item.durationMinutes, 0)
}

/**
 * Why a programme may not be saved this way, or null. A ceremony in the evening must end the
 * same day: past midnight, the run-sheet's times and the invitation would name the wrong day.
 */
export function programmeProblem(startsAt: Date, items: Pick<ProgrammeItem, 'durationMinutes'>[]): FieldError | null {
  if (!runsPastMidnight(startsAt, items)) return null
  return { field: 'duration', message: 'programme.form.pastMidnight', values: { end: brusselsTime(programmeEnd(startsAt, items)) } }
}

/** The default programme of about two hours: a ceremony of 75 minutes, then the reception. */
export const DEFAULT_PROGRAMME: readonly ProgrammeItemInput[] = [
  { kind: 'welcome', title: 'Welkom', durationMinutes: 5, performer: null },
  { kind: 'speech', title: 'Toespraak van de burgemeester', durationMinutes: 10, performer: 'Burgemeester' },
  { kind: 'testimony', title: 'Getuigenis van een nieuwkomer', durationMinutes: 10, performer: null },
  { kind: 'music', title: 'Muziek', durationMinutes: 10, performer: null },
  { kind: 'certificates', title: 'Uitreiking van de certificaten, bij naam', durationMinutes: 30, performer: 'Burgemeester en schepen van Inburgering' },
  { kind: 'group_photo', title: 'Groepsfoto', durationMinutes: 10, performer: null },
  { kind: 'reception', title: 'Receptie en infomarkt', durationMinutes: 45, performer: null },
]

/** The kinds' labels in one language, for pages and for programmeLines. */
export function kindLabels(t: (key: string) => string): Record<ProgrammeKind, string> {
  return Object.fromEntries(PROGRAMME_KINDS.map((kind) => [kind, t(`programme.kind.${kind}`)])) as Record<ProgrammeKind, string>
}

/**
 * The programme as invitees read it, one line per item: "19:00 Welkom". Invitees read the kind
 * in their own language rather than the title staff wrote in Dutch; only "other" has no label
 * that says what it is, so it keeps its title.
 */
export function programmeLines(items: Pick<ScheduledItem, 'start' | 'kind' | 'title'>[], labels: Record<ProgrammeKind, string>): string[] {
  return items.map((item) => `${item.start} ${item.kind === 'other' ? item.title : labels[item.kind]}`)
}

export type Direction = 'up' | 'down'

/** The programme's order after moving one item a place up or down; null when it cannot move. */
export function moveItem(items: Pick<ProgrammeItem, 'id'>[], itemId: string, direction: Direction): string[] | null {
  const ids = items.map((item) => item.id)
  const from = ids.indexOf(itemId)
  const to = direction === 'up' ? from - 1 : from + 1
  if (from < 0 || to < 0 || to >= ids.length) return null
  ;[ids[from], ids[to]] = [ids[to]!, ids[from]!]
  return ids
}
