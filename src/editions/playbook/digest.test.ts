import assert from 'node:assert/strict'
import { test } from 'node:test'
import { brusselsDate, brusselsTime, fromBrussels } from '../../platform/calendar.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { digestMail, digestWeek, nextDigestRun, selectDigest, type DigestTask } from './digest.ts'

const edition = { id: 'e1', name: 'Welkom 2027', startsAt: fromBrussels('2027-05-21', '19:00') }
const task = (id: string, dueOn: string, ownerId: string | null, status: DigestTask['status'] = 'todo'): DigestTask => ({ id, title: `Taak ${id}`, dueOn, status, ownerId, edition })

test('the digest holds a person’s late tasks and those due within seven days, plus unowned ones in that window', () => {
  const tasks = [task('late', '2027-03-01', 'me'), task('soon', '2027-03-14', 'me'), task('later', '2027-03-15', 'me'), task('theirs', '2027-03-09', 'you'), task('open', '2027-03-10', null), task('done', '2027-03-02', 'me', 'done'), task('far', '2027-04-10', null)]
  const [digest] = selectDigest(tasks, 'me', '2027-03-08')
  assert.deepEqual({ late: digest!.late.map((t) => t.id), dueSoon: digest!.dueSoon.map((t) => t.id), unassigned: digest!.unassigned.map((t) => t.id) }, { late: ['late'], dueSoon: ['soon'], unassigned: ['open'] })
})

test('a person with nothing late or due this week gets an empty digest', () => {
  assert.deepEqual(selectDigest([task('later', '2027-04-01', 'me'), task('theirs', '2027-03-09', 'you')], 'me', '2027-03-08'), [])
})

test('the digest e-mail is written in the recipient’s language with a link per task', () => {
  const digest = selectDigest([task('a', '2027-03-01', 'me')], 'me', '2027-03-08')
  const mail = digestMail(createTranslator('en'), { name: 'Lien', digest, taskUrl: (t) => `https://w.example/t/${t.id}`, myTasksUrl: 'https://w.example/mijn-taken' })
  assert.equal(mail.subject, '1 playbook task needs your attention')
  assert.match(mail.text, /^Dear Lien,/)
  assert.match(mail.text, /Late:\n- Taak a \(due 1 March 2027\): https:\/\/w\.example\/t\/a/)
  assert.match(mail.text, /All your tasks: https:\/\/w\.example\/mijn-taken/)
})

test('the digest runs on Mondays at 07:00 in Brussels, summer and winter', () => {
  for (const [now, expected] of [
    ['2027-03-24T12:00:00Z', '2027-03-29 07:00'], // a Wednesday; the clocks change on Sunday 28 March
    ['2027-03-29T04:59:00Z', '2027-03-29 07:00'], // Monday before 07:00 summer time
    ['2027-03-29T05:00:00Z', '2027-04-05 07:00'], // Monday at 07:00: the next week
    ['2027-12-26T22:00:00Z', '2027-12-27 07:00'], // Sunday night
  ] as const) {
    const run = nextDigestRun(new Date(now))
    assert.equal(`${brusselsDate(run)} ${brusselsTime(run)}`, expected, now)
  }
})

test('every moment of a week belongs to the digest week of its Monday', () => {
  assert.equal(digestWeek(fromBrussels('2027-03-29', '07:00')), '2027-03-29')
  assert.equal(digestWeek(fromBrussels('2027-04-04', '23:59')), '2027-03-29')
  assert.equal(digestWeek(fromBrussels('2027-04-05', '00:00')), '2027-04-05')
})
