// Databases for tests: a fresh SQLite file or a fresh PostgreSQL database per call, migrated.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openDatabase, type Database, type DialectName } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrate.ts'

/** The dialect the whole suite runs on: PostgreSQL when DATABASE_URL points at it. */
export function suiteDialect(): DialectName {
  return /^postgres/.test(process.env.DATABASE_URL ?? '') ? 'postgres' : 'sqlite'
}

/** A PostgreSQL server for tests that need one, whatever the suite's dialect. */
export function postgresServerUrl(): string | null {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL
  if (suiteDialect() === 'postgres') return process.env.DATABASE_URL!
  return null
}

/**
 * The `skip` option for a test that needs PostgreSQL: false when a server is configured. Locally
 * the test skips with one line saying why; under CI a missing server fails the run instead.
 */
export function needsPostgres(): string | false {
  if (postgresServerUrl()) return false
  const reason = 'PostgreSQL not available: run scripts/postgres-throwaway.sh and set TEST_POSTGRES_URL'
  if (process.env.CI === 'true') throw new Error(`${reason} (CI must not skip)`)
  return reason
}

/** Dialects that dialect-specific tests run on: SQLite always, PostgreSQL when a server exists. */
export function availableDialects(): DialectName[] {
  return postgresServerUrl() ? ['sqlite', 'postgres'] : ['sqlite']
}

export interface TestDatabase extends Database {
  url: string
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createTestDatabase(dialect: DialectName = suiteDialect(), options: { migrate?: boolean } = {}): Promise<TestDatabase & Database<any>> {
  const url = dialect === 'postgres' ? await createPostgresDatabase() : `sqlite:${join(mkdtempSync(join(tmpdir(), 'welkom-db-')), 'test.db')}`
  const database = openDatabase(url, { poolSize: 5 })
  if (options.migrate !== false) {
    const outcome = await migrateToLatest(database.db)
    if (outcome.error) throw new Error(`migration failed: ${outcome.error}`)
  }
  const close = database.close
  return {
    ...database,
    url,
    async close() {
      await close()
      if (dialect === 'postgres') await dropPostgresDatabase(url)
      else rmSync(join(database.file!, '..'), { recursive: true, force: true })
    },
  }
}

async function createPostgresDatabase(): Promise<string> {
  const server = postgresServerUrl()
  if (!server) throw new Error('No PostgreSQL server: set TEST_POSTGRES_URL or DATABASE_URL')
  const name = `welkom_test_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: server })
  await client.connect()
  try {
    await client.query(`create database ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(server)
  url.pathname = `/${name}`
  return url.toString()
}

async function dropPostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1)
  const client = new pg.Client({ connectionString: postgresServerUrl()! })
  await client.connect()
  try {
    await client.query(`drop database if exists ${name} with (force)`)
  } finally {
    await client.end()
  }
}
