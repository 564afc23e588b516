import { Migrator, type Kysely, type MigrationResult } from 'kysely'
import { migrations } from './migrations/index.ts'

export interface MigrateOutcome {
  applied: string[]
  error: string | null
}

function migrator(db: Kysely<unknown>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } })
}

/** Brings the schema up to date. On PostgreSQL, Kysely holds an advisory lock, so instances may race. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrateOutcome> {
  const { error, results } = await migrator(db).migrateToLatest()
  return outcome(error, results)
}

export async function migrateDownAll(db: Kysely<unknown>): Promise<MigrateOutcome> {
  const { NO_MIGRATIONS } = await import('kysely')
  const { error, results } = await migrator(db).migrateTo(NO_MIGRATIONS)
  return outcome(error, results)
}

function outcome(error: unknown, results: MigrationResult[] | undefined): MigrateOutcome {
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
  return { applied, error: error ? String((error as Error).message ?? error) : null }
}
