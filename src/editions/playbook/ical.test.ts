import assert from 'node:assert/strict'
import { test } from 'node:test'
import ICAL from 'ical.js'
import { fromBrussels } from '../../platform/calendar.ts'
import { buildCalendar, escapeText, foldLine } from './ical.ts'

test('text values escape backslashes, semicolons, commas and line breaks', () => {
  assert.equal(escapeText('Zaal 1; bar, keuken\\kelder\nRij 2'), 'Zaal 1\\; bar\\, keuken\\\\kelder\\nRij 2')
})

test('long lines fold at 75 octets without splitting a character', () => {
  const line = `SUMMARY:${'é'.repeat(100)}`
  const folded = foldLine(line)
  const physical = folded.split('\r\n')
  assert.ok(physical.length > 1)
  for (const part of physical) assert.ok(Buffer.byteLength(part, 'utf8') <= 75, `${Buffer.byteLength(part)} octets`)
  assert.ok(physical.slice(1).every((part) => part.startsWith(' ')))
  assert.equal(physical.map((part, i) => (i === 0 ? part : part.slice(1))).join(''), line)
  assert.equal(foldLine('SHORT:x'), 'SHORT:x')
})

test('the calendar has the ceremony in UTC with its place, and each task as an all-day event that a real parser reads back', () => {
  const text = buildCalendar({
    uidDomain: 'welkom.example',
    now: new Date('2027-03-01T08:00:00Z'),
    edition: { id: 'e1', name: 'Welkom, Mol; 2027', startsAt: fromBrussels('2027-05-21', '19:00'), durationMinutes: 90, location: 'Cultuurcentrum, Grote zaal, Kerkstraat 1, 2400 Mol', url: 'https://welkom.example/edities/e1' },
    tasks: [{ id: 't1', title: 'De zaal reserveren', description: 'Denk aan toegankelijkheid,\nparkeren en openbaar vervoer. '.repeat(3), dueOn: '2027-03-26', url: 'https://welkom.example/edities/e1/draaiboek/t1' }],
  })
  assert.ok(text.endsWith('\r\n'))
  assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF')
  const calendar = new ICAL.Component(ICAL.parse(text))
  const [ceremony, task] = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
  assert.equal(ceremony!.summary, 'Welkom, Mol; 2027')
  assert.equal(ceremony!.location, 'Cultuurcentrum, Grote zaal, Kerkstraat 1, 2400 Mol')
  assert.equal(ceremony!.startDate.toJSDate().toISOString(), '2027-05-21T17:00:00.000Z')
  assert.equal(ceremony!.endDate.toJSDate().toISOString(), '2027-05-21T18:30:00.000Z')
  assert.equal(ceremony!.uid, 'edition-e1@welkom.example')
  assert.equal(task!.startDate.isDate, true)
  assert.equal(task!.startDate.toString(), '2027-03-26')
  assert.equal(task!.endDate.toString(), '2027-03-27')
  assert.equal(task!.uid, 'task-t1@welkom.example')
  assert.match(task!.description, /^Denk aan toegankelijkheid,\nparkeren/)
})
