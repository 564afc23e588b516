// Messages to invitees (invitation, reminder, confirmation, a place from the waiting list), by
// e-mail and text message, queued inside the caller's transaction. Each message has a unique key
// (kind, occasion, person, channel): queuing the same request twice queues nothing the second
// time, which is how nobody gets the same reminder twice. Nothing is sent here: e-mails go through
// the mail job, text messages through the invitations.sms job.
import { randomUUID } from 'node:crypto'
import type { Config } from '../../config.ts'
import { inTransaction, type AnyDb } from '../../platform/db/transaction.ts'
import { enqueueJob } from '../../platform/jobs/jobs-queries.ts'
import { queueMail } from '../../platform/mail/mail.ts'
import { paths } from '../../paths.ts'
import { isInvitable } from '../../invitees/invitee-status.ts'
import type { ExclusionReason } from '../../invitees/invitees-queries.ts'
import { ensureInvitations, invitationKeys } from '../invitations-queries.ts'
import { channelsOf, emailAddress, messageKey, type Channel } from './channels.ts'
import { composeMail, composeSmsText, type ComposeInput } from './message-compose.ts'
import { insertMessage, setMessageMail, takenMessageKeys } from './messages-queries.ts'
import { messageEdition, messageRecipients } from './recipients-queries.ts'

export const MESSAGE_KINDS = ['invitation', 'reminder', 'confirmation', 'promoted'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export const SEND_INVITEE_SMS = 'invitations.sms'

export interface MessageRequest {
  editionId: string
  inviteeIds: string[]
  kind: MessageKind
  /**
   * What makes this message distinct for idempotency, besides kind and person: the reminder rule
   * ("14-not_replied"), or the reply's version for a confirmation. Queuing the same request twice
   * sends nothing the second time.
   */
  occasion: string
}

/** Queues the message for each person by every channel they can be reached on; returns how many were queued. */
export async function queueInviteeMessages(db: AnyDb, config: Config, request: MessageRequest, now: Date): Promise<number> {
  if (request.inviteeIds.length === 0) return 0
  return inTransaction(db, async (trx) => {
    const edition = await messageEdition(trx, request.editionId)
    // A purged edition has nobody left to write to, and its tokens no longer open anything.
    if (!edition || edition.purgedAt) return 0
    // Every message but a reminder carries the personal link, also to someone whose answer staff
    // took by phone before any invitation existed. A reminder's audience has invitations already.
    if (request.kind !== 'reminder') await ensureInvitations(trx, config, edition.id, now, request.inviteeIds)
    const people = await messageRecipients(trx, edition.id, [...new Set(request.inviteeIds)])
    // Excluded and not-selected people get nothing, whatever the caller asked (invitee-status.ts).
    const planned: { person: (typeof people)[number]; channel: Channel; key: string }[] = []
    for (const person of people) {
      if (!person.invitation || !isInvitable({ excludedReason: person.excludedReason as ExclusionReason | null, selection: person.selection })) continue
      for (const channel of channelsOf(person)) planned.push({ person, channel, key: messageKey(request.kind, request.occasion, person.id, channel) })
    }
    const taken = await takenMessageKeys(trx, edition.id, planned.map((p) => p.key))
    const host = new URL(config.baseUrl).hostname
    const codeUrl = new URL(paths.replyCode(), config.baseUrl).toString()
    let queued = 0
    for (const { person, channel, key } of planned) {
      if (taken.has(key)) continue
      const input: ComposeInput = { kind: request.kind, occasion: request.occasion, edition, person, keys: invitationKeys(config, person.invitation!), codeUrl, uidDomain: host, now }
      const id = randomUUID()
      const body = channel === 'sms' ? composeSmsText(input) : null
      const row = { id, municipality_id: edition.municipalityId, edition_id: edition.id, invitee_id: person.id, kind: request.kind, channel, unique_key: key, mail_id: null, body, status: 'queued' as const, error: null, created_at: now, sent_at: null }
      // The unique key is claimed first: a request running at the same moment queues nothing twice.
      if (!(await insertMessage(trx, row))) continue
      if (channel === 'email') {
        const mail = composeMail(input)
        const mailId = await queueMail(trx, { municipalityId: edition.municipalityId, to: emailAddress(person.email)!, subject: mail.subject, text: mail.text, html: mail.html, attachments: mail.attachments }, host)
        await setMessageMail(trx, id, mailId)
      } else {
        await enqueueJob(trx, SEND_INVITEE_SMS, { messageId: id }, { municipalityId: edition.municipalityId, uniqueKey: `${SEND_INVITEE_SMS}:${id}`, maxAttempts: 6 })
      }
      queued++
    }
    return queued
  })
}
