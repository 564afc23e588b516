// Working on the list of invitees: households, exclusions, selection under capacity, carry-over
// from an earlier edition, people added by hand, and imports that run as a background job.
// Everything here that concerns a person is purged with the edition.
// Frozen once shipped: change the schema in a new migration.
import type { Kysely } from 'kysely'
import { columnTypes } from '../migration-helpers.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db)

  // People at one address grouped by staff: one invitation reaches the household; each person
  // keeps their own answers and consents.
  await db.schema
    .createTable('invitee_households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  // A suggestion staff turned down, so it is not suggested again: a keyed hash of the address.
  await db.schema
    .createTable('household_dismissals')
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('address_key', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('household_dismissals_pk', ['edition_id', 'address_key'])
    .execute()

  // A selection under capacity: how, with which seed, how many places; counts only, no names.
  await db.schema
    .createTable('invitee_selections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('seed', 'text')
    .addColumn('places', 'integer', (c) => c.notNull())
    .addColumn('candidates', 'integer', (c) => c.notNull())
    .addColumn('selected', 'integer', (c) => c.notNull())
    .addColumn('not_selected', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('invitee_selections_edition').on('invitee_selections').columns(['edition_id', 'created_at']).execute()

  // An import running in the background: progress for the browser and the command line, and
  // the counts when it ends. The problem, when it failed, is a translation key and its values.
  await db.schema
    .createTable('invitee_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
    .addColumn('upload_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows_done', 'integer', (c) => c.notNull())
    .addColumn('rows_total', 'integer')
    .addColumn('counts_json', t.json)
    .addColumn('problem_json', t.json)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('finished_at', t.timestamp)
    .execute()
  await db.schema.createIndex('invitee_imports_edition').on('invitee_imports').columns(['edition_id', 'created_at']).execute()

  // Per person: how they came on the list, their household, an exclusion with its reason, the
  // outcome of a selection, where they were carried over from, and a wish to come next time.
  await db.schema.alterTable('invitees').addColumn('source', 'text', (c) => c.notNull().defaultTo('import')).execute()
  await db.schema.alterTable('invitees').addColumn('household_id', 'text').execute()
  await db.schema.alterTable('invitees').addColumn('excluded_reason', 'text').execute()
  await db.schema.alterTable('invitees').addColumn('excluded_at', t.timestamp).execute()
  await db.schema.alterTable('invitees').addColumn('selection', 'text').execute()
  await db.schema.alterTable('invitees').addColumn('carried_from_edition_id', 'text').execute()
  await db.schema.alterTable('invitees').addColumn('has_asked_next_time', t.boolean, (c) => c.notNull().defaultTo(false)).execute()
  await db.schema.createIndex('invitees_household').on('invitees').columns(['household_id']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('invitees_household').ifExists().execute()
  for (const column of ['has_asked_next_time', 'carried_from_edition_id', 'selection', 'excluded_at', 'excluded_reason', 'household_id', 'source']) {
    await db.schema.alterTable('invitees').dropColumn(column).execute()
  }
  await db.schema.dropTable('invitee_imports').ifExists().execute()
  await db.schema.dropTable('invitee_selections').ifExists().execute()
  await db.schema.dropTable('household_dismissals').ifExists().execute()
  await db.schema.dropTable('invitee_households').ifExists().execute()
}
