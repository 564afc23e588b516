// The rules of printed letters: one per household or person, in the order the post sorts them,
// with each member's translation once; which letters "only unsent" prints; the counts staff see.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { windowLayout } from './letter-html.tsx'
import { chooseLetters, chunksOf, groupIntoLetters, letterCounts, lettersFilename, streetLine, type LetterPerson } from './letters.ts'

let next = 0
function person(overrides: Partial<LetterPerson> = {}): LetterPerson {
  next++
  return {
    inviteeId: `p${String(next).padStart(3, '0')}`,
    firstName: `Voornaam${next}`,
    lastName: 'Peeters',
    street: 'Kerkstraat',
    houseNumber: '1',
    box: null,
    postcode: '2400',
    city: 'Mol',
    language: 'nl',
    householdId: null,
    invitation: { tokenSealed: 't', codeSealed: 'c', printedAt: null, returnedAt: null },
    ...overrides,
  }
}

const printed = { tokenSealed: 't', codeSealed: 'c', printedAt: new Date('2026-05-01T10:00:00Z'), returnedAt: null }

describe('letters', () => {
  test('letters are sorted by postcode, street, house number and box in natural order, then by name', () => {
    const people = [
      person({ firstName: 'Tien', houseNumber: '10' }),
      person({ firstName: 'Twee-bus-tien', houseNumber: '2', box: '10' }),
      person({ firstName: 'Geel', postcode: '2440', city: 'Geel', street: 'Astridlaan' }),
      person({ firstName: 'Twee-bus-twee', houseNumber: '2', box: '2' }),
      person({ firstName: 'Herentals', postcode: '2200', city: 'Herentals', street: 'Zandstraat' }),
      person({ firstName: 'Twee', houseNumber: '2' }),
      person({ firstName: 'Antwerpsestraat', street: 'Antwerpsestraat', houseNumber: '99' }),
      person({ firstName: 'Twee-A', houseNumber: '2A' }),
      person({ firstName: 'Twee', lastName: 'Aerts', houseNumber: '2' }),
    ]
    const order = chooseLetters(people, ['nl'], { onlyUnsent: false }).letters.map((l) => `${l.members[0]!.firstName} ${l.members[0]!.lastName}`)
    assert.deepEqual(order, [
      'Herentals Peeters',
      'Antwerpsestraat Peeters',
      'Twee Aerts',
      'Twee Peeters',
      'Twee-bus-twee Peeters',
      'Twee-bus-tien Peeters',
      'Twee-A Peeters',
      'Tien Peeters',
      'Geel Peeters',
    ])
  })

  test('a household gets one letter with its members in name order, and each language is translated once', () => {
    const home = { street: 'Zandstraat', houseNumber: '67', postcode: '2200', city: 'Herentals', householdId: 'h1' }
    const letters = groupIntoLetters(
      [
        person({ ...home, firstName: 'Omar', lastName: 'Haddad', language: 'ar' }),
        person({ firstName: 'Els', language: 'fr' }),
        person({ ...home, firstName: 'Amal', lastName: 'Haddad', language: 'ar' }),
        person({ ...home, firstName: 'Sami', lastName: 'Haddad', language: 'en' }),
        person({ ...home, firstName: 'Lina', lastName: 'Haddad', language: 'ti' }),
      ],
      ['nl', 'ar', 'en', 'fr'],
    )
    assert.equal(letters.length, 2)
    const household = letters.find((l) => l.members.length > 1)!
    assert.deepEqual(
      household.members.map((m) => m.firstName),
      ['Amal', 'Lina', 'Omar', 'Sami'],
    )
    // Tigrinya is not offered by this edition: no translation for Lina, Dutch she gets.
    assert.deepEqual(household.translations, ['ar', 'en'])
    assert.deepEqual(letters.find((l) => l.members.length === 1)!.translations, ['fr'])
  })

  test('"only unsent" prints a household again when one member has no printed letter, and never a letter without street or postcode', () => {
    const people = [
      person({ householdId: 'h1', invitation: printed }),
      person({ householdId: 'h1' }),
      person({ invitation: printed }),
      person({ street: null }),
      person({ postcode: ' ' }),
    ]
    const all = chooseLetters(people, ['nl'], { onlyUnsent: false })
    assert.equal(all.letters.length, 2)
    assert.equal(all.withoutAddress, 2)
    const unsent = chooseLetters(people, ['nl'], { onlyUnsent: true })
    assert.deepEqual(
      unsent.letters.map((l) => l.members.length),
      [2],
    )
    assert.deepEqual(letterCounts([...people, person({ invitation: { ...printed, returnedAt: new Date() } })]), { letters: 2, people: 3, unsent: 1, returned: 1, withoutAddress: 2 })
  })

  test('a letter that came back is not printed again, in neither batch, until staff undo it', () => {
    const returned = person({ lastName: 'Terug', invitation: { ...printed, returnedAt: new Date() } })
    const fine = person({ lastName: 'Goed' })
    for (const onlyUnsent of [false, true]) {
      assert.deepEqual(chooseLetters([returned, fine], ['nl'], { onlyUnsent }).letters.map((l) => l.members.map((m) => m.lastName)), [['Goed']])
    }
    const undone = { ...returned, invitation: { ...returned.invitation!, returnedAt: null } }
    assert.equal(chooseLetters([undone, fine], ['nl'], { onlyUnsent: false }).letters.length, 2)
  })

  test('the street line adds "bus" to a bare box and keeps a box the list already marked', () => {
    const address = { street: 'Kerkstraat', houseNumber: '12', postcode: '2400', city: 'Mol' }
    assert.equal(streetLine({ ...address, box: '3' }), 'Kerkstraat 12 bus 3')
    assert.equal(streetLine({ ...address, box: 'bte 3' }), 'Kerkstraat 12 bte 3')
    assert.equal(streetLine({ ...address, box: null }), 'Kerkstraat 12')
    assert.equal(streetLine({ ...address, houseNumber: null, box: null, street: 'Kerkstraat 12 bus 3' }), 'Kerkstraat 12 bus 3')
  })

  test('the sender block goes beside the envelope window on the side with more room, and the text starts below both', () => {
    const right = windowLayout({ topMm: 50, leftMm: 110 })
    assert.deepEqual({ top: right.top, left: right.left, headLeft: right.head.left }, { top: 35, left: 100, headLeft: 10 })
    assert.equal(right.head.width, 85)
    // In the page box (10 mm side margins): the sender block starts 110 mm from the sheet's edge.
    const left = windowLayout({ topMm: 45, leftMm: 20 })
    assert.equal(left.head.left, 100)
    assert.equal(left.head.width, 80)
    assert.equal(windowLayout({ topMm: 120, leftMm: 110 }).bodyTop, 120 + 40 + 8 - 15)
  })

  test('a batch is rendered in parts of at most the given size, and the file is named after the ceremony', () => {
    assert.deepEqual([...chunksOf([1, 2, 3, 4, 5], 2)], [[1, 2], [3, 4], [5]])
    assert.deepEqual([...chunksOf([], 2)], [])
    assert.equal(lettersFilename('2026-06-14'), 'brieven-2026-06-14.pdf')
  })
})
