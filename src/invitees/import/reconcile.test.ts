import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { planImport, planJoinedImport, type ExistingInvitee, type PlanContext } from './reconcile.ts'
import type { PersonRow, RowOutcome } from './types.ts'

const person = (row: number, overrides: Partial<PersonRow> = {}): PersonRow => ({
  row,
  nationalNumber: null,
  lastName: 'Haddad',
  firstName: 'Omar',
  birthDate: '2005-09-15',
  street: 'Zandstraat',
  houseNumber: '67',
  box: null,
  postcode: '2200',
  city: 'Herentals',
  email: null,
  phone: null,
  language: 'ar',
  certificateDate: '2026-01-22',
  certificateObtained: null,
  contractSigned: null,
  ...overrides,
})
const ok = (p: PersonRow): RowOutcome => ({ person: p, warnings: [], errors: [] })
const context = (overrides: Partial<PlanContext> = {}): PlanContext => ({
  period: { from: '2026-01-01', to: '2026-03-31' },
  existing: [],
  hashNationalNumber: (digits) => `hash:${digits}`,
  hasCertificateColumns: true,
  withoutCertificate: new Set(),
  ...overrides,
})

describe('planning an import', () => {
  test('a person listed twice is imported once; the second row fills what the first left empty', () => {
    const plan = planImport([ok(person(2, { nationalNumber: '05091551706' })), ok(person(3, { nationalNumber: '05091551706', email: 'omar@example.org' })), ok(person(4, { lastName: 'Popescu', firstName: 'Ioana' }))], context())
    assert.equal(plan.rows, 3)
    assert.equal(plan.inserts.length, 2)
    assert.equal(plan.duplicates, 1)
    assert.equal(plan.inserts[0]!.person.email, 'omar@example.org')
    assert.equal(plan.inserts[0]!.nationalNumberHash, 'hash:05091551706', 'only the hash goes on')
  })

  test('without a national number, the same name and birth date (ignoring case and accents) is the same person', () => {
    const plan = planImport([ok(person(2, { lastName: 'Çelik', firstName: 'Zeynep' })), ok(person(3, { lastName: 'CELIK', firstName: 'zeynep' }))], context())
    assert.equal(plan.inserts.length, 1)
    assert.equal(plan.duplicates, 1)
  })

  test('people already on the list are updated only where the file says something new, and never emptied', () => {
    const existing: ExistingInvitee = { id: 'i1', nationalNumberHash: 'hash:05091551706', ...person(0), email: 'old@example.org', phone: '+32499247533' }
    const same = planImport([ok(person(2, { nationalNumber: '05091551706', email: null, phone: '+32499247533' }))], context({ existing: [existing] }))
    assert.deepEqual([same.inserts.length, same.updates.length, same.unchanged], [0, 0, 1], 'importing the same file twice changes nothing')
    const moved = planImport([ok(person(2, { nationalNumber: '05091551706', street: 'Kerkstraat' }))], context({ existing: [existing] }))
    assert.deepEqual(moved.updates.map((u) => [u.id, u.fields]), [['i1', ['street']]])
  })

  test('no certificate, or one outside the period, is not invited and is counted with its reason', () => {
    const plan = planImport(
      [ok(person(2, { certificateObtained: false })), ok(person(3, { lastName: 'A', certificateDate: '2025-12-31' })), ok(person(4, { lastName: 'B', certificateDate: null })), ok(person(5, { lastName: 'C' }))],
      context(),
    )
    assert.deepEqual(plan.notInvited, { noCertificate: 2, outsidePeriod: 1, notInRegister: 0 })
    assert.deepEqual(plan.inserts.map((i) => i.person.lastName), ['C'])
  })

  test('a row whose certificate column says no is not invited whatever else is wrong with it', () => {
    const broken: RowOutcome = { person: null, warnings: [], errors: [{ row: 7, column: 'Rijksregisternummer', value: '', message: 'invitees.import.nationalNumberInvalid' }] }
    const plan = planImport([broken, ok(person(8))], context({ withoutCertificate: new Set([7]) }))
    assert.deepEqual([plan.notInvited.noCertificate, plan.skipped, plan.errors.length, plan.inserts.length], [1, 0, 0, 1])
  })

  test('two files: the agency’s people are joined with the register by national number; who is missing there may have moved', () => {
    const agency = [ok(person(2, { nationalNumber: '1', lastName: '', firstName: '', birthDate: null, street: null, city: null, language: null, certificateObtained: true })), ok(person(3, { nationalNumber: '2', lastName: '', firstName: '', certificateObtained: true }))]
    const register = [ok(person(2, { nationalNumber: '1', lastName: 'HADDAD', certificateDate: null })), ok(person(3, { nationalNumber: '9', lastName: 'PEETERS' }))]
    const plan = planJoinedImport(agency, register, context())
    assert.equal(plan.rows, 2)
    assert.deepEqual(plan.inserts.map((i) => [i.person.lastName, i.person.certificateDate]), [['HADDAD', '2026-01-22']])
    assert.deepEqual(plan.notInvited, { noCertificate: 0, outsidePeriod: 0, notInRegister: 1 })
    assert.deepEqual(plan.warnings.map((w) => [w.row, w.message]), [[3, 'invitees.import.notInRegister']])
  })
})
