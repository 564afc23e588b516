// The reply page's cache: shared data is at most 10 seconds old, templates follow the edition's
// facts at once, and filling a template escapes the first name and refuses an odd token.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { gunzipSync } from 'node:zlib'
import { h } from 'preact'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { compileTemplate, createReplyPageCache, fillTemplate, fillTemplateGzip, SHARED_TTL_MS, slotValues } from './reply-page-cache.ts'
import { findReplySubjectByToken } from './reply-queries.ts'
import { openEditionWithPeople } from './reply-test-support.ts'

describe('the reply page cache', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(async () => {
    await t?.close()
  })

  const addItem = (editionId: string, title: string, position: number) =>
    t.db.insertInto('programme_items').values({ id: randomUUID(), edition_id: editionId, position, kind: 'welcome', title, duration_minutes: 10, performer: null, updated_at: new Date() }).execute()

  test('a programme change shows once the shared part is 10 seconds old, not before', async () => {
    const { edition } = await openEditionWithPeople(t, [{ firstName: 'Amal' }])
    let now = 1_000_000
    const cache = createReplyPageCache(t.db, () => now)
    await addItem(edition.id, 'Welkomstwoord', 1)
    assert.deepEqual((await cache.shared(edition.id)).programme.map((i) => i.title), ['Welkomstwoord'])
    await addItem(edition.id, 'Muziek', 2)
    now += SHARED_TTL_MS - 1
    assert.deepEqual((await cache.shared(edition.id)).programme.map((i) => i.title), ['Welkomstwoord'])
    now += 1
    assert.deepEqual((await cache.shared(edition.id)).programme.map((i) => i.title), ['Welkomstwoord', 'Muziek'])
  })

  test('a template is rendered once per variant, and again when the edition changes', async () => {
    const { edition, people } = await openEditionWithPeople(t, [{ firstName: 'Omar' }])
    const cache = createReplyPageCache(t.db)
    let renders = 0
    const page = (name: string) => () => {
      renders++
      return h('p', null, name)
    }
    const subject = (await findReplySubjectByToken(t.db, people[0]!.token))!
    const shared = await cache.shared(edition.id)
    const first = cache.template(subject, shared, 'nl', page('a'))
    assert.equal(cache.template(subject, shared, 'nl', page('b')), first)
    cache.template(subject, shared, 'en', page('c'))
    assert.equal(renders, 2)
    await t.db.updateTable('editions').set({ venue_room: 'Zaal 2' }).where('id', '=', edition.id).execute()
    const changed = (await findReplySubjectByToken(t.db, people[0]!.token))!
    assert.equal(fillTemplate(cache.template(changed, shared, 'nl', page('d')), { token: 'abc', firstName: '' }).toString(), '<!doctype html><p>d</p>')
    assert.equal(renders, 3)
  })

  test('filling a template escapes the first name and puts the token in every address', () => {
    const template = compileTemplate(`<p>Beste ${slotValues.firstName},</p><a href="/r/${slotValues.token}?taal=nl">nl</a><form action="/r/${slotValues.token}">${slotValues.answer}</form>`)
    const html = fillTemplate(template, { token: 'Ab-_9', firstName: `<img src=x onerror="alert('1')"> & co`, answer: '<input name="attending">' }).toString()
    assert.equal(html, '<p>Beste &lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co,</p><a href="/r/Ab-_9?taal=nl">nl</a><form action="/r/Ab-_9"><input name="attending"></form>')
    assert.throws(() => fillTemplate(template, { token: 'a"><script>', firstName: 'x' }))
    assert.throws(() => fillTemplateGzip(template, { token: 'a"><script>', firstName: 'x' }))
  })

  test('the gzip page is the same page: short and long answers, names in any script', () => {
    const template = compileTemplate(`<html>${'<p>Welkom in Mol</p>'.repeat(50)}${slotValues.firstName}<a href="/r/${slotValues.token}">x</a>${slotValues.answer}</html>`)
    for (const fill of [
      { token: 'Ab-_9', firstName: 'Ioana' },
      { token: 'Ab-_9', firstName: 'أمل & <ليلى>', answer: '<p>ja</p>' },
      { token: 'Zz', firstName: 'Тарас', answer: '<li>kinderopvang</li>'.repeat(200) },
    ]) {
      assert.equal(gunzipSync(fillTemplateGzip(template, fill)).toString(), fillTemplate(template, fill).toString())
    }
  })
})
