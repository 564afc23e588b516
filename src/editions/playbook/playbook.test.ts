import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fromBrussels } from '../../platform/calendar.ts'
import { DEFAULT_PLAYBOOK, describeOffset, dueDate, isOverdue, offsetForDueDate, offsetToParts, partsToOffset } from './playbook.ts'
import { changedFields, parseTask } from './task-form.ts'
import { parseTemplate, templateFormValues } from './template-form.ts'

test('a task is due its offset in days from the ceremony’s date in Brussels, even for a ceremony just after midnight', () => {
  // 00:30 in Brussels on 1 March is still 28 February in UTC.
  const ceremony = fromBrussels('2027-03-01', '00:30')
  assert.equal(dueDate(ceremony, 0), '2027-03-01')
  assert.equal(dueDate(ceremony, -42), '2027-01-18')
  assert.equal(dueDate(ceremony, 7), '2027-03-08')
})

test('a due date across the clock change keeps whole days', () => {
  const ceremony = fromBrussels('2027-04-02', '19:00')
  assert.equal(dueDate(ceremony, -14), '2027-03-19')
  assert.equal(offsetForDueDate(ceremony, '2027-03-19'), -14)
})

test('a date typed for a task becomes its offset from the ceremony, and back', () => {
  const ceremony = fromBrussels('2027-05-21', '19:00')
  for (const date of ['2027-01-29', '2027-05-21', '2027-08-20']) assert.equal(dueDate(ceremony, offsetForDueDate(ceremony, date)), date)
})

test('a task is late once its due date has passed in Brussels and it is not done', () => {
  const now = fromBrussels('2027-03-02', '00:10')
  assert.equal(isOverdue({ status: 'todo', dueOn: '2027-03-01' }, now), true)
  assert.equal(isOverdue({ status: 'doing', dueOn: '2027-03-02' }, now), false, 'due today is not late yet')
  assert.equal(isOverdue({ status: 'done', dueOn: '2027-02-01' }, now), false)
})

test('offsets read as weeks when they are whole weeks, else as days, before or after, or on the day', () => {
  assert.deepEqual(offsetToParts(-42), { amount: 6, unit: 'weeks', direction: 'before' })
  assert.deepEqual(offsetToParts(3), { amount: 3, unit: 'days', direction: 'after' })
  assert.deepEqual(offsetToParts(0), { amount: 0, unit: 'weeks', direction: 'on' })
  for (const offset of [-112, -10, -1, 0, 1, 7, 91]) assert.equal(partsToOffset(offsetToParts(offset)), offset)
  assert.deepEqual(describeOffset(-42), { key: 'playbook.offset.weeksBefore', values: { count: 6 } })
  assert.deepEqual(describeOffset(10), { key: 'playbook.offset.daysAfter', values: { count: 10 } })
  assert.equal(describeOffset(0).key, 'playbook.offset.onTheDay')
})

test('the default playbook runs from 16 weeks before to 3 months after the ceremony, in timeline order', () => {
  const offsets = DEFAULT_PLAYBOOK.map((task) => task.offsetDays)
  assert.equal(offsets[0], -112)
  assert.ok(offsets.at(-1)! >= 84)
  assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b))
})

test('the task form refuses a new due date in the past, but keeps a stored one that has passed', () => {
  const now = fromBrussels('2027-03-10', '12:00')
  const context = { ceremony: fromBrussels('2027-05-21', '19:00'), now, ownerIds: ['u1'] }
  const fields = { title: 'Zaal reserveren', dueOn: '2027-03-01', status: 'todo', ownerId: 'u1' }
  const refused = parseTask(fields, context)
  assert.equal(refused.ok, false)
  assert.deepEqual(!refused.ok && refused.errors.map((e) => e.message), ['playbook.task.dueOnInPast'])
  const kept = parseTask(fields, { ...context, current: { dueOn: '2027-03-01', ownerId: null } })
  assert.deepEqual(kept.ok && kept.value, { title: 'Zaal reserveren', description: null, offsetDays: -81, ownerId: 'u1', status: 'todo', notes: null })
})

test('the task form refuses an owner outside the organisers’ staff, an unknown status and a date that does not exist', () => {
  const context = { ceremony: fromBrussels('2027-05-21', '19:00'), now: fromBrussels('2027-03-10', '12:00'), ownerIds: ['u1'] }
  const parsed = parseTask({ title: '', dueOn: '2027-02-30', status: 'later', ownerId: 'stranger' }, context)
  assert.deepEqual(!parsed.ok && parsed.errors.map((e) => e.field), ['title', 'dueOn', 'ownerId', 'status'])
  const far = parseTask({ title: 'x', dueOn: '2029-01-01', status: 'todo', ownerId: '' }, context)
  assert.deepEqual(!far.ok && far.errors.map((e) => e.message), ['playbook.task.dueOnTooFar'])
})

test('a task change lists the names of the fields it touches, never their values', () => {
  const before = { title: 'a', description: null, offsetDays: -7, ownerId: null, status: 'todo' as const, notes: null }
  assert.deepEqual(changedFields(before, { ...before, status: 'done', notes: 'gebeld' }), ['status', 'notes'])
})

test('the template form keeps the tasks not removed, adds a filled-in new row, and orders them by offset', () => {
  const values = templateFormValues([
    { title: 'Zaal', description: null, offsetDays: -56 },
    { title: 'Oud', description: null, offsetDays: -14 },
    { title: 'Dag', description: 'Feest', offsetDays: 0 },
  ])
  assert.equal(values['amount-0'], '8')
  assert.equal(values['direction-2'], 'on')
  const parsed = parseTemplate({ ...values, 'remove-1': 'yes', 'title-new': 'Bedanken', 'amount-new': '3', 'unit-new': 'days', 'direction-new': 'after', 'amount-0': '10' })
  assert.deepEqual(parsed.ok && parsed.value, [
    { title: 'Zaal', description: null, offsetDays: -70 },
    { title: 'Dag', description: 'Feest', offsetDays: 0 },
    { title: 'Bedanken', description: null, offsetDays: 3 },
  ])
})

test('the template form refuses a task without a title, an impossible number of weeks, and removing every task', () => {
  const values = templateFormValues([{ title: 'Zaal', description: null, offsetDays: -56 }])
  const bad = parseTemplate({ ...values, 'title-0': '', 'amount-0': '60' })
  assert.deepEqual(!bad.ok && bad.errors.map((e) => `${e.field}:${e.message}`), ['title-0:playbook.template.titleRequired', 'amount-0:playbook.template.weeksInvalid'])
  const empty = parseTemplate({ ...values, 'remove-0': 'yes' })
  assert.deepEqual(!empty.ok && empty.errors.map((e) => e.message), ['playbook.template.empty'])
  assert.equal(parseTemplate({ ...values, 'description-new': 'zonder titel' }).ok, false, 'a new row with only a description is refused')
})
