// Editions (ceremonies) and their planning: organising municipalities, the playbook's tasks, the
// programme, partners with their info-market stands, and contributions by (ex-)newcomers.
// Calendar dates (a period, a deadline) are 'YYYY-MM-DD' text; moments are timestamps.
// Frozen once shipped: change the schema in a new migration.
import type { Kysely } from 'kysely'
import { columnTypes } from '../migration-helpers.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .createTable('editions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The municipality that created it; every organiser has the same rights (edition_organisers).
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    // The venue is often booked weeks after the edition is planned (PRODUCT.md's timeline).
    .addColumn('venue_name', 'text')
    .addColumn('venue_address', 'text')
    .addColumn('venue_room', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('accessibility', 'text')
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('reply_by', 'text')
    .addColumn('guests_per_invitee', 'integer', (c) => c.notNull())
    .addColumn('languages_json', t.json, (c) => c.notNull())
    .addColumn('retention_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // SHA-256 of the secret in the staff calendar (iCalendar) address; null when revoked.
    .addColumn('calendar_token_hash', 'text', (c) => c.unique())
    .addColumn('copied_from_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('editions_municipality').on('editions').columns(['municipality_id', 'starts_at']).execute()

  await db.schema
    .createTable('edition_organisers')
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
    .addPrimaryKeyConstraint('edition_organisers_pk', ['edition_id', 'municipality_id'])
    .execute()
  await db.schema.createIndex('edition_organisers_municipality').on('edition_organisers').column('municipality_id').execute()

  // A municipality's own playbook template; without rows the shipped default applies.
  await db.schema
    .createTable('playbook_template_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('offset_days', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('playbook_template_tasks_municipality').on('playbook_template_tasks').columns(['municipality_id', 'position']).execute()

  // Due dates are not stored: a task is due `offset_days` from the ceremony's date, so it moves
  // with the ceremony.
  await db.schema
    .createTable('edition_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('offset_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('notes', 'text')
    .addColumn('done_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('edition_tasks_edition').on('edition_tasks').columns(['edition_id', 'position']).execute()
  await db.schema.createIndex('edition_tasks_owner').on('edition_tasks').column('owner_id').execute()

  // Start times are not stored: each item starts when the one before it ends.
  await db.schema
    .createTable('programme_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('performer', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('programme_items_edition').on('programme_items').columns(['edition_id', 'position']).execute()

  // Partner organisations of a municipality, reused from edition to edition.
  await db.schema
    .createTable('partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('offer', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('partners_municipality').on('partners').columns(['municipality_id', 'name']).execute()

  // A partner's stand at one edition's info market, with the link the partner fills it in by.
  await db.schema
    .createTable('edition_stands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('offer', 'text')
    .addColumn('tables', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('needs_power', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('place', 'text')
    .addColumn('notes', 'text')
    .addColumn('link_token_hash', 'text', (c) => c.unique())
    .addColumn('link_expires_at', t.timestamp)
    .addColumn('filled_in_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('edition_stands_partner', ['edition_id', 'partner_id'])
    .execute()

  // Music, food, art or a testimony offered by (ex-)newcomers; personal data, purged with the edition.
  await db.schema
    .createTable('edition_contributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('edition_contributions_edition').on('edition_contributions').column('edition_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['edition_contributions', 'edition_stands', 'partners', 'programme_items', 'edition_tasks', 'playbook_template_tasks', 'edition_organisers', 'editions']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
