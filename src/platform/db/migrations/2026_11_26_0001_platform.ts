// The platform: municipalities, staff accounts and sessions, audit log, jobs, mail, API tokens,
// rate-limit counters and the search index. Frozen: never edit a migration that has shipped.
import { sql, type Kysely } from 'kysely'
import { columnTypes, isPostgres } from '../migration-helpers.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .createTable('municipalities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('nis_code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('theme_color', 'text', (c) => c.notNull().defaultTo('#1d4f91'))
    .addColumn('logo', t.blob)
    .addColumn('logo_type', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('website', 'text')
    .addColumn('address', 'text')
    .addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(90))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('municipality_id', 'text', (c) => c.references('municipalities.id'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('nl'))
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until_at', t.timestamp)
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled_at', t.timestamp)
    .addColumn('totp_last_step', 'integer')
    .addColumn('last_sign_in_at', t.timestamp)
    .addColumn('disabled_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('users_municipality').on('users').column('municipality_id').execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('is_pending_second_factor', t.boolean, (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()

  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .execute()

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('occurred_at', t.timestamp, (c) => c.notNull())
    .addColumn('municipality_id', 'text')
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text')
    .addColumn('record_id', 'text')
    .addColumn('details_json', t.json)
    .execute()
  await db.schema.createIndex('audit_events_scope').on('audit_events').columns(['municipality_id', 'occurred_at']).execute()
  await db.schema.createIndex('audit_events_record').on('audit_events').columns(['record_type', 'record_id']).execute()

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload_json', t.json, (c) => c.notNull())
    .addColumn('municipality_id', 'text')
    .addColumn('unique_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', t.timestamp, (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('lease_expires_at', t.timestamp)
    .addColumn('progress_json', t.json)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('finished_at', t.timestamp)
    .execute()
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute()

  await db.schema
    .createTable('mail_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text')
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('attachments_json', t.json)
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .execute()
  await db.schema.createIndex('mail_messages_scope').on('mail_messages').columns(['municipality_id', 'created_at']).execute()

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .execute()

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('reset_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('search_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('municipality_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('search_documents_kind').on('search_documents').columns(['kind', 'municipality_id']).execute()

  if (isPostgres(db)) {
    await sql`alter table search_documents add column tsv tsvector generated always as (
      setweight(to_tsvector('dutch', title), 'A') || setweight(to_tsvector('dutch', body), 'B')) stored`.execute(db)
    await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db)
    // Dutch glues words together ("inburgeringsceremonie"): a trigram index lets a part of a word
    // match too. pg_trgm ships with PostgreSQL and is a trusted extension (no superuser needed).
    await sql`create extension if not exists pg_trgm`.execute(db)
    await sql`create index search_documents_trgm on search_documents using gin (lower(title || ' ' || body) gin_trgm_ops)`.execute(db)
  } else {
    // External-content FTS5 table kept in step by triggers. The trigram tokenizer matches any part
    // of a word, which Dutch compounds need ("ceremonie" finds "inburgeringsceremonie"), and folds
    // case and diacritics.
    await sql`create virtual table search_fts using fts5(title, body, content='search_documents',
      content_rowid='rowid', tokenize='trigram remove_diacritics 1')`.execute(db)
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, title, body) values (new.rowid, new.title, new.body); end`.execute(db)
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.rowid, old.title, old.body); end`.execute(db)
    await sql`create trigger search_documents_au after update on search_documents begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.rowid, old.title, old.body);
      insert into search_fts(rowid, title, body) values (new.rowid, new.title, new.body); end`.execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table if exists search_fts`.execute(db)
  for (const table of ['search_documents', 'rate_limits', 'api_tokens', 'mail_messages', 'jobs', 'audit_events', 'password_resets', 'sessions', 'users', 'municipalities']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
