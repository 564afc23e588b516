// From the loaded edition and person to the finished e-mail and text message: the facts, the
// translation (only when the edition offers the person's language and its catalog has the text),
// the calendar file. Pure apart from reading the translation catalogs.
import { createTranslator, loadCatalog, type Translator } from '../../platform/i18n/i18n.ts'
import type { MailAttachment } from '../../platform/mail/mail-queries.ts'
import { formatShortCode } from '../reply-codes.ts'
import { translationLanguage } from '../translation.ts'
import { ceremonyMinutes, invitationIcs } from './invitation-ics.ts'
import type { MessageKind } from './invitee-messages.ts'
import { renderMail, type RenderedMail } from './mail-render.tsx'
import { composeMessage, type MessageFacts, type ReminderAudience } from './message-blocks.ts'
import type { MessageEdition, MessageRecipient } from './recipients-queries.ts'
import { composeSms } from './sms-content.ts'

/** A reminder's occasion names its rule: "14-not_replied", "1-coming". */
export function parseReminderOccasion(occasion: string): { audience: ReminderAudience; daysBefore: number } {
  const match = /^(\d{1,2})-(not_replied|coming)$/.exec(occasion)
  return match ? { daysBefore: Number(match[1]), audience: match[2] as ReminderAudience } : { daysBefore: 0, audience: 'not_replied' }
}

/**
 * The translator of the person's language, or null for Dutch only. A language whose catalog does
 * not have these messages yet gets no translation: Dutch text under a "translation" label would
 * mislead.
 */
export function translationFor(inviteeLanguage: string | null, editionLanguages: readonly string[]): Translator | null {
  const language = translationLanguage(inviteeLanguage, editionLanguages)
  if (!language) return null
  try {
    if (loadCatalog(language)['invitation-mail.translationLabel'] === undefined) return null
  } catch {
    return null
  }
  return createTranslator(language)
}

export interface ComposeInput {
  kind: MessageKind
  occasion: string
  edition: MessageEdition
  person: MessageRecipient
  keys: { url: string; code: string }
  codeUrl: string
  /** For the calendar file's stable id. */
  uidDomain: string
  now: Date
}

export function messageFacts(input: ComposeInput): MessageFacts {
  const { edition, person } = input
  return {
    kind: input.kind,
    reminder: input.kind === 'reminder' ? parseReminderOccasion(input.occasion) : null,
    firstName: person.firstName,
    editionName: edition.name,
    municipalityName: edition.municipalityName,
    municipalityPhone: edition.municipalityPhone,
    startsAt: edition.startsAt,
    place: edition.place,
    replyBy: edition.replyBy,
    guestsPerInvitee: edition.guestsPerInvitee,
    replyUrl: input.keys.url,
    codeUrl: input.codeUrl,
    code: formatShortCode(input.keys.code),
    reply: person.reply,
  }
}

/**
 * Whether the e-mail carries the calendar file: an invitation, a place from the waiting list, and
 * a confirmation unless the answer is "no" (nothing to put in a calendar then).
 */
export function carriesCalendar(kind: MessageKind, facts: MessageFacts): boolean {
  if (kind === 'invitation' || kind === 'promoted') return true
  return kind === 'confirmation' && facts.reply !== null && facts.reply.attending !== 'no'
}

export function composeMail(input: ComposeInput): RenderedMail & { attachments: MailAttachment[] } {
  const facts = messageFacts(input)
  const nl = createTranslator('nl')
  const translation = translationFor(input.person.language, input.edition.languages)
  const mail = renderMail({ translator: nl, composed: composeMessage(facts, nl) }, translation ? { translator: translation, composed: composeMessage(facts, translation) } : null)
  const attachments: MailAttachment[] = []
  if (carriesCalendar(input.kind, facts)) {
    const description = [nl.t('invitation-mail.ics.description', { url: facts.replyUrl }), translation?.t('invitation-mail.ics.description', { url: facts.replyUrl })].filter(Boolean).join('\n')
    const ics = invitationIcs({
      uid: `invitation-${input.person.invitation?.id ?? input.person.id}@${input.uidDomain}`,
      title: input.edition.name,
      startsAt: input.edition.startsAt,
      durationMinutes: ceremonyMinutes(input.edition.programmeMinutes),
      location: input.edition.place,
      description,
      url: facts.replyUrl,
      now: input.now,
    })
    attachments.push({ filename: nl.t('invitation-mail.ics.filename'), contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: Buffer.from(ics, 'utf8').toString('base64') })
  }
  return { ...mail, attachments }
}

export function composeSmsText(input: ComposeInput): string {
  return composeSms(messageFacts(input), createTranslator('nl'), translationFor(input.person.language, input.edition.languages))
}
