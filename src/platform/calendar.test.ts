import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { addDays, brusselsDate, brusselsTime, daysBetween, fromBrussels, isDate, isTime } from './calendar.ts'

describe('Brussels calendar dates and times', () => {
  test('a date must exist and a time must be on the 24-hour clock', () => {
    assert.equal(isDate('2028-02-29'), true)
    assert.equal(isDate('2027-02-29'), false)
    assert.equal(isDate('2027-13-01'), false)
    assert.equal(isDate('21/05/2027'), false)
    assert.equal(isTime('19:30'), true)
    assert.equal(isTime('24:00'), false)
    assert.equal(isTime('7:30'), false)
  })

  test('days are added across months, years and leap days', () => {
    assert.equal(addDays('2027-03-01', -1), '2027-02-28')
    assert.equal(addDays('2028-02-28', 1), '2028-02-29')
    assert.equal(addDays('2026-12-31', 1), '2027-01-01')
    assert.equal(daysBetween('2027-01-01', '2027-12-31'), 364)
    assert.equal(daysBetween('2027-05-21', '2027-02-01'), -109)
  })

  test('Brussels local time is UTC+1 in winter and UTC+2 in summer, whatever the server’s zone', () => {
    assert.equal(fromBrussels('2027-01-15', '19:30').toISOString(), '2027-01-15T18:30:00.000Z')
    assert.equal(fromBrussels('2027-06-15', '19:30').toISOString(), '2027-06-15T17:30:00.000Z')
    // Across the change on the last Sunday of March.
    assert.equal(fromBrussels('2027-03-28', '12:00').toISOString(), '2027-03-28T10:00:00.000Z')
    const lateEvening = new Date('2027-06-14T22:30:00Z')
    assert.equal(brusselsDate(lateEvening), '2027-06-15', 'half past midnight in Brussels is already the next day')
    assert.equal(brusselsTime(lateEvening), '00:30')
  })
})
