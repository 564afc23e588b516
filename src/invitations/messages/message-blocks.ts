// What a message to a newcomer says, as blocks of text in one language: the same blocks become the
// text part, the HTML part and (shorter) the text message. Dutch first, then the same blocks in the
// person's language. Plain Dutch: the date, time and place first, one idea per sentence, and what
// to do made obvious. Pure.
import { dateLocale, type Translator } from '../../platform/i18n/i18n.ts'
import { INVITEE_LANGUAGE_NAMES } from '../../platform/i18n/languages.ts'
import type { Attending, Needs, Place } from '../reply.ts'
import type { MessageKind } from './invitee-messages.ts'

export type ReminderAudience = 'not_replied' | 'coming'

/** Everything a message says, loaded once per person. */
export interface MessageFacts {
  kind: MessageKind
  /** For a reminder: to whom the rule speaks and how many days before the ceremony. */
  reminder: { audience: ReminderAudience; daysBefore: number } | null
  firstName: string
  editionName: string
  municipalityName: string
  municipalityPhone: string | null
  startsAt: Date
  /** Venue, room and address, or null while the venue is not known. */
  place: string | null
  /** YYYY-MM-DD, or null without a deadline. */
  replyBy: string | null
  guestsPerInvitee: number
  replyUrl: string
  /** Where a code is typed (BASE_URL/r). */
  codeUrl: string
  /** As printed: ABCD-EFGH. */
  code: string
  /** The person's current answer, if any. */
  reply: ReplySummary | null
}

export interface ReplySummary {
  attending: Attending
  place: Place | null
  adults: number
  children: number
  needs: Needs
}

export type Block =
  | { type: 'p'; text: string }
  | { type: 'facts'; rows: { label: string; value: string }[] }
  /** A sentence that leads to a link, the link shown in full (people copy it from a text part). */
  | { type: 'action'; text: string; url: string }

export interface Composed {
  subject: string
  blocks: Block[]
}

// Always the Gregorian calendar, in the language's own words (dateLocale).
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(dateLocale(locale), { timeZone: 'Europe/Brussels', ...options })
}

export function formatDay(locale: string, moment: Date | string): string {
  return dateFormat(locale, { dateStyle: 'full' }).format(typeof moment === 'string' ? new Date(`${moment}T12:00:00Z`) : moment)
}

export function formatShortDay(locale: string, moment: Date): string {
  return dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(moment)
}

export function formatTime(locale: string, moment: Date): string {
  return dateFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(moment)
}

/**
 * A left-to-right value (a name, a phone number, an address) inside right-to-left text, isolated
 * (Unicode FSI … PDI) so the bidirectional algorithm keeps it whole and in place: without it,
 * "014 33 08 00." breaks apart at the end of an Arabic sentence.
 */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`
}

function isolated(facts: MessageFacts): MessageFacts {
  return {
    ...facts,
    firstName: isolate(facts.firstName),
    editionName: isolate(facts.editionName),
    municipalityName: isolate(facts.municipalityName),
    municipalityPhone: facts.municipalityPhone && isolate(facts.municipalityPhone),
    place: facts.place && isolate(facts.place),
    codeUrl: isolate(facts.codeUrl),
    code: isolate(facts.code),
  }
}

/** The blocks of one message in the translator's language. */
export function composeMessage(given: MessageFacts, tr: Translator): Composed {
  const { t } = tr
  const facts = tr.dir === 'rtl' ? isolated(given) : given
  const edition = facts.editionName
  const blocks: Block[] = [{ type: 'p', text: t('invitation-mail.greeting', { firstName: facts.firstName }) }]
  const when = whenAndWhere(facts, tr)
  const reply = replyActions(facts, tr)
  let subject: string
  switch (facts.kind) {
    case 'invitation':
      subject = t('invitation-mail.invitation.subject', { edition })
      blocks.push({ type: 'p', text: t('invitation-mail.invitation.intro', { edition, municipality: facts.municipalityName }) }, when)
      blocks.push({ type: 'p', text: t('invitation-mail.invitation.free', { guests: facts.guestsPerInvitee }) }, askReply(facts, tr), ...reply)
      break
    case 'reminder':
      if (facts.reminder?.audience === 'coming') {
        const days = facts.reminder.daysBefore
        subject = t('invitation-mail.reminder.coming.subject', { edition, days })
        blocks.push({ type: 'p', text: t('invitation-mail.reminder.coming.intro', { edition, days }) }, when)
        blocks.push({ type: 'action', text: t('invitation-mail.cantCome'), url: facts.replyUrl })
      } else {
        subject = t('invitation-mail.reminder.notReplied.subject', { edition })
        // Someone who said "not sure yet" did answer: the reminder asks them to decide instead.
        const intro = facts.reply?.attending === 'maybe' ? 'invitation-mail.reminder.undecided.intro' : 'invitation-mail.reminder.notReplied.intro'
        blocks.push({ type: 'p', text: t(intro, { edition }) }, when, askReply(facts, tr), ...reply)
      }
      break
    case 'confirmation':
      subject = t('invitation-mail.confirmation.subject', { edition })
      blocks.push(...confirmation(facts, tr))
      break
    case 'promoted':
      subject = t('invitation-mail.promoted.subject', { edition })
      blocks.push({ type: 'p', text: t('invitation-mail.promoted.intro', { edition }) }, when)
      blocks.push({ type: 'action', text: t('invitation-mail.cantCome'), url: facts.replyUrl })
      break
  }
  // Non-breaking spaces: a phone number split over two lines is hard to dial.
  if (facts.municipalityPhone) blocks.push({ type: 'p', text: t('invitation-mail.phone', { phone: facts.municipalityPhone.replace(/ /g, '\u00a0') }) })
  blocks.push({ type: 'p', text: t('invitation-mail.signOff', { municipality: facts.municipalityName }) })
  return { subject, blocks }
}

function whenAndWhere(facts: MessageFacts, tr: Translator): Block {
  const { t, locale } = tr
  return {
    type: 'facts',
    rows: [
      { label: t('invitation-mail.fact.when'), value: t('invitation-mail.fact.dateTime', { date: formatDay(locale, facts.startsAt), time: formatTime(locale, facts.startsAt) }) },
      { label: t('invitation-mail.fact.where'), value: facts.place ?? t('invitation-mail.fact.placeLater') },
    ],
  }
}

function askReply(facts: MessageFacts, tr: Translator): Block {
  const text = facts.replyBy ? tr.t('invitation-mail.askReplyBy', { date: formatDay(tr.locale, facts.replyBy) }) : tr.t('invitation-mail.askReply')
  return { type: 'p', text }
}

/** The link, and the code for whoever prefers to type it or read it out on the phone. */
function replyActions(facts: MessageFacts, tr: Translator): Block[] {
  return [
    { type: 'action', text: tr.t('invitation-mail.replyLink'), url: facts.replyUrl },
    { type: 'p', text: tr.t('invitation-mail.replyCode', { codeUrl: facts.codeUrl, code: facts.code }) },
  ]
}

function confirmation(facts: MessageFacts, tr: Translator): Block[] {
  const { t } = tr
  const reply = facts.reply
  const blocks: Block[] = []
  if (!reply) return [{ type: 'action', text: t('invitation-mail.confirmation.change'), url: facts.replyUrl }]
  if (reply.attending === 'yes' && reply.place === 'waiting') blocks.push({ type: 'p', text: t('invitation-mail.confirmation.waiting') })
  else if (reply.attending === 'yes') blocks.push({ type: 'p', text: t('invitation-mail.confirmation.yes') })
  else if (reply.attending === 'no') blocks.push({ type: 'p', text: t('invitation-mail.confirmation.no') })
  else blocks.push({ type: 'p', text: t('invitation-mail.confirmation.maybe') })
  if (reply.attending === 'yes' && reply.adults + reply.children > 0) blocks.push({ type: 'p', text: t('invitation-mail.confirmation.guests', { adults: reply.adults, children: reply.children }) })
  const needs = needsList(reply.needs, tr)
  if (reply.attending === 'yes' && needs.length > 0) blocks.push({ type: 'p', text: t('invitation-mail.confirmation.needs', { needs: needs.join(', ') }) })
  if (reply.attending !== 'no') blocks.push(whenAndWhere(facts, tr))
  const change = facts.replyBy ? t('invitation-mail.confirmation.changeBy', { date: formatDay(tr.locale, facts.replyBy) }) : t('invitation-mail.confirmation.change')
  blocks.push({ type: 'action', text: change, url: facts.replyUrl })
  return blocks
}

/** The needs in plain words, in the order of the reply form. */
export function needsList(needs: Needs, tr: Translator): string[] {
  const { t } = tr
  const out: string[] = []
  if (needs.wheelchair) out.push(t('invitation-mail.need.wheelchair'))
  if (needs.interpreter) out.push(t('invitation-mail.need.interpreter', { language: INVITEE_LANGUAGE_NAMES[needs.interpreter] }))
  if (needs.signLanguage) out.push(t('invitation-mail.need.signLanguage'))
  if (needs.childcare) out.push(t('invitation-mail.need.childcare'))
  if (needs.halal) out.push(t('invitation-mail.need.halal'))
  if (needs.vegetarian) out.push(t('invitation-mail.need.vegetarian'))
  if (needs.vegan) out.push(t('invitation-mail.need.vegan'))
  if (needs.allergies) out.push(t('invitation-mail.need.allergies', { allergies: needs.allergies }))
  if (needs.noHandshake) out.push(t('invitation-mail.need.noHandshake'))
  return out
}
