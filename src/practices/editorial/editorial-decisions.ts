// An editor's decision on a submission, applied in one transaction: the decision itself (only if
// the submission is still pending), the change to the practice with its new version, snapshot and
// search document, the e-mail to the submitter and the audit event. Either all of it or nothing.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { CurrentUser } from '../../accounts/accounts.ts'
import { recordAudit } from '../../audit/audit-queries.ts'
import { isPostgres } from '../../platform/db/migration-helpers.ts'
import { NotFound } from '../../platform/errors.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { queueMail } from '../../platform/mail/mail.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { slugify } from '../practices.ts'
import { findPracticeById, indexPractice, insertPublishedPractice } from '../practices-queries.ts'
import type { EntryText, PracticeText, Submission } from '../submissions.ts'
import { uniqueSlug } from './editorial.ts'
import { claimSubmission, linkSubmissionToPractice, recordVersion, saveEntry, setPracticeImage, slugsStartingWith, startNewVersion, updatePracticeText } from './editorial-queries.ts'

/** What the editor accepts: the submission's proposal as they may have edited it. */
export type Acceptance =
  | { kind: 'new_practice'; practice: PracticeText; entry: EntryText }
  | { kind: 'text_change'; practice: PracticeText }
  | { kind: 'photo'; alt: string; credit: string | null }
  | { kind: 'remark' }
  | { kind: 'join' | 'entry_update'; entry: EntryText }

/** Another editor decided first; nothing of this decision was applied. */
export class AlreadyDecided extends Error {
  readonly code = 'already_decided'
  constructor() {
    super('submission already decided')
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Trx = Transaction<any>

export async function acceptSubmission(db: Db, services: Services, editor: CurrentUser, submission: Submission, acceptance: Acceptance, now = new Date()): Promise<{ practiceId: string | null }> {
  return db.transaction().execute(async (trx) => {
    if (!(await claimSubmission(trx, submission.id, { status: 'accepted', decidedBy: editor.id, reason: null, now }))) throw new AlreadyDecided()
    const practiceId = await applyAcceptance(trx, editor, submission, acceptance, now)
    const practice = practiceId ? await findPracticeById(trx, practiceId) : null
    await notifySubmitter(trx, services, submission, { outcome: 'accepted', slug: practice?.slug ?? null, title: practice?.title ?? null, reason: null })
    await recordAudit(trx, {
      municipalityId: null,
      actor: editor,
      action: 'practice.submission_accepted',
      record: { type: 'practice_submission', id: submission.id },
      details: { kind: submission.kind, practiceId },
    })
    return { practiceId }
  })
}

export async function rejectSubmission(db: Db, services: Services, editor: CurrentUser, submission: Submission, reason: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await claimSubmission(trx, submission.id, { status: 'rejected', decidedBy: editor.id, reason, now }))) throw new AlreadyDecided()
    const practice = submission.practiceId ? await findPracticeById(trx, submission.practiceId) : null
    await notifySubmitter(trx, services, submission, { outcome: 'rejected', slug: practice?.status === 'published' ? practice.slug : null, title: practice?.title ?? proposedTitle(submission), reason })
    // The reason is free text about a person's proposal: it stays on the submission, not in the log.
    await recordAudit(trx, { municipalityId: null, actor: editor, action: 'practice.submission_rejected', record: { type: 'practice_submission', id: submission.id }, details: { kind: submission.kind, practiceId: submission.practiceId } })
  })
}

/** Applies the accepted change and returns the practice it concerns. */
async function applyAcceptance(trx: Trx, editor: CurrentUser, submission: Submission, acceptance: Acceptance, now: Date): Promise<string | null> {
  const by = { id: editor.id, name: editor.name }
  if (acceptance.kind === 'new_practice') {
    const base = slugify(acceptance.practice.title)
    // Two editors publishing practices with the same title at once must not pick the same slug:
    // on PostgreSQL the second waits here until the first has committed its slug.
    if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext(${`practice-slug:${base}`}))`.execute(trx)
    const slug = uniqueSlug(base, await slugsStartingWith(trx, base))
    const entries = submission.submitterMunicipalityId ? [{ municipalityId: submission.submitterMunicipalityId, ...acceptance.entry }] : []
    const practiceId = await insertPublishedPractice(trx, { slug, ...acceptance.practice, isDemo: false, entries }, by, now)
    await linkSubmissionToPractice(trx, submission.id, practiceId)
    return practiceId
  }
  const practiceId = submission.practiceId
  if (!practiceId) throw new NotFound('practice')
  if (acceptance.kind === 'remark') return practiceId // A remark is noted; the practice stays as it is.
  await startNewVersion(trx, practiceId, now)
  if (acceptance.kind === 'text_change') await updatePracticeText(trx, practiceId, acceptance.practice)
  else if (acceptance.kind === 'photo') {
    if (submission.payload.kind !== 'photo') throw new Error('photo acceptance for another kind of submission')
    await setPracticeImage(trx, practiceId, { id: submission.payload.imageId, alt: acceptance.alt, credit: acceptance.credit })
  } else {
    if (!submission.submitterMunicipalityId) throw new Error('entry submission without a municipality')
    await saveEntry(trx, practiceId, submission.submitterMunicipalityId, acceptance.entry, now)
  }
  await publishVersion(trx, practiceId, by, now)
  return practiceId
}

/** Stores the practice as it now is as a version and brings its search document up to date. */
export async function publishVersion(trx: Trx, practiceId: string, by: { id: string; name: string }, now: Date): Promise<void> {
  const saved = await findPracticeById(trx, practiceId)
  if (!saved) throw new NotFound('practice')
  await recordVersion(trx, saved, by, now)
  await indexPractice(trx, saved)
}

function proposedTitle(submission: Submission): string | null {
  return submission.payload.kind === 'new_practice' ? submission.payload.practice.title : null
}

/** Submitters are the public and municipality staff: the database speaks Dutch to them. */
async function notifySubmitter(trx: Trx, services: Services, submission: Submission, decision: { outcome: 'accepted' | 'rejected'; slug: string | null; title: string | null; reason: string | null }): Promise<void> {
  const { t } = createTranslator('nl')
  const link = decision.slug ? `${services.config.baseUrl}${paths.practice(decision.slug)}` : `${services.config.baseUrl}${paths.practices()}`
  const values = { name: submission.submitterName, kind: submission.kind, title: decision.title ?? t('editorial.mail.untitled'), link, reason: decision.reason ?? '' }
  const accepted = decision.outcome === 'accepted'
  await queueMail(
    trx,
    {
      // Practices are platform records: the message belongs to no municipality's outbox.
      municipalityId: null,
      to: submission.submitterEmail,
      subject: accepted ? t('editorial.mail.acceptedSubject', values) : t('editorial.mail.rejectedSubject', values),
      text: accepted ? t('editorial.mail.acceptedBody', values) : t('editorial.mail.rejectedBody', values),
    },
    new URL(services.config.baseUrl).hostname,
  )
}
