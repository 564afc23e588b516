// One row of a list turned into a person to invite. Names are kept exactly as written (only Unicode
// NFC and trimmed: re-casing "HADDAD" or "van der Berg" would get people's names wrong); everything
// else is normalised. A bad contact detail imports the person without it and a warning; a row that
// cannot be invited or matched safely (no name, an invalid national number) is skipped with an error.

// The full metadata: the default ("min") accepts a mobile number missing a digit, which no SMS reaches.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { inviteeLanguageOf } from './languages.ts'
import { normaliseNationalNumber } from './national-number.ts'
import type { ColumnMapping, PersonField, PersonRow, RowIssue, RowOutcome } from './types.ts'

/**
 * One row being read: its cells and the problems found so far. Helpers at module level take it,
 * rather than closures made for every row: on a list of 100,000 rows those cost more than the work.
 */
interface RowReading {
  line: number
  cells: string[]
  headers: string[]
  mapping: ColumnMapping
  warnings: RowIssue[]
  errors: RowIssue[]
}

// Most rows have no problem: they share this empty list rather than each making two (frozen, so
// that nobody can add to it by mistake; a row with a problem gets its own list).
const NO_ISSUES: RowIssue[] = Object.freeze([]) as unknown as RowIssue[]

export function normaliseRow(line: number, cells: string[], headers: string[], mapping: ColumnMapping): RowOutcome {
  const r: RowReading = { line, cells, headers, mapping, warnings: NO_ISSUES, errors: NO_ISSUES }

  let nationalNumber: string | null = null
  const number = read(r, 'nationalNumber')
  if (number) {
    const result = normaliseNationalNumber(number)
    if (result.ok) nationalNumber = result.digits
    // The number is personal data: the issue names the row and column, never the value.
    else r.errors = [...r.errors, issue(r, 'nationalNumber', '', 'invitees.import.nationalNumberInvalid', { row: line, reason: result.reason })]
  }

  const person: PersonRow = {
    row: line,
    nationalNumber,
    lastName: name(r, 'lastName'),
    firstName: name(r, 'firstName'),
    birthDate: parsed(r, 'birthDate', parseDate, 'invitees.import.dateInvalid'),
    street: read(r, 'street') || null,
    houseNumber: read(r, 'houseNumber') || null,
    box: read(r, 'box') || null,
    postcode: read(r, 'postcode') || null,
    city: read(r, 'city') || null,
    email: parsed(r, 'email', parseEmail, 'invitees.import.emailInvalid'),
    phone: parsed(r, 'phone', parsePhone, 'invitees.import.phoneInvalid'),
    language: parsed(r, 'language', inviteeLanguageOf, 'invitees.import.languageUnknown', true),
    certificateDate: parsed(r, 'certificateDate', parseDate, 'invitees.import.dateInvalid'),
    certificateObtained: parsed(r, 'certificateObtained', parseYesNo, 'invitees.import.yesNoUnknown', true),
    contractSigned: parsed(r, 'contractSigned', parseYesNo, 'invitees.import.yesNoUnknown', true),
  }
  return { person: r.errors.length > 0 ? null : person, warnings: r.warnings, errors: r.errors }
}

const NOT_ASCII = /[^\u0020-\u007e\t\n\r]/

/** A mapped cell's text, NFC and trimmed ('' when empty); null when the field is not mapped. */
function read(r: RowReading, field: PersonField): string | null {
  const index = r.mapping[field]
  if (index === undefined) return null
  const cell = r.cells[index] ?? ''
  // Plain ASCII is already NFC: normalising every cell of a long list is a cost worth skipping.
  return (NOT_ASCII.test(cell) ? cell.normalize('NFC') : cell).trim()
}

/** A problem with a mapped cell: the row, the column as the file names it, the value, the message. */
function issue(r: RowReading, field: PersonField, value: string, message: string, values?: RowIssue['values']): RowIssue {
  return { row: r.line, column: r.headers[r.mapping[field]!] ?? '', value, message, ...(values ? { values } : {}) }
}

/** A name, exactly as written; an empty one in a mapped column skips the row. */
function name(r: RowReading, field: 'lastName' | 'firstName'): string {
  const value = read(r, field)
  if (value === '') r.errors = [...r.errors, issue(r, field, value, 'invitees.import.nameMissing')]
  return value ?? ''
}

/** A field read by `parse`; a value it rejects becomes a warning and the field stays empty. */
function parsed<T>(r: RowReading, field: PersonField, parse: (value: string) => T | null, message: string, withValue = false): T | null {
  const value = read(r, field)
  if (!value) return null
  const result = parse(value)
  if (result === null) r.warnings = [...r.warnings, issue(r, field, value, message, withValue ? { value } : undefined)]
  return result
}

const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/
// ISO dates, also as spreadsheet tools write a date cell: with a midnight time.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/

/** A date as lists write it (dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd) → YYYY-MM-DD. */
export function parseDate(raw: string): string | null {
  const value = raw.trim()
  const dayFirst = DAY_FIRST.exec(value)
  if (dayFirst) return isoDate(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]))
  const iso = ISO.exec(value)
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  return null
}

function isoDate(year: number, month: number, day: number): string | null {
  // Outside this range a year is a typo (0205, 2502), not a birth or certificate date.
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return null
  if (day > daysInMonth(year, month)) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

// One @, no spaces or list separators, a domain of at least two dot-separated labels.
const EMAIL = /^[^\s@,;<>()[\]\\"]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u

/** An e-mail address, trimmed and lower-cased, or null when it cannot be one. */
export function parseEmail(raw: string): string | null {
  const value = raw.trim().toLowerCase()
  return EMAIL.test(value) ? value : null
}

// A Belgian mobile number as lists write it: 0470…, +32470…, 0032470…, with spaces, dots, slashes
// or dashes. libphonenumber's metadata says a Belgian mobile number is 4[5-9] and seven digits
// (normalise.test.ts checks that it still agrees); such a number is valid as it stands.
const BELGIAN_MOBILE = /^(?:\+32|0032|0)(4[5-9]\d{7})$/
const MOBILE_SEPARATORS = /[ ./-]/g

/** A phone number in any Belgian or international notation → E.164 (+32…), or null when invalid. */
export function parsePhone(raw: string): string | null {
  // Most numbers in a list are Belgian mobile numbers: those skip the full parse, a large share of
  // the time it takes to read a list of 100,000 people. Anything else goes to libphonenumber.
  const mobile = BELGIAN_MOBILE.exec(raw.replace(MOBILE_SEPARATORS, ''))
  if (mobile) return `+32${mobile[1]}`
  const phone = parsePhoneNumberFromString(raw.trim(), 'BE')
  return phone?.isValid() ? phone.number : null
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'oui', '1', 'x', 'true', 'waar', 'vrai'])
const NO = new Set(['nee', 'n', 'no', 'non', '0', 'false', 'onwaar', 'faux'])

/** A yes/no cell ("ja", "non", "x", "1"…) → boolean; blank → null (not stated); anything else → null. */
export function parseYesNo(raw: string): boolean | null {
  const value = raw.trim().toLowerCase()
  if (YES.has(value)) return true
  if (NO.has(value)) return false
  return null
}
