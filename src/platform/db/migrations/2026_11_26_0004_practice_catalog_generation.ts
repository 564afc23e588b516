// A counter that every change to the published practice catalog moves (ADR 0020): web instances
// keep the catalog in memory and read this one number per request to know whether it is stale.
// Triggers move it, so no write path can forget; on PostgreSQL once per statement.
import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../migration-helpers.ts'

const TABLES = ['practices', 'practice_category_links', 'practice_target_group_links', 'practice_entries', 'practice_categories', 'practice_target_groups', 'municipalities']

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('practice_catalog_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'bigint', (c) => c.notNull())
    .execute()
  await sql`insert into practice_catalog_state (id, generation) values (1, 0)`.execute(db)
  if (isPostgres(db)) {
    await sql`create function practice_catalog_changed() returns trigger language plpgsql as $$
      begin update practice_catalog_state set generation = generation + 1 where id = 1; return null; end $$`.execute(db)
    for (const table of TABLES) {
      await sql`create trigger ${sql.raw(`${table}_catalog`)} after insert or update or delete or truncate on ${sql.table(table)}
        for each statement execute function practice_catalog_changed()`.execute(db)
    }
  } else {
    for (const table of TABLES) {
      for (const event of ['insert', 'update', 'delete']) {
        await sql`create trigger ${sql.raw(`${table}_catalog_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
          begin update practice_catalog_state set generation = generation + 1 where id = 1; end`.execute(db)
      }
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of TABLES) await sql`drop trigger if exists ${sql.raw(`${table}_catalog`)} on ${sql.table(table)}`.execute(db)
    await sql`drop function if exists practice_catalog_changed()`.execute(db)
  } else {
    for (const table of TABLES) for (const event of ['insert', 'update', 'delete']) await sql`drop trigger if exists ${sql.raw(`${table}_catalog_${event}`)}`.execute(db)
  }
  await db.schema.dropTable('practice_catalog_state').execute()
}
