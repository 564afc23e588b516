import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { addressKey, confirmationProblem, remainsHousehold, suggestHouseholds, type AddressParts, type HouseholdCandidate } from './households.ts'

const at = (street: string | null, houseNumber: string | null, box: string | null = null, postcode: string | null = '2800'): AddressParts => ({ street, houseNumber, box, postcode })

describe('addressKey', () => {
  test('ignores case, accents, spaces and punctuation in the street', () => {
    const key = addressKey(at('Sint-Rumoldusstraat', '12'))
    assert.ok(key)
    for (const street of ['sint rumoldusstraat', 'SINT-RUMOLDUSSTRAAT ', 'Sînt Rumoldusstraat', 'Sint.Rumoldus straat']) assert.equal(addressKey(at(street, '12')), key, street)
  })

  test('reads a box written as "bus", "bte", "boîte", "b", "/" or in its own column as the same box', () => {
    const key = addressKey(at('Kerkstraat', '1', '2'))
    for (const [number, box] of [['1 bus 2', null], ['1 Bus 02', null], ['1 bte 2', null], ['1 boîte 2', null], ['1b2', null], ['1 b. 2', null], ['1/2', null], ['1', 'bus 2'], ['01', '002']] as const) {
      assert.equal(addressKey(at('Kerkstraat', number, box)), key, `${number} ${box ?? ''}`)
    }
  })

  test('splits a street column that holds the whole address', () => {
    assert.equal(addressKey(at('Kerkstraat 1 bus 2', null)), addressKey(at('Kerkstraat', '1', '2')))
    assert.equal(addressKey(at('Rue de l’Église 14', null)), addressKey(at('rue de l’eglise', '14')))
  })

  test('keeps other houses apart: another number, a number with a letter, another box, another postcode', () => {
    const key = addressKey(at('Kerkstraat', '1'))
    assert.notEqual(addressKey(at('Kerkstraat', '11')), key)
    assert.notEqual(addressKey(at('Kerkstraat', '1A')), key)
    assert.equal(addressKey(at('Kerkstraat', '1a')), addressKey(at('Kerkstraat', '1 A')))
    assert.notEqual(addressKey(at('Kerkstraat', '1', '2')), key)
    assert.notEqual(addressKey(at('Kerkstraat', '1', '2')), addressKey(at('Kerkstraat', '1', '3')))
    assert.notEqual(addressKey(at('Kerkstraat', '1', null, '2400')), key)
    assert.notEqual(addressKey(at('Kerkstraat', '1A', '2')), addressKey(at('Kerkstraat', '1', '2')))
  })

  test('gives no key for an incomplete address, so nobody is grouped on a guess', () => {
    assert.equal(addressKey(at(null, '1')), null)
    assert.equal(addressKey(at('Kerkstraat', null)), null)
    assert.equal(addressKey(at('Kerkstraat', '1', null, null)), null)
    assert.equal(addressKey(at('  ', ' ')), null)
  })

  test('reads a postcode with a country prefix as the postcode', () => {
    assert.equal(addressKey(at('Kerkstraat', '1', null, 'B-2800')), addressKey(at('Kerkstraat', '1', null, '2800')))
  })
})

describe('suggestHouseholds', () => {
  const person = (id: string, overrides: Partial<HouseholdCandidate> = {}): HouseholdCandidate => ({ id, street: 'Kerkstraat', houseNumber: '1', box: null, postcode: '2800', householdId: null, excludedReason: null, selection: null, ...overrides })
  const never = () => false

  test('suggests two or more people at the same address, and nobody alone at theirs', () => {
    const suggestions = suggestHouseholds([person('a'), person('b', { street: 'KERKSTRAAT ' }), person('c', { houseNumber: '3' }), person('d', { street: 'Kerkstraat 1', houseNumber: null })], never)
    assert.deepEqual(suggestions.map((s) => s.memberIds), [['a', 'b', 'd']])
  })

  test('leaves out excluded people and people already in a household, not people who were not selected', () => {
    const suggestions = suggestHouseholds([person('a'), person('b', { excludedReason: 'moved_away' }), person('n', { selection: 'not_selected', houseNumber: '2' }), person('c', { householdId: 'h1' }), person('d', { houseNumber: '2' }), person('e', { houseNumber: '2' })], never)
    assert.deepEqual(suggestions.map((s) => s.memberIds), [['n', 'd', 'e']], 'people not selected can still be grouped')
  })

  test('leaves out addresses staff dismissed', () => {
    const dismissed = addressKey(person('a'))!
    const suggestions = suggestHouseholds([person('a'), person('b'), person('d', { houseNumber: '2' }), person('e', { houseNumber: '2' })], (key) => key === dismissed)
    assert.deepEqual(suggestions.map((s) => s.memberIds), [['d', 'e']])
  })

  test('orders suggestions by postcode and then street, the same way every time', () => {
    const people = [person('a', { postcode: '2800' }), person('b', { postcode: '2800' }), person('c', { postcode: '2400' }), person('d', { postcode: '2400' })]
    assert.deepEqual(suggestHouseholds(people, never).map((s) => s.memberIds), [['c', 'd'], ['a', 'b']])
    assert.deepEqual(suggestHouseholds([...people].reverse(), never).map((s) => s.memberIds[0]), ['d', 'b'])
  })

  test('groups a list of 100,000 people at 42,000 addresses into one suggestion per shared address', () => {
    // 700 streets × 60 numbers: every address holds two or three people.
    const people = Array.from({ length: 100_000 }, (_, i) => person(`p${i}`, { street: `Straat ${i % 700}`, houseNumber: String(Math.floor(i / 700) % 60) }))
    const suggestions = suggestHouseholds(people, never)
    assert.equal(suggestions.length, 700 * 60)
    assert.equal(suggestions.reduce((n, s) => n + s.memberIds.length, 0), 100_000)
  })
})

describe('confirming a suggestion', () => {
  const suggestion = { key: 'k', memberIds: ['a', 'b', 'c'] }

  test('accepts all or some of its people, at least two', () => {
    assert.equal(confirmationProblem(suggestion, ['a', 'b', 'c']), null)
    assert.equal(confirmationProblem(suggestion, ['a', 'c']), null)
  })

  test('refuses fewer than two people, counting a person sent twice once', () => {
    assert.equal(confirmationProblem(suggestion, ['a']), 'households.confirm.tooFew')
    assert.equal(confirmationProblem(suggestion, ['a', 'a']), 'households.confirm.tooFew')
    assert.equal(confirmationProblem(suggestion, []), 'households.confirm.tooFew')
  })

  test('refuses a person who is not in the suggestion', () => {
    assert.equal(confirmationProblem(suggestion, ['a', 'x']), 'households.confirm.notInSuggestion')
  })

  test('a household of one is dissolved', () => {
    assert.equal(remainsHousehold(1), false)
    assert.equal(remainsHousehold(2), true)
  })
})
