import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { keyedHash } from '../../platform/crypto.ts'
import { createTranslator, STAFF_LOCALES } from '../../platform/i18n/i18n.ts'
import { INVITEE_STATUSES } from '../invitee-status.ts'
import { EXCLUSION_REASONS } from '../invitees-queries.ts'
import { REASON_HINTS, REASON_LABELS, SOURCE_LABELS, STATUS_LABELS } from '../list/status-labels.tsx'
import { nationalNumberHash, samePersonKey } from '../identity.ts'
import { changedFields, filledFields, parsePersonForm, personFormValues, warningsAfterEdit } from './person-form.ts'

// 05.09.15-517.06 is a number with a valid checksum (born 2005), the one the samples use.
const VALID_NUMBER = '05.09.15-517.06'

const full = {
  lastName: '  van der Berg ',
  firstName: 'Ａnna',
  birthDate: '15/09/2005',
  street: 'Zandstraat',
  houseNumber: '67',
  box: 'b',
  postcode: '2200',
  city: 'Herentals',
  email: ' Anna@Example.ORG ',
  phone: '0499 24 75 33',
  language: 'ar',
  certificateDate: '2026-01-22',
  nationalNumber: VALID_NUMBER,
}

describe('the person form', () => {
  test('a complete form gives the person as stored: names as typed (NFC, trimmed), dates ISO, e-mail lower-cased, phone E.164, the number as 11 digits', () => {
    const parsed = parsePersonForm({ ...full, lastName: ' Çeli\u0307k ' })
    assert.ok(parsed.ok)
    assert.deepEqual(parsed.value, {
      person: {
        lastName: 'Çeli\u0307k'.normalize('NFC'),
        firstName: 'Ａnna',
        birthDate: '2005-09-15',
        street: 'Zandstraat',
        houseNumber: '67',
        box: 'b',
        postcode: '2200',
        city: 'Herentals',
        email: 'anna@example.org',
        phone: '+32499247533',
        language: 'ar',
        certificateDate: '2026-01-22',
      },
      nationalNumber: '05091551706',
    })
    const lowercase = parsePersonForm({ ...full, lastName: 'van der Berg' })
    assert.ok(lowercase.ok && lowercase.value.person.lastName === 'van der Berg', 'never re-cased')
  })

  test('only the names are required; empty optional fields are null', () => {
    const parsed = parsePersonForm({ lastName: 'Peeters', firstName: 'An' })
    assert.ok(parsed.ok)
    assert.equal(parsed.value.nationalNumber, null)
    assert.deepEqual(Object.values(parsed.value.person).filter((v) => v !== null), ['Peeters', 'An'])
  })

  test('each bad value is an error on its field with a translated key, and every value typed is kept, the postcode too', () => {
    const parsed = parsePersonForm({ lastName: ' ', firstName: '', birthDate: '31/02/2005', email: 'anna@', phone: '12', language: 'xx', certificateDate: '2026/01/22', nationalNumber: '05.09.15-517.07', postcode: '2200' })
    assert.ok(!parsed.ok)
    assert.deepEqual(
      parsed.errors.map((e) => [e.field, e.message]),
      [
        ['lastName', 'invitee-edit.error.lastNameMissing'],
        ['firstName', 'invitee-edit.error.firstNameMissing'],
        ['birthDate', 'invitee-edit.error.birthDateInvalid'],
        ['email', 'invitee-edit.error.emailInvalid'],
        ['phone', 'invitee-edit.error.phoneInvalid'],
        ['language', 'invitee-edit.error.languageUnknown'],
        ['certificateDate', 'invitee-edit.error.certificateDateInvalid'],
        ['nationalNumber', 'invitee-edit.error.nationalNumberChecksum'],
      ],
    )
    assert.equal(parsed.values.birthDate, '31/02/2005')
    assert.equal(parsed.values.nationalNumber, '05.09.15-517.07')
    assert.equal(parsed.values.postcode, '2200')
  })

  test('a national number that is not 11 digits is a format error, not a checksum error', () => {
    const parsed = parsePersonForm({ lastName: 'A', firstName: 'B', nationalNumber: '12345' })
    assert.ok(!parsed.ok)
    assert.deepEqual(parsed.errors, [{ field: 'nationalNumber', message: 'invitee-edit.error.nationalNumberFormat' }])
  })

  test('names longer than 200 characters are refused', () => {
    const parsed = parsePersonForm({ lastName: 'x'.repeat(201), firstName: 'B' })
    assert.ok(!parsed.ok)
    assert.equal(parsed.errors[0]!.message, 'common.tooLong')
  })

  test('the hash of a national number is the import’s: a keyed hash of "national-number:" and the digits', () => {
    assert.equal(nationalNumberHash('key', '05091551706'), keyedHash('key', 'national-number:05091551706'))
    assert.notEqual(nationalNumberHash('other key', '05091551706'), nationalNumberHash('key', '05091551706'))
  })

  test('the edit form shows what is held with dates as dd/mm/yyyy, and no national number', () => {
    const values = personFormValues({ lastName: 'Haddad', firstName: 'Omar', birthDate: '2005-09-15', street: null, houseNumber: null, box: null, postcode: '2200', city: null, email: null, phone: '+32499247533', language: 'ar', certificateDate: null })
    assert.deepEqual(values, { lastName: 'Haddad', firstName: 'Omar', birthDate: '15/09/2005', street: '', houseNumber: '', box: '', postcode: '2200', city: '', email: '', phone: '+32499247533', language: 'ar', certificateDate: '' })
  })

  test('changed and filled fields are named, never valued; the same person ignores accents, case and spaces but not the birth date', () => {
    const before = { lastName: 'Haddad', firstName: 'Omar', birthDate: '2005-09-15', street: null, houseNumber: null, box: null, postcode: null, city: null, email: null, phone: null, language: null, certificateDate: null }
    assert.deepEqual(changedFields(before, { ...before, email: 'o@example.org', lastName: 'Haddad' }), ['email'])
    assert.deepEqual(filledFields(before), ['lastName', 'firstName', 'birthDate'])
    assert.equal(samePersonKey({ lastName: 'Çelik', firstName: 'Ayşe  Nur', birthDate: null }), samePersonKey({ lastName: 'celik', firstName: 'AYSE Nur', birthDate: null }))
    assert.notEqual(samePersonKey({ ...before, birthDate: '2005-09-16' }), samePersonKey(before))
  })

  test('an import warning about a field goes once staff fill the field in; other warnings stay', () => {
    const warnings = [
      { column: 'Mail', message: 'invitees.import.emailInvalid' },
      { column: 'GSM', message: 'invitees.import.phoneInvalid' },
      { column: 'Geboren', message: 'invitees.import.dateInvalid' },
    ]
    const person = { lastName: 'A', firstName: 'B', birthDate: null, street: null, houseNumber: null, box: null, postcode: null, city: null, email: 'a@example.org', phone: null, language: null, certificateDate: null }
    assert.deepEqual(warningsAfterEdit(warnings, person), [warnings[1], warnings[2]])
  })

  test('every status, exclusion reason and source has a label in each staff language', () => {
    const keys = [...INVITEE_STATUSES.map((s) => STATUS_LABELS[s]), ...EXCLUSION_REASONS.flatMap((r) => [REASON_LABELS[r], REASON_HINTS[r]]), ...Object.values(SOURCE_LABELS)]
    for (const locale of STAFF_LOCALES) {
      const { t } = createTranslator(locale)
      for (const key of keys) assert.notEqual(t(key), key, `${locale}: ${key}`)
    }
  })
})
