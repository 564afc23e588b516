import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fromBrussels } from '../../platform/calendar.ts'
import { dueRules, inAudience, isDue, normaliseRules, parseNewRule, parseRuleToRemove, reminderDueAt, type ReminderEdition } from './reminder-rules.ts'

const open = (startsAt: Date, replyBy: string | null = null): ReminderEdition => ({ startsAt, replyBy, status: 'invitations_open', purgedAt: null })

test('a reminder is due at 10:00 Brussels time on its calendar day, in winter and in summer time', () => {
  assert.equal(reminderDueAt(fromBrussels('2027-05-21', '19:00'), 14).toISOString(), '2027-05-07T08:00:00.000Z')
  assert.equal(reminderDueAt(fromBrussels('2027-02-19', '19:00'), 3).toISOString(), '2027-02-16T09:00:00.000Z')
})

test('on the day the clocks change the reminder is still at 10:00 on the clock, not 24-hour steps back from the ceremony', () => {
  // Summer time starts on Sunday 28 March 2027 and ends on Sunday 31 October 2027.
  assert.equal(reminderDueAt(fromBrussels('2027-04-04', '19:00'), 7).toISOString(), '2027-03-28T08:00:00.000Z')
  assert.equal(reminderDueAt(fromBrussels('2027-03-29', '09:00'), 1).toISOString(), '2027-03-28T08:00:00.000Z')
  assert.equal(reminderDueAt(fromBrussels('2027-11-01', '19:00'), 1).toISOString(), '2027-10-31T09:00:00.000Z')
  assert.equal(reminderDueAt(fromBrussels('2027-11-14', '19:00'), 14).toISOString(), '2027-10-31T09:00:00.000Z')
})

test('a rule is due from its moment until the ceremony begins', () => {
  const edition = open(fromBrussels('2027-05-21', '19:00'))
  const rule = { daysBefore: 14, audience: 'not_replied' as const }
  const dueAt = reminderDueAt(edition.startsAt, 14)
  assert.equal(isDue(rule, edition, new Date(dueAt.getTime() - 60_000)), false)
  assert.equal(isDue(rule, edition, dueAt), true)
  assert.equal(isDue(rule, edition, new Date(edition.startsAt.getTime() - 1)), true)
  assert.equal(isDue(rule, edition, edition.startsAt), false)
})

test('"not replied" reminders stop after the reply-by day; reminders to those coming go on', () => {
  const edition = open(fromBrussels('2027-05-21', '19:00'), '2027-05-10')
  const notReplied = { daysBefore: 14, audience: 'not_replied' as const }
  const coming = { daysBefore: 14, audience: 'coming' as const }
  assert.equal(isDue(notReplied, edition, fromBrussels('2027-05-10', '23:59')), true, 'the reply-by day counts in full')
  assert.equal(isDue(notReplied, edition, fromBrussels('2027-05-11', '00:00')), false)
  assert.equal(isDue(coming, edition, fromBrussels('2027-05-11', '00:00')), true)
})

test('only an edition open for replies sends "not replied" reminders; "coming" ones also once replies are closed; never after a purge', () => {
  const startsAt = fromBrussels('2027-05-21', '19:00')
  const now = fromBrussels('2027-05-20', '12:00')
  const notReplied = { daysBefore: 3, audience: 'not_replied' as const }
  const coming = { daysBefore: 1, audience: 'coming' as const }
  const closed = { ...open(startsAt), status: 'replies_closed' }
  assert.equal(isDue(notReplied, closed, now), false)
  assert.equal(isDue(coming, closed, now), true)
  assert.equal(isDue(coming, { ...open(startsAt), status: 'draft' }, now), false)
  assert.equal(isDue(coming, { ...open(startsAt), purgedAt: now }, now), false)
})

test('when two rules of an audience are due at once, only the later one sends', () => {
  const edition = open(fromBrussels('2027-05-21', '19:00'))
  const rules = [
    { daysBefore: 14, audience: 'not_replied' as const },
    { daysBefore: 3, audience: 'not_replied' as const },
    { daysBefore: 1, audience: 'coming' as const },
  ]
  assert.deepEqual(dueRules(rules, edition, fromBrussels('2027-05-10', '10:00')), [{ daysBefore: 14, audience: 'not_replied' }])
  assert.deepEqual(dueRules(rules, edition, fromBrussels('2027-05-20', '10:00')), [
    { daysBefore: 3, audience: 'not_replied' },
    { daysBefore: 1, audience: 'coming' },
  ])
  assert.deepEqual(dueRules(rules, edition, fromBrussels('2027-05-07', '09:59')), [])
})

test('"not replied" reaches people without an answer and those not sure yet; "coming" only a yes with a place; excluded people never', () => {
  const base = { invitable: true, hasInvitation: true }
  assert.equal(inAudience('not_replied', { ...base, reply: null }), true)
  assert.equal(inAudience('not_replied', { ...base, reply: { attending: 'maybe', place: null } }), true)
  assert.equal(inAudience('not_replied', { ...base, reply: { attending: 'no', place: null } }), false)
  assert.equal(inAudience('not_replied', { ...base, reply: { attending: 'yes', place: 'confirmed' } }), false)
  assert.equal(inAudience('coming', { ...base, reply: { attending: 'yes', place: 'confirmed' } }), true)
  assert.equal(inAudience('coming', { ...base, reply: { attending: 'yes', place: 'waiting' } }), false)
  assert.equal(inAudience('not_replied', { invitable: false, hasInvitation: true, reply: null }), false)
  assert.equal(inAudience('not_replied', { invitable: true, hasInvitation: false, reply: null }), false)
})

test('a new rule needs 1 to 60 days and an audience, and may not repeat one the edition has', () => {
  const existing = [{ daysBefore: 14, audience: 'not_replied' as const }]
  assert.deepEqual(parseNewRule({ daysBefore: '7', audience: 'coming' }, existing), { ok: true, value: { daysBefore: 7, audience: 'coming' } })
  for (const daysBefore of ['0', '61', '2.5', '', 'tien']) {
    const parsed = parseNewRule({ daysBefore, audience: 'coming' }, existing)
    assert.ok(!parsed.ok && parsed.errors[0]?.field === 'daysBefore', `${daysBefore} is refused`)
  }
  const noAudience = parseNewRule({ daysBefore: '7', audience: 'everyone' }, existing)
  assert.ok(!noAudience.ok && noAudience.errors[0]?.message === 'invitations.reminders.error.audience')
  const duplicate = parseNewRule({ daysBefore: '14', audience: 'not_replied' }, existing)
  assert.ok(!duplicate.ok && duplicate.errors[0]?.message === 'invitations.reminders.error.duplicate')
  const full = Array.from({ length: 8 }, (_, i) => ({ daysBefore: i + 20, audience: 'coming' as const }))
  const tooMany = parseNewRule({ daysBefore: '7', audience: 'coming' }, full)
  assert.ok(!tooMany.ok && tooMany.errors[0]?.message === 'invitations.reminders.error.tooMany')
})

test('stored rules are read leniently: invalid entries and repeats are dropped, the earliest first', () => {
  assert.deepEqual(
    normaliseRules([{ daysBefore: 3, audience: 'not_replied' }, { daysBefore: 14, audience: 'not_replied' }, { daysBefore: 3, audience: 'not_replied' }, { daysBefore: 0, audience: 'coming' }, 'x', null]),
    [
      { daysBefore: 14, audience: 'not_replied' },
      { daysBefore: 3, audience: 'not_replied' },
    ],
  )
  assert.deepEqual(normaliseRules(null), [])
  assert.deepEqual(parseRuleToRemove({ rule: '14-not_replied' }), { daysBefore: 14, audience: 'not_replied' })
  assert.equal(parseRuleToRemove({ rule: '99-coming' }), null)
  assert.equal(parseRuleToRemove({ rule: '1-everyone' }), null)
})
