// One row of a list turned into a person to invite. Names are kept exactly as written (only Unicode
// NFC and trimmed: re-casing "HADDAD" or "van der Berg" would get people's names wrong); everything
// else is normalised. A bad contact detail imports the person without it and a warning; a row that
// cannot be invited or matched safely (no name, an invalid national number) is skipped with an error.

// The full metadata: the default ("min") accepts a mobile number missing a digit, which no SMS reaches.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { inviteeLanguageOf } from './languages.ts'
import { normaliseNationalNumber } from './national-number.ts'
import type { ColumnMapping, PersonField, PersonRow, RowIssue, RowOutcome } from './types.ts'

/** A mapped cell: the column as the file names it, and its text (NFC, trimmed). */
interface Cell {
  column: string
  value: string
}

export function normaliseRow(line: number, cells: string[], headers: string[], mapping: ColumnMapping): RowOutcome {
  const warnings: RowIssue[] = []
  const errors: RowIssue[] = []

  const read = (field: PersonField): Cell | null => {
    const index = mapping[field]
    if (index === undefined) return null
    return { column: headers[index] ?? '', value: (cells[index] ?? '').normalize('NFC').trim() }
  }
  const issue = (cell: Cell, message: string, values?: RowIssue['values']): RowIssue => ({
    row: line,
    column: cell.column,
    value: cell.value,
    message,
    ...(values ? { values } : {}),
  })
  const text = (field: PersonField): string | null => {
    const cell = read(field)
    return cell && cell.value !== '' ? cell.value : null
  }
  /** A field read by `parse`; a value it rejects becomes a warning and the field stays empty. */
  const parsed = <T>(field: PersonField, parse: (value: string) => T | null, message: string, withValue = false): T | null => {
    const cell = read(field)
    if (!cell || cell.value === '') return null
    const result = parse(cell.value)
    if (result === null) warnings.push(issue(cell, message, withValue ? { value: cell.value } : undefined))
    return result
  }

  let nationalNumber: string | null = null
  const numberCell = read('nationalNumber')
  if (numberCell && numberCell.value !== '') {
    const result = normaliseNationalNumber(numberCell.value)
    if (result.ok) nationalNumber = result.digits
    // The number is personal data: the issue names the row and column, never the value.
    else errors.push(issue({ column: numberCell.column, value: '' }, 'invitees.import.nationalNumberInvalid', { row: line, reason: result.reason }))
  }

  const name = (field: 'lastName' | 'firstName'): string => {
    const cell = read(field)
    if (cell && cell.value === '') errors.push(issue(cell, 'invitees.import.nameMissing'))
    return cell?.value ?? ''
  }
  const lastName = name('lastName')
  const firstName = name('firstName')

  const person: PersonRow = {
    row: line,
    nationalNumber,
    lastName,
    firstName,
    birthDate: parsed('birthDate', parseDate, 'invitees.import.dateInvalid'),
    street: text('street'),
    houseNumber: text('houseNumber'),
    box: text('box'),
    postcode: text('postcode'),
    city: text('city'),
    email: parsed('email', parseEmail, 'invitees.import.emailInvalid'),
    phone: parsed('phone', parsePhone, 'invitees.import.phoneInvalid'),
    language: parsed('language', inviteeLanguageOf, 'invitees.import.languageUnknown', true),
    certificateDate: parsed('certificateDate', parseDate, 'invitees.import.dateInvalid'),
    certificateObtained: parsed('certificateObtained', parseYesNo, 'invitees.import.yesNoUnknown', true),
    contractSigned: parsed('contractSigned', parseYesNo, 'invitees.import.yesNoUnknown', true),
  }
  return { person: errors.length > 0 ? null : person, warnings, errors }
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
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

// One @, no spaces or list separators, a domain of at least two dot-separated labels.
const EMAIL = /^[^\s@,;<>()[\]\\"]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u

/** An e-mail address, trimmed and lower-cased, or null when it cannot be one. */
export function parseEmail(raw: string): string | null {
  const value = raw.trim().toLowerCase()
  return EMAIL.test(value) ? value : null
}

/** A phone number in any Belgian or international notation → E.164 (+32…), or null when invalid. */
export function parsePhone(raw: string): string | null {
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
