// Sending one text message: the job reloads the message, the person's number and status (they may
// have changed since), sends through the municipality's provider adapter and marks the
// message sent in the same transaction that finishes the job, so it is never marked twice. The
// reference lets a provider drop a repeat after a crash between sending and finishing.
import type { JobDefinition } from '../../platform/jobs/jobs.ts'
import type { SmsTransport } from '../../platform/sms/transport.ts'
import { smsNumber } from './channels.ts'
import { SEND_INVITEE_SMS } from './invitee-messages.ts'
import { markSmsFailed, markSmsSent, smsToSend } from './messages-queries.ts'

export function inviteeSmsJob(transport: SmsTransport): JobDefinition<{ messageId: string }> {
  return {
    kind: SEND_INVITEE_SMS,
    async handle({ messageId }, { db, job, now, finish }) {
      const message = await smsToSend(db, messageId)
      // Sent already, or purged with the edition since: the work is done.
      if (!message || message.status !== 'queued' || message.body === null) return
      // Excluded since it was queued (moved away, deceased): the message must not go out.
      if (!message.invitable) {
        await finish((trx) => markSmsFailed(trx, messageId, 'no longer invited'))
        return
      }
      const to = smsNumber(message.phone)
      if (!to) {
        await finish((trx) => markSmsFailed(trx, messageId, 'no mobile number'))
        return
      }
      try {
        await transport.send({ to, text: message.body, reference: messageId })
      } catch (error) {
        // A provider's error may quote the number: keep only its code.
        const reason = String((error as { code?: unknown }).code ?? 'unknown error').slice(0, 100)
        if (job.attempts >= job.maxAttempts) await markSmsFailed(db, messageId, reason)
        throw new Error(`Text message failed: ${reason}`)
      }
      await finish((trx) => markSmsSent(trx, messageId, now))
    },
  }
}

