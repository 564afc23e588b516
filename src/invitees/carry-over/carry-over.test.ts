import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { samePersonKey } from '../identity.ts'
import { carryOverReason, planCarryOver, sourceProblem, type Identity } from './carry-over.ts'

describe('who is carried over', () => {
  const person = (overrides: Partial<Parameters<typeof carryOverReason>[0]> = {}) => ({ excludedReason: null, selection: null, hasAskedNextTime: false, ...overrides })

  test('people not selected under capacity are carried over', () => {
    assert.equal(carryOverReason(person({ selection: 'not_selected' })), 'not_selected')
  })

  test('people who asked to come next time are carried over, also when they were selected', () => {
    assert.equal(carryOverReason(person({ hasAskedNextTime: true })), 'asked_next_time')
    assert.equal(carryOverReason(person({ hasAskedNextTime: true, selection: 'selected' })), 'asked_next_time')
  })

  test('excluded people never are, whatever else is true of them', () => {
    for (const reason of ['moved_away', 'no_contact', 'deceased', 'other'] as const) {
      assert.equal(carryOverReason(person({ excludedReason: reason, selection: 'not_selected', hasAskedNextTime: true })), null)
    }
  })

  test('people who were invited and did not ask for next time are not', () => {
    assert.equal(carryOverReason(person()), null)
    assert.equal(carryOverReason(person({ selection: 'selected' })), null)
  })
})

describe('which edition people are carried over from', () => {
  const target = { id: 't', startsAt: new Date('2027-03-01T18:00:00Z') }

  test('an earlier edition that still holds its people qualifies', () => {
    assert.equal(sourceProblem({ id: 's', startsAt: new Date('2026-03-01T18:00:00Z'), purgedAt: null }, target), null)
  })

  test('the edition itself, a purged one and one on or after this one do not', () => {
    assert.equal(sourceProblem({ ...target, purgedAt: null }, target), 'carry-over.form.sameEdition')
    assert.equal(sourceProblem({ id: 's', startsAt: new Date('2026-03-01T18:00:00Z'), purgedAt: new Date('2026-06-01T00:00:00Z') }, target), 'carry-over.form.purged')
    assert.equal(sourceProblem({ id: 's', startsAt: target.startsAt, purgedAt: null }, target), 'carry-over.form.notEarlier')
    assert.equal(sourceProblem({ id: 's', startsAt: new Date('2027-09-01T18:00:00Z'), purgedAt: null }, target), 'carry-over.form.notEarlier')
  })
})

describe('who is already on the new list', () => {
  const who = (lastName: string, firstName: string, birthDate: string | null, nationalNumberHash: string | null = null): Identity & { tag: string } => ({ lastName, firstName, birthDate, nationalNumberHash, tag: `${lastName} ${firstName}` })

  test('the same national-number hash is the same person, whatever the name says', () => {
    const plan = planCarryOver([who('Haddad', 'Omar', '2005-09-15', 'h1')], [who('Hadad', 'Omar', null, 'h1')])
    assert.deepEqual(plan.alreadyOn.map((p) => p.tag), ['Haddad Omar'])
    assert.deepEqual(plan.add, [])
  })

  test('without a hash match, the same name and birth date (ignoring case, accents and spaces) is the same person', () => {
    const plan = planCarryOver([who('Öztürk', 'Ayşe ', '1990-01-01', 'h2'), who('Öztürk', 'Ayşe', '1991-01-01')], [who('ozturk', 'ayse', '1990-01-01')])
    assert.deepEqual(plan.alreadyOn.map((p) => p.birthDate), ['1990-01-01'])
    assert.deepEqual(plan.add.map((p) => p.birthDate), ['1991-01-01'])
  })

  test('the same person twice in one carry-over is added once', () => {
    const plan = planCarryOver([who('Peeters', 'An', '1980-05-05', 'h3'), who('Peeters', 'An', '1980-05-05', 'h3')], [])
    assert.equal(plan.add.length, 1)
    assert.equal(plan.alreadyOn.length, 1)
  })

  test('the name key is the one an import matches on', () => {
    assert.equal(samePersonKey({ lastName: ' Van  den Berg', firstName: 'José', birthDate: null }), 'van den berg|jose|')
  })
})
