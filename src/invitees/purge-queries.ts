// Carrying out the purge: find the editions whose retention has passed, delete their personal
// data (invitees, households, contributions, unfinished uploads and imports, reply tokens,
// replies with their consents and recordings, messages and their e-mails) in one transaction per edition, mark the edition, keep a
// receipt with counts, audit it. On PostgreSQL the tables are vacuumed afterwards so the deleted
// rows leave the data files too; SQLite overwrites deleted content (secure_delete) and the WAL is
// checkpointed into the database file.
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { recordAudit } from '../audit/audit-queries.ts'
import type { DialectName } from '../platform/db/database.ts'
import type { AnyDb, Executor } from '../platform/db/transaction.ts'
import { isPurgeDue, purgeDate, receiptCounts, type PurgeCounts } from './purge.ts'
import { deleteMessageFiles } from '../invitations/messages/message-files.ts'

interface Tables {
  editions: { id: string; municipality_id: string; name: string; starts_at: Date; retention_days: number; purged_at: Date | null; help_token_hash: string | null; help_token_sealed: string | null }
  invitees: { id: string; edition_id: string }
  edition_contributions: { id: string; edition_id: string }
  import_uploads: { id: string; edition_id: string }
  invitee_households: { id: string; edition_id: string }
  household_dismissals: { edition_id: string }
  invitee_imports: { id: string; edition_id: string }
  edition_organisers: { edition_id: string; municipality_id: string }
  purge_receipts: { id: string; edition_id: string; municipality_id: string; purged_at: Date; counts_json: PurgeCounts }
  invitations: { edition_id: string }
  replies: { edition_id: string }
  reply_recordings: { edition_id: string }
  invitee_messages: { id: string; edition_id: string; mail_id: string | null }
  mail_messages: { id: string }
}

type Db = Executor<Tables>

export interface DuePurge {
  editionId: string
  municipalityId: string
  name: string
  dueOn: string
  counts: PurgeCounts
}

/** The editions whose personal data must go now, with what would be deleted. */
export async function duePurges(db: AnyDb, now: Date): Promise<DuePurge[]> {
  const d = db as Db
  const editions = await d.selectFrom('editions').select(['id', 'municipality_id', 'name', 'starts_at', 'retention_days', 'purged_at']).where('purged_at', 'is', null).where('starts_at', '<', now).execute()
  const due = editions.filter((e) => isPurgeDue({ startsAt: e.starts_at, retentionDays: e.retention_days, purgedAt: e.purged_at }, now))
  const result: DuePurge[] = []
  for (const e of due) result.push({ editionId: e.id, municipalityId: e.municipality_id, name: e.name, dueOn: purgeDate({ startsAt: e.starts_at, retentionDays: e.retention_days }), counts: await countsOf(d, e.id) })
  return result
}

type CountedTable = 'invitees' | 'invitee_households' | 'edition_contributions' | 'import_uploads' | 'replies' | 'reply_recordings' | 'invitee_messages'

async function countsOf(db: Db, editionId: string): Promise<PurgeCounts> {
  const count = async (table: CountedTable) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('edition_id', '=', editionId).executeTakeFirstOrThrow()).n)
  return {
    invitees: await count('invitees'),
    households: await count('invitee_households'),
    contributions: await count('edition_contributions'),
    uploads: await count('import_uploads'),
    replies: await count('replies'),
    recordings: await count('reply_recordings'),
    messages: await count('invitee_messages'),
  }
}

/** Purges one edition; false when another process purged it first. */
export async function purgeEdition(db: AnyDb, dialect: DialectName, due: DuePurge, now: Date, dataDir: string): Promise<boolean> {
  let messageIds: string[] = []
  const done = await db.transaction().execute(async (trx) => {
    const t = trx as unknown as Db
    // The partner help link goes too: it opened a page about a ceremony whose invitees are gone.
    const claimed = await t.updateTable('editions').set({ purged_at: now, help_token_hash: null, help_token_sealed: null }).where('id', '=', due.editionId).where('purged_at', 'is', null).executeTakeFirst()
    if (Number(claimed.numUpdatedRows) !== 1) return false
    const counts = await countsOf(t, due.editionId)
    // Replies, recordings, reply tokens and messages first: they point at the invitees. The
    // e-mails queued for the edition hold names and reply links, so they go too, and so do the
    // files the outbox and SMS transports wrote for them (after the commit).
    const messages = await t.selectFrom('invitee_messages').select(['id', 'mail_id']).where('edition_id', '=', due.editionId).execute()
    messageIds = messages.flatMap((m) => (m.mail_id ? [m.id, m.mail_id] : [m.id]))
    await t.deleteFrom('mail_messages').where('id', 'in', (eb) => eb.selectFrom('invitee_messages').select('mail_id').where('edition_id', '=', due.editionId).where('mail_id', 'is not', null)).execute()
    for (const table of ['reply_recordings', 'replies', 'invitee_messages', 'invitations'] as const) await t.deleteFrom(table).where('edition_id', '=', due.editionId).execute()
    await t.deleteFrom('invitees').where('edition_id', '=', due.editionId).execute()
    await t.deleteFrom('edition_contributions').where('edition_id', '=', due.editionId).execute()
    await t.deleteFrom('import_uploads').where('edition_id', '=', due.editionId).execute()
    await t.deleteFrom('invitee_households').where('edition_id', '=', due.editionId).execute()
    await t.deleteFrom('household_dismissals').where('edition_id', '=', due.editionId).execute()
    await t.deleteFrom('invitee_imports').where('edition_id', '=', due.editionId).execute()
    await t.insertInto('purge_receipts').values({ id: randomUUID(), edition_id: due.editionId, municipality_id: due.municipalityId, purged_at: now, counts_json: counts }).execute()
    await recordAudit(trx, { municipalityId: due.municipalityId, actor: null, action: 'edition.purged', record: { type: 'edition', id: due.editionId }, details: { ...counts } })
    return true
  })
  if (done) {
    await flushDeleted(db, dialect)
    deleteMessageFiles(dataDir, messageIds)
  }
  return done
}

/** Makes sure deleted rows are gone from the files, not only from query results. */
async function flushDeleted(db: AnyDb, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`vacuum invitees, edition_contributions, import_uploads, invitee_households, household_dismissals, invitee_imports, invitations, replies, reply_recordings, invitee_messages, mail_messages`.execute(db)
  else await sql`pragma wal_checkpoint(truncate)`.execute(db)
}

export interface PurgeReceipt {
  id: string
  editionId: string
  purgedAt: Date
  counts: PurgeCounts
}

/** The receipts of an edition the scope organises (a co-organiser sees them too). */
export async function purgeReceipts(db: AnyDb, scope: { municipalityId: string }, editionId: string): Promise<PurgeReceipt[]> {
  const rows = await (db as Db)
    .selectFrom('purge_receipts')
    .selectAll()
    .where('edition_id', '=', editionId)
    .where('edition_id', 'in', (eb) => eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId))
    .orderBy('purged_at')
    .execute()
  return rows.map((r) => ({ id: r.id, editionId: r.edition_id, purgedAt: r.purged_at, counts: receiptCounts(r.counts_json) }))
}
