import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fromBrussels } from '../../platform/calendar.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { DEFAULT_PROGRAMME, kindLabels, moveItem, parseProgrammeItem, programmeLines, programmeProblem, schedule, totalMinutes, type ProgrammeItem } from './programme.ts'

const item = (id: string, position: number, overrides: Partial<ProgrammeItem> = {}): ProgrammeItem => ({ id, position, kind: 'other', title: id, durationMinutes: 10, performer: null, ...overrides })

test('programme lines give each item its start time and the kind in the reader’s language; "other" keeps its title', () => {
  const items = schedule(fromBrussels('2027-05-08', '19:00'), [
    item('a', 1, { kind: 'welcome', title: 'Welkom door de schepen', durationMinutes: 5 }),
    item('b', 2, { kind: 'speech', title: 'Toespraak van de burgemeester' }),
    item('c', 3, { kind: 'other', title: 'Dans van de jeugddienst', durationMinutes: 15 }),
    item('d', 4, { kind: 'certificates', durationMinutes: 30 }),
  ])
  assert.deepEqual(programmeLines(items, kindLabels(createTranslator('nl').t)), ['19:00 Welkom', '19:05 Toespraak', '19:15 Dans van de jeugddienst', '19:30 Uitreiking van de certificaten'])
  assert.deepEqual(programmeLines(items, kindLabels(createTranslator('en').t)), ['19:00 Welcome', '19:05 Speech', '19:15 Dans van de jeugddienst', '19:30 Certificate handover'])
})

test('moving an item swaps it with its neighbour; the first cannot go up nor the last down', () => {
  const items = [item('a', 1), item('b', 2), item('c', 3)]
  assert.deepEqual(moveItem(items, 'b', 'up'), ['b', 'a', 'c'])
  assert.deepEqual(moveItem(items, 'b', 'down'), ['a', 'c', 'b'])
  assert.equal(moveItem(items, 'a', 'up'), null)
  assert.equal(moveItem(items, 'c', 'down'), null)
  assert.equal(moveItem(items, 'x', 'up'), null)
})

test('the item form takes the kind’s Dutch title when the title is left empty, and requires one for "other"', () => {
  const parsed = parseProgrammeItem({ kind: 'group_photo', title: ' ', duration: '10', performer: '' })
  assert.deepEqual(parsed, { ok: true, value: { kind: 'group_photo', title: 'Groepsfoto', durationMinutes: 10, performer: null } })
  const other = parseProgrammeItem({ kind: 'other', title: '', duration: '10' })
  assert.equal(other.ok, false)
  assert.deepEqual(!other.ok && other.errors.map((e) => e.message), ['programme.form.titleRequired'])
})

test('the item form refuses an unknown kind and durations that are not whole minutes from 1 to 600', () => {
  for (const duration of ['0', '-5', 'abc', '', '1.5', '601']) {
    const parsed = parseProgrammeItem({ kind: 'music', title: 'Muziek', duration })
    assert.deepEqual(!parsed.ok && parsed.errors.map((e) => e.field), ['duration'], `duration "${duration}"`)
  }
  assert.equal(parseProgrammeItem({ kind: 'music', duration: '600' }).ok, true)
  const kind = parseProgrammeItem({ kind: 'fireworks', title: 'Vuurwerk', duration: '5' })
  assert.deepEqual(!kind.ok && kind.errors.map((e) => e.message), ['programme.form.kindInvalid'])
})

test('a programme may end at midnight exactly but not a minute later, and the refusal names the end time', () => {
  const start = fromBrussels('2027-05-08', '22:30')
  assert.equal(programmeProblem(start, [{ durationMinutes: 90 }]), null)
  assert.deepEqual(programmeProblem(start, [{ durationMinutes: 120 }]), { field: 'duration', message: 'programme.form.pastMidnight', values: { end: '00:30' } })
})

test('the default programme lasts about two hours, the ceremony itself 75 minutes before the reception', () => {
  assert.equal(totalMinutes([...DEFAULT_PROGRAMME]), 120)
  assert.equal(DEFAULT_PROGRAMME.at(-1)?.kind, 'reception')
  assert.equal(totalMinutes(DEFAULT_PROGRAMME.slice(0, -1)), 75)
})
