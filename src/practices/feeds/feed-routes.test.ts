import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createMunicipality } from '../../../test/helpers/factories.ts'
import { paths } from '../../paths.ts'
import { insertPublishedPractice, type NewPractice } from '../practices-queries.ts'
import { CEREMONY_SLUG, loadReferenceData } from '../reference-data.ts'
import { ATOM_NS, FEED_SIZE, SITEMAP_NS } from './feeds.ts'
import { child, childrenNamed, parseXml } from './xml-parse.test-helper.ts'
import { newPractice } from '../../../test/helpers/practices.ts'

const BASE = 'http://localhost:3000'
const MOL_NIS = '13025'
const XSS = '<img src=x onerror=alert(1)>'

describe(`sitemap and Atom feed on ${suiteDialect()}`, () => {
  let t: TestApp
  beforeEach(async () => {
    t = await createTestApp()
    await loadReferenceData(t.db)
  })
  afterEach(() => t.close())

  const practice = (overrides: Partial<NewPractice>): NewPractice => newPractice({ slug: 'taalcafe', title: 'Taalcafé', summary: 'Nederlands oefenen bij een koffie.', partners: null, isDemo: false, ...overrides })
  const unpublish = (id: string) => t.db.updateTable('practices').set({ status: 'draft' }).where('id', '=', id).execute()
  const get = (url: string) => t.app.inject({ method: 'GET', url })

  test('the sitemap lists the list page, every published practice and the page of every municipality taking part, escaped, and nothing unpublished', async () => {
    const balen = await createMunicipality(t.db, { name: 'Balen' })
    const hidden = await createMunicipality(t.db, { name: 'Dessel' })
    await insertPublishedPractice(t.db, practice({ slug: "o'neil&co", entries: [{ municipalityId: balen.id, blurb: null, since: null, contactName: null, contactEmail: null, contactPhone: null, website: null }] }), null, new Date('2026-03-04T05:06:07.890Z'))
    const draftId = await insertPublishedPractice(t.db, practice({ slug: 'nog-niet-klaar', entries: [{ municipalityId: hidden.id, blurb: null, since: null, contactName: null, contactEmail: null, contactPhone: null, website: null }] }), null)
    await unpublish(draftId)

    const response = await get(paths.sitemap())
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'application/xml; charset=utf-8')
    assert.ok(response.body.includes(`<loc>${BASE}/praktijken/o&apos;neil%26co</loc>`), 'the apostrophe is escaped, the ampersand URL-encoded')
    const urlset = parseXml(response.body)
    assert.equal(urlset.attrs.xmlns, SITEMAP_NS)
    const lastmod = new Map(childrenNamed(urlset, 'url').map((u) => [child(u, 'loc').text, childrenNamed(u, 'lastmod')[0]?.text]))
    assert.ok(lastmod.has(`${BASE}${paths.practices()}`), 'the list page')
    assert.ok(lastmod.has(`${BASE}${paths.practice(CEREMONY_SLUG)}`), 'the ceremony')
    assert.ok(lastmod.has(`${BASE}${paths.practiceMunicipality(MOL_NIS)}`), 'Mol takes part in the ceremony')
    assert.equal(lastmod.get(`${BASE}/praktijken/o'neil%26co`), '2026-03-04T05:06:07Z', 'updatedAt as a W3C date')
    assert.equal(lastmod.get(`${BASE}${paths.practiceMunicipality(balen.nisCode)}`), '2026-03-04T05:06:07Z', 'a municipality page changes with its practices')
    assert.ok(!lastmod.has(`${BASE}${paths.practice('nog-niet-klaar')}`), 'no draft practice')
    assert.ok(!lastmod.has(`${BASE}${paths.practiceMunicipality(hidden.nisCode)}`), 'no municipality that takes part only in a draft')
    assert.equal(lastmod.size, 1 + 2 + 12 + 1, 'list page, two practices, twelve plus one municipality pages')
  })

  test('the Atom feed parses, lists published practices newest change first with stable ids, and escapes their text', async () => {
    await insertPublishedPractice(t.db, practice({ slug: 'oud', title: 'Oude praktijk' }), null, new Date('2020-01-01T00:00:00Z'))
    const newestId = await insertPublishedPractice(t.db, practice({ slug: 'nieuw', title: `Nieuw ${XSS} & "zo"`, summary: `Samenvatting ${XSS}` }), null, new Date('2099-01-01T00:00:00Z'))
    const draftId = await insertPublishedPractice(t.db, practice({ slug: 'ontwerp', title: 'Nog een ontwerp' }), null, new Date('2099-06-01T00:00:00Z'))
    await unpublish(draftId)

    const response = await get(paths.practicesFeed())
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'application/atom+xml; charset=utf-8')
    assert.ok(!response.body.includes(XSS), 'markup never appears unescaped')
    const feed = parseXml(response.body)
    assert.equal(feed.attrs.xmlns, ATOM_NS)
    assert.equal(child(feed, 'id').text, `${BASE}/praktijken`)
    assert.equal(child(feed, 'title').text, 'Praktijkendatabank: nieuwe en bijgewerkte praktijken')
    assert.equal(child(feed, 'updated').text, '2099-01-01T00:00:00Z', 'dated by the newest entry')
    assert.deepEqual(childrenNamed(feed, 'link').map((l) => [l.attrs.rel, l.attrs.href]), [['self', `${BASE}/praktijken/feed.xml`], ['alternate', `${BASE}/praktijken`]])

    const entries = childrenNamed(feed, 'entry')
    assert.deepEqual(entries.map((e) => child(e, 'title').text), [`Nieuw ${XSS} & "zo"`, 'Inburgeringsceremonie', 'Oude praktijk'], 'newest first, no draft')
    const newest = entries[0]!
    assert.equal(child(newest, 'id').text, `urn:uuid:${newestId}`)
    assert.equal(child(newest, 'published').text, '2099-01-01T00:00:00Z')
    assert.equal(child(newest, 'summary').text, `Samenvatting ${XSS}`)
    assert.equal(child(newest, 'link').attrs.href, `${BASE}/praktijken/nieuw`)
    assert.equal(child(child(newest, 'author'), 'name').text, 'Welkom – praktijkendatabank')
    assert.deepEqual(childrenNamed(entries[1]!, 'category').map((c) => c.attrs.term), ['Onthaalbeleid'])
  })

  test(`the Atom feed holds only the ${FEED_SIZE} most recently updated practices`, async () => {
    for (let i = 1; i <= FEED_SIZE; i++) await insertPublishedPractice(t.db, practice({ slug: `praktijk-${i}`, title: `Praktijk ${i}` }), null, new Date(Date.UTC(2090, 0, i)))
    const entries = childrenNamed(parseXml((await get(paths.practicesFeed())).body), 'entry')
    assert.equal(entries.length, FEED_SIZE)
    assert.equal(child(entries[0]!, 'title').text, `Praktijk ${FEED_SIZE}`)
    assert.ok(!entries.some((e) => child(e, 'title').text === 'Inburgeringsceremonie'), 'the oldest change falls off')
  })
})
