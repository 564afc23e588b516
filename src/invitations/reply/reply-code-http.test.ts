// /r: the short code from a letter. Typing variants are accepted; a wrong code and a code never
// issued look the same; tries are limited per address and per edition; a purged edition's token
// and code open nothing.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { hashToken } from '../../platform/crypto.ts'
import { purgeEdition } from '../../invitees/purge-queries.ts'
import { paths } from '../../paths.ts'
import { formatShortCode } from '../reply-codes.ts'
import { CODE_LIMIT_PER_ADDRESS, CODE_LIMIT_PER_EDITION } from './code-routes.tsx'
import { openEditionWithPeople, yesAnswer } from './reply-test-support.ts'

describe('the code form', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(async () => {
    await t?.close()
  })

  test('accepts the code in lower case, with spaces or a dash, and opens the reply page', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Amal' }])
    const { code, token } = people[0]!
    const client = new Client(t.app)
    const form = await client.get(paths.replyCode())
    assert.equal(form.statusCode, 200)
    assert.match(visibleText(form.body), /Code uit uw brief/)
    for (const typed of [code.toLowerCase(), `${code.slice(0, 4)} ${code.slice(4)}`, ` ${formatShortCode(code)} `]) {
      const response = await client.post(paths.replyCode(), { code: typed })
      assert.equal(response.statusCode, 303, typed)
      assert.equal(response.headers.location, paths.reply(token))
    }
  })

  test('a wrong code gets the same page as one that could never have been issued', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Omar' }])
    const client = new Client(t.app)
    const anotherCode = people[0]!.code.startsWith('A') ? 'CCCCCCCC' : 'AAAAAAAA'
    const wrong = await client.post(paths.replyCode(), { code: anotherCode })
    const impossible = await client.post(paths.replyCode(), { code: 'ZZZZ-0000' })
    assert.equal(wrong.statusCode, 400)
    assert.equal(impossible.statusCode, 400)
    const withoutTyped = (html: string) => visibleText(html.replace(/value="[^"]*" dir="ltr"/, ''))
    assert.equal(withoutTyped(wrong.body), withoutTyped(impossible.body))
    assert.match(visibleText(wrong.body), /^Fout: Vul uw code in/)
    assert.match(visibleText(wrong.body), /Wij kennen deze code niet/)
  })

  test('after too many tries from one address the form answers 429 in the page language, whatever the code', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Sara' }])
    const client = new Client(t.app)
    for (let i = 0; i < CODE_LIMIT_PER_ADDRESS.max; i++) assert.equal((await client.post(paths.replyCode(), { code: 'AAAAAAAA' })).statusCode, 400)
    const refused = await client.post(paths.replyCode(), { code: people[0]!.code, taal: 'en' })
    assert.equal(refused.statusCode, 429)
    assert.ok(Number(refused.headers['retry-after']) > 0)
    assert.match(refused.body, /<html lang="en" dir="ltr">/)
    assert.match(visibleText(refused.body), /You have tried a code too many times\. Try again in 15 minutes\./)
    assert.equal(refused.headers['cache-control'], 'no-store')
    // Another address is not affected.
    assert.equal((await new Client(t.app).post(paths.replyCode(), { code: people[0]!.code })).statusCode, 303)
  })

  test('through a partner help page the edition has its own budget, shared by every address', async () => {
    const { edition, people } = await openEditionWithPeople(t, [{ firstName: 'Yonas' }])
    const helpToken = 'help-token-for-this-edition-0123'
    await t.db.updateTable('editions').set({ help_token_hash: hashToken(helpToken) }).where('id', '=', edition.id).execute()
    // The edition's budget spent by many addresses, as a class of people would.
    await t.db.insertInto('rate_limits').values({ key: `reply-code:edition:${edition.id}`, hits: CODE_LIMIT_PER_EDITION.max, reset_at: new Date(Date.now() + 3600_000) }).execute()
    const viaHelp = await new Client(t.app).post(paths.replyCode(), { code: people[0]!.code, hulp: helpToken })
    assert.equal(viaHelp.statusCode, 429)
    assert.match(visibleText(viaHelp.body), /Te veel pogingen/)
    // The same code typed at /r itself counts against the address only.
    assert.equal((await new Client(t.app).post(paths.replyCode(), { code: people[0]!.code })).statusCode, 303)
  })

  test('a person staff excluded or did not select: the link and the code open nothing until they are included again', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Rami' }])
    const { id, token, code } = people[0]!
    const client = new Client(t.app)
    const set = (values: Record<string, string | null | undefined>) => t.db.updateTable('invitees').set(values).where('id', '=', id).execute()
    for (const change of [{ excluded_reason: 'no_contact' }, { excluded_reason: 'deceased' }, { excluded_reason: null, selection: 'not_selected' }]) {
      await set(change)
      const page = await client.get(paths.reply(token))
      assert.equal(page.statusCode, 404, JSON.stringify(change))
      assert.match(visibleText(page.body), /Wij vinden deze uitnodiging niet/)
      assert.equal((await client.post(paths.reply(token), yesAnswer())).statusCode, 404)
      assert.match(visibleText((await client.post(paths.replyCode(), { code })).body), /Wij kennen deze code niet/)
    }
    assert.equal(await t.db.selectFrom('replies').select('invitee_id').where('invitee_id', '=', id).executeTakeFirst(), undefined, 'nothing was saved')
    await set({ excluded_reason: null, selection: 'selected' })
    assert.equal((await client.get(paths.reply(token))).statusCode, 200)
  })

  test('once the edition is purged its token and code open nothing, and look like any unknown one', async () => {
    const { organiser, edition, people } = await openEditionWithPeople(t, [{ firstName: 'Nour' }])
    const { token, code } = people[0]!
    const client = new Client(t.app)
    assert.equal((await client.post(paths.reply(token), yesAnswer())).statusCode, 303)
    const counts = { invitees: 0, households: 0, contributions: 0, uploads: 0, replies: 0, recordings: 0, messages: 0 }
    assert.ok(await purgeEdition(t.db, t.services.database.dialect, { editionId: edition.id, municipalityId: organiser.municipality.id, name: edition.name, dueOn: '2026-01-01', counts }, new Date(), t.config.dataDir))
    const page = await client.get(paths.reply(token))
    assert.equal(page.statusCode, 404)
    assert.match(visibleText(page.body), /Wij vinden deze uitnodiging niet/)
    assert.equal((await client.post(paths.reply(token), yesAnswer())).statusCode, 404)
    assert.equal((await client.get(paths.replyDone(token))).statusCode, 404)
    const typed = await client.post(paths.replyCode(), { code })
    assert.equal(typed.statusCode, 400)
    assert.match(visibleText(typed.body), /Wij kennen deze code niet/)
  })
})
