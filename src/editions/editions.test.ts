import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { editionFields } from '../../test/helpers/editions.ts'
import { daysUntil, nextPeriod, parseEdition, statusChangeProblem } from './editions.ts'
import { proposedEntry } from './practice-entry.ts'

const now = new Date('2027-01-10T10:00:00Z')
const parse = (overrides: Record<string, string | string[]>) => parseEdition(editionFields({ date: '2027-05-21', replyBy: '2027-05-07', ...overrides }), { now, municipalityIds: ['skw'] })
const messages = (result: ReturnType<typeof parse>) => (result.ok ? [] : result.errors.map((e) => `${e.field}:${e.message}`))

describe('edition rules', () => {
  test('a valid form gives the moment in Brussels, Dutch first among the languages, and only known co-organisers', () => {
    const result = parse({ time: '19:30', languages: ['ti', 'xx', 'ar'], coOrganisers: ['skw', 'someone-else'] })
    assert.ok(result.ok)
    assert.equal(result.value.startsAt.toISOString(), '2027-05-21T17:30:00.000Z')
    assert.deepEqual(result.value.languages, ['nl', 'ar', 'ti'])
    assert.deepEqual(result.value.coOrganiserIds, ['skw'])
  })

  test('the bad input of the issue is refused field by field', () => {
    assert.deepEqual(messages(parse({ date: '2027-01-09' })), ['date:editions.form.dateInPast', 'replyBy:editions.form.replyByAfterCeremony'])
    assert.deepEqual(messages(parse({ periodFrom: '2026-12-31', periodTo: '2026-01-01' })), ['periodTo:editions.form.periodEndsBeforeStart'])
    assert.deepEqual(messages(parse({ capacity: '0' })), ['capacity:editions.form.capacityInvalid'])
    assert.deepEqual(messages(parse({ capacity: '-3' })), ['capacity:editions.form.capacityInvalid'])
    assert.deepEqual(messages(parse({ capacity: '12.5' })), ['capacity:editions.form.capacityInvalid'])
    assert.deepEqual(messages(parse({ date: '2027-02-30', replyBy: '' })), ['date:editions.form.dateInvalid'])
    assert.deepEqual(messages(parse({ replyBy: '2027-01-01' })), ['replyBy:editions.form.replyByInPast'])
  })

  test('an edition already past may keep its date when other details change', () => {
    const startsAt = new Date('2026-12-01T18:00:00Z')
    const result = parseEdition(editionFields({ date: '2026-12-01', time: '19:00', replyBy: '' }), { now, municipalityIds: [], current: { startsAt, replyBy: null } })
    assert.ok(result.ok)
  })

  test('the status moves one step at a time and is held only from the day itself', () => {
    const edition = { status: 'draft' as const, startsAt: new Date('2027-05-21T17:30:00Z') }
    assert.equal(statusChangeProblem(edition, 'invitations_open', now), null)
    assert.equal(statusChangeProblem(edition, 'held', now), 'editions.status.notAllowed')
    assert.equal(statusChangeProblem({ ...edition, status: 'replies_closed' }, 'held', now), 'editions.status.notYetHeld')
    assert.equal(statusChangeProblem({ ...edition, status: 'replies_closed' }, 'held', new Date('2027-05-21T17:30:00Z')), null)
    assert.equal(statusChangeProblem({ ...edition, status: 'archived' }, 'draft', now), 'editions.status.notAllowed')
  })

  test('the countdown counts Brussels days, and next year’s period follows this one', () => {
    assert.equal(daysUntil({ startsAt: new Date('2027-01-10T23:30:00Z') }, now), 1, 'half past midnight on the 11th in Brussels')
    assert.deepEqual(nextPeriod({ periodFrom: '2026-01-01', periodTo: '2026-12-31' }), { from: '2027-01-01', to: '2027-12-31' })
  })

  test('the practice page entry keeps what the municipality wrote and only fills the gaps', () => {
    const t = (key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values)}`
    const sources = { municipalityName: 'Mol', contact: { email: 'info@mol.example', phone: null, website: null }, editions: [{ startsAt: new Date('2026-05-21T17:00:00Z'), venueName: null, organisers: ['Mol'] }] }
    const fresh = proposedEntry(null, sources, t)!
    assert.match(fresh.blurb!, /^editions\.practice\.blurb /)
    assert.equal(fresh.contactEmail, 'info@mol.example')
    const written = { blurb: 'Elk voorjaar in de raadzaal.', since: 'sinds 2015', contactName: null, contactEmail: 'a@mol.example', contactPhone: null, website: null }
    assert.equal(proposedEntry(written, sources, t), null, 'nothing to add')
    assert.equal(proposedEntry(null, { ...sources, editions: [] }, t), null, 'no edition, nothing to say')
  })
})
