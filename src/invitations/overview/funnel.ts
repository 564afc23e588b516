// The reply funnel of an edition: invited → reached → replied → coming (+ guests) → waiting, and
// who we did not reach and why. Pure: the database hands over grouped counts (one row per
// combination of language, answer and channel facts), and the same rules decide for one person
// on the person page, so the overview and the person page never disagree.
import type { Attending, Place, ReplyChannel } from '../reply.ts'
import { REPLY_CHANNELS } from '../reply.ts'

/** What is known about how one person was approached, as yes/no facts. */
export interface ReachFacts {
  /** An e-mail that has not failed (queued or sent). */
  emailDelivered: boolean
  emailFailed: boolean
  smsSent: boolean
  smsFailed: boolean
  letterPrinted: boolean
  letterReturned: boolean
  /** Any answer (by web, phone, letter or at the desk). */
  replied: boolean
}

/**
 * Reached: an e-mail that did not fail, a text message sent, or a letter printed and not returned.
 * An answer proves the person was reached too (a partner helped them, they phoned after a
 * returned letter), which keeps every later stage of the funnel within this one.
 */
export function isReached(f: ReachFacts): boolean {
  return f.replied || f.emailDelivered || f.smsSent || (f.letterPrinted && !f.letterReturned)
}

/** Why someone was not reached, in the order staff should act on it; null when reached. */
export type NotReachedReason = 'letter_returned' | 'email_failed' | 'sms_failed' | 'not_yet'

export function notReachedReason(f: ReachFacts): NotReachedReason | null {
  if (isReached(f)) return null
  if (f.letterReturned) return 'letter_returned'
  if (f.emailFailed) return 'email_failed'
  if (f.smsFailed) return 'sms_failed'
  return 'not_yet'
}

/** Something sent did not arrive and nothing else did: staff must try another way. */
export function needsAnotherChannel(f: ReachFacts): boolean {
  const reason = notReachedReason(f)
  return reason !== null && reason !== 'not_yet'
}

/** People who share every fact the funnel looks at, counted together (one row of a GROUP BY). */
export interface PeopleGroup extends ReachFacts {
  language: string | null
  attending: Attending | null
  place: Place | null
  replyChannel: ReplyChannel | null
  people: number
  /** Adult guests of these people together */
  adults: number
  /** Child guests of these people together */
  children: number
}

export interface Party {
  /** The invitees themselves */
  people: number
  adults: number
  children: number
  /** People and their guests */
  seats: number
}

export interface Funnel {
  invited: number
  reached: number
  replied: number
  coming: Party
  waiting: Party
  notComing: number
  notSure: number
  notReached: Record<NotReachedReason, number> & { total: number }
}

const NO_PARTY: Party = { people: 0, adults: 0, children: 0, seats: 0 }

function addParty(party: Party, g: PeopleGroup): Party {
  return { people: party.people + g.people, adults: party.adults + g.adults, children: party.children + g.children, seats: party.seats + g.people + g.adults + g.children }
}

export function funnelOf(groups: readonly PeopleGroup[]): Funnel {
  const funnel: Funnel = { invited: 0, reached: 0, replied: 0, coming: NO_PARTY, waiting: NO_PARTY, notComing: 0, notSure: 0, notReached: { total: 0, letter_returned: 0, email_failed: 0, sms_failed: 0, not_yet: 0 } }
  for (const g of groups) {
    funnel.invited += g.people
    const reason = notReachedReason(g)
    if (reason === null) funnel.reached += g.people
    else {
      funnel.notReached.total += g.people
      funnel.notReached[reason] += g.people
    }
    if (g.replied) funnel.replied += g.people
    if (g.attending === 'yes' && g.place === 'confirmed') funnel.coming = addParty(funnel.coming, g)
    if (g.attending === 'yes' && g.place === 'waiting') funnel.waiting = addParty(funnel.waiting, g)
    if (g.attending === 'no') funnel.notComing += g.people
    if (g.attending === 'maybe') funnel.notSure += g.people
  }
  return funnel
}

/** A part of a whole, 0 to 1; null when the whole is zero (nothing to divide). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null
}

/** The funnel per contact language, the largest group first and "unknown" last. */
export function funnelByLanguage(groups: readonly PeopleGroup[]): { language: string | null; funnel: Funnel }[] {
  const byLanguage = new Map<string | null, PeopleGroup[]>()
  for (const g of groups) byLanguage.set(g.language, [...(byLanguage.get(g.language) ?? []), g])
  return [...byLanguage]
    .map(([language, list]) => ({ language, funnel: funnelOf(list) }))
    .sort((a, b) => Number(a.language === null) - Number(b.language === null) || b.funnel.invited - a.funnel.invited || (a.language ?? '').localeCompare(b.language ?? ''))
}

export const REACH_CHANNELS = ['email', 'sms', 'letter'] as const
export type ReachChannel = (typeof REACH_CHANNELS)[number]

export interface ReachRow {
  channel: ReachChannel
  /** People this channel reached (one person can be reached by several) */
  reached: number
  /** Of those, how many answered, and how many have a place */
  replied: number
  coming: number
  /** E-mails that failed, text messages that failed, letters that came back */
  failed: number
}

const reachedBy: Record<ReachChannel, (g: ReachFacts) => boolean> = {
  email: (g) => g.emailDelivered,
  sms: (g) => g.smsSent,
  letter: (g) => g.letterPrinted && !g.letterReturned,
}
const failedBy: Record<ReachChannel, (g: ReachFacts) => boolean> = {
  email: (g) => g.emailFailed,
  sms: (g) => g.smsFailed,
  letter: (g) => g.letterReturned,
}

/** How people were reached, per channel. */
export function reachByChannel(groups: readonly PeopleGroup[]): ReachRow[] {
  return REACH_CHANNELS.map((channel) => {
    const row: ReachRow = { channel, reached: 0, replied: 0, coming: 0, failed: 0 }
    for (const g of groups) {
      if (failedBy[channel](g)) row.failed += g.people
      if (!reachedBy[channel](g)) continue
      row.reached += g.people
      if (g.replied) row.replied += g.people
      if (g.attending === 'yes' && g.place === 'confirmed') row.coming += g.people
    }
    return row
  })
}

export interface ReplyChannelRow {
  channel: ReplyChannel
  replies: number
  coming: number
  waiting: number
  notComing: number
  notSure: number
}

/** How answers came in: on the web, or recorded by staff after a call, a letter or a visit. */
export function repliesByChannel(groups: readonly PeopleGroup[]): ReplyChannelRow[] {
  return REPLY_CHANNELS.map((channel) => {
    const row: ReplyChannelRow = { channel, replies: 0, coming: 0, waiting: 0, notComing: 0, notSure: 0 }
    for (const g of groups) {
      if (g.replyChannel !== channel || !g.replied) continue
      row.replies += g.people
      if (g.attending === 'yes' && g.place === 'confirmed') row.coming += g.people
      if (g.attending === 'yes' && g.place === 'waiting') row.waiting += g.people
      if (g.attending === 'no') row.notComing += g.people
      if (g.attending === 'maybe') row.notSure += g.people
    }
    return row
  })
}
