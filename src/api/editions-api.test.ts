import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { suiteDialect } from '../../test/helpers/database.ts'
import { type Organiser, createEdition, createOrganisers } from '../../test/helpers/editions.ts'
import { paths } from '../paths.ts'

describe(`editions in the API on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser, skw: Organiser, mol: Organiser
  const tokens: Record<string, string> = {}

  before(async () => {
    t = await createTestApp()
    ;({ mechelen, skw, mol } = await createOrganisers(t))
    for (const [name, m] of Object.entries({ mechelen, skw, mol })) {
      const response = await m.adminClient.post(paths.apiTokens(), { name: 'Planning' })
      tokens[name] = /value="(wk_[A-Za-z0-9_-]{43})"/.exec(response.body)![1]!
    }
  })
  after(() => t.close())

  const call = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json' } : {}) }, payload: payload ? JSON.stringify(payload) : undefined })
  const year = new Date().getUTCFullYear() + 1

  test('POST /api/v1/editions creates a draft edition with a co-organiser; both municipalities list it, a third does not', async () => {
    const created = await call('POST', '/api/v1/editions', tokens.mechelen!, { name: 'Welkomstceremonie', startsAt: `${year}-05-21T19:30`, periodFrom: '2026-01-01', periodTo: '2026-12-31', capacity: 200, with: [skw.municipality.nisCode], languages: ['ar', 'ti'] })
    assert.equal(created.statusCode, 201, created.body)
    const { id } = created.json()
    for (const token of [tokens.mechelen!, tokens.skw!]) {
      const list = call('GET', '/api/v1/editions', token)
      const items = (await list).json().items as { id: string; status: string; organisers: string[] }[]
      assert.deepEqual(items.map((e) => [e.id, e.status, e.organisers.sort()]), [[id, 'draft', [mechelen.municipality.nisCode, skw.municipality.nisCode].sort()]])
    }
    assert.deepEqual((await call('GET', '/api/v1/editions', tokens.mol!)).json().items, [])
    assert.equal((await call('GET', `/api/v1/editions/${id}`, tokens.mol!)).statusCode, 404)
    assert.equal((await call('GET', `/api/v1/editions/${id}`, tokens.skw!)).json().capacity, 200)
    const tasks = await t.db.selectFrom('edition_tasks').select('id').where('edition_id', '=', id).execute()
    assert.equal(tasks.length, 20, 'with the playbook')
  })

  test('the rules of the form apply: a past date and a reversed period give 400 naming the fields; a malformed body is refused by its schema', async () => {
    const refused = await call('POST', '/api/v1/editions', tokens.mol!, { name: 'Te laat', startsAt: '2020-05-21T19:30', periodFrom: '2026-12-31', periodTo: '2026-01-01', capacity: 10 })
    assert.equal(refused.statusCode, 400)
    assert.deepEqual(
      refused.json().details.map((d: { path: string }) => d.path),
      ['/startsAt', '/periodTo'],
    )
    assert.match(refused.json().details[0].message, /That date has passed/)
    const malformed = await call('POST', '/api/v1/editions', tokens.mol!, { name: 'X', startsAt: 'morgen', periodFrom: '2026-01-01', periodTo: '2026-12-31', capacity: 0 })
    assert.equal(malformed.statusCode, 400)
    assert.equal(malformed.json().error, 'invalid_request')
    assert.equal(await t.db.selectFrom('editions').select('id').where('name', 'in', ['Te laat', 'X']).executeTakeFirst(), undefined)
  })

  test('an edition made in the app shows in the API with its organisers, and the OpenAPI document describes the routes', async () => {
    const edition = await createEdition(t.db, mol.municipality.id, { name: 'Ceremonie Mol' })
    const item = (await call('GET', `/api/v1/editions/${edition.id}`, tokens.mol!)).json()
    assert.equal(item.name, 'Ceremonie Mol')
    assert.deepEqual(item.organisers, [mol.municipality.nisCode])
    const doc = (await t.app.inject({ url: paths.openapi() })).json()
    assert.ok(doc.paths['/api/v1/editions'].post)
    assert.ok(doc.paths['/api/v1/editions/{id}'].get)
  })
})
