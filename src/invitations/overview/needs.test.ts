// The sums for the caterer and the venue, the info-market interests and the contributions, and
// the export rows: numbers only.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { NO_NEEDS } from '../reply.ts'
import { cateringRows, venueRows } from './exports.ts'
import { countContributions, countInterests, readNeeds, summariseNeeds } from './needs.ts'

const { t } = createTranslator('nl')

describe('the needs of the people coming', () => {
  const answers = [
    { needs: { ...NO_NEEDS, halal: true, wheelchair: true, interpreter: 'ar', allergies: 'Noten' }, adults: 1, children: 2 },
    { needs: { ...NO_NEEDS, halal: true, vegan: true, interpreter: 'ar', childcare: true, allergies: '  noten ' }, adults: 0, children: 3 },
    { needs: { ...NO_NEEDS, vegetarian: true, signLanguage: true, interpreter: 'prs', noHandshake: true, allergies: 'Gluten' }, adults: 2, children: 0 },
    { needs: NO_NEEDS, adults: 0, children: 0 },
  ]

  test('sums places, guests, diets and access needs over the answers, and groups alike allergy texts', () => {
    const summary = summariseNeeds(answers)
    assert.equal(summary.people, 4)
    assert.equal(summary.adults, 3)
    assert.equal(summary.children, 5)
    assert.equal(summary.seats, 12)
    assert.deepEqual({ ...summary.catering, allergyTexts: undefined }, { halal: 2, vegetarian: 1, vegan: 1, allergies: 3, allergyTexts: undefined })
    assert.deepEqual(summary.catering.allergyTexts, [
      { text: 'Gluten', count: 1 },
      { text: 'Noten', count: 2 },
    ])
    assert.deepEqual(summary.access, {
      wheelchair: 1,
      signLanguage: 1,
      interpreters: [
        { language: 'ar', count: 2 },
        { language: 'prs', count: 1 },
      ],
      childcare: 1,
      childcareChildren: 3,
      noHandshake: 1,
    })
  })

  test('a stored answer counts a need only when it is clearly asked for', () => {
    assert.deepEqual(readNeeds(null), NO_NEEDS)
    assert.deepEqual(readNeeds({ halal: 'yes', wheelchair: 1, interpreter: 'xx', allergies: '   ' }), NO_NEEDS)
    assert.equal(readNeeds({ vegan: true }).vegan, true)
  })

  test('the caterer’s and the venue’s rows hold labels and numbers, never a typed text', () => {
    const summary = summariseNeeds(answers)
    const catering = cateringRows(t, summary)
    assert.deepEqual(catering, [
      ['Onderdeel', 'Aantal'],
      ['Plaatsen (personen en gasten)', '12'],
      ['Genodigden', '4'],
      ['Volwassen gasten', '3'],
      ['Kinderen', '5'],
      ['Halal', '2'],
      ['Vegetarisch', '1'],
      ['Veganistisch', '1'],
      ['Allergieën', '3'],
    ])
    const venue = venueRows(t, summary)
    assert.deepEqual(venue, [
      ['Onderdeel', 'Aantal'],
      ['Plaatsen (personen en gasten)', '12'],
      ['Rolstoelplaats', '1'],
      ['Gebarentaal', '1'],
      ['Tolk Arabisch', '2'],
      ['Tolk Dari', '1'],
      ['Kinderopvang', '1'],
      ['Kinderen in de kinderopvang', '3'],
    ])
    for (const [, n] of [...catering.slice(1), ...venue.slice(1)]) assert.match(n, /^\d+$/)
  })
})

describe('interests and contributions', () => {
  test('every stand is listed with how many answers chose it, the most chosen first; unknown stands and repeats are ignored', () => {
    const stands = [
      { id: 's1', name: 'Bibliotheek' },
      { id: 's2', name: 'VDAB' },
      { id: 's3', name: 'Buddyproject' },
    ]
    assert.deepEqual(countInterests([['s2', 's2'], ['s2', 's1'], ['gone'], 'not a list'], stands), [
      { standId: 's2', name: 'VDAB', count: 2 },
      { standId: 's1', name: 'Bibliotheek', count: 1 },
      { standId: 's3', name: 'Buddyproject', count: 0 },
    ])
  })

  test('contributions are counted per kind, each answer once', () => {
    assert.deepEqual(countContributions([['music', 'music', 'food'], ['testimony'], ['juggling'], null]), { music: 1, food: 1, art: 0, testimony: 1 })
  })
})
