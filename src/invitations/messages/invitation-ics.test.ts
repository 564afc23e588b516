import assert from 'node:assert/strict'
import { test } from 'node:test'
import ICAL from 'ical.js'
import { fromBrussels } from '../../platform/calendar.ts'
import { ceremonyMinutes, invitationIcs } from './invitation-ics.ts'

const input = {
  uid: 'invitation-i1@welkom.example',
  title: 'Inburgeringsceremonie Mol, 2027',
  startsAt: fromBrussels('2027-05-21', '19:00'),
  durationMinutes: 90,
  location: 'Cultuurcentrum; Grote zaal, Kerkstraat 1, 2400 Mol',
  description: 'Welkom!\nUw antwoord: https://welkom.example/r/abc',
  url: 'https://welkom.example/r/abc',
  now: new Date('2027-04-01T08:00:00Z'),
}

test('the invitation calendar file has one event in UTC with place, link and an alarm the day before, read back by a real parser', () => {
  const text = invitationIcs(input)
  assert.ok(text.endsWith('\r\n'))
  assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF')
  const calendar = new ICAL.Component(ICAL.parse(text))
  const events = calendar.getAllSubcomponents('vevent')
  assert.equal(events.length, 1)
  const event = new ICAL.Event(events[0]!)
  assert.equal(event.uid, 'invitation-i1@welkom.example')
  assert.equal(event.summary, 'Inburgeringsceremonie Mol, 2027')
  assert.equal(event.location, 'Cultuurcentrum; Grote zaal, Kerkstraat 1, 2400 Mol')
  assert.equal(event.description, 'Welkom!\nUw antwoord: https://welkom.example/r/abc')
  assert.equal(event.startDate.toJSDate().toISOString(), '2027-05-21T17:00:00.000Z')
  assert.equal(event.endDate.toJSDate().toISOString(), '2027-05-21T18:30:00.000Z')
  const alarm = events[0]!.getFirstSubcomponent('valarm')
  assert.equal(alarm?.getFirstPropertyValue('trigger')?.toString(), '-P1D')
})

test('the invitation calendar file leaves out the place when the edition has none', () => {
  const text = invitationIcs({ ...input, location: null })
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!)
  assert.equal(event.location, null)
})

test('the ceremony lasts as long as the programme, or two hours without one', () => {
  assert.equal(ceremonyMinutes([30, 15, 45]), 90)
  assert.equal(ceremonyMinutes([]), 120)
  assert.equal(ceremonyMinutes([0]), 120)
})
