// The calendar file attached to an invitation or a confirmation: one event for the ceremony, so a
// newcomer can put it in a phone's agenda with one tap. RFC 5545, pure. It carries the personal
// reply link (the person already has it in the same message) and no other personal data.
import { escapeText, foldLine, utcStamp } from '../../editions/playbook/ical.ts'

export interface InvitationIcsInput {
  /** Stable per person and edition, so a second copy updates the event instead of adding one. */
  uid: string
  title: string
  startsAt: Date
  /** The sum of the programme items' minutes, or 120 when there is no programme. */
  durationMinutes: number
  location: string | null
  description: string
  url: string
  now: Date
}

/** When there is no programme yet: long enough for a ceremony and a reception. */
export const DEFAULT_CEREMONY_MINUTES = 120

/** The duration an invitation shows: the programme's minutes, or the default when there is none. */
export function ceremonyMinutes(programmeMinutes: readonly number[]): number {
  const total = programmeMinutes.reduce((sum, minutes) => sum + Math.max(0, minutes), 0)
  return total > 0 ? total : DEFAULT_CEREMONY_MINUTES
}

export function invitationIcs(input: InvitationIcsInput): string {
  const endsAt = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Welkom//Uitnodiging//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${input.uid}`,
    `DTSTAMP:${utcStamp(input.now)}`,
    // UTC moments: every calendar shows them in its own zone, without a VTIMEZONE block to keep.
    `DTSTART:${utcStamp(input.startsAt)}`,
    `DTEND:${utcStamp(endsAt)}`,
    `SUMMARY:${escapeText(input.title)}`,
  ]
  if (input.location) lines.push(`LOCATION:${escapeText(input.location)}`)
  lines.push(
    `DESCRIPTION:${escapeText(input.description)}`,
    `URL:${input.url}`,
    // A reminder the day before: people who come have said that forgetting the date is a reason not to.
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(input.title)}`,
    'TRIGGER:-P1D',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  )
  return lines.map(foldLine).join('\r\n') + '\r\n'
}
