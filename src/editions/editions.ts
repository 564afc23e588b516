// Editions: one ceremony of one or more organising municipalities. The types, the status steps,
// and the rules for what an edition's form may hold. Pure.
import { addDays, brusselsDate, brusselsTime, daysBetween, fromBrussels, isDate, isTime } from '../platform/calendar.ts'
import { FormParser, text, type Parsed } from '../platform/http/forms.ts'
import { INVITEE_LANGUAGES, type InviteeLanguage } from '../platform/i18n/languages.ts'

export const EDITION_STATUSES = ['draft', 'invitations_open', 'replies_closed', 'held', 'archived'] as const
export type EditionStatus = (typeof EDITION_STATUSES)[number]

/**
 * The steps an edition may take: forward one at a time, and back from "replies closed" to
 * reopen replies. Skipping a step (draft straight to held) is refused.
 */
const NEXT: Record<EditionStatus, EditionStatus[]> = {
  draft: ['invitations_open'],
  invitations_open: ['replies_closed'],
  replies_closed: ['invitations_open', 'held'],
  held: ['archived'],
  archived: [],
}

export function allowedSteps(status: EditionStatus): EditionStatus[] {
  return NEXT[status]
}

/** Why a status change is refused (a translation key), or null when it may happen. */
export function statusChangeProblem(edition: { status: EditionStatus; startsAt: Date }, to: EditionStatus, now: Date): string | null {
  if (!NEXT[edition.status].includes(to)) return 'editions.status.notAllowed'
  if (to === 'held' && now < edition.startsAt) return 'editions.status.notYetHeld'
  return null
}

/** What the form sets; the organisers are the other municipalities besides one's own. */
export interface EditionInput {
  name: string
  startsAt: Date
  venueName: string | null
  venueAddress: string | null
  venueRoom: string | null
  capacity: number
  accessibility: string | null
  periodFrom: string
  periodTo: string
  replyBy: string | null
  guestsPerInvitee: number
  languages: InviteeLanguage[]
  retentionDays: number
  coOrganiserIds: string[]
}

export interface Edition extends Omit<EditionInput, 'coOrganiserIds'> {
  id: string
  municipalityId: string
  status: EditionStatus
  /** When its personal data was purged; nobody can be added after that */
  purgedAt: Date | null
  hasCalendarFeed: boolean
  copiedFromId: string | null
  /** Every organising municipality (the creating one included), by name. */
  organisers: { id: string; name: string; nisCode: string }[]
  createdAt: Date
  updatedAt: Date
}

export const EDITION_LIMITS = { name: 120, venue: 200, text: 1000, capacity: 100_000, guests: 10, retentionDays: 3650 } as const

export interface EditionFormContext {
  now: Date
  /** Municipalities that may co-organise: every other municipality. */
  municipalityIds: string[]
  /** The edition as it is, when editing: a date in the past may stay as it was. */
  current?: Pick<Edition, 'startsAt' | 'replyBy'>
}

/**
 * Reads the edition form. A date already past is refused (unless it is the one already stored),
 * as are a certificate period that ends before it starts, a reply deadline after the ceremony,
 * and a capacity below one.
 */
export function parseEdition(body: unknown, context: EditionFormContext): Parsed<EditionInput> {
  const form = new FormParser(body)
  const name = form.required('name', 'editions.form.nameRequired', { max: EDITION_LIMITS.name })
  const date = text(body, 'date')
  const time = text(body, 'time')
  form.check(isDate(date), 'date', 'editions.form.dateInvalid')
  form.check(isTime(time), 'time', 'editions.form.timeInvalid')
  const startsAt = isDate(date) && isTime(time) ? fromBrussels(date, time) : new Date(Number.NaN)
  const unchanged = context.current !== undefined && context.current.startsAt.getTime() === startsAt.getTime()
  if (isDate(date) && isTime(time) && !unchanged) form.check(startsAt > context.now, 'date', 'editions.form.dateInPast')
  // The venue may not be booked yet; a room without a venue means nothing.
  const venueName = form.optional('venueName', { max: EDITION_LIMITS.venue })
  const venueAddress = form.optional('venueAddress', { max: EDITION_LIMITS.venue })
  const venueRoom = form.optional('venueRoom', { max: EDITION_LIMITS.venue })
  const capacity = form.integer('capacity', { min: 1, max: EDITION_LIMITS.capacity }, 'editions.form.capacityInvalid')
  const accessibility = form.optional('accessibility', { max: EDITION_LIMITS.text })
  const periodFrom = text(body, 'periodFrom')
  const periodTo = text(body, 'periodTo')
  form.check(isDate(periodFrom), 'periodFrom', 'editions.form.periodFromInvalid')
  form.check(isDate(periodTo), 'periodTo', 'editions.form.periodToInvalid')
  if (isDate(periodFrom) && isDate(periodTo)) form.check(periodFrom <= periodTo, 'periodTo', 'editions.form.periodEndsBeforeStart')
  const replyBy = text(body, 'replyBy') || null
  if (replyBy !== null) {
    form.check(isDate(replyBy), 'replyBy', 'editions.form.replyByInvalid')
    if (isDate(replyBy) && isDate(date)) form.check(replyBy < date, 'replyBy', 'editions.form.replyByAfterCeremony')
    if (isDate(replyBy) && replyBy !== context.current?.replyBy) form.check(replyBy >= brusselsDate(context.now), 'replyBy', 'editions.form.replyByInPast')
  }
  const guestsPerInvitee = form.integer('guestsPerInvitee', { min: 0, max: EDITION_LIMITS.guests }, 'editions.form.guestsInvalid')
  const retentionDays = form.integer('retentionDays', { min: 1, max: EDITION_LIMITS.retentionDays }, 'editions.form.retentionInvalid')
  const chosen = new Set(values(body, 'languages'))
  // Dutch is always offered: the municipality writes in Dutch and adds a labelled translation.
  const languages = INVITEE_LANGUAGES.filter((l) => l === 'nl' || chosen.has(l))
  const coOrganiserIds = [...new Set(values(body, 'coOrganisers'))].filter((id) => context.municipalityIds.includes(id))
  return form.result({ name, startsAt, venueName, venueAddress, venueRoom, capacity, accessibility, periodFrom, periodTo, replyBy, guestsPerInvitee, languages, retentionDays, coOrganiserIds })
}

function values(body: unknown, name: string): string[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim())
}

/** Form values for an edition, as the edit form shows them. */
export function editionFormValues(edition: Edition): Record<string, string> {
  return {
    name: edition.name,
    date: brusselsDate(edition.startsAt),
    time: brusselsTime(edition.startsAt),
    venueName: edition.venueName ?? '',
    venueAddress: edition.venueAddress ?? '',
    venueRoom: edition.venueRoom ?? '',
    capacity: String(edition.capacity),
    accessibility: edition.accessibility ?? '',
    periodFrom: edition.periodFrom,
    periodTo: edition.periodTo,
    replyBy: edition.replyBy ?? '',
    guestsPerInvitee: String(edition.guestsPerInvitee),
    retentionDays: String(edition.retentionDays),
  }
}

/** Days from today until the ceremony (0 on the day, negative afterwards), in Brussels dates. */
export function daysUntil(edition: Pick<Edition, 'startsAt'>, now: Date): number {
  return daysBetween(brusselsDate(now), brusselsDate(edition.startsAt))
}

/** The certificate period of next year's edition: the day after this one's ends, a year long. */
export function nextPeriod(edition: Pick<Edition, 'periodFrom' | 'periodTo'>): { from: string; to: string } {
  const from = addDays(edition.periodTo, 1)
  const length = daysBetween(edition.periodFrom, edition.periodTo)
  return { from, to: addDays(from, length) }
}
