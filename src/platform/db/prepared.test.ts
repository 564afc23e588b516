import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts'
import { prepared } from './prepared.ts'

describe('prepared queries', () => {
  let database: TestDatabase
  before(async () => {
    database = await createTestDatabase()
  })
  after(() => database?.close())

  const insert = prepared((db, id: string, name: string, at: Date) => db.insertInto('municipalities').values({ id, nis_code: id, name, created_at: at, updated_at: at }))
  const byName = prepared((db, name: string) => db.selectFrom('municipalities').select(['id', 'name', 'created_at']).where('name', '=', name).where('nis_code', '<>', '00000'))

  test('binds each call’s values into SQL compiled once, converting them as any query does', async () => {
    const at = new Date('2026-11-27T10:00:00Z')
    await insert(database.db, '91001-prepared', 'Geel', at)
    await insert(database.db, '91002-prepared', 'Dessel', at)
    const geel = await byName(database.db, 'Geel')
    assert.deepEqual(geel.rows, [{ id: '91001-prepared', name: 'Geel', created_at: at }])
    assert.deepEqual((await byName(database.db, 'Dessel')).rows.map((r) => r.id), ['91002-prepared'])
    assert.deepEqual((await byName(database.db, 'Mol')).rows, [])
    // Inside a transaction too.
    await database.db.transaction().execute(async (trx) => assert.equal((await byName(trx, 'Geel')).rows.length, 1))
  })

  test('refuses a builder that leaves an argument out', async () => {
    const careless = prepared((db, name: string, _unused: string) => db.selectFrom('municipalities').select('id').where('name', '=', name))
    await assert.rejects(careless(database.db, 'Geel', 'x'), /each of its arguments/)
  })
})
