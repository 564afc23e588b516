// The text message of a message: short (a cheap phone shows one or two segments), Dutch with the
// personal link, and one short line in the person's language when the edition offers it. Pure.
import type { Translator } from '../../platform/i18n/i18n.ts'
import { formatShortDay, formatTime, type MessageFacts } from './message-blocks.ts'

export function composeSms(facts: MessageFacts, nl: Translator, translation: Translator | null): string {
  const values = {
    municipality: facts.municipalityName,
    date: formatShortDay('nl', facts.startsAt),
    time: formatTime('nl', facts.startsAt),
    url: facts.replyUrl,
    days: facts.reminder?.daysBefore ?? 0,
  }
  let dutch: string
  let line: string
  switch (facts.kind) {
    case 'invitation':
      dutch = nl.t('invitation-mail.sms.invitation', values)
      line = 'invitation-mail.sms.line.invitation'
      break
    case 'reminder':
      dutch = facts.reminder?.audience === 'coming' ? nl.t('invitation-mail.sms.reminderComing', values) : nl.t('invitation-mail.sms.reminderNotReplied', values)
      line = facts.reminder?.audience === 'coming' ? 'invitation-mail.sms.line.reminderComing' : 'invitation-mail.sms.line.reminder'
      break
    case 'confirmation':
      dutch = nl.t('invitation-mail.sms.confirmation', values)
      line = 'invitation-mail.sms.line.confirmation'
      break
    case 'promoted':
      dutch = nl.t('invitation-mail.sms.promoted', values)
      line = 'invitation-mail.sms.line.promoted'
      break
  }
  return translation ? `${dutch}\n${translation.t(line)}` : dutch
}

// The GSM 03.38 alphabet (basic set and, counting double, the extension table). Any other
// character makes the whole message UCS-2, with far fewer characters per segment.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
)
const GSM_EXTENDED = new Set('^{}\\[~]|€')

/** How many segments a text message takes (what a provider bills and a phone stitches together). */
export function smsSegments(text: string): number {
  let gsmLength = 0
  let gsm = true
  for (const char of text) {
    if (GSM_BASIC.has(char)) gsmLength += 1
    else if (GSM_EXTENDED.has(char)) gsmLength += 2
    else {
      gsm = false
      break
    }
  }
  if (gsm) return gsmLength <= 160 ? 1 : Math.ceil(gsmLength / 153)
  const units = text.length
  return units <= 70 ? 1 : Math.ceil(units / 67)
}
