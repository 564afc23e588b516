import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import Sqlite from 'better-sqlite3'
import { sql } from 'kysely'
import { availableDialects, createTestDatabase } from '../../../test/helpers/database.ts'
import { backupSqlite, BackupRefused } from './backup.ts'
import { connectWithRetry, DatabaseUnreachable } from './database.ts'
import { migrateDownAll, migrateToLatest } from './migrate.ts'
import { indexDocument, removeDocuments, searchDocuments, HIGHLIGHT_START } from './search.ts'
import { inTransaction } from './transaction.ts'

for (const dialect of availableDialects()) {
  describe(`database layer on ${dialect}`, () => {
    test('migrations apply, roll back completely and apply again', async () => {
      const database = await createTestDatabase(dialect, { migrate: false })
      try {
        const first = await migrateToLatest(database.db)
        assert.equal(first.error, null)
        assert.ok(first.applied.length >= 1)
        assert.deepEqual((await migrateToLatest(database.db)).applied, [], 'a second run applies nothing')
        const down = await migrateDownAll(database.db)
        assert.equal(down.error, null)
        assert.deepEqual(down.applied.sort(), first.applied.sort())
        assert.equal((await migrateToLatest(database.db)).applied.length, first.applied.length)
      } finally {
        await database.close()
      }
    })

    test('booleans, timestamps and JSON round-trip the same way on both dialects', async () => {
      const database = await createTestDatabase(dialect)
      try {
        const at = new Date('2026-05-04T10:30:00.123Z')
        await database.db.insertInto('municipalities').values({ id: 'm1', nis_code: '13025', name: 'Mol', created_at: at, updated_at: at }).execute()
        await database.db
          .insertInto('users')
          .values({ id: 'u1', email: 'a@mol.be', name: 'A', password_hash: 'x', role: 'staff', municipality_id: 'm1', created_at: at, updated_at: at })
          .execute()
        await database.db
          .insertInto('sessions')
          .values({ id: 's1', user_id: 'u1', is_pending_second_factor: true, created_at: at, last_seen_at: at, expires_at: at })
          .execute()
        const session = await database.db.selectFrom('sessions').selectAll().where('is_pending_second_factor', '=', true).executeTakeFirstOrThrow()
        assert.equal(session.is_pending_second_factor, true)
        assert.ok(session.created_at instanceof Date)
        assert.equal(session.created_at.toISOString(), at.toISOString())

        await database.db
          .insertInto('audit_events')
          .values({ id: 'e1', occurred_at: at, action: 'test', details_json: { count: 2, names: ['één', 'مرحبا'] } })
          .execute()
        const event = await database.db.selectFrom('audit_events').selectAll().executeTakeFirstOrThrow()
        assert.deepEqual(event.details_json, { count: 2, names: ['één', 'مرحبا'] })

        const { n } = await database.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
        assert.equal(n, 1, 'counts are numbers on both dialects')
      } finally {
        await database.close()
      }
    })

    test('a failing transaction leaves nothing behind, and a nested call joins the outer one', async () => {
      const database = await createTestDatabase(dialect)
      try {
        const now = new Date()
        await assert.rejects(
          inTransaction(database.db, async (trx) => {
            await trx.insertInto('municipalities').values({ id: 'm1', nis_code: '13025', name: 'Mol', created_at: now, updated_at: now }).execute()
            await inTransaction(trx, async (inner) => {
              assert.equal(inner, trx)
              await inner.insertInto('municipalities').values({ id: 'm2', nis_code: '12025', name: 'Mechelen', created_at: now, updated_at: now }).execute()
            })
            throw new Error('boom')
          }),
          /boom/,
        )
        assert.equal((await database.db.selectFrom('municipalities').selectAll().execute()).length, 0)
      } finally {
        await database.close()
      }
    })

    test('full-text search finds words by prefix, ignores case and accents, stays within kind and municipality', async () => {
      const database = await createTestDatabase(dialect)
      try {
        const db = database.db
        await indexDocument(db, { kind: 'practice', recordId: 'p1', municipalityId: null, title: 'Inburgeringsceremonie', body: 'Een warm gebeuren voor alle inburgeraars. De burgemeester geeft een speech.' })
        await indexDocument(db, { kind: 'practice', recordId: 'p2', municipalityId: null, title: 'Taalcafé', body: 'Oefenkansen Nederlands in de bibliotheek, één keer per week.' })
        await indexDocument(db, { kind: 'invitee', recordId: 'i1', municipalityId: 'm1', title: 'Amina Haddad', body: '' })
        await indexDocument(db, { kind: 'invitee', recordId: 'i2', municipalityId: 'm2', title: 'Amina Yusuf', body: '' })

        const prefix = await searchDocuments(db, dialect, { kind: 'practice', municipalityId: null, text: 'inburger' })
        assert.deepEqual(prefix.hits.map((h) => h.recordId), ['p1'])
        assert.equal(prefix.total, 1)
        assert.ok(prefix.hits[0]!.snippet.includes(HIGHLIGHT_START), 'the snippet marks the match')

        const accents = await searchDocuments(db, dialect, { kind: 'practice', municipalityId: null, text: 'TAALCAFE' })
        assert.deepEqual(accents.hits.map((h) => h.recordId), ['p2'])

        const tenant = await searchDocuments(db, dialect, { kind: 'invitee', municipalityId: 'm1', text: 'amina' })
        assert.deepEqual(tenant.hits.map((h) => h.recordId), ['i1'], 'another municipality stays invisible')

        const operators = await searchDocuments(db, dialect, { kind: 'practice', municipalityId: null, text: '"burgemeester" OR (* NEAR' })
        assert.ok(operators.hits.every((h) => h.recordId === 'p1'), 'query syntax in user input is treated as words')

        await indexDocument(db, { kind: 'practice', recordId: 'p2', municipalityId: null, title: 'Praatcafé', body: 'Samen praten.' })
        assert.equal((await searchDocuments(db, dialect, { kind: 'practice', municipalityId: null, text: 'taalcafe' })).total, 0, 're-indexing replaces the old text')
        await removeDocuments(db, 'practice', ['p1'])
        assert.equal((await searchDocuments(db, dialect, { kind: 'practice', municipalityId: null, text: 'inburger' })).total, 0)
        assert.equal((await searchDocuments(db, dialect, { kind: 'practice', municipalityId: null, text: '   ' })).total, 0)
      } finally {
        await database.close()
      }
    })

    if (dialect === 'postgres') {
      test('on PostgreSQL the Dutch stemmer finds "inburgeraar" when searching "inburgeraars"', async () => {
        const database = await createTestDatabase(dialect)
        try {
          await indexDocument(database.db, { kind: 'practice', recordId: 'p1', municipalityId: null, title: 'Ceremonie', body: 'Voor elke inburgeraar een oorkonde.' })
          const found = await searchDocuments(database.db, dialect, { kind: 'practice', municipalityId: null, text: 'inburgeraars' })
          assert.deepEqual(found.hits.map((h) => h.recordId), ['p1'])
        } finally {
          await database.close()
        }
      })
    }
  })
}

describe('backup', () => {
  test('copies a live SQLite database consistently while it is being written', async () => {
    const database = await createTestDatabase('sqlite')
    try {
      const now = new Date()
      await database.db.insertInto('municipalities').values({ id: 'm1', nis_code: '13025', name: 'Mol', created_at: now, updated_at: now }).execute()
      const target = join(mkdtempSync(join(tmpdir(), 'welkom-backup-')), 'copy.db')
      const { bytes } = await backupSqlite(database.url, target)
      assert.ok(bytes > 0)
      const copy = new Sqlite(target, { readonly: true })
      assert.equal((copy.prepare('select name from municipalities').get() as { name: string }).name, 'Mol')
      assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok')
      copy.close()
      await assert.rejects(backupSqlite(database.url, target), /already exists/)
    } finally {
      await database.close()
    }
  })

  test('on PostgreSQL it refuses and points to pg_dump', async () => {
    await assert.rejects(backupSqlite('postgres://u@127.0.0.1/x', '/tmp/x.db'), (e: Error) => e instanceof BackupRefused && /pg_dump/.test(e.message))
  })
})

test('an unreachable database is retried and then reported with the variable and without the password', async () => {
  const retries: number[] = []
  await assert.rejects(
    connectWithRetry('postgres://welkom:secret-password@127.0.0.1:9/welkom', { attempts: 3, delayMs: 10, onRetry: (n) => retries.push(n) }),
    (e: Error) => e instanceof DatabaseUnreachable && e.message.includes('DATABASE_URL') && !e.message.includes('secret-password'),
  )
  assert.deepEqual(retries, [1, 2])
})

test('Dates and booleans in raw sql templates go through the dialect plugin too', async () => {
  const database = await createTestDatabase()
  try {
    const then = new Date('2020-01-01T00:00:00Z')
    await database.db.insertInto('municipalities').values({ id: 'm1', nis_code: '13025', name: 'Mol', created_at: then, updated_at: then }).execute()
    await sql`insert into sessions (id, user_id, is_pending_second_factor, created_at, last_seen_at, expires_at)
      select 's1', u.id, ${false}, ${then}, ${then}, ${then} from users u`.execute(database.db)
    const { rows } = await sql<{ n: number }>`select count(*) as n from municipalities where created_at < ${new Date()}`.execute(database.db)
    assert.equal(Number(rows[0]!.n), 1)
  } finally {
    await database.close()
  }
})
