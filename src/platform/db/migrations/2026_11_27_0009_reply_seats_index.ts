// Counting seats and reading the waiting list happen inside every saved answer. The index on
// (edition, attending, place) left SQLite to fetch each row for its guests and to sort the whole
// waiting list for its head; this one holds the waiting order and the guests, so the seat count
// reads the index alone and the head of the waiting list is its first entries.
// Frozen once shipped: change the schema in a new migration.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('replies_edition').execute()
  await db.schema
    .createIndex('replies_seats')
    .on('replies')
    .columns(['edition_id', 'attending', 'place', 'waitlisted_at', 'invitee_id', 'adults', 'children'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('replies_seats').execute()
  await db.schema.createIndex('replies_edition').on('replies').columns(['edition_id', 'attending', 'place']).execute()
}
