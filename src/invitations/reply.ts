// A newcomer's answer to an invitation: what it holds, how a posted form becomes one, and the
// rules around it (the deadline, guests within the edition's limit, a place or the waiting list).
// Pure: the routes and the staff form share these rules.
import { brusselsDate } from '../platform/calendar.ts'
import { FormParser, text, type Parsed } from '../platform/http/forms.ts'
import { INVITEE_LANGUAGES, type InviteeLanguage } from '../platform/i18n/languages.ts'

export const ATTENDING = ['yes', 'no', 'maybe'] as const
export type Attending = (typeof ATTENDING)[number]

/** How an answer reached Welkom: the newcomer on the web, or staff recording it. */
export const REPLY_CHANNELS = ['web', 'phone', 'letter', 'desk'] as const
export type ReplyChannel = (typeof REPLY_CHANNELS)[number]
export const STAFF_REPLY_CHANNELS = ['phone', 'letter', 'desk'] as const satisfies readonly ReplyChannel[]

export const CONTRIBUTION_KINDS = ['music', 'food', 'art', 'testimony'] as const
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number]

export interface Needs {
  wheelchair: boolean
  /** The language an interpreter should speak, or null when none is needed. */
  interpreter: InviteeLanguage | null
  signLanguage: boolean
  childcare: boolean
  halal: boolean
  vegetarian: boolean
  vegan: boolean
  allergies: string | null
  noHandshake: boolean
}

export const NO_NEEDS: Needs = { wheelchair: false, interpreter: null, signLanguage: false, childcare: false, halal: false, vegetarian: false, vegan: false, allergies: null, noHandshake: false }

export interface ReplyInput {
  attending: Attending
  /** Only for "no": invite me next time (feeds the carry-over of the next edition). */
  nextTime: boolean
  adults: number
  children: number
  needs: Needs
  /** How to say my name, in sound-alike words ("Ah-med, like 'ah' and 'med'"), not IPA. */
  phoneticName: string | null
  consents: { photo: boolean; groupPhoto: boolean; publication: boolean; childrenPhoto: boolean }
  /** Stand ids of this edition's info market the person wants to hear from. */
  interests: string[]
  contributionKinds: ContributionKind[]
  contributionText: string | null
}

export const REPLY_LIMITS = { phoneticName: 200, allergies: 300, contribution: 1000 } as const

export interface ReplyFormContext {
  /** The edition's limit of guests per invitee: adults and children together. */
  guestsPerInvitee: number
  /** The stands of the edition's info market that may be chosen. */
  standIds: string[]
}

/**
 * Reads the reply form. Messages are keys of the newcomer catalog (reply.json), so they are shown
 * in the reader's language. A "no" or "not sure yet" keeps no guests, needs or consents of a
 * "yes": they would mean nothing.
 */
export function parseReply(body: unknown, context: ReplyFormContext): Parsed<ReplyInput> {
  const form = new FormParser(body, { tooLong: 'reply.error.tooLong' })
  const attending = form.oneOf('attending', ATTENDING, 'reply.error.attendingRequired')
  const coming = attending === 'yes'
  const adults = coming ? count(form, body, 'adults') : 0
  const children = coming ? count(form, body, 'children') : 0
  if (coming && adults + children > context.guestsPerInvitee) {
    form.check(false, 'adults', context.guestsPerInvitee === 0 ? 'reply.error.noGuests' : 'reply.error.tooManyGuests')
  }
  const interpreterRaw = text(body, 'interpreter')
  const interpreter = (INVITEE_LANGUAGES as readonly string[]).includes(interpreterRaw) ? (interpreterRaw as InviteeLanguage) : null
  form.check(interpreterRaw === '' || interpreter !== null, 'interpreter', 'reply.error.interpreterLanguage')
  const allergies = form.optional('allergies', { max: REPLY_LIMITS.allergies })
  const phoneticName = form.optional('phoneticName', { max: REPLY_LIMITS.phoneticName })
  const contributionText = form.optional('contributionText', { max: REPLY_LIMITS.contribution })
  const needs: Needs = coming
    ? {
        wheelchair: ticked(body, 'wheelchair'),
        interpreter,
        signLanguage: ticked(body, 'signLanguage'),
        childcare: ticked(body, 'childcare'),
        halal: ticked(body, 'halal'),
        vegetarian: ticked(body, 'vegetarian'),
        vegan: ticked(body, 'vegan'),
        allergies,
        noHandshake: ticked(body, 'noHandshake'),
      }
    : NO_NEEDS
  const interests = [...new Set(list(body, 'interests'))].filter((id) => context.standIds.includes(id))
  const contributionKinds = CONTRIBUTION_KINDS.filter((k) => list(body, 'contribution').includes(k))
  return form.result({
    attending,
    nextTime: attending === 'no' && ticked(body, 'nextTime'),
    adults,
    children,
    needs,
    phoneticName,
    consents: coming
      ? { photo: ticked(body, 'photo'), groupPhoto: ticked(body, 'groupPhoto'), publication: ticked(body, 'publication'), childrenPhoto: children > 0 && ticked(body, 'childrenPhoto') }
      : { photo: false, groupPhoto: false, publication: false, childrenPhoto: false },
    interests,
    contributionKinds: coming ? contributionKinds : [],
    contributionText: coming && contributionKinds.length > 0 ? contributionText : null,
  })
}

function count(form: FormParser, body: unknown, name: string): number {
  const raw = text(body, name)
  if (raw === '') return 0
  return form.integer(name, { min: 0, max: 99 }, 'reply.error.guestsNumber')
}

function ticked(body: unknown, name: string): boolean {
  const value = text(body, name)
  return value === 'on' || value === 'yes' || value === '1' || value === 'true'
}

function list(body: unknown, name: string): string[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return values.filter((v): v is string => typeof v === 'string')
}

/** Whether the newcomer may still answer or change the answer: until the end of the reply-by day, in Brussels, and never after the ceremony has begun. */
export function isReplyOpen(edition: { replyBy: string | null; startsAt: Date; status: string; purgedAt: Date | null }, now: Date): boolean {
  if (edition.purgedAt || edition.status !== 'invitations_open') return false
  if (now >= edition.startsAt) return false
  return edition.replyBy === null || brusselsDate(now) <= edition.replyBy
}

/** The people an answer brings: the person and their guests. */
export function seatsOf(reply: { attending: Attending; adults: number; children: number }): number {
  return reply.attending === 'yes' ? 1 + reply.adults + reply.children : 0
}

export type Place = 'confirmed' | 'waiting'

/**
 * A "yes" gets a place when the confirmed seats plus this answer's seats fit the capacity, or
 * when the person already had a place and needs no more seats than before; otherwise it joins the
 * waiting list. Nobody overtakes the waiting list: while people wait, a new "yes" waits too.
 */
export function placeFor(input: { seats: number; previous: { place: Place | null; seats: number } | null; confirmedSeats: number; capacity: number; waiting: number }): Place {
  const { seats, previous, confirmedSeats, capacity, waiting } = input
  if (previous?.place === 'confirmed') {
    const others = confirmedSeats - previous.seats
    return others + seats <= capacity || seats <= previous.seats ? 'confirmed' : 'waiting'
  }
  // Someone already waiting keeps their turn; promotion happens in order when seats come free.
  if (previous?.place === 'waiting' || waiting > 0) return 'waiting'
  return confirmedSeats + seats <= capacity ? 'confirmed' : 'waiting'
}

/**
 * Whom to promote from the waiting list, in order, once seats are free: each in turn while their
 * seats fit. A larger household that does not fit yet keeps its place at the head of the list,
 * so smaller answers behind it do not overtake it.
 */
export function promotions(waiting: { inviteeId: string; seats: number }[], confirmedSeats: number, capacity: number): string[] {
  const promoted: string[] = []
  let free = capacity - confirmedSeats
  for (const w of waiting) {
    if (w.seats > free) break
    promoted.push(w.inviteeId)
    free -= w.seats
  }
  return promoted
}
