// Reminder rules of an edition: "14 days before, to those who have not replied", "the day before,
// to those coming". When a rule is due and whom it reaches. Pure.
//
// Who counts as "not replied": everyone invitable with an invitation and no answer, AND those who
// answered "not sure yet". A "maybe" is not a decision: those people are the most likely to come
// after a nudge, and their reminder asks them to decide (its wording differs). Those who said yes
// or no are left alone. "Coming" means a yes with a confirmed place; people on the waiting list
// are not told "see you tomorrow".
import { addDays, brusselsDate, fromBrussels } from '../../platform/calendar.ts'
import { FormParser, text, type Parsed } from '../../platform/http/forms.ts'
import type { Attending, Place } from '../reply.ts'

export const REMINDER_AUDIENCES = ['not_replied', 'coming'] as const
export type ReminderAudience = (typeof REMINDER_AUDIENCES)[number]

export interface ReminderRule {
  daysBefore: number
  audience: ReminderAudience
}

export const DAYS_BEFORE = { min: 1, max: 60 } as const
/** Enough for any sensible plan; a longer list would be a mistake or a flood. */
export const MAX_RULES = 8
/** Reminders go out at this Brussels time: during the day, when people read their messages. */
export const REMINDER_TIME = '10:00'

export function isReminderRule(value: unknown): value is ReminderRule {
  const rule = value as ReminderRule | null
  return (
    typeof rule === 'object' &&
    rule !== null &&
    Number.isInteger(rule.daysBefore) &&
    rule.daysBefore >= DAYS_BEFORE.min &&
    rule.daysBefore <= DAYS_BEFORE.max &&
    (REMINDER_AUDIENCES as readonly string[]).includes(rule.audience)
  )
}

export function sameRule(a: ReminderRule, b: ReminderRule): boolean {
  return a.daysBefore === b.daysBefore && a.audience === b.audience
}

/** The stored rules as the app uses them: valid ones only, without duplicates, earliest first. */
export function normaliseRules(stored: unknown): ReminderRule[] {
  const rules: ReminderRule[] = []
  for (const value of Array.isArray(stored) ? stored : []) {
    if (isReminderRule(value) && !rules.some((r) => sameRule(r, value))) rules.push({ daysBefore: value.daysBefore, audience: value.audience })
  }
  return rules.sort((a, b) => b.daysBefore - a.daysBefore || a.audience.localeCompare(b.audience))
}

/** The occasion of a rule's messages: part of their unique key, so each rule reaches a person once. */
export function ruleOccasion(rule: ReminderRule): string {
  return `${rule.daysBefore}-${rule.audience}`
}

/** Reads the "add a rule" form against the rules the edition has. */
export function parseNewRule(body: unknown, existing: ReminderRule[]): Parsed<ReminderRule> {
  const form = new FormParser(body)
  const daysBefore = form.integer('daysBefore', DAYS_BEFORE, 'invitations.reminders.error.days')
  const audience = form.oneOf('audience', REMINDER_AUDIENCES, 'invitations.reminders.error.audience')
  const rule = { daysBefore, audience }
  if (form.errors.length === 0) {
    form.check(!existing.some((r) => sameRule(r, rule)), 'daysBefore', 'invitations.reminders.error.duplicate')
    form.check(existing.length < MAX_RULES, 'daysBefore', 'invitations.reminders.error.tooMany')
  }
  return form.result(rule)
}

/** Reads which rule a "remove" button names ("14-not_replied"). */
export function parseRuleToRemove(body: unknown): ReminderRule | null {
  const match = /^(\d{1,2})-(not_replied|coming)$/.exec(text(body, 'rule'))
  const rule = match ? { daysBefore: Number(match[1]), audience: match[2] as ReminderAudience } : null
  return rule && isReminderRule(rule) ? rule : null
}

/**
 * 10:00 in Brussels on the day `daysBefore` days before the ceremony's date. Calendar days, not
 * multiples of 24 hours, so a clock change in between moves nothing.
 */
export function reminderDueAt(startsAt: Date, daysBefore: number): Date {
  return fromBrussels(addDays(brusselsDate(startsAt), -daysBefore), REMINDER_TIME)
}

export interface ReminderEdition {
  startsAt: Date
  /** YYYY-MM-DD, inclusive, or null */
  replyBy: string | null
  status: string
  purgedAt: Date | null
}

/**
 * Whether the rule sends now: from its moment until the ceremony begins. "Not replied" reminders
 * ask for an answer, so they stop once replies are closed or the reply-by day is over; "coming"
 * reminders still go out after replies are closed.
 */
export function isDue(rule: ReminderRule, edition: ReminderEdition, now: Date): boolean {
  if (edition.purgedAt || now < reminderDueAt(edition.startsAt, rule.daysBefore) || now >= edition.startsAt) return false
  if (rule.audience === 'coming') return edition.status === 'invitations_open' || edition.status === 'replies_closed'
  return edition.status === 'invitations_open' && (edition.replyBy === null || brusselsDate(now) <= edition.replyBy)
}

/**
 * The rules that send now, one per audience: when two of an audience are due together (a rule
 * added late, a worker that was down), only the later one speaks, so nobody gets two reminders in
 * the same hour. The earlier one stays unsent for good for those people: it is superseded.
 */
export function dueRules(rules: ReminderRule[], edition: ReminderEdition, now: Date): ReminderRule[] {
  const due: ReminderRule[] = []
  for (const audience of REMINDER_AUDIENCES) {
    const latest = rules.filter((r) => r.audience === audience && isDue(r, edition, now)).sort((a, b) => a.daysBefore - b.daysBefore)[0]
    if (latest) due.push(latest)
  }
  return due
}

export interface AudienceMember {
  invitable: boolean
  hasInvitation: boolean
  reply: { attending: Attending; place: Place | null } | null
}

/** Whether a person belongs to a rule's audience. */
export function inAudience(audience: ReminderAudience, person: AudienceMember): boolean {
  if (!person.invitable || !person.hasInvitation) return false
  if (audience === 'coming') return person.reply?.attending === 'yes' && person.reply.place === 'confirmed'
  return person.reply === null || person.reply.attending === 'maybe'
}
