import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import ICAL from 'ical.js'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { addDays, brusselsDate } from '../../platform/calendar.ts'
import { hashToken } from '../../platform/crypto.ts'
import { paths } from '../../paths.ts'
import { DEFAULT_PLAYBOOK } from './playbook.ts'

describe(`the staff calendar feed on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Awaited<ReturnType<typeof createMunicipalityWithPeople>>

  before(async () => {
    t = await createTestApp()
    mechelen = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mechelen' })
  })
  after(() => t.close())

  /** Makes the address through the page and returns the feed's path, as the person would copy it. */
  const createFeed = async (editionId: string) => {
    const created = await mechelen.staffClient.post(paths.editionCalendar(editionId), { action: 'create' })
    assert.equal(created.statusCode, 201)
    assert.equal(created.headers['cache-control'], 'no-store')
    const address = /http:\/\/localhost:3000(\/agenda\/[A-Za-z0-9_-]+\.ics)/.exec(created.body)
    assert.ok(address, 'the address is shown once')
    return address[1]!
  }

  test('a planner makes a secret calendar address; the feed parses with the ceremony and one all-day event per open task', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id, { name: 'Welkom, samen; 2027', venueRoom: 'Zaal A' })
    const done = await t.db.selectFrom('edition_tasks').select('id').where('edition_id', '=', edition.id).where('title', '=', 'De zaal reserveren').executeTakeFirstOrThrow()
    await t.db.updateTable('edition_tasks').set({ status: 'done', done_at: new Date() }).where('id', '=', done.id).execute()
    const path = await createFeed(edition.id)
    const stored = await t.db.selectFrom('editions').select('calendar_token_hash').where('id', '=', edition.id).executeTakeFirstOrThrow()
    assert.equal(stored.calendar_token_hash, hashToken(path.slice('/agenda/'.length, -'.ics'.length)), 'only the hash is stored')
    assert.match(visibleText((await mechelen.staffClient.get(paths.editionCalendar(edition.id))).body), /Er is een agenda-adres voor deze editie/)
    assert.doesNotMatch((await mechelen.staffClient.get(paths.editionCalendar(edition.id))).body, /\.ics/, 'the address is not shown again')

    // A calendar app has no session.
    const feed = await new Client(t.app).get(path)
    assert.equal(feed.statusCode, 200)
    assert.match(String(feed.headers['content-type']), /^text\/calendar; charset=utf-8/)
    assert.ok(feed.body.split('\n').slice(0, -1).every((line) => line.endsWith('\r')), 'CRLF line endings')
    const calendar = new ICAL.Component(ICAL.parse(feed.body))
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    assert.equal(events.length, 1 + DEFAULT_PLAYBOOK.length - 1, 'the ceremony and every open task')
    const ceremony = events[0]!
    assert.equal(ceremony.summary, 'Welkom, samen; 2027')
    assert.equal(ceremony.location, 'Cultuurcentrum, Zaal A, Kerkstraat 1, 2400 Mol')
    assert.equal(ceremony.startDate.toJSDate().getTime(), edition.startsAt.getTime())
    assert.equal(ceremony.endDate.toJSDate().getTime() - edition.startsAt.getTime(), 2 * 3600_000, 'two hours without a programme')
    const council = events.find((e) => e.summary === DEFAULT_PLAYBOOK[0]!.title)!
    assert.equal(council.startDate.isDate, true)
    assert.equal(council.startDate.toString(), addDays(brusselsDate(edition.startsAt), -112))
    assert.ok(!events.some((e) => e.summary === 'De zaal reserveren'), 'a done task is left out')
    const uids = events.map((e) => e.uid)
    assert.equal(new Set(uids).size, uids.length)
    const again = new ICAL.Component(ICAL.parse((await new Client(t.app).get(path)).body))
    assert.deepEqual(again.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).uid), uids, 'UIDs are stable between fetches')
    const audit = await t.db.selectFrom('audit_events').select(['action', 'details_json']).where('record_id', '=', edition.id).where('action', 'like', 'edition.calendar%').execute()
    assert.deepEqual(audit, [{ action: 'edition.calendar_feed_created', details_json: { replaced: false } }])
  })

  test('a revoked or replaced address gets 404, and an unknown one too', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const first = await createFeed(edition.id)
    const second = await createFeed(edition.id)
    const outsider = new Client(t.app)
    assert.equal((await outsider.get(first)).statusCode, 404, 'replacing the address stops the old one')
    assert.equal((await outsider.get(second)).statusCode, 200)
    const revoked = await mechelen.staffClient.post(paths.editionCalendar(edition.id), { action: 'revoke' })
    assert.equal(revoked.statusCode, 303)
    assert.equal((await outsider.get(second)).statusCode, 404)
    assert.equal((await outsider.get('/agenda/onbekend.ics')).statusCode, 404)
    assert.match(visibleText((await mechelen.staffClient.get(paths.editionCalendar(edition.id))).body), /Er is nog geen agenda-adres/)
    const audit = await t.db.selectFrom('audit_events').select('action').where('record_id', '=', edition.id).where('action', 'like', 'edition.calendar%').orderBy('occurred_at').execute()
    assert.deepEqual(audit.map((a) => a.action), ['edition.calendar_feed_created', 'edition.calendar_feed_created', 'edition.calendar_feed_revoked'])
  })
})
