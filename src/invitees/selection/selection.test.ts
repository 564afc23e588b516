import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { describe, test } from 'node:test'
import { decideSelection, defaultPlaces, drawRank, explainNotSelected, isSelectionCandidate, orderUnits, parseSelectionForm, unitsOf, type SelectionCandidate } from './selection.ts'

const person = (id: string, certificateDate: string | null = null, householdId: string | null = null): SelectionCandidate => ({ id, certificateDate, householdId })
const SEED = 'a'.repeat(64)
const OTHER_SEED = 'b'.repeat(64)

describe('places and candidates', () => {
  test('the default places are the capacity shared by each invitee and their guests, rounded down', () => {
    assert.equal(defaultPlaces({ capacity: 150, guestsPerInvitee: 2 }), 50)
    assert.equal(defaultPlaces({ capacity: 100, guestsPerInvitee: 2 }), 33)
    assert.equal(defaultPlaces({ capacity: 40, guestsPerInvitee: 0 }), 40)
  })

  test('everyone but the excluded takes part, also people not selected last time', () => {
    assert.equal(isSelectionCandidate({ excludedReason: null, selection: null }), true)
    assert.equal(isSelectionCandidate({ excludedReason: null, selection: 'not_selected' }), true)
    assert.equal(isSelectionCandidate({ excludedReason: 'deceased', selection: 'selected' }), false)
  })
})

describe('households as units', () => {
  test('a household is one unit with all its people and its earliest certificate date', () => {
    const units = unitsOf([person('a', '2026-03-01', 'h'), person('b', null), person('c', '2026-01-15', 'h'), person('d', null, 'h')])
    assert.deepEqual(units, [
      { id: 'h', memberIds: ['a', 'c', 'd'], certificateDate: '2026-01-15' },
      { id: 'b', memberIds: ['b'], certificateDate: null },
    ])
  })
})

describe('selecting by certificate date', () => {
  test('the earliest dates get the places, people without a date come last, equal dates in a fixed order', () => {
    const order = orderUnits(unitsOf([person('d', null), person('b', '2026-02-01'), person('c', '2026-01-01'), person('a', '2026-02-01')]), 'certificate_date', null)
    assert.deepEqual(order.map((u) => u.id), ['c', 'a', 'b', 'd'])
  })

  test('not selected because of a later date names the last date that got a place; without a date says so', () => {
    const outcome = decideSelection([person('a', '2026-01-01'), person('b', '2026-01-05'), person('c', '2026-01-09'), person('d', null)], { method: 'certificate_date', seed: null, places: 2 })
    assert.deepEqual(outcome.selected.sort(), ['a', 'b'])
    assert.deepEqual(outcome.notSelected.sort(), ['c', 'd'])
    assert.deepEqual(outcome.reasons.get('c'), { kind: 'later_certificate', cutoff: '2026-01-05' })
    assert.deepEqual(outcome.reasons.get('d'), { kind: 'no_certificate_date' })
    assert.equal(outcome.placesUsed, 2)
  })

  test('a household is never split: when it does not fit, the next people who fit take the places left', () => {
    const candidates = [person('a', '2026-01-01'), person('h1', '2026-01-02', 'h'), person('h2', '2026-01-03', 'h'), person('h3', null, 'h'), person('b', '2026-01-04')]
    const outcome = decideSelection(candidates, { method: 'certificate_date', seed: null, places: 3 })
    assert.deepEqual(outcome.selected.sort(), ['a', 'b'])
    assert.deepEqual(outcome.reasons.get('h1'), { kind: 'household_did_not_fit', size: 3 })
    assert.deepEqual(outcome.reasons.get('h3'), { kind: 'household_did_not_fit', size: 3 })
    const roomy = decideSelection(candidates, { method: 'certificate_date', seed: null, places: 4 })
    assert.deepEqual(roomy.selected.sort(), ['a', 'h1', 'h2', 'h3'])
  })
})

describe('selecting by draw', () => {
  const many = Array.from({ length: 200 }, (_, i) => person(`p${String(i).padStart(3, '0')}`, '2026-01-01'))

  test('a unit’s rank is HMAC-SHA-256 of its id under the seed, so anyone with the seed can check the draw', () => {
    assert.equal(drawRank(SEED, 'p001'), createHmac('sha256', SEED).update('p001').digest('hex'))
  })

  test('the same seed gives the same people, in whatever order the list comes', () => {
    const first = decideSelection(many, { method: 'draw', seed: SEED, places: 50 })
    const again = decideSelection([...many].reverse(), { method: 'draw', seed: SEED, places: 50 })
    assert.deepEqual(again.selected.sort(), first.selected.sort())
    assert.equal(first.selected.length, 50)
  })

  test('another seed gives other people', () => {
    const first = decideSelection(many, { method: 'draw', seed: SEED, places: 50 })
    const other = decideSelection(many, { method: 'draw', seed: OTHER_SEED, places: 50 })
    assert.notDeepEqual(other.selected.sort(), first.selected.sort())
  })

  test('the draw does not follow the certificate date or the order of the list', () => {
    const dated = many.map((p, i) => ({ ...p, certificateDate: `2026-01-${String((i % 28) + 1).padStart(2, '0')}` }))
    const byDate = decideSelection(dated, { method: 'certificate_date', seed: null, places: 50 }).selected.sort()
    const drawn = decideSelection(dated, { method: 'draw', seed: SEED, places: 50 }).selected.sort()
    assert.notDeepEqual(drawn, byDate)
    assert.notDeepEqual(drawn, dated.slice(0, 50).map((p) => p.id))
  })

  test('whoever was not drawn is "not drawn"; a draw without a seed is refused', () => {
    const outcome = decideSelection(many.slice(0, 3), { method: 'draw', seed: SEED, places: 1 })
    for (const id of outcome.notSelected) assert.deepEqual(outcome.reasons.get(id), { kind: 'not_drawn' })
    assert.throws(() => decideSelection(many, { method: 'draw', seed: null, places: 1 }))
  })
})

describe('explaining a stored outcome', () => {
  test('the reasons come from the stored selection, the same as when it was decided', () => {
    const candidates = [person('a', '2026-01-01'), person('b', '2026-01-05'), person('c', null)]
    const decided = decideSelection(candidates, { method: 'certificate_date', seed: null, places: 1 })
    const stored = candidates.map((c) => ({ ...c, selection: decided.selected.includes(c.id) ? ('selected' as const) : ('not_selected' as const) }))
    assert.deepEqual(explainNotSelected(stored, 'certificate_date'), decided.reasons)
  })
})

describe('the selection form', () => {
  test('accepts a whole number of places below the number of candidates and a method', () => {
    assert.deepEqual(parseSelectionForm({ plaatsen: ' 40 ', methode: 'draw' }, 60), { ok: true, value: { places: 40, method: 'draw' } })
  })

  test('refuses places that are not a whole number, zero, negative or absurdly many', () => {
    for (const plaatsen of ['', 'veertig', '4.5', '0', '-3', '1e9']) {
      const parsed = parseSelectionForm({ plaatsen, methode: 'draw' }, 60)
      assert.equal(parsed.ok, false, plaatsen)
      if (!parsed.ok) assert.deepEqual(parsed.errors.map((e) => e.message), ['selection.form.placesInvalid'])
    }
  })

  test('refuses as many places as candidates or more: everyone fits, there is nothing to select', () => {
    const parsed = parseSelectionForm({ plaatsen: '60', methode: 'certificate_date' }, 60)
    assert.equal(parsed.ok, false)
    if (!parsed.ok) assert.deepEqual(parsed.errors, [{ field: 'plaatsen', message: 'selection.form.placesCoverAll', values: { count: 60 } }])
  })

  test('refuses an unknown method and keeps what was typed', () => {
    const parsed = parseSelectionForm({ plaatsen: '10', methode: 'coin' }, 60)
    assert.equal(parsed.ok, false)
    if (!parsed.ok) {
      assert.deepEqual(parsed.errors.map((e) => e.message), ['selection.form.methodRequired'])
      assert.deepEqual(parsed.values, { plaatsen: '10', methode: 'coin' })
    }
  })
})
