import type { Executor } from '../db/transaction.ts'

export type MailStatus = 'queued' | 'sent' | 'failed'

export interface MailTables {
  mail_messages: {
    id: string
    municipality_id: string | null
    to_address: string
    subject: string
    text_body: string
    html_body: string | null
    attachments_json: MailAttachment[] | null
    message_id: string
    status: MailStatus
    error: string | null
    created_at: Date
    sent_at: Date | null
  }
}

export interface MailAttachment {
  filename: string
  contentType: string
  /** base64 */
  content: string
}

export type MailRow = MailTables['mail_messages']

export async function insertMail(db: Executor<MailTables>, row: MailRow): Promise<void> {
  await db.insertInto('mail_messages').values(row).execute()
}

export async function findMail(db: Executor<MailTables>, municipalityId: string | null, id: string): Promise<MailRow | null> {
  let query = db.selectFrom('mail_messages').selectAll().where('id', '=', id)
  if (municipalityId !== null) query = query.where('municipality_id', '=', municipalityId)
  return (await query.executeTakeFirst()) ?? null
}

export async function markMailSent(db: Executor<MailTables>, id: string): Promise<void> {
  await db.updateTable('mail_messages').set({ status: 'sent', sent_at: new Date(), error: null }).where('id', '=', id).execute()
}

export async function markMailFailed(db: Executor<MailTables>, id: string, error: string): Promise<void> {
  await db.updateTable('mail_messages').set({ status: 'failed', error }).where('id', '=', id).execute()
}

/** Deletes delivered or failed messages created before `before`; queued ones wait for delivery. */
export async function purgeOldMail(db: Executor<MailTables>, before: Date): Promise<void> {
  await db.deleteFrom('mail_messages').where('status', 'in', ['sent', 'failed']).where('created_at', '<', before).execute()
}

export async function listMail(db: Executor<MailTables>, municipalityId: string | null, page: { limit: number; offset: number }) {
  let query = db.selectFrom('mail_messages')
  if (municipalityId !== null) query = query.where('municipality_id', '=', municipalityId)
  const [rows, count] = await Promise.all([
    query.select(['id', 'to_address', 'subject', 'status', 'created_at', 'sent_at', 'error']).orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { messages: rows, total: Number(count.n) }
}
