// The newcomer's reply page over HTTP, on the suite's database: the invitation, answering and
// changing the answer, the thank-you page and calendar file, bad input, the deadline, privacy headers.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { gunzipSync } from 'node:zlib'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { addDays, brusselsDate } from '../../platform/calendar.ts'
import { paths } from '../../paths.ts'
import { openEditionWithPeople, yesAnswer } from './reply-test-support.ts'

describe('the reply page', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(async () => {
    await t?.close()
  })

  const auditRows = (inviteeId: string) => t.db.selectFrom('audit_events').select(['action', 'actor_user_id', 'details_json']).where('record_id', '=', inviteeId).where('action', 'like', 'reply.%').orderBy('occurred_at').execute()
  const messages = (inviteeId: string) => t.db.selectFrom('invitee_messages').select(['kind', 'channel']).where('invitee_id', '=', inviteeId).execute()
  const storedReply = (inviteeId: string) => t.db.selectFrom('replies').selectAll().where('invitee_id', '=', inviteeId).executeTakeFirst()

  test('shows the invitation with the first name, date, place and programme, then the form', async () => {
    const { edition, people } = await openEditionWithPeople(t, [{ firstName: 'Amal' }], { venueName: 'Cultuurcentrum De Zaal', venueRoom: 'Grote zaal', accessibility: 'Lift aan de zij-ingang.' })
    await t.db.insertInto('programme_items').values({ id: crypto.randomUUID(), edition_id: edition.id, position: 1, kind: 'welcome', title: 'Welkomstwoord door de burgemeester', duration_minutes: 15, performer: null, updated_at: new Date() }).execute()
    const page = await new Client(t.app).get(paths.reply(people[0]!.token))
    assert.equal(page.statusCode, 200)
    const text = visibleText(page.body)
    assert.match(text, /Beste Amal,/)
    assert.match(text, /Cultuurcentrum De Zaal, Grote zaal/)
    assert.match(text, /Kerkstraat 1, 2400 Mol/)
    assert.match(text, /Lift aan de zij-ingang\./)
    assert.match(text, /19:00 Welkomstwoord door de burgemeester/)
    assert.match(text, /Komt u\?/)
    assert.match(page.body, /<a href="https:\/\/www\.openstreetmap\.org\/search\?query=Kerkstraat%201%2C%202400%20Mol" rel="noreferrer">/)
    assert.match(page.body, /<html lang="nl" dir="ltr">/)
  })

  test('a browser that takes gzip gets the same page compressed, before and after answering', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Amal' }])
    const client = new Client(t.app)
    const url = paths.reply(people[0]!.token)
    for (const step of ['blank form', 'answered']) {
      if (step === 'answered') await client.post(url, yesAnswer(0, 0, { phoneticName: 'a-MAAL' }))
      const plain = await client.get(url)
      const zipped = await client.get(url, { 'accept-encoding': 'gzip, deflate, br' })
      assert.equal(plain.headers['content-encoding'], undefined, step)
      assert.equal(zipped.headers['content-encoding'], 'gzip', step)
      assert.equal(zipped.headers.vary, 'accept-encoding', step)
      assert.equal(gunzipSync(zipped.rawPayload).toString(), plain.body, step)
      assert.ok(zipped.rawPayload.length < plain.rawPayload.length / 3, step)
    }
    assert.match((await client.get(url)).body, /value="a-MAAL"/)
  })

  test('sends noindex, no-referrer and no-store on every newcomer page, found or not', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Amal' }])
    const client = new Client(t.app)
    await client.post(paths.reply(people[0]!.token), yesAnswer())
    for (const url of [paths.replyCode(), paths.reply(people[0]!.token), paths.replyDone(people[0]!.token), paths.reply('nothing-here-at-all-123456')]) {
      const response = await client.get(url)
      assert.equal(response.headers['cache-control'], 'no-store', url)
      assert.equal(response.headers['x-robots-tag'], 'noindex, nofollow', url)
      assert.equal(response.headers['referrer-policy'], 'no-referrer', url)
      assert.match(response.body, /<meta name="robots" content="noindex, nofollow"\/?>/, url)
      assert.match(response.body, /<meta name="referrer" content="no-referrer"\/?>/, url)
    }
  })

  test('a "yes" with a guest and needs is saved, audited without personal data, confirmed, and shown in plain words', async () => {
    const { edition, people } = await openEditionWithPeople(t, [{ firstName: 'Amal', email: 'amal@example.org' }], { guestsPerInvitee: 2, replyBy: addDays(brusselsDate(new Date()), 10) })
    const amal = people[0]!
    const client = new Client(t.app)
    const posted = await client.post(paths.reply(amal.token), yesAnswer(1, 0, { wheelchair: 'yes', interpreter: 'ar', halal: 'yes', allergies: 'noten', phoneticName: 'a-MAAL', photo: 'yes' }))
    assert.equal(posted.statusCode, 303)
    assert.equal(posted.headers.location, `${paths.replyDone(amal.token)}?taal=nl`)

    const reply = await storedReply(amal.id)
    assert.equal(reply?.attending, 'yes')
    assert.equal(reply?.place, 'confirmed')
    assert.equal(reply?.adults, 1)
    assert.equal(reply?.channel, 'web')
    assert.equal(reply?.language, 'nl')
    assert.deepEqual(await auditRows(amal.id), [{ action: 'reply.saved', actor_user_id: null, details_json: { attending: 'yes', place: 'confirmed', channel: 'web' } }])
    assert.deepEqual(await messages(amal.id), [{ kind: 'confirmation', channel: 'email' }])

    const done = visibleText((await client.get(posted.headers.location as string)).body)
    assert.match(done, /Bedankt voor uw antwoord/)
    assert.match(done, /Ja, u komt\. U brengt 1 persoon mee\./)
    assert.match(done, /Een plaats voor een rolstoel/)
    assert.match(done, /Een tolk: العربية/)
    assert.match(done, /Allergie: noten/)
    assert.match(done, new RegExp(`U kunt uw antwoord veranderen tot en met`))
    assert.match(done, /Zet de ceremonie in uw agenda/)
    const ics = await client.get(paths.replyCalendar(amal.token))
    assert.equal(ics.statusCode, 200)
    assert.match(String(ics.headers['content-type']), /^text\/calendar/)
    assert.match(ics.body, /BEGIN:VEVENT/)
    assert.match(ics.body, /LOCATION:Cultuurcentrum\\, Kerkstraat 1\\, 2400 Mol/)
    void edition
  })

  test('the form opens with the current answer, and a change is audited as a change', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Omar' }])
    const omar = people[0]!
    const client = new Client(t.app)
    await client.post(paths.reply(omar.token), { attending: 'maybe', interests: [] })
    const form = await client.get(paths.reply(omar.token))
    assert.match(form.body, /<input class="radios__input" id="field-attending-maybe" name="attending" type="radio" value="maybe" checked/)
    assert.match(visibleText(form.body), /U heeft al geantwoord/)
    await client.post(paths.reply(omar.token), { attending: 'no', nextTime: 'yes' })
    assert.deepEqual((await auditRows(omar.id)).map((r) => r.action), ['reply.saved', 'reply.changed'])
    const invitee = await t.db.selectFrom('invitees').select('has_asked_next_time').where('id', '=', omar.id).executeTakeFirstOrThrow()
    assert.equal(invitee.has_asked_next_time, true)
    assert.match(visibleText((await client.get(paths.replyDone(omar.token))).body), /Nee, u komt niet\. U wilt een uitnodiging voor de volgende ceremonie\./)
  })

  test('the same answer posted twice (a double click) changes nothing: one audit row, one message', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Sara', email: 'sara@example.org' }])
    const sara = people[0]!
    const client = new Client(t.app)
    const answer = yesAnswer(1, 1, { vegan: 'yes', interests: [] })
    const [first, second] = [await client.post(paths.reply(sara.token), answer), await client.post(paths.reply(sara.token), answer)]
    assert.equal(first.statusCode, 303)
    assert.equal(second.statusCode, 303)
    assert.equal(second.headers.location, first.headers.location)
    assert.equal((await auditRows(sara.id)).length, 1)
    assert.equal((await messages(sara.id)).length, 1)
  })

  test('refuses more guests than the edition allows with 400, the limit in the message and every value kept', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Yonas' }], { guestsPerInvitee: 2 })
    const yonas = people[0]!
    const response = await new Client(t.app).post(paths.reply(yonas.token), yesAnswer(2, 1, { phoneticName: 'Yo-nas', childcare: 'yes' }))
    assert.equal(response.statusCode, 400)
    const text = visibleText(response.body)
    assert.match(text, /^Fout: Uw uitnodiging/)
    assert.match(text, /Er is een probleem U mag maximaal 2 personen meebrengen/)
    assert.match(response.body, /<a href="#field-adults">/)
    assert.match(response.body, /id="field-adults" name="adults"[^>]*aria-describedby="field-adults-error"|name="adults" value="2"/)
    assert.match(response.body, /value="Yo-nas"/)
    assert.match(response.body, /id="field-childcare" name="childcare" type="checkbox" value="yes" checked/)
    assert.equal(await storedReply(yonas.id), undefined)
  })

  test('asks to choose whether one comes, in the page language', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Ana', language: 'en' }])
    const response = await new Client(t.app).post(paths.reply(people[0]!.token), { taal: 'en' })
    assert.equal(response.statusCode, 400)
    assert.match(visibleText(response.body), /Choose if you are coming/)
  })

  test('shows markup typed in free-text fields as text', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Lina' }])
    const client = new Client(t.app)
    await client.post(paths.reply(people[0]!.token), yesAnswer(0, 0, { phoneticName: '<script>alert(1)</script>', contribution: 'music', contributionText: '<b>oed</b> & zang' }))
    const done = await client.get(paths.replyDone(people[0]!.token))
    assert.doesNotMatch(done.body, /<script>alert/)
    assert.doesNotMatch(done.body, /<b>oed/)
    assert.match(visibleText(done.body), /<script>alert\(1\)<\/script>/)
    assert.match(visibleText(done.body), /<b>oed<\/b> & zang/)
  })

  test('an offer to contribute appears on the contributions list and goes when withdrawn', async () => {
    const { edition, people } = await openEditionWithPeople(t, [{ firstName: 'Dawit' }])
    const dawit = people[0]!
    const client = new Client(t.app)
    await client.post(paths.reply(dawit.token), yesAnswer(0, 0, { contribution: ['testimony', 'music'], contributionText: 'Mijn verhaal, 5 minuten' }))
    const rows = await t.db.selectFrom('edition_contributions').select(['kind', 'name', 'description', 'status']).where('edition_id', '=', edition.id).execute()
    assert.deepEqual(rows, [{ kind: 'music', name: 'Dawit', description: 'Mijn verhaal, 5 minuten', status: 'asked' }])
    await client.post(paths.reply(dawit.token), yesAnswer())
    assert.equal((await t.db.selectFrom('edition_contributions').select('id').where('edition_id', '=', edition.id).execute()).length, 0)
  })

  test('after the reply-by day the answer shows read-only, and a late post is refused with 409 and the values shown back', async () => {
    const { edition, people } = await openEditionWithPeople(t, [{ firstName: 'Nour' }])
    const client = new Client(t.app)
    await client.post(paths.reply(people[0]!.token), yesAnswer())
    await t.db.updateTable('editions').set({ reply_by: addDays(brusselsDate(new Date()), -1) }).where('id', '=', edition.id).execute()
    const page = await client.get(paths.reply(people[0]!.token))
    assert.equal(page.statusCode, 200)
    assert.doesNotMatch(page.body, /name="attending"/)
    assert.match(visibleText(page.body), /U kunt niet meer antwoorden.*Uw antwoord zoals wij het kennen: Ja, u komt\. U komt alleen\./)
    const late = await client.post(paths.reply(people[0]!.token), { attending: 'no', phoneticName: 'Noer, zoals vuur' })
    assert.equal(late.statusCode, 409)
    assert.match(visibleText(late.body), /Uw antwoord is niet bewaard\. Dit heeft u ingevuld: Nee, u komt niet\./)
    assert.match(visibleText(late.body), /Noer, zoals vuur/)
    assert.equal((await storedReply(people[0]!.id))?.attending, 'yes')
  })

  test('an unknown token gets one friendly 404 page in the browser language', async () => {
    const client = new Client(t.app)
    const dutch = await client.get(paths.reply('AAAAAAAAAAAAAAAAAAAAAAAA'))
    assert.equal(dutch.statusCode, 404)
    assert.match(visibleText(dutch.body), /Wij vinden deze uitnodiging niet/)
    const french = await client.get(paths.reply('not a token'), { 'accept-language': 'fr-BE,fr;q=0.9' })
    assert.equal(french.statusCode, 404)
    assert.match(french.body, /<html lang="fr" dir="ltr">/)
    assert.match(visibleText(french.body), /Nous ne trouvons pas cette invitation/)
    const arabic = await client.get(paths.replyDone('BBBBBBBBBBBBBBBBBBBBBBBB'), { 'accept-language': 'ar' })
    assert.equal(arabic.statusCode, 404)
    assert.match(arabic.body, /<html lang="ar" dir="rtl">/)
  })

  test('opens in the person’s language with the Dutch label of the translation and a link to the Dutch text', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Amal', language: 'en' }])
    const token = people[0]!.token
    const page = await new Client(t.app).get(paths.reply(token))
    assert.match(page.body, /<html lang="en" dir="ltr">/)
    assert.match(visibleText(page.body), /Vertaling van de Nederlandse tekst Translation of the Dutch text Read the Dutch text/)
    assert.match(page.body, new RegExp(`href="${paths.reply(token)}\\?taal=nl" hreflang="nl"`))
    const dutch = await new Client(t.app).get(`${paths.reply(token)}?taal=nl`)
    assert.match(dutch.body, /<html lang="nl" dir="ltr">/)
    assert.doesNotMatch(visibleText(dutch.body), /Vertaling van de Nederlandse tekst/)
  })

  test('serves the one stylesheet and the Ethiopic font it names, and no other asset is needed', async () => {
    const client = new Client(t.app)
    const css = await client.get('/static/css/newcomer.css')
    assert.equal(css.statusCode, 200)
    const fonts = [...css.body.matchAll(/url\((\/static\/fonts\/[^)]+)\)/g)].map((m) => m[1]!)
    assert.equal(fonts.length, 2)
    assert.match(css.body, /unicode-range:U\+1200-139F,U\+2D80-2DDF/)
    for (const font of fonts) {
      const response = await client.get(font)
      assert.equal(response.statusCode, 200, font)
      assert.equal(response.headers['content-type'], 'font/woff2')
      assert.equal(response.rawPayload.subarray(0, 4).toString('latin1'), 'wOF2')
    }
  })
})
