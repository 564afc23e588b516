// The translation keys of the codes the overview and the person page show: written out, so every
// key can be found in the source and checked against the catalogs.
import type { InviteeLanguage } from '../../platform/i18n/languages.ts'
import type { ContributionKind, ReplyChannel } from '../reply.ts'
import type { NotReachedReason, ReachChannel } from './funnel.ts'

/** Contact languages as staff call them (in the staff language, not in their own script). */
export const LANGUAGE_LABELS: Record<InviteeLanguage, string> = {
  nl: 'replies.language.nl',
  ar: 'replies.language.ar',
  en: 'replies.language.en',
  fr: 'replies.language.fr',
  prs: 'replies.language.prs',
  fa: 'replies.language.fa',
  ps: 'replies.language.ps',
  ti: 'replies.language.ti',
  ru: 'replies.language.ru',
  uk: 'replies.language.uk',
  ro: 'replies.language.ro',
  pl: 'replies.language.pl',
  tr: 'replies.language.tr',
  so: 'replies.language.so',
  es: 'replies.language.es',
  pt: 'replies.language.pt',
}

export const REPLY_CHANNEL_LABELS: Record<ReplyChannel, string> = {
  web: 'replies.replyChannel.web',
  phone: 'replies.replyChannel.phone',
  letter: 'replies.replyChannel.letter',
  desk: 'replies.replyChannel.desk',
}

export const REACH_CHANNEL_LABELS: Record<ReachChannel, string> = {
  email: 'replies.reachChannel.email',
  sms: 'replies.reachChannel.sms',
  letter: 'replies.reachChannel.letter',
}

export const CONTRIBUTION_LABELS: Record<ContributionKind, string> = {
  music: 'replies.contribution.music',
  food: 'replies.contribution.food',
  art: 'replies.contribution.art',
  testimony: 'replies.contribution.testimony',
}

/** Why someone was not reached (how many, and for one person), and what to do about it. */
export const NOT_REACHED_LABELS: Record<NotReachedReason, { count: string; reason: string; advice: string }> = {
  letter_returned: { count: 'replies.notReached.letterReturnedCount', reason: 'replies.notReached.letterReturned', advice: 'replies.notReached.letterReturnedAdvice' },
  email_failed: { count: 'replies.notReached.emailFailedCount', reason: 'replies.notReached.emailFailed', advice: 'replies.notReached.emailFailedAdvice' },
  sms_failed: { count: 'replies.notReached.smsFailedCount', reason: 'replies.notReached.smsFailed', advice: 'replies.notReached.smsFailedAdvice' },
  not_yet: { count: 'replies.notReached.notYetCount', reason: 'replies.notReached.notYet', advice: 'replies.notReached.notYetAdvice' },
}

/** Message kinds and channels as stored by the messages part; an unknown one shows a general label. */
export const MESSAGE_KIND_LABELS: Record<string, string> = {
  invitation: 'replies.message.kind.invitation',
  reminder: 'replies.message.kind.reminder',
  confirmation: 'replies.message.kind.confirmation',
  promoted: 'replies.message.kind.promoted',
}

export const MESSAGE_CHANNEL_LABELS: Record<string, string> = {
  email: 'replies.reachChannel.email',
  sms: 'replies.reachChannel.sms',
}

export const MESSAGE_STATUS_LABELS: Record<string, string> = {
  queued: 'replies.message.status.queued',
  sent: 'replies.message.status.sent',
  failed: 'replies.message.status.failed',
}
