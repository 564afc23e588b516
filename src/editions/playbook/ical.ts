// The iCalendar (RFC 5545) text of an edition's staff calendar: the ceremony as an event and each
// open task as an all-day event on its due date. Only planning data: no invitee, and no staff
// names either, since the address may be shared with a calendar service. Pure.
import { addDays } from '../../platform/calendar.ts'

export interface CalendarEdition {
  id: string
  name: string
  startsAt: Date
  durationMinutes: number
  location: string
  url: string
}

export interface CalendarTask {
  id: string
  title: string
  description: string | null
  /** YYYY-MM-DD */
  dueOn: string
  url: string
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/**
 * Folds a content line to at most 75 octets per physical line (RFC 5545 3.1); continuation lines
 * begin with a space. Never splits a UTF-8 character.
 */
export function foldLine(line: string): string {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8')
    const limit = out.length === 0 ? 75 : 74
    if (octets + size > limit) {
      out.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  out.push(current)
  return out.join('\r\n ')
}

/** 20270521T170000Z */
export function utcStamp(moment: Date): string {
  return moment.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** 20270521 */
function dateValue(date: string): string {
  return date.replace(/-/g, '')
}

export function buildCalendar(input: { uidDomain: string; now: Date; edition: CalendarEdition; tasks: CalendarTask[] }): string {
  const { edition, uidDomain } = input
  const stamp = utcStamp(input.now)
  const endsAt = new Date(edition.startsAt.getTime() + edition.durationMinutes * 60_000)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Welkom//Draaiboek//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(edition.name)}`,
    'BEGIN:VEVENT',
    `UID:edition-${edition.id}@${uidDomain}`,
    `DTSTAMP:${stamp}`,
    // UTC moments: every calendar shows them in its own zone, without a VTIMEZONE block to keep.
    `DTSTART:${utcStamp(edition.startsAt)}`,
    `DTEND:${utcStamp(endsAt)}`,
    `SUMMARY:${escapeText(edition.name)}`,
    `LOCATION:${escapeText(edition.location)}`,
    `URL:${edition.url}`,
    'END:VEVENT',
  ]
  for (const task of input.tasks) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:task-${task.id}@${uidDomain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${dateValue(task.dueOn)}`,
      `DTEND;VALUE=DATE:${dateValue(addDays(task.dueOn, 1))}`,
      `SUMMARY:${escapeText(task.title)}`,
      `DESCRIPTION:${escapeText([task.description, task.url].filter(Boolean).join('\n\n'))}`,
      `URL:${task.url}`,
      // A deadline, not an appointment: it does not make anyone look busy.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join('\r\n') + '\r\n'
}
