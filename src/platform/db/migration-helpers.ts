// Column types that differ between the dialects, for use inside migrations.
import { PostgresAdapter, type Kysely } from 'kysely'

export function isPostgres(db: { getExecutor(): { adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

export function columnTypes(db: Kysely<unknown>) {
  const pg = isPostgres(db)
  return {
    timestamp: pg ? 'timestamptz' : 'text',
    boolean: pg ? 'boolean' : 'integer',
    json: pg ? 'jsonb' : 'text',
    blob: pg ? 'bytea' : 'blob',
  } as const
}
