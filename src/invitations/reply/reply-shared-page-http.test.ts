// The reply page is mostly one template per edition and language (reply-page-cache.ts), and a
// newcomer's own address needs no CSRF token: each person still sees only their own name and
// address, markup stays text, the edition's changes show at once, and the code form and staff
// forms still refuse a post without a CSRF token.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { paths } from '../../paths.ts'
import { openEditionWithPeople, yesAnswer } from './reply-test-support.ts'

describe('the reply page shared by the invitees of an edition', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(async () => {
    await t?.close()
  })

  test('each person sees their own first name and address, and markup in a first name as text', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: '<b>Amal</b> & "Sami"' }, { firstName: 'Omar' }])
    const [amal, omar] = [people[0]!, people[1]!]
    const client = new Client(t.app)
    const first = await client.get(paths.reply(amal.token))
    const second = await client.get(paths.reply(omar.token))
    assert.match(visibleText(first.body), /Beste <b>Amal<\/b> & "Sami",/)
    assert.doesNotMatch(first.body, /<b>Amal/)
    assert.match(visibleText(second.body), /Beste Omar,/)
    assert.doesNotMatch(second.body, /Amal/)
    assert.match(first.body, new RegExp(`<form method="post" action="${paths.reply(amal.token)}" novalidate>`))
    assert.match(second.body, new RegExp(`<form method="post" action="${paths.reply(omar.token)}" novalidate>`))
    assert.equal(second.body.includes(amal.token), false, "no trace of the other person's address")
  })

  test('a visit sets no cookie and the page carries no CSRF token', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Lina' }])
    const page = await new Client(t.app).get(paths.reply(people[0]!.token))
    assert.equal(page.statusCode, 200)
    assert.equal(page.headers['set-cookie'], undefined)
    assert.doesNotMatch(page.body, /name="_csrf"/)
  })

  test('a change to the edition shows on the next visit', async () => {
    const { edition, people } = await openEditionWithPeople(t, [{ firstName: 'Nour' }], { venueName: 'Cultuurcentrum De Zaal' })
    const client = new Client(t.app)
    assert.match(visibleText((await client.get(paths.reply(people[0]!.token))).body), /Cultuurcentrum De Zaal/)
    await t.db.updateTable('editions').set({ venue_name: 'Stadhuis, raadzaal' }).where('id', '=', edition.id).execute()
    const text = visibleText((await client.get(paths.reply(people[0]!.token))).body)
    assert.match(text, /Stadhuis, raadzaal/)
    assert.doesNotMatch(text, /Cultuurcentrum De Zaal/)
  })

  test('someone who has answered sees their answer in the form, someone else of the edition an empty form', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Sara' }, { firstName: 'Yonas' }])
    const client = new Client(t.app)
    await client.get(paths.reply(people[1]!.token))
    await client.post(paths.reply(people[0]!.token), yesAnswer(0, 0, { vegan: 'yes' }))
    const answered = await client.get(paths.reply(people[0]!.token))
    assert.match(answered.body, /value="yes" checked/)
    assert.match(visibleText(answered.body), /U heeft al geantwoord/)
    const other = await client.get(paths.reply(people[1]!.token))
    assert.doesNotMatch(other.body, /checked/)
    assert.doesNotMatch(visibleText(other.body), /U heeft al geantwoord/)
  })
})

describe('CSRF tokens and the newcomer’s own address', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(async () => {
    await t?.close()
  })

  /** A post with no cookie and no CSRF token, as a plain form from anywhere would send it. */
  const bare = (url: string, fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })

  test('an answer posted to the personal address without a CSRF token or cookie is saved', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Amal' }])
    const response = await bare(paths.reply(people[0]!.token), { attending: 'no' })
    assert.equal(response.statusCode, 303)
    assert.equal((await t.db.selectFrom('replies').select('attending').where('invitee_id', '=', people[0]!.id).executeTakeFirst())?.attending, 'no')
  })

  test('the recording form of the personal address needs no CSRF token either', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Omar' }])
    const response = await bare(paths.replyRecording(people[0]!.token), { action: 'delete', taal: 'nl' })
    assert.equal(response.statusCode, 303)
  })

  test('the code form without its CSRF token is refused with 403', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Lina' }])
    const response = await new Client(t.app).post(paths.replyCode(), { code: people[0]!.code }, { csrf: false })
    assert.equal(response.statusCode, 403)
    assert.match(visibleText(response.body), /Het formulier is verlopen/)
  })

  test('a staff form without its CSRF token is refused with 403 and changes nothing', async () => {
    const { organiser, edition, people } = await openEditionWithPeople(t, [{ firstName: 'Sara' }])
    const response = await organiser.staffClient.post(paths.inviteeReply(edition.id, people[0]!.id), yesAnswer(0, 0, { channel: 'phone' }), { csrf: false })
    assert.equal(response.statusCode, 403)
    assert.equal(await t.db.selectFrom('replies').select('attending').where('invitee_id', '=', people[0]!.id).executeTakeFirst(), undefined)
  })
})
