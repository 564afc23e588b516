// The numbers of the sending page: who is invitable, who has an invitation (reply code), who can
// be reached by e-mail, by text message or only by letter, and what the invitation messages did.
// Counts only: the page shows no names.
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { ExclusionReason } from '../../invitees/invitees-queries.ts'
import { isInvitable } from '../../invitees/invitee-status.ts'
import { channelsOf, messageKey, type Channel } from '../messages/channels.ts'
import type { MessageStatus } from '../messages/messages-queries.ts'

export interface SendingTables {
  invitees: { id: string; edition_id: string; email: string | null; phone: string | null; excluded_reason: ExclusionReason | null; selection: 'selected' | 'not_selected' | null }
  invitations: { invitee_id: string; edition_id: string }
  invitee_messages: { id: string; edition_id: string; invitee_id: string; kind: string; channel: Channel; unique_key: string; mail_id: string | null; status: MessageStatus }
  mail_messages: { id: string; status: MessageStatus }
  edition_organisers: { edition_id: string; municipality_id: string }
}

type Db = Executor<SendingTables>

export const FIRST_INVITATION = 'first'

export type StatusCounts = Record<MessageStatus, number>

export interface SendingFacts {
  invitable: number
  withInvitation: number
  byEmail: number
  bySms: number
  /** Invitable people with neither a usable e-mail address nor a mobile number. */
  letterOnly: number
  /** Invitable people who can be reached and still miss the invitation on one of their channels. */
  waiting: number
  sent: Record<Channel, StatusCounts>
}

function inScope(db: Db, scope: Scope) {
  return db.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId)
}

/** The ids of everyone on the edition's list (queueInviteeMessages keeps the invitable ones). */
export async function editionInviteeIds(db: Db, scope: Scope, editionId: string): Promise<string[]> {
  const rows = await db.selectFrom('invitees').select('id').where('edition_id', '=', editionId).where('edition_id', 'in', inScope(db, scope)).execute()
  return rows.map((r) => r.id)
}

export async function sendingFacts(db: Db, scope: Scope, editionId: string): Promise<SendingFacts> {
  const people = await db
    .selectFrom('invitees as p')
    .leftJoin('invitations as inv', 'inv.invitee_id', 'p.id')
    .select(['p.id', 'p.email', 'p.phone', 'p.excluded_reason', 'p.selection', 'inv.invitee_id as invitation'])
    .where('p.edition_id', '=', editionId)
    .where('p.edition_id', 'in', inScope(db, scope))
    .execute()
  const sentKeys = new Set(
    (await db.selectFrom('invitee_messages').select('unique_key').where('edition_id', '=', editionId).where('edition_id', 'in', inScope(db, scope)).where('kind', '=', 'invitation').execute()).map((r) => r.unique_key),
  )
  const facts: SendingFacts = { invitable: 0, withInvitation: 0, byEmail: 0, bySms: 0, letterOnly: 0, waiting: 0, sent: { email: zero(), sms: zero() } }
  for (const p of people) {
    if (!isInvitable({ excludedReason: p.excluded_reason, selection: p.selection })) continue
    facts.invitable++
    if (p.invitation) facts.withInvitation++
    const channels = channelsOf(p)
    if (channels.includes('email')) facts.byEmail++
    if (channels.includes('sms')) facts.bySms++
    if (channels.length === 0) facts.letterOnly++
    if (channels.some((c) => !sentKeys.has(messageKey('invitation', FIRST_INVITATION, p.id, c)))) facts.waiting++
  }
  const statuses = await db
    .selectFrom('invitee_messages as m')
    .leftJoin('mail_messages as mail', 'mail.id', 'm.mail_id')
    .select((eb) => ['m.channel', eb.fn.coalesce('mail.status', 'm.status').as('status'), eb.fn.countAll<number>().as('n')])
    .where('m.edition_id', '=', editionId)
    .where('m.edition_id', 'in', inScope(db, scope))
    .where('m.kind', '=', 'invitation')
    .groupBy((eb) => ['m.channel', eb.fn.coalesce('mail.status', 'm.status')])
    .execute()
  for (const row of statuses) facts.sent[row.channel][row.status] += Number(row.n)
  return facts
}

function zero(): StatusCounts {
  return { queued: 0, sent: 0, failed: 0 }
}
