import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { visibleText, type Client } from '../../test/helpers/client.ts'
import { suiteDialect } from '../../test/helpers/database.ts'
import { createMunicipalityWithPeople } from '../../test/helpers/factories.ts'
import { expectNotFoundForOtherMunicipality } from '../../test/helpers/tenant.ts'
import { paths } from '../paths.ts'
import { bearerToken, displayPrefix, isUseWorthRecording, issueToken } from './api-tokens.ts'

describe('API token rules', () => {
  test('a token is wk_ and 256 random bits; its stored prefix is the marker and six characters', () => {
    const { token, prefix } = issueToken('A'.repeat(43))
    assert.equal(token, `wk_${'A'.repeat(43)}`)
    assert.equal(prefix, 'wk_AAAAAA')
    assert.equal(displayPrefix(prefix), 'wk_AAAAAA…')
    assert.throws(() => issueToken('short'))
  })

  test('only a well-formed bearer header yields a token', () => {
    const token = `wk_${'b'.repeat(43)}`
    assert.equal(bearerToken(`Bearer ${token}`), token)
    assert.equal(bearerToken(`bearer ${token}`), token)
    assert.equal(bearerToken(undefined), null)
    assert.equal(bearerToken(`Basic ${token}`), null)
    assert.equal(bearerToken('Bearer wk_tooshort'), null)
    assert.equal(bearerToken(`Bearer ${token} extra`), null)
  })

  test('use is recorded at most once a minute', () => {
    const now = new Date('2026-11-26T10:00:00Z')
    assert.equal(isUseWorthRecording(null, now), true)
    assert.equal(isUseWorthRecording(new Date('2026-11-26T09:59:30Z'), now), false)
    assert.equal(isUseWorthRecording(new Date('2026-11-26T09:59:00Z'), now), true)
  })
})

describe(`the API on ${suiteDialect()}`, () => {
  let t: TestApp
  beforeEach(async () => {
    t = await createTestApp()
  })
  afterEach(() => t.close())

  const api = (url: string, token?: string, ip = '127.0.0.1') => t.app.inject({ method: 'GET', url, remoteAddress: ip, headers: token ? { authorization: `Bearer ${token}` } : {} })

  async function createToken(admin: Client, name = 'Rapportering') {
    const response = await admin.post(paths.apiTokens(), { name })
    assert.equal(response.statusCode, 201)
    const token = /value="(wk_[A-Za-z0-9_-]{43})"/.exec(response.body)?.[1]
    assert.ok(token, 'the new token is on the page')
    return { token, response }
  }

  async function auditActions(municipalityId: string) {
    const rows = await t.db.selectFrom('audit_events').select(['action', 'record_id', 'details_json']).where('municipality_id', '=', municipalityId).execute()
    return rows as { action: string; record_id: string | null; details_json: Record<string, unknown> | null }[]
  }

  test('an admin creates a token: it is shown once with a warning and how to use it, and the listing shows only its prefix', async () => {
    const a = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
    const { token, response } = await createToken(a.adminClient, 'Rapportering Burgerzaken')
    const page = visibleText(response.body)
    assert.match(page, /Welkom toont hem daarna nooit meer/)
    assert.match(page, /Authorization: Bearer <sleutel>/)
    assert.equal(response.headers['cache-control'], 'no-store')

    const row = await t.db.selectFrom('api_tokens').selectAll().where('municipality_id', '=', a.municipality.id).executeTakeFirstOrThrow()
    assert.equal(row.token_hash, createHash('sha256').update(token).digest('hex'), 'only the hash is stored')
    assert.equal(row.token_prefix, token.slice(0, 9))
    assert.equal(row.name, 'Rapportering Burgerzaken')

    const listing = await a.adminClient.get(paths.apiTokens())
    assert.equal(listing.statusCode, 200)
    assert.ok(!listing.body.includes(token), 'the full token is never shown again')
    assert.ok(!listing.body.includes(token.slice(9)), 'not even its secret part')
    const text = visibleText(listing.body)
    assert.match(text, new RegExp(`Rapportering Burgerzaken ${token.slice(0, 9)}… .*Beheerder Mol Nog niet gebruikt Actief`))

    const audit = await auditActions(a.municipality.id)
    assert.ok(audit.some((e) => e.action === 'api_token.created' && e.record_id === row.id))
  })

  test('a token without a name, or with a name over 100 characters, is refused with the form kept and nothing created', async () => {
    const a = await createMunicipalityWithPeople(t.app, t.db)
    const empty = await a.adminClient.post(paths.apiTokens(), { name: '  ' })
    assert.equal(empty.statusCode, 400)
    assert.match(visibleText(empty.body), /Er is een probleem Geef de sleutel een naam/)
    const long = await a.adminClient.post(paths.apiTokens(), { name: 'x'.repeat(101) })
    assert.equal(long.statusCode, 400)
    assert.match(visibleText(long.body), /Gebruik hoogstens 100 tekens/)
    assert.ok(long.body.includes(`value="${'x'.repeat(101)}"`), 'the typed value is kept')
    assert.equal((await t.db.selectFrom('api_tokens').selectAll().execute()).length, 0)
  })

  test('a valid token returns its own municipality with exactly the documented fields, and records its use at most once a minute', async () => {
    const a = await createMunicipalityWithPeople(t.app, t.db, { name: 'Geel' })
    const { token } = await createToken(a.adminClient)
    const response = await api('/api/v1/municipality', token)
    assert.equal(response.statusCode, 200)
    assert.deepEqual(response.json(), { id: a.municipality.id, nisCode: a.municipality.nisCode, name: 'Geel', themeColor: '#1d4f91', contactEmail: null, contactPhone: null, website: null, retentionDays: 90 })

    const used = async () => (await t.db.selectFrom('api_tokens').select('last_used_at').executeTakeFirstOrThrow()).last_used_at as Date
    const first = await used()
    assert.ok(first instanceof Date)
    await api('/api/v1/municipality', token)
    assert.equal((await used()).getTime(), first.getTime(), 'a second call within the minute writes nothing')
    await t.db.updateTable('api_tokens').set({ last_used_at: new Date(Date.now() - 120_000) }).execute()
    await api('/api/v1/municipality', token)
    assert.ok((await used()).getTime() > Date.now() - 60_000, 'a call after a minute records the use again')
    assert.doesNotMatch(visibleText((await a.adminClient.get(paths.apiTokens())).body), /Nog niet gebruikt/)
  })

  test('missing, malformed, unknown and revoked tokens get 401 with a WWW-Authenticate header', async () => {
    const a = await createMunicipalityWithPeople(t.app, t.db)
    const { token } = await createToken(a.adminClient)
    const id = (await t.db.selectFrom('api_tokens').select('id').executeTakeFirstOrThrow()).id as string

    const missing = await api('/api/v1/staff')
    assert.equal(missing.statusCode, 401)
    assert.deepEqual(missing.json(), { error: 'unauthorized' })
    assert.equal(missing.headers['www-authenticate'], 'Bearer')
    for (const wrong of ['garbage', `wk_${'x'.repeat(43)}`, token.slice(0, -1)]) {
      const response = await api('/api/v1/staff', wrong)
      assert.equal(response.statusCode, 401, wrong)
      assert.match(String(response.headers['www-authenticate']), /^Bearer error="invalid_token"/)
    }

    const revoke = await a.adminClient.post(paths.apiTokenRevoke(id))
    assert.equal(revoke.statusCode, 303)
    assert.equal(revoke.headers.location, paths.apiTokens())
    assert.match(visibleText((await a.adminClient.get(paths.apiTokens())).body), /De sleutel is ingetrokken\..*Ingetrokken op/)
    const afterRevoke = await api('/api/v1/municipality', token)
    assert.equal(afterRevoke.statusCode, 401)
    assert.deepEqual(afterRevoke.json(), { error: 'unauthorized' })

    const again = await a.adminClient.post(paths.apiTokenRevoke(id))
    assert.equal(again.statusCode, 303, 'revoking twice is harmless')
    const revocations = (await auditActions(a.municipality.id)).filter((e) => e.action === 'api_token.revoked')
    assert.deepEqual(revocations.map((e) => e.record_id), [id], 'recorded once')
  })

  test('a token of one municipality never sees another municipality’s staff, and that municipality’s admin cannot revoke it (404)', async () => {
    const a = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
    const b = await createMunicipalityWithPeople(t.app, t.db, { name: 'Balen' })
    const { token } = await createToken(a.adminClient, 'Koppeling Mol')
    const idA = (await t.db.selectFrom('api_tokens').select('id').executeTakeFirstOrThrow()).id as string

    const response = await api('/api/v1/staff', token)
    assert.equal(response.statusCode, 200)
    const { items } = response.json() as { items: Record<string, unknown>[] }
    assert.deepEqual(items.map((m) => m.email).sort(), [a.admin.email, a.staff.email].sort())
    assert.ok(!response.body.includes(b.admin.email) && !response.body.includes('Balen'), 'nothing of Balen')
    for (const item of items) assert.deepEqual(Object.keys(item).sort(), ['active', 'email', 'id', 'name', 'role'])
    assert.doesNotMatch(response.body, /password|hash|totp|\$argon/)
    assert.deepEqual(items.find((m) => m.email === a.admin.email), { id: a.admin.id, name: 'Beheerder Mol', email: a.admin.email, role: 'municipality_admin', active: true })

    const listed = (await auditActions(a.municipality.id)).filter((e) => e.action === 'api.staff_listed')
    assert.equal(listed.length, 1)
    assert.equal(listed[0]!.record_id, idA)
    assert.deepEqual(listed[0]!.details_json, { count: 2 })

    assert.doesNotMatch(visibleText((await b.adminClient.get(paths.apiTokens())).body), /Koppeling Mol/, 'Balen’s listing does not show Mol’s token')
    await expectNotFoundForOtherMunicipality(b.adminClient, [{ method: 'POST', url: paths.apiTokenRevoke(idA) }, { method: 'POST', url: paths.apiTokenRevoke('00000000-0000-0000-0000-000000000000') }])
    assert.equal((await api('/api/v1/municipality', token)).statusCode, 200, 'the token still works')
  })

  test('staff without the admin role get 403 on the token pages, and signed-out visitors are sent to sign in', async () => {
    const a = await createMunicipalityWithPeople(t.app, t.db)
    assert.equal((await a.staffClient.get(paths.apiTokens())).statusCode, 403)
    assert.equal((await a.staffClient.post(paths.apiTokens(), { name: 'Poging' })).statusCode, 403)
    const anonymous = await t.app.inject({ method: 'GET', url: paths.apiTokens() })
    assert.equal(anonymous.statusCode, 303)
    assert.match(String(anonymous.headers.location), /^\/aanmelden/)
    assert.equal((await t.db.selectFrom('api_tokens').selectAll().execute()).length, 0)
  })

  test('the audit log pages within the token’s municipality, validates limit, and records that it was read', async () => {
    const a = await createMunicipalityWithPeople(t.app, t.db)
    const b = await createMunicipalityWithPeople(t.app, t.db)
    const { token } = await createToken(a.adminClient)
    const ownEvents = (await auditActions(a.municipality.id)).length

    const page = await api('/api/v1/audit?limit=2', token)
    assert.equal(page.statusCode, 200)
    const body = page.json() as { items: Record<string, unknown>[]; total: number; limit: number; offset: number }
    assert.equal(body.items.length, 2)
    assert.deepEqual({ total: body.total, limit: body.limit, offset: body.offset }, { total: ownEvents, limit: 2, offset: 0 })
    assert.equal(body.items[0]!.action, 'api_token.created', 'newest first')
    for (const item of body.items) assert.deepEqual(Object.keys(item).sort(), ['action', 'actorName', 'actorUserId', 'details', 'id', 'occurredAt', 'recordId', 'recordType'])

    const all = (await api('/api/v1/audit', token)).json() as { items: { actorUserId: string | null }[]; limit: number }
    assert.equal(all.limit, 50, 'default page size')
    assert.ok(!all.items.some((e) => e.actorUserId === b.admin.id || e.actorUserId === b.staff.id), 'none of Balen’s events')

    for (const bad of ['limit=0', 'limit=201', 'offset=-1', 'limit=abc']) {
      const response = await api(`/api/v1/audit?${bad}`, token)
      assert.equal(response.statusCode, 400, bad)
      assert.equal((response.json() as { error: string }).error, 'invalid_request')
    }
    assert.ok((await auditActions(a.municipality.id)).some((e) => e.action === 'api.audit_listed'))
  })

  test('the OpenAPI document describes only the /api/v1 routes, each with bearer security (except the public practice routes), a success schema (201 for a create) and the shared error schema', async () => {
    const response = await t.app.inject({ method: 'GET', url: paths.openapi() })
    assert.equal(response.statusCode, 200)
    type Operation = { security?: unknown; responses: Record<string, { content?: { 'application/json'?: { schema?: Record<string, unknown> } } }> }
    const doc = response.json() as { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> } }
    assert.match(doc.openapi, /^3\.\d+\.\d+$/)
    assert.equal(doc.info.title, 'Welkom API')
    assert.deepEqual(Object.keys(doc.paths).sort(), ['/api/v1/audit', '/api/v1/editions', '/api/v1/editions/{id}', '/api/v1/municipality', '/api/v1/practices', '/api/v1/practices/{slug}', '/api/v1/staff'])
    // The only routes without a token: a new public route has to be added here on purpose.
    const publicPaths = new Set(['/api/v1/practices', '/api/v1/practices/{slug}'])
    assert.ok(!response.body.includes('/aanmelden') && !response.body.includes('/beheer/') && !response.body.includes('openapi.json'))
    assert.deepEqual(doc.components.securitySchemes.bearer, { type: 'http', scheme: 'bearer' })
    assert.ok(doc.components.schemas.ApiError, 'one shared error schema')
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method.toUpperCase()} ${path}`
        const isPublic = publicPaths.has(path)
        assert.deepEqual(op.security, isPublic ? [] : [{ bearer: [] }], where)
        const success = method === 'post' ? '201' : '200'
        assert.equal(op.responses[success]?.content?.['application/json']?.schema?.type, 'object', `${where} has a ${success} schema`)
        for (const status of isPublic ? ['429'] : ['401', '429']) assert.deepEqual(op.responses[status]?.content?.['application/json']?.schema, { $ref: '#/components/schemas/ApiError' }, `${where} ${status}`)
      }
    }
    assert.ok(doc.paths['/api/v1/municipality']!.get!.responses['404'], 'a missing municipality is documented')
  })

  test('repeated bad tokens from one address get 429, after which that address is refused even with a valid token', async () => {
    const a = await createMunicipalityWithPeople(t.app, t.db)
    const { token } = await createToken(a.adminClient)
    const attacker = '203.0.113.7'
    for (let i = 0; i < 30; i++) assert.equal((await api('/api/v1/staff', `wk_${String(i).padStart(43, 'x')}`, attacker)).statusCode, 401)
    const limited = await api('/api/v1/staff', 'garbage', attacker)
    assert.equal(limited.statusCode, 429)
    assert.deepEqual(limited.json(), { error: 'too_many_requests' })
    assert.ok(Number(limited.headers['retry-after']) > 0)
    assert.equal((await api('/api/v1/staff', token, attacker)).statusCode, 429, 'guessing right does not help while blocked')
    assert.equal((await api('/api/v1/staff', token, '198.51.100.1')).statusCode, 200, 'other addresses are unaffected')
  })
})
