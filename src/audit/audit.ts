// The audit log: who did what to which record, and when. It records sign-ins, changes and every
// view or export of personal data. It names the staff member who acted, but never holds secrets
// or the personal data of the people concerned: details carry ids, counts and field names only,
// and anything that looks secret is dropped.

export interface AuditActor {
  id: string
  name: string
}

export interface AuditEntry {
  /** The tenant whose data was touched; null for platform-wide events. */
  municipalityId: string | null
  actor: AuditActor | null
  /** A dotted verb, e.g. "account.signed_in", "staff.updated", "mail.viewed". */
  action: string
  record?: { type: string; id: string }
  details?: Record<string, string | number | boolean | null | string[]>
}

// `code` alone (a one-time code) but not nisCode or postcode.
const SECRET_KEYS = /pass|token|secret|totp|otp$|^code$|rrn|register|national|hash|cookie/i

/** Drops any detail whose key suggests a secret or identifier; keeps values short. */
export function sanitizeDetails(details: AuditEntry['details']): AuditEntry['details'] | null {
  if (!details) return null
  const out: NonNullable<AuditEntry['details']> = {}
  for (const [key, value] of Object.entries(details)) {
    if (SECRET_KEYS.test(key)) continue
    out[key] = typeof value === 'string' ? value.slice(0, 200) : Array.isArray(value) ? value.slice(0, 50).map((v) => v.slice(0, 100)) : value
  }
  return Object.keys(out).length ? out : null
}

// Browsing and exporting the log.

export const AUDIT_PAGE_SIZE = 50
export const AUDIT_EXPORT_MAX_ROWS = 10_000

/** The filter form's fields, as they appear in the query string. */
export const AUDIT_FILTER_FIELDS = ['actie', 'persoon', 'soort', 'van', 'tot', 'gemeente'] as const
export type AuditFilterField = (typeof AUDIT_FILTER_FIELDS)[number]

export interface AuditQuery {
  action?: string
  actorUserId?: string
  recordType?: string
  from?: Date
  /** Exclusive: the start of the day after the chosen last day. */
  to?: Date
  /** Only honoured for platform admins, after checking it names a municipality. */
  municipalityId?: string
  page: number
  /** The raw values, to refill the form and to keep the filters in links. */
  values: Partial<Record<AuditFilterField, string>>
  /** Translation keys per field; a field with an error does not filter. */
  errors: { field: AuditFilterField; message: string }[]
}

/** Reads the filters from a query string. Bad dates become errors; every other oddity is ignored. */
export function parseAuditQuery(query: unknown): AuditQuery {
  const raw = (name: string): string => {
    const value = query && typeof query === 'object' ? (query as Record<string, unknown>)[name] : undefined
    const first = Array.isArray(value) ? value[0] : value
    return typeof first === 'string' ? first.normalize('NFC').trim().slice(0, 100) : ''
  }
  const values: AuditQuery['values'] = {}
  for (const field of AUDIT_FILTER_FIELDS) if (raw(field)) values[field] = raw(field)
  const errors: AuditQuery['errors'] = []
  const fromDay = values.van ? parseDay(values.van) : null
  const toDay = values.tot ? parseDay(values.tot) : null
  if (values.van && !fromDay) errors.push({ field: 'van', message: 'audit.filter.dateInvalid' })
  if (values.tot && !toDay) errors.push({ field: 'tot', message: 'audit.filter.dateInvalid' })
  const from = fromDay ? startOfDay(fromDay) : undefined
  let to = toDay ? startOfDay(nextDay(toDay)) : undefined
  if (from && to && to <= from) {
    errors.push({ field: 'tot', message: 'audit.filter.dateOrder' })
    to = undefined
  }
  const page = Number(raw('pagina'))
  return {
    action: values.actie,
    actorUserId: values.persoon,
    recordType: values.soort,
    from,
    to,
    municipalityId: values.gemeente,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    values,
    errors,
  }
}

export interface Day {
  year: number
  month: number
  day: number
}

/** A calendar day from an ISO date (what a date input sends) or as Flemish people type it: 31/12/2026. */
export function parseDay(value: string): Day | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value)
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value)
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : []
  if (!year || !month || !day) return null
  const parsed = { year: Number(year), month: Number(month), day: Number(day) }
  const check = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day))
  // Rejects 31/02 and friends, which Date would silently roll over into March.
  if (parsed.year < 2000 || parsed.year > 2999 || check.getUTCMonth() !== parsed.month - 1 || check.getUTCDate() !== parsed.day) return null
  return parsed
}

function nextDay(d: Day): Day {
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1))
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }
}

const brusselsOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', timeZoneName: 'longOffset' })

/** Midnight in Brussels, where every date on screen is shown, so "from 3 March" means what it says. */
export function startOfDay(d: Day): Date {
  const utcMidnight = Date.UTC(d.year, d.month - 1, d.day)
  // Offset at UTC midnight equals the offset at Brussels midnight: clocks change at 2 or 3 a.m.
  const name = brusselsOffset.formatToParts(new Date(utcMidnight)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  const offsetMs = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0
  return new Date(utcMidnight - offsetMs)
}

/** "key: value" pairs of the stored details, for display. */
export function detailPairs(details: Record<string, unknown> | null): [string, string][] {
  if (!details) return []
  return Object.entries(details).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : value === null ? '–' : String(value)])
}

/**
 * One CSV cell (RFC 4180). A cell that a spreadsheet would read as a formula (= + - @, or a tab or
 * carriage return that some strip first) gets a leading apostrophe, so opening the export cannot
 * run anything.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
