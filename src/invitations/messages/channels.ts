// How a person can be reached: e-mail when they have an address, a text message when their phone
// number is a mobile number. Pure. A landline gets no text message: it would be read out by a
// robot voice, or lost, and the person would believe nobody wrote.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { isEmail } from '../../platform/http/forms.ts'

export const CHANNELS = ['email', 'sms'] as const
export type Channel = (typeof CHANNELS)[number]

/** The number to text in international form (+32…), or null when it is not a valid mobile number. */
export function smsNumber(phone: string | null): string | null {
  if (!phone) return null
  const parsed = parsePhoneNumberFromString(phone.trim(), 'BE')
  if (!parsed?.isValid()) return null
  // Some numbering plans (the United States, Canada) do not tell mobile and fixed numbers apart;
  // such a number may well be a mobile, and a text to a landline costs nothing but the message.
  const type = parsed.getType()
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' ? parsed.number : null
}

export function emailAddress(email: string | null): string | null {
  const value = email?.trim().toLowerCase() ?? ''
  return value !== '' && isEmail(value) ? value : null
}

/** Every channel a person can be reached on, e-mail first. */
export function channelsOf(person: { email: string | null; phone: string | null }): Channel[] {
  const channels: Channel[] = []
  if (emailAddress(person.email)) channels.push('email')
  if (smsNumber(person.phone)) channels.push('sms')
  return channels
}

/** The key that makes a message happen once: the same request twice finds it taken. */
export function messageKey(kind: string, occasion: string, inviteeId: string, channel: Channel): string {
  return `${kind}:${occasion}:${inviteeId}:${channel}`
}
