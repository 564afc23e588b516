// The form for a person added or edited by hand, read once at the edge. It reads each field the
// way an import reads a cell (the same date, e-mail, phone and national-number rules), but where
// an import leaves a bad value out with a warning, the form says what is wrong and keeps what
// was typed, so staff can correct it. Names are kept exactly as typed: NFC, trimmed.
import { FormParser, formValues, text, type Parsed } from '../../platform/http/forms.ts'
import { isInviteeLanguage } from '../../platform/i18n/languages.ts'
import { normaliseNationalNumber } from '../import/national-number.ts'
import { parseDate, parseEmail, parsePhone } from '../import/normalise.ts'
import { STORED_FIELDS, type StoredField, type StoredPerson } from '../import/reconcile.ts'
import type { InviteeWarning } from '../list/invitee-list.ts'
import { flemishDate } from '../list/invitee-list.ts'

export interface PersonInput {
  person: StoredPerson
  /** The 11 digits, checksum checked; null when none was typed (on an edit: keep the one held) */
  nationalNumber: string | null
}

const NAME_MAX = 200
const TEXT_MAX = 200

export function parsePersonForm(body: unknown): Parsed<PersonInput> {
  const form = new FormParser(body)
  /** An optional field read by `parse`; a value it rejects is an error on the field. */
  const parsed = (field: string, parse: (value: string) => string | null, message: string): string | null => {
    const value = text(body, field)
    if (value === '') return null
    const result = parse(value)
    form.check(result !== null, field, message)
    return result
  }
  const person: StoredPerson = {
    lastName: form.required('lastName', 'invitee-edit.error.lastNameMissing', { max: NAME_MAX }),
    firstName: form.required('firstName', 'invitee-edit.error.firstNameMissing', { max: NAME_MAX }),
    birthDate: parsed('birthDate', parseDate, 'invitee-edit.error.birthDateInvalid'),
    street: form.optional('street', { max: TEXT_MAX }),
    houseNumber: form.optional('houseNumber', { max: 20 }),
    box: form.optional('box', { max: 20 }),
    postcode: form.optional('postcode', { max: 20 }),
    city: form.optional('city', { max: TEXT_MAX }),
    email: parsed('email', parseEmail, 'invitee-edit.error.emailInvalid'),
    phone: parsed('phone', parsePhone, 'invitee-edit.error.phoneInvalid'),
    language: parsed('language', (value) => (isInviteeLanguage(value) ? value : null), 'invitee-edit.error.languageUnknown'),
    certificateDate: parsed('certificateDate', parseDate, 'invitee-edit.error.certificateDateInvalid'),
  }
  let nationalNumber: string | null = null
  const typed = text(body, 'nationalNumber')
  if (typed !== '') {
    const result = normaliseNationalNumber(typed)
    if (result.ok) nationalNumber = result.digits
    else form.check(false, 'nationalNumber', result.reason === 'checksum' ? 'invitee-edit.error.nationalNumberChecksum' : 'invitee-edit.error.nationalNumberFormat')
  }
  const outcome = form.result({ person, nationalNumber })
  return outcome.ok ? outcome : { ...outcome, values: typedValues(body) }
}

/** What was typed, to show the form again. */
export function typedValues(body: unknown): Record<string, string> {
  // formValues leaves out fields named like a code (a one-time code); a postcode is not one.
  return { ...formValues(body), postcode: text(body, 'postcode') }
}

/** The edit form filled in with what is held; the national number is never shown again. */
export function personFormValues(p: StoredPerson): Record<string, string> {
  const values: Record<string, string> = {}
  for (const field of STORED_FIELDS) values[field] = p[field] ?? ''
  values.birthDate = flemishDate(p.birthDate)
  values.certificateDate = flemishDate(p.certificateDate)
  return values
}

/** The fields an edit changes, by name: what the audit log records, never the values. */
export function changedFields(before: StoredPerson, after: StoredPerson): StoredField[] {
  return STORED_FIELDS.filter((field) => before[field] !== after[field])
}

/** The fields a new person has a value in. */
export function filledFields(p: StoredPerson): StoredField[] {
  return STORED_FIELDS.filter((field) => p[field] !== null && p[field] !== '')
}

/**
 * Same name and birth date: the same person when no national number tells them apart. Accents,
 * case and spacing do not count, as when an import matches people.
 */
/** Which import warning is about which field, where the message says so. */
const WARNING_FIELDS: Partial<Record<string, StoredField>> = {
  'invitees.import.emailInvalid': 'email',
  'invitees.import.phoneInvalid': 'phone',
  'invitees.import.languageUnknown': 'language',
}

/**
 * An import's warning that a value was left out stops being true once staff fill the field in;
 * it goes, so that "with warnings" finds the people who still need a look.
 */
export function warningsAfterEdit(warnings: InviteeWarning[], after: StoredPerson): InviteeWarning[] {
  return warnings.filter((w) => {
    const field = WARNING_FIELDS[w.message]
    return !field || after[field] === null
  })
}
