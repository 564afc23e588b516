// Storing a contribution: the submission, the e-mail that asks to confirm it, the audit line.
// A route opens the transaction (it may store a photo in it first) and calls this inside it.
import { recordAudit } from '../../audit/audit-queries.ts'
import { hashToken, newToken } from '../../platform/crypto.ts'
import type { AnyDb } from '../../platform/db/transaction.ts'
import { TooManyRequests } from '../../platform/errors.ts'
import { limitRate } from '../../platform/http/rate-limit.ts'
import type { Translate } from '../../platform/i18n/i18n.ts'
import { queueMail } from '../../platform/mail/mail.ts'
import { paths, withQuery } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { CONFIRM_DAYS, type Submission, type SubmissionPayload } from '../submissions.ts'
import type { Submitter } from './contribution-forms.ts'
import { insertSubmission } from './contribution-queries.ts'

/** How long the confirmation link works. */
/** Submissions per client address: enough for a person, too few for a spam run. */
export const SUBMISSION_LIMIT = { max: 5, windowMs: 3600_000 }

export type SubmitOutcome = 'confirm_by_mail' | 'received'

export async function storeSubmission(
  trx: AnyDb,
  services: Services,
  t: Translate,
  input: { payload: SubmissionPayload; practice: { id: string; title: string; version: number } | null; submitter: Submitter },
): Promise<SubmitOutcome> {
  const { payload, practice, submitter } = input
  // Signed-in staff are who their account says: no e-mail round trip for them.
  const token = submitter.userId ? null : newToken()
  const id = await insertSubmission(trx, {
    payload,
    practiceId: practice?.id ?? null,
    baseVersion: payload.kind === 'text_change' ? (practice?.version ?? null) : null,
    submitterName: submitter.name,
    submitterEmail: submitter.email,
    submitterMunicipalityId: submitter.municipalityId,
    submitterUserId: submitter.userId,
    confirmTokenHash: token ? hashToken(token) : null,
  })
  if (token) {
    const link = `${services.config.baseUrl}${paths.submissionConfirm(token)}`
    // The message holds nothing the submitter typed (not even their name), so the form cannot be
    // used to send someone else an e-mail with a text of the sender's choosing.
    const text = practice ? t('contributions.mail.bodyChange', { practice: practice.title, link, days: CONFIRM_DAYS }) : t('contributions.mail.bodyNew', { link, days: CONFIRM_DAYS })
    await queueMail(trx, { municipalityId: null, to: submitter.email, subject: t('contributions.mail.subject'), text }, new URL(services.config.baseUrl).hostname)
  }
  await recordAudit(trx, {
    municipalityId: submitter.municipalityId,
    actor: submitter.userId ? { id: submitter.userId, name: submitter.name } : null,
    action: 'practice.submission_created',
    record: { type: 'practice_submission', id },
    details: { kind: payload.kind, ...(practice ? { practiceId: practice.id } : {}) },
  })
  return token ? 'confirm_by_mail' : 'received'
}

/** Counts a submission from this address; returns the seconds to wait when over the limit. */
export async function submissionLimited(db: AnyDb, ip: string): Promise<number | null> {
  try {
    await limitRate(db, `practice-submission:ip:${ip}`, SUBMISSION_LIMIT)
    return null
  } catch (error) {
    if (error instanceof TooManyRequests) return error.retryAfterSeconds
    throw error
  }
}

/** What the e-mailed link leads to: a question, a thank-you, or "this link no longer works". */
export function confirmationStep(submission: Pick<Submission, 'status' | 'createdAt'>, now: Date): 'ask' | 'done' | 'gone' {
  if (submission.status === 'pending') return 'done'
  if (submission.status === 'unconfirmed' && now.getTime() - submission.createdAt.getTime() <= CONFIRM_DAYS * 86400_000) return 'ask'
  return 'gone'
}

/** The page after sending is the form's own address with ?klaar=…, so it needs no route of its own. */
export function sentUrl(formPath: string, outcome: SubmitOutcome): string {
  return withQuery(formPath, { klaar: outcome === 'confirm_by_mail' ? 'mail' : 'ontvangen' })
}

export function sentOutcome(value: string | undefined): SubmitOutcome | null {
  return value === 'mail' ? 'confirm_by_mail' : value === 'ontvangen' ? 'received' : null
}
