// Queries of the messages sent to invitees: the idempotent insert, the text-message job's reads
// and writes, and the delivery status staff see. An e-mail's status lives in mail_messages while
// that row exists (the mail job updates it); the hourly run copies it here so it outlives the
// e-mail's purge after 30 days.
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import { isInvitable } from '../../invitees/invitee-status.ts'
import type { ExclusionReason } from '../../invitees/invitees-queries.ts'
import type { Channel } from './channels.ts'
import type { MessageKind } from './invitee-messages.ts'

export type MessageStatus = 'queued' | 'sent' | 'failed'

export interface MessagesTables {
  invitee_messages: {
    id: string
    municipality_id: string
    edition_id: string
    invitee_id: string
    kind: MessageKind
    channel: Channel
    unique_key: string
    mail_id: string | null
    body: string | null
    status: MessageStatus
    error: string | null
    created_at: Date
    sent_at: Date | null
  }
  mail_messages: { id: string; status: MessageStatus; error: string | null; sent_at: Date | null }
  invitees: { id: string; phone: string | null; excluded_reason: ExclusionReason | null; selection: 'selected' | 'not_selected' | null }
  edition_organisers: { edition_id: string; municipality_id: string }
}

type Db = Executor<MessagesTables>
export type MessageRow = MessagesTables['invitee_messages']

const CHUNK = 500

/** Which of these unique keys were already used (the messages that exist). */
export async function takenMessageKeys(db: Db, editionId: string, keys: string[]): Promise<Set<string>> {
  const taken = new Set<string>()
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db.selectFrom('invitee_messages').select('unique_key').where('edition_id', '=', editionId).where('unique_key', 'in', keys.slice(i, i + CHUNK)).execute()
    for (const r of rows) taken.add(r.unique_key)
  }
  return taken
}

/** Inserts the message unless its unique key exists (another request got there first): true when inserted. */
export async function insertMessage(db: Db, row: MessageRow): Promise<boolean> {
  const result = await db
    .insertInto('invitee_messages')
    .values(row)
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

export async function setMessageMail(db: Db, messageId: string, mailId: string): Promise<void> {
  await db.updateTable('invitee_messages').set({ mail_id: mailId }).where('id', '=', messageId).execute()
}

// The text-message job.

/** A text message waiting to be sent, with the person's number and status as they are now. */
export async function smsToSend(db: Db, messageId: string): Promise<{ id: string; status: MessageStatus; body: string | null; phone: string | null; invitable: boolean } | null> {
  const row = await db
    .selectFrom('invitee_messages as m')
    .innerJoin('invitees as p', 'p.id', 'm.invitee_id')
    .select(['m.id', 'm.status', 'm.body', 'p.phone', 'p.excluded_reason', 'p.selection'])
    .where('m.id', '=', messageId)
    .where('m.channel', '=', 'sms')
    .executeTakeFirst()
  return row ? { id: row.id, status: row.status, body: row.body, phone: row.phone, invitable: isInvitable({ excludedReason: row.excluded_reason, selection: row.selection }) } : null
}

/** Sent: the text held the personal link, so it is not kept. */
export async function markSmsSent(db: Db, messageId: string, now: Date): Promise<void> {
  await db.updateTable('invitee_messages').set({ status: 'sent', sent_at: now, body: null, error: null }).where('id', '=', messageId).execute()
}

export async function markSmsFailed(db: Db, messageId: string, error: string): Promise<void> {
  await db.updateTable('invitee_messages').set({ status: 'failed', body: null, error }).where('id', '=', messageId).execute()
}

/**
 * Copies the outcome of delivered or failed e-mails into their messages, so the status stays
 * known after the e-mail itself is purged (30 days). Run by the hourly reminders job.
 */
export async function syncMailStatuses(db: Db): Promise<void> {
  await db
    .updateTable('invitee_messages')
    .set((eb) => ({
      status: eb.selectFrom('mail_messages').select('mail_messages.status').whereRef('mail_messages.id', '=', 'invitee_messages.mail_id'),
      error: eb.selectFrom('mail_messages').select('mail_messages.error').whereRef('mail_messages.id', '=', 'invitee_messages.mail_id'),
      sent_at: eb.selectFrom('mail_messages').select('mail_messages.sent_at').whereRef('mail_messages.id', '=', 'invitee_messages.mail_id'),
    }))
    .where('channel', '=', 'email')
    .where('status', '=', 'queued')
    .where('mail_id', 'in', (eb) => eb.selectFrom('mail_messages').select('id').where('status', 'in', ['sent', 'failed']))
    .execute()
}

// What staff see.

/** The edition's id, if the scope's municipality organises it (co-organisers included). */
function inScope(db: Db, scope: Scope) {
  return db.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId)
}

export interface MessageStatusView {
  id: string
  kind: MessageKind
  channel: Channel
  status: MessageStatus
  /** A short technical reason (an SMTP code), never an address. */
  error: string | null
  createdAt: Date
  sentAt: Date | null
}

/** Every message sent to one person, the latest first; an e-mail's status as the mail job left it. */
export async function messageStatuses(db: Db, scope: Scope, editionId: string, inviteeId: string): Promise<MessageStatusView[]> {
  const rows = await db
    .selectFrom('invitee_messages as m')
    .leftJoin('mail_messages as mail', 'mail.id', 'm.mail_id')
    .select(['m.id', 'm.kind', 'm.channel', 'm.status', 'm.error', 'm.created_at', 'm.sent_at'])
    .select(['mail.status as mail_status', 'mail.error as mail_error', 'mail.sent_at as mail_sent_at'])
    .where('m.edition_id', '=', editionId)
    .where('m.edition_id', 'in', inScope(db, scope))
    .where('m.invitee_id', '=', inviteeId)
    .orderBy('m.created_at', 'desc')
    .orderBy('m.channel')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    status: r.mail_status ?? r.status,
    error: r.mail_status ? r.mail_error : r.error,
    createdAt: r.created_at,
    sentAt: r.mail_status ? r.mail_sent_at : r.sent_at,
  }))
}

/**
 * The people whose every e-mail failed (the address bounced or does not exist): they are not
 * reached by e-mail, and staff are told to send a letter. Someone with one delivered e-mail is
 * reached and not counted.
 */
export async function failedDeliveries(db: Db, scope: Scope, editionId: string): Promise<{ count: number; inviteeIds: string[] }> {
  const rows = await db
    .selectFrom('invitee_messages as m')
    .leftJoin('mail_messages as mail', 'mail.id', 'm.mail_id')
    .select('m.invitee_id')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when(eb.fn.coalesce('mail.status', 'm.status'), '=', 'failed').then(1).else(0).end()).as('failed'),
    ])
    .where('m.edition_id', '=', editionId)
    .where('m.edition_id', 'in', inScope(db, scope))
    .where('m.channel', '=', 'email')
    .groupBy('m.invitee_id')
    .execute()
  const inviteeIds = rows.filter((r) => Number(r.failed) === Number(r.total)).map((r) => r.invitee_id).sort()
  return { count: inviteeIds.length, inviteeIds }
}
