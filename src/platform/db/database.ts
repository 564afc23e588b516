// Opens the database named by DATABASE_URL: SQLite (better-sqlite3) by default, PostgreSQL (pg)
// for several instances. Everything above this file sees one Kysely API.
import Sqlite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import pg from 'pg'
import { DialectPlugin, toDatabaseValue } from './dialect-plugin.ts'

export type DialectName = 'sqlite' | 'postgres'

// The app-wide handle is untyped; each query file types its own tables (see AnyDb).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Database<DB = any> {
  db: Kysely<DB>
  dialect: DialectName
  /** For SQLite: the file path (used by backup). */
  file: string | null
  close(): Promise<void>
}

// PostgreSQL returns bigint (count(*)) as text and dates as JS Dates in local time. We want
// numbers, and calendar dates as 'YYYY-MM-DD' text exactly as SQLite keeps them.
pg.types.setTypeParser(20, (v) => Number(v))
pg.types.setTypeParser(1700, (v) => Number(v))
pg.types.setTypeParser(1082, (v) => v)

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url)
}

export function sqlitePath(url: string): string {
  return resolve(url.replace(/^sqlite:(\/\/)?/, ''))
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function openDatabase<DB = any>(url: string, options: { poolSize?: number } = {}): Database<DB> {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 })
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', () => {})
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: bindingValues(pool) }), plugins: [new DialectPlugin('postgres')] })
    return { db, dialect: 'postgres', file: null, close: () => db.destroy() }
  }
  const file = sqlitePath(url)
  mkdirSync(dirname(file), { recursive: true })
  const database = new Sqlite(file)
  database.pragma('journal_mode = WAL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  database.pragma('synchronous = NORMAL')
  // Deleted personal data is overwritten, not left in free pages of the file (purge, erasure).
  database.pragma('secure_delete = ON')
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(database) }), plugins: [new DialectPlugin('sqlite')] })
  return { db, dialect: 'sqlite', file, close: () => db.destroy() }
}

/**
 * What Kysely's SQLite driver sees of the database. Kysely prepares every query anew; preparing was
 * the largest single cost of a page in the profile, and the app runs the same few hundred statements
 * over and over, so they stay prepared. Parameters are converted as they are bound (toDatabaseValue).
 */
function withStatementCache(database: Sqlite.Database, max = 500) {
  const bind = (parameters: unknown[]) => parameters.map((value) => toDatabaseValue(value, 'sqlite'))
  const prepared = (statement: Sqlite.Statement) => ({
    reader: statement.reader,
    all: (parameters: unknown[]) => statement.all(bind(parameters)),
    run: (parameters: unknown[]) => statement.run(bind(parameters)),
    iterate: (parameters: unknown[]) => statement.iterate(bind(parameters)),
  })
  const cache = new Map<string, ReturnType<typeof prepared>>()
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = cache.get(sql)
      if (!statement) {
        statement = prepared(database.prepare(sql))
        if (cache.size >= max) cache.delete(cache.keys().next().value!)
        cache.set(sql, statement)
      }
      return statement
    },
  }
}

/** The same conversion for PostgreSQL: the pool Kysely sees hands out clients that convert as they bind. */
function bindingValues(pool: pg.Pool): PostgresPool {
  // One wrapper per pooled client, so that Kysely keeps recognising the client it has seen before.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>()
  const wrap = (client: pg.PoolClient): PostgresPoolClient =>
    ({
      query: (sql: string, parameters: readonly unknown[]) => client.query(sql, parameters.map((value) => toDatabaseValue(value, 'postgres'))),
      release: (discard?: boolean) => client.release(discard),
    }) as unknown as PostgresPoolClient
  return {
    connect: async () => {
      const client = await pool.connect()
      let wrapper = wrappers.get(client)
      if (!wrapper) wrappers.set(client, (wrapper = wrap(client)))
      return wrapper
    },
    end: () => pool.end(),
  }
}

/** Connects, retrying a few times: at start-up the database may still be booting. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function connectWithRetry<DB = any>(
  url: string,
  options: { attempts?: number; delayMs?: number; onRetry?: (attempt: number, error: Error) => void } = {},
): Promise<Database<DB>> {
  const attempts = options.attempts ?? 5
  let delay = options.delayMs ?? 500
  for (let attempt = 1; ; attempt++) {
    const database = openDatabase<DB>(url)
    try {
      await sql`select 1`.execute(database.db)
      return database
    } catch (error) {
      await database.close().catch(() => {})
      if (attempt >= attempts) throw new DatabaseUnreachable(url, error as Error)
      options.onRetry?.(attempt, error as Error)
      await new Promise((r) => setTimeout(r, delay))
      delay *= 2
    }
  }
}

export class DatabaseUnreachable extends Error {
  constructor(url: string, cause: Error) {
    super(`Cannot reach the database at ${describeUrl(url)} (DATABASE_URL): ${cause.message}`)
  }
}

/** The URL without its password, for messages and logs. */
export function describeUrl(url: string): string {
  if (!isPostgresUrl(url)) return sqlitePath(url)
  const parsed = new URL(url)
  parsed.password = parsed.password ? '***' : ''
  return parsed.toString()
}

export async function isReachable(db: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}
