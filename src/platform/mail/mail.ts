// Sending e-mail: a request or job records the message and queues a job; the job delivers it.
// Nothing is ever sent inside a request.
import { randomUUID } from 'node:crypto'
import type { AnyDb } from '../db/transaction.ts'
import type { JobDefinition } from '../jobs/jobs.ts'
import { enqueueJob } from '../jobs/jobs-queries.ts'
import { findMail, insertMail, markMailFailed, markMailSent, type MailAttachment } from './mail-queries.ts'
import type { MailTransport } from './transport.ts'

export interface MailToQueue {
  municipalityId: string | null
  to: string
  subject: string
  text: string
  html?: string
  attachments?: MailAttachment[]
}

export const SEND_MAIL = 'mail.send'

/** Records the message and queues its delivery, inside the caller's transaction. */
export async function queueMail(db: AnyDb, mail: MailToQueue, messageDomain: string): Promise<string> {
  const id = randomUUID()
  await insertMail(db, {
    id,
    municipality_id: mail.municipalityId,
    to_address: mail.to,
    subject: mail.subject,
    text_body: mail.text,
    html_body: mail.html ?? null,
    attachments_json: mail.attachments ?? null,
    // Stable across retries, so a receiving server can recognise a resend.
    message_id: `<${id}@${messageDomain}>`,
    status: 'queued',
    error: null,
    created_at: new Date(),
    sent_at: null,
  })
  await enqueueJob(db, SEND_MAIL, { mailId: id }, { municipalityId: mail.municipalityId, uniqueKey: `mail:${id}`, maxAttempts: 6 })
  return id
}

export function sendMailJob(transport: MailTransport, from: string): JobDefinition<{ mailId: string }> {
  return {
    kind: SEND_MAIL,
    async handle({ mailId }, { db, job, finish }) {
      const mail = await findMail(db, null, mailId)
      // Already delivered (or purged since): the retried job finds its work done and exits quietly.
      if (!mail || mail.status === 'sent') return
      try {
        await transport.send({
          from,
          to: mail.to_address,
          subject: mail.subject,
          text: mail.text_body,
          html: mail.html_body,
          messageId: mail.message_id,
          attachments: mail.attachments_json ?? undefined,
        })
      } catch (error) {
        // SMTP errors quote the address; keep only the code so no personal data reaches the log.
        const reason = smtpReason(error)
        if (job.attempts >= job.maxAttempts) await markMailFailed(db, mailId, reason)
        throw new Error(`Delivery failed: ${reason}`)
      }
      await finish((trx) => markMailSent(trx, mailId))
    },
  }
}

function smtpReason(error: unknown): string {
  const e = error as { code?: string; responseCode?: number }
  return [e.code, e.responseCode].filter(Boolean).join(' ') || 'unknown error'
}
