// The people an edition honours (invitees). Personal data: purged with the edition. The national
// register number is never stored: only an HMAC with the installation's secret, for matching.
// Frozen once shipped: change the schema in a new migration.
import type { Kysely } from 'kysely'
import { columnTypes } from '../migration-helpers.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('invitees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('national_number_hash', 'text')
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('street', 'text')
    .addColumn('house_number', 'text')
    .addColumn('box', 'text')
    .addColumn('postcode', 'text')
    .addColumn('city', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('language', 'text')
    .addColumn('certificate_date', 'text')
    // What an import left out and why: [{ column, message }], never the values.
    .addColumn('warnings_json', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('invitees_national_number', ['edition_id', 'national_number_hash'])
    .execute()
  await db.schema.createIndex('invitees_edition').on('invitees').columns(['edition_id', 'last_name']).execute()

  // A file between the wizard's steps (upload → mapping → preview → commit), encrypted with the
  // installation's key and deleted when the import ends or after a day, whichever comes first.
  await db.schema
    .createTable('import_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
    .addColumn('created_by', 'text')
    .addColumn('file_encrypted', 'text', (c) => c.notNull())
    .addColumn('register_encrypted', 'text')
    .addColumn('mapping_json', t.json)
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()

  // The column mapping a municipality chose for a set of headers, suggested again next time.
  await db.schema
    .createTable('column_mappings')
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
    .addColumn('headers_key', 'text', (c) => c.notNull())
    .addColumn('mapping_json', t.json, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('column_mappings_pk', ['municipality_id', 'headers_key'])
    .execute()

  // When an edition's personal data was purged, and the receipt: what, when, how many — no names.
  await db.schema.alterTable('editions').addColumn('purged_at', t.timestamp).execute()
  await db.schema
    .createTable('purge_receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
    .addColumn('purged_at', t.timestamp, (c) => c.notNull())
    .addColumn('counts_json', t.json, (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('purge_receipts').ifExists().execute()
  await db.schema.dropTable('column_mappings').ifExists().execute()
  await db.schema.dropTable('import_uploads').ifExists().execute()
  await db.schema.alterTable('editions').dropColumn('purged_at').execute()
  await db.schema.dropTable('invitees').ifExists().execute()
}
