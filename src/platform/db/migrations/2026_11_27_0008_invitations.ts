// Invitations and replies: a personal reply address and short code per invitee, the messages sent
// (e-mail, SMS) and letters printed, the newcomer's answer with needs, consents and a recording of
// how to say their name, and the reminder rules of an edition.
// Everything here that concerns a person is purged with the edition.
// Frozen once shipped: change the schema in a new migration.
import { sql, type Kysely } from 'kysely'
import { columnTypes } from '../migration-helpers.ts'

export const DEFAULT_REMINDER_RULES = [
  { daysBefore: 14, audience: 'not_replied' },
  { daysBefore: 3, audience: 'not_replied' },
  { daysBefore: 1, audience: 'coming' },
]

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db)

  // One per invitee. The reply token and short code are random; only their hashes are looked up,
  // and a sealed (encrypted) copy lets a letter be printed again.
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('invitee_id', 'text', (c) => c.notNull().unique().references('invitees.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_sealed', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('code_sealed', 'text', (c) => c.notNull())
    .addColumn('letter_printed_at', t.timestamp)
    .addColumn('letter_returned_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('invitations_edition').on('invitations').column('edition_id').execute()

  // Every invitation, reminder, confirmation or waiting-list message sent to a person. The unique
  // key makes sending idempotent: a reminder rule never reaches the same person twice.
  await db.schema
    .createTable('invitee_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('invitee_id', 'text', (c) => c.notNull().references('invitees.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('unique_key', 'text', (c) => c.notNull().unique())
    .addColumn('mail_id', 'text')
    .addColumn('body', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .execute()
  await db.schema.createIndex('invitee_messages_invitee').on('invitee_messages').column('invitee_id').execute()
  await db.schema.createIndex('invitee_messages_edition').on('invitee_messages').columns(['edition_id', 'kind']).execute()

  // The current answer of one invitee; its changes are in the audit trail.
  await db.schema
    .createTable('replies')
    .addColumn('invitee_id', 'text', (c) => c.primaryKey().references('invitees.id').onDelete('cascade'))
    .addColumn('municipality_id', 'text', (c) => c.notNull())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('attending', 'text', (c) => c.notNull())
    // For "yes": a confirmed place, or a place on the waiting list (ordered by waitlisted_at).
    .addColumn('place', 'text')
    .addColumn('waitlisted_at', t.timestamp)
    .addColumn('adults', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('children', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('needs_json', t.json, (c) => c.notNull())
    .addColumn('phonetic_name', 'text')
    .addColumn('has_photo_consent', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('has_group_photo_consent', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('has_publication_consent', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('has_children_photo_consent', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('interests_json', t.json, (c) => c.notNull())
    .addColumn('contribution_kinds_json', t.json, (c) => c.notNull())
    .addColumn('contribution_text', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('language', 'text')
    .addColumn('replied_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('replies_edition').on('replies').columns(['edition_id', 'attending', 'place']).execute()

  // A short recording of how a person says their own name.
  await db.schema
    .createTable('reply_recordings')
    .addColumn('invitee_id', 'text', (c) => c.primaryKey().references('invitees.id').onDelete('cascade'))
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('audio', t.blob, (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()

  // A contribution offered in a reply is linked to the person, so a changed answer updates it.
  await db.schema.alterTable('edition_contributions').addColumn('invitee_id', 'text').execute()

  // Reminder rules, and the page partners (language teachers, counsellors) share with newcomers.
  await db.schema
    .alterTable('editions')
    .addColumn('reminder_rules_json', t.json, (c) => c.notNull().defaultTo(sql.lit(JSON.stringify(DEFAULT_REMINDER_RULES))))
    .execute()
  await db.schema.alterTable('editions').addColumn('help_token_hash', 'text').execute()
  await db.schema.createIndex('editions_help_token').on('editions').column('help_token_hash').unique().execute()
  await db.schema.alterTable('editions').addColumn('help_token_sealed', 'text').execute()

  // Where the address goes on a letter, for the municipality's window envelopes (millimetres from
  // the top left of the A4 page). The default fits a Belgian DL envelope with its window on the right.
  await db.schema.alterTable('municipalities').addColumn('letter_address_top_mm', 'integer', (c) => c.notNull().defaultTo(50)).execute()
  await db.schema.alterTable('municipalities').addColumn('letter_address_left_mm', 'integer', (c) => c.notNull().defaultTo(110)).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('municipalities').dropColumn('letter_address_left_mm').execute()
  await db.schema.alterTable('municipalities').dropColumn('letter_address_top_mm').execute()
  await db.schema.dropIndex('editions_help_token').execute()
  await db.schema.alterTable('editions').dropColumn('help_token_sealed').execute()
  await db.schema.alterTable('editions').dropColumn('help_token_hash').execute()
  await db.schema.alterTable('editions').dropColumn('reminder_rules_json').execute()
  await db.schema.alterTable('edition_contributions').dropColumn('invitee_id').execute()
  for (const table of ['reply_recordings', 'replies', 'invitee_messages', 'invitations']) await db.schema.dropTable(table).execute()
}
