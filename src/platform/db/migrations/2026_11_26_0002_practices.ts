// The practice database: practices, their categories and target groups, the municipalities that
// do them ("Deze praktijk in"), published versions, submissions and change requests, images.
import type { Kysely } from 'kysely'
import { columnTypes } from '../migration-helpers.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .createTable('practice_categories')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('practice_target_groups')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bytes', t.blob, (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('practices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('goals_json', t.json, (c) => c.notNull())
    .addColumn('target_group', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('partners', 'text')
    .addColumn('resources_json', t.json, (c) => c.notNull())
    .addColumn('success_factors', 'text')
    .addColumn('challenges', 'text')
    .addColumn('image_id', 'text', (c) => c.references('images.id'))
    .addColumn('image_alt', 'text')
    .addColumn('image_credit', 'text')
    .addColumn('is_demo', t.boolean, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('published_at', t.timestamp)
    .execute()
  await db.schema.createIndex('practices_status').on('practices').columns(['status', 'updated_at']).execute()
  await db.schema.createIndex('practices_published').on('practices').columns(['status', 'published_at']).execute()

  await db.schema
    .createTable('practice_category_links')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('category_slug', 'text', (c) => c.notNull().references('practice_categories.slug'))
    .addPrimaryKeyConstraint('practice_category_links_pk', ['practice_id', 'category_slug'])
    .execute()
  await db.schema.createIndex('practice_category_links_category').on('practice_category_links').column('category_slug').execute()

  await db.schema
    .createTable('practice_target_group_links')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('target_group_slug', 'text', (c) => c.notNull().references('practice_target_groups.slug'))
    .addPrimaryKeyConstraint('practice_target_group_links_pk', ['practice_id', 'target_group_slug'])
    .execute()
  await db.schema.createIndex('practice_target_group_links_group').on('practice_target_group_links').column('target_group_slug').execute()

  // "Deze praktijk in": one entry per municipality that does the practice, kept up by its staff.
  await db.schema
    .createTable('practice_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
    .addColumn('blurb', 'text')
    .addColumn('since', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('website', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('practice_entries_practice_municipality', ['practice_id', 'municipality_id'])
    .execute()
  await db.schema.createIndex('practice_entries_municipality').on('practice_entries').column('municipality_id').execute()

  // Every published version, whole, so an editor can compare and restore.
  await db.schema
    .createTable('practice_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot_json', t.json, (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('published_by_name', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('practice_versions_practice_version', ['practice_id', 'version'])
    .execute()

  // New practices (the "fiche") and change requests, from the public or from staff, for review.
  await db.schema
    .createTable('practice_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('practice_id', 'text', (c) => c.references('practices.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('payload_json', t.json, (c) => c.notNull())
    .addColumn('base_version', 'integer')
    .addColumn('submitter_name', 'text', (c) => c.notNull())
    .addColumn('submitter_email', 'text', (c) => c.notNull())
    .addColumn('submitter_municipality_id', 'text', (c) => c.references('municipalities.id'))
    .addColumn('submitter_user_id', 'text')
    .addColumn('confirm_token_hash', 'text', (c) => c.unique())
    .addColumn('confirmed_at', t.timestamp)
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', t.timestamp)
    .addColumn('decision_reason', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('practice_submissions_queue').on('practice_submissions').columns(['status', 'created_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['practice_submissions', 'practice_versions', 'practice_entries', 'practice_target_group_links', 'practice_category_links', 'practices', 'images', 'practice_target_groups', 'practice_categories']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
