import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { suiteDialect } from '../../test/helpers/database.ts'
import { createMunicipality } from '../../test/helpers/factories.ts'
import { paths, withQuery } from '../paths.ts'
import { insertPublishedPractice, type NewPractice } from '../practices/practices-queries.ts'
import { CEREMONY_SLUG, loadReferenceData } from '../practices/reference-data.ts'
import { PUBLIC_API_LIMIT, publicApiRateKey } from './practices-api.ts'
import { newPractice } from '../../test/helpers/practices.ts'

const BASE = 'http://localhost:3000'
const XSS = '<img src=x onerror=alert(1)>'

type ListBody = { items: { slug: string; title: string; summary: string; categories: { slug: string; name: string }[]; municipalities: string[]; isDemo: boolean; updatedAt: string; url: string }[]; total: number; page: number; pageSize: number }

describe(`the public practice API on ${suiteDialect()}`, () => {
  let t: TestApp
  beforeEach(async () => {
    t = await createTestApp()
    await loadReferenceData(t.db)
  })
  afterEach(() => t.close())

  // No authorization header anywhere: the practice routes are public.
  const get = (url: string, ip = '127.0.0.1') => t.app.inject({ method: 'GET', url, remoteAddress: ip })
  const practice = (overrides: Partial<NewPractice>): NewPractice => newPractice({ slug: 'taalcafe', title: 'Taalcafé', summary: 'Nederlands oefenen bij een koffie.', partners: null, isDemo: true, ...overrides })

  test('a search for "ceremonie" without a token returns the ceremony with exactly the documented fields', async () => {
    const response = await get(withQuery(paths.apiPractices(), { q: 'ceremonie' }))
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['content-type']), /^application\/json/)
    const body = response.json() as ListBody
    assert.deepEqual({ total: body.total, page: body.page, pageSize: body.pageSize }, { total: 1, page: 1, pageSize: 20 })
    const item = body.items[0]!
    assert.deepEqual(Object.keys(item).sort(), ['categories', 'isDemo', 'municipalities', 'slug', 'summary', 'title', 'updatedAt', 'url'])
    assert.equal(item.slug, CEREMONY_SLUG)
    assert.equal(item.url, `${BASE}/praktijken/${CEREMONY_SLUG}`)
    assert.deepEqual(item.categories, [{ slug: 'onthaalbeleid', name: 'Onthaalbeleid' }])
    assert.equal(item.municipalities.length, 12)
    assert.ok(item.municipalities.includes('Mol'))
    assert.ok(!Number.isNaN(Date.parse(item.updatedAt)))
  })

  test('filters narrow the list: repeated values of one filter are alternatives, an unknown municipality matches nothing', async () => {
    const mol = (await t.db.selectFrom('municipalities').select('id').where('nis_code', '=', '13025').executeTakeFirstOrThrow()) as { id: string }
    await insertPublishedPractice(t.db, practice({ slug: 'taalcafe', entries: [{ municipalityId: mol.id, blurb: 'Elke dinsdag.', since: null, contactName: null, contactEmail: null, contactPhone: null, website: null }] }), null)
    await insertPublishedPractice(t.db, practice({ slug: 'sportkamp', title: 'Sportkamp', categories: ['vrije-tijd'], targetGroups: ['kinderen-en-jongeren'] }), null)
    const slugs = async (query: string) => ((await get(`${paths.apiPractices()}?${query}`)).json() as ListBody).items.map((i) => i.slug).sort()

    assert.deepEqual(await slugs(''), [CEREMONY_SLUG, 'sportkamp', 'taalcafe'])
    assert.deepEqual(await slugs('category=taal'), ['taalcafe'])
    assert.deepEqual(await slugs('category=taal&category=vrije-tijd'), ['sportkamp', 'taalcafe'])
    assert.deepEqual(await slugs('targetGroup=inburgeraars'), [CEREMONY_SLUG])
    assert.deepEqual(await slugs('municipality=13025'), [CEREMONY_SLUG, 'taalcafe'])
    assert.deepEqual(await slugs('municipality=13025&category=taal'), ['taalcafe'])
    assert.deepEqual(await slugs('municipality=99999'), [])
    assert.deepEqual(await slugs('category=bestaat-niet'), [])
    const beyond = (await get(`${paths.apiPractices()}?page=2`)).json() as ListBody
    assert.deepEqual({ items: beyond.items, total: beyond.total, page: beyond.page }, { items: [], total: 3, page: 2 })
  })

  test('the detail returns every field of the ceremony with all twelve entries, and markup stays plain JSON text', async () => {
    const response = await get(paths.apiPractice(CEREMONY_SLUG))
    assert.equal(response.statusCode, 200)
    const body = response.json() as Record<string, unknown> & { entries: Record<string, unknown>[] }
    assert.deepEqual(Object.keys(body).sort(), ['categories', 'challenges', 'description', 'entries', 'goals', 'id', 'image', 'isDemo', 'partners', 'publishedAt', 'resources', 'slug', 'successFactors', 'summary', 'targetGroup', 'targetGroups', 'title', 'updatedAt', 'url', 'version'])
    assert.equal(body.title, 'Inburgeringsceremonie')
    assert.equal((body.goals as string[]).length, 4)
    assert.deepEqual(body.targetGroups, [{ slug: 'inburgeraars', name: 'Inburgeraars' }])
    assert.equal(body.entries.length, 12)
    for (const entry of body.entries) assert.deepEqual(Object.keys(entry).sort(), ['blurb', 'contactEmail', 'contactName', 'contactPhone', 'municipality', 'since', 'updatedAt', 'website'])
    const brasschaat = body.entries.find((e) => (e.municipality as { name: string }).name === 'Brasschaat')!
    assert.deepEqual(brasschaat.municipality, { name: 'Brasschaat', nisCode: '11008', url: `${BASE}/praktijken/gemeente/11008` })
    assert.equal(brasschaat.since, 'sinds 2014, om de twee jaar')
    assert.equal(body.entries.find((e) => (e.municipality as { name: string }).name === 'Mol')!.blurb, null, 'an empty seed entry stays empty')

    const geel = await createMunicipality(t.db, { name: 'Geel-Test' })
    await insertPublishedPractice(t.db, practice({ slug: 'xss', title: XSS, entries: [{ municipalityId: geel.id, blurb: XSS, since: null, contactName: XSS, contactEmail: 'a@b.be', contactPhone: '+3214000000', website: 'https://geel.be' }] }), null)
    const xss = await get(paths.apiPractice('xss'))
    assert.match(String(xss.headers['content-type']), /^application\/json/, 'never served as HTML')
    const parsed = xss.json() as { title: string; entries: { blurb: string; contactName: string; website: string }[] }
    assert.equal(parsed.title, XSS)
    assert.deepEqual([parsed.entries[0]!.blurb, parsed.entries[0]!.contactName, parsed.entries[0]!.website], [XSS, XSS, 'https://geel.be'])
  })

  test('an unknown or unpublished slug gets 404 not_found, and invalid query parameters get 400 invalid_request', async () => {
    const draftId = await insertPublishedPractice(t.db, practice({ slug: 'ontwerp' }), null)
    await t.db.updateTable('practices').set({ status: 'draft' }).where('id', '=', draftId).execute()
    for (const slug of ['bestaat-niet', 'ontwerp']) {
      const response = await get(paths.apiPractice(slug))
      assert.equal(response.statusCode, 404, slug)
      assert.deepEqual(response.json(), { error: 'not_found' })
    }
    assert.ok(!((await get(paths.apiPractices())).json() as ListBody).items.some((i) => i.slug === 'ontwerp'), 'a draft is not listed')

    for (const bad of ['page=0', 'page=abc', 'page=-1', 'page=1.5', 'municipality=mol', `q=${'x'.repeat(201)}`]) {
      const response = await get(`${paths.apiPractices()}?${bad}`)
      assert.equal(response.statusCode, 400, bad)
      const body = response.json() as { error: string; details: { path: string }[] }
      assert.equal(body.error, 'invalid_request', bad)
      assert.ok(body.details.length > 0, `${bad}: details say which parameter`)
    }
  })

  test('the public API counts requests per address and answers 429 JSON once the budget is spent, leaving other addresses alone', async () => {
    const busy = '203.0.113.9'
    await t.db.insertInto('rate_limits').values({ key: publicApiRateKey(busy), hits: PUBLIC_API_LIMIT.max, reset_at: new Date(Date.now() + 60_000) }).execute()
    const limited = await get(paths.apiPractices(), busy)
    assert.equal(limited.statusCode, 429)
    assert.deepEqual(limited.json(), { error: 'too_many_requests' })
    assert.ok(Number(limited.headers['retry-after']) > 0)
    assert.equal((await get(paths.apiPractice(CEREMONY_SLUG), busy)).statusCode, 429, 'the detail shares the budget')
    assert.equal((await get(paths.apiPractices(), '198.51.100.1')).statusCode, 200)
  })

  test('the OpenAPI document lists both practice routes as public with 200 schemas, while the municipality routes keep requiring a token', async () => {
    type Operation = { security?: unknown; tags?: string[]; parameters?: { name: string; in: string }[]; responses: Record<string, { content?: { 'application/json'?: { schema?: Record<string, unknown> } } }> }
    const doc = (await get(paths.openapi())).json() as { paths: Record<string, Record<string, Operation>> }
    for (const path of ['/api/v1/practices', '/api/v1/practices/{slug}']) {
      const op = doc.paths[path]?.get
      assert.ok(op, `${path} is documented`)
      assert.deepEqual(op.security, [], `${path} needs no credentials`)
      assert.deepEqual(op.tags, ['practices'])
      assert.equal(op.responses['200']?.content?.['application/json']?.schema?.type, 'object', `${path} has a 200 schema`)
      assert.deepEqual(op.responses['429']?.content?.['application/json']?.schema, { $ref: '#/components/schemas/ApiError' })
      assert.equal(op.responses['401'], undefined, `${path} never answers 401`)
    }
    assert.deepEqual(doc.paths['/api/v1/practices']!.get!.parameters!.map((p) => `${p.in}:${p.name}`), ['query:q', 'query:category', 'query:targetGroup', 'query:municipality', 'query:page'])
    assert.ok(doc.paths['/api/v1/practices/{slug}']!.get!.responses['404'])
    assert.deepEqual(doc.paths['/api/v1/municipality']!.get!.security, [{ bearer: [] }])

    const municipality = await get('/api/v1/municipality')
    assert.equal(municipality.statusCode, 401, 'the bearer-protected routes still need a token')
    assert.deepEqual(municipality.json(), { error: 'unauthorized' })
    assert.equal((await get('/api/v1/staff')).statusCode, 401)
  })
})
