// Stands at an edition's info market, and the partner link a partner fills their stand in by:
// the forms of staff and of the partner, and when a link may be used. Pure.
import { addDays, brusselsDate, fromBrussels, isDate } from '../../platform/calendar.ts'
import { FormParser, text, type Parsed } from '../../platform/http/forms.ts'

export const STAND_LIMITS = { offer: 200, place: 120, notes: 1000, tables: 20 } as const

/** A partner link is valid this many days unless the ceremony comes sooner. */
export const LINK_DAYS = 30

export interface StandInput {
  /** This edition's offer; null: the partner's usual one */
  offer: string | null
  tables: number
  needsPower: boolean
  place: string | null
  notes: string | null
}

export type StandFill = Omit<StandInput, 'place'> & { offer: string }

function power(form: FormParser): boolean {
  return form.oneOf('needsPower', ['yes', 'no'] as const, 'partners.stand.powerRequired') === 'yes'
}

/** The stand as staff set it: everything may stay empty but the tables and power. */
export function parseStand(body: unknown): Parsed<StandInput> {
  const form = new FormParser(body)
  const offer = form.optional('offer', { max: STAND_LIMITS.offer })
  const tables = form.integer('tables', { min: 0, max: STAND_LIMITS.tables }, 'partners.stand.tablesInvalid')
  const needsPower = power(form)
  const place = form.optional('place', { max: STAND_LIMITS.place })
  const notes = form.optional('notes', { max: STAND_LIMITS.notes })
  return form.result({ offer, tables, needsPower, place, notes })
}

/** The stand as the partner fills it in: the offer is what invitees will tick, so it is needed. */
export function parseStandFill(body: unknown): Parsed<StandFill> {
  const form = new FormParser(body)
  const offer = form.required('offer', 'partners.fill.offerRequired', { max: STAND_LIMITS.offer })
  const tables = form.integer('tables', { min: 0, max: STAND_LIMITS.tables }, 'partners.stand.tablesInvalid')
  const needsPower = power(form)
  const notes = form.optional('notes', { max: STAND_LIMITS.notes })
  return form.result({ offer, tables, needsPower, notes })
}

export function standFormValues(stand: { offer: string | null; tables: number; needsPower: boolean; place: string | null; notes: string | null }): Record<string, string> {
  return { offer: stand.offer ?? '', tables: String(stand.tables), needsPower: stand.needsPower ? 'yes' : 'no', place: stand.place ?? '', notes: stand.notes ?? '' }
}

// The partner link

export interface LinkRequest {
  /** The last day the link works (Brussels date) */
  until: string
  /** Send the link to the partner's contact address */
  sendEmail: boolean
}

/** The last day the link works by default: 30 days on, or the ceremony day if that comes first. */
export function defaultLinkUntil(now: Date, ceremonyStartsAt: Date): string {
  const ceremony = brusselsDate(ceremonyStartsAt)
  const month = addDays(brusselsDate(now), LINK_DAYS)
  return month < ceremony ? month : ceremony
}

/** The link form: a last day from today up to the ceremony day; after the ceremony, no new link. */
export function parseLinkRequest(body: unknown, context: { now: Date; ceremonyStartsAt: Date }): Parsed<LinkRequest> {
  const form = new FormParser(body)
  const today = brusselsDate(context.now)
  const ceremony = brusselsDate(context.ceremonyStartsAt)
  const until = text(body, 'until')
  const problem =
    ceremony < today ? 'partners.link.ceremonyPast' : !isDate(until) ? 'partners.link.untilInvalid' : until < today ? 'partners.link.untilInPast' : until > ceremony ? 'partners.link.untilAfterCeremony' : null
  if (problem) form.check(false, 'until', problem)
  return form.result({ until, sendEmail: text(body, 'sendEmail') === 'yes' })
}

/** The moment a link stops working: the end of its last day in Brussels. */
export function linkExpiresAt(until: string): Date {
  return fromBrussels(addDays(until, 1), '00:00')
}

/** The last day a link works, for display: the day before the midnight it expires at. */
export function linkLastDay(expiresAt: Date): string {
  return brusselsDate(new Date(expiresAt.getTime() - 1))
}

export type LinkState = { state: 'none' } | { state: 'valid'; expiresAt: Date } | { state: 'expired'; expiresAt: Date }

/**
 * Whether a stand's link works now. Past the ceremony day it never does, even if the ceremony
 * was moved earlier after the link was made.
 */
export function linkState(link: { expiresAt: Date | null }, ceremonyStartsAt: Date, now: Date): LinkState {
  if (!link.expiresAt) return { state: 'none' }
  const usable = link.expiresAt > now && brusselsDate(now) <= brusselsDate(ceremonyStartsAt)
  return { state: usable ? 'valid' : 'expired', expiresAt: link.expiresAt }
}
