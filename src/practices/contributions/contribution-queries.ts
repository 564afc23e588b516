// Storing submissions and confirming them. The row shape is shared with the editorial side
// (SubmissionsTables in ../submissions.ts); only what contributing needs lives here.
import { randomUUID } from 'node:crypto'
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { PracticesTables } from '../practices-queries.ts'
import type { ImagesTables } from './image-queries.ts'
import { CONFIRM_DAYS, toSubmission, type EntryText, type Submission, type SubmissionPayload, type SubmissionsTables } from '../submissions.ts'

type Db = Executor<SubmissionsTables>

export interface NewSubmission {
  payload: SubmissionPayload
  practiceId: string | null
  baseVersion: number | null
  submitterName: string
  submitterEmail: string
  submitterMunicipalityId: string | null
  /** Set for signed-in staff, whose address is known: their submission skips confirmation. */
  submitterUserId: string | null
  /** The hash of the e-mailed token; null when no confirmation is needed. */
  confirmTokenHash: string | null
}

export async function insertSubmission(db: Db, submission: NewSubmission, now = new Date()): Promise<string> {
  const id = randomUUID()
  const confirmed = submission.confirmTokenHash === null
  await db
    .insertInto('practice_submissions')
    .values({
      id,
      kind: submission.payload.kind,
      practice_id: submission.practiceId,
      status: confirmed ? 'pending' : 'unconfirmed',
      payload_json: submission.payload,
      base_version: submission.baseVersion,
      submitter_name: submission.submitterName,
      submitter_email: submission.submitterEmail,
      submitter_municipality_id: submission.submitterMunicipalityId,
      submitter_user_id: submission.submitterUserId,
      confirm_token_hash: submission.confirmTokenHash,
      confirmed_at: confirmed ? now : null,
      decided_by: null,
      decided_at: null,
      decision_reason: null,
      created_at: now,
    })
    .execute()
  return id
}

export async function findSubmissionByToken(db: Db, tokenHash: string): Promise<Submission | null> {
  const row = await db.selectFrom('practice_submissions').selectAll().where('confirm_token_hash', '=', tokenHash).executeTakeFirst()
  return row ? toSubmission(row) : null
}

/**
 * unconfirmed → pending. Conditional on the status, so a second click (or two at once) changes
 * nothing; returns whether this call confirmed it.
 */
export async function confirmSubmission(db: Db, id: string, now = new Date()): Promise<boolean> {
  const result = await db.updateTable('practice_submissions').set({ status: 'pending', confirmed_at: now }).where('id', '=', id).where('status', '=', 'unconfirmed').executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** The entry of the scope's municipality under a practice, or null when it does not take part. */
export async function findOwnEntry(db: Executor<PracticesTables>, scope: Scope, practiceId: string): Promise<EntryText | null> {
  const row = await db.selectFrom('practice_entries').selectAll().where('practice_id', '=', practiceId).where('municipality_id', '=', scope.municipalityId).executeTakeFirst()
  if (!row) return null
  return { blurb: row.blurb, since: row.since, contactName: row.contact_name, contactEmail: row.contact_email, contactPhone: row.contact_phone, website: row.website }
}

const DAY = 86400_000
/** How long a decided submission (with its submitter's name and address) is kept. */
export const DECIDED_KEPT_DAYS = 180

/**
 * Submissions hold the submitter's name and e-mail address. Unconfirmed ones hold them for
 * nothing after the confirmation link expires; decided ones are kept for questions about the
 * decision, then deleted (the published version history keeps what was accepted, and by whom).
 * Photos they brought go too, unless a practice shows them.
 */
export async function purgeOldSubmissions(db: Executor<SubmissionsTables & ImagesTables>, now: Date): Promise<number> {
  const stale = await db
    .selectFrom('practice_submissions')
    .select(['id', 'payload_json'])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'unconfirmed'), eb('created_at', '<', new Date(now.getTime() - CONFIRM_DAYS * DAY))]),
        eb.and([eb('status', 'in', ['accepted', 'rejected']), eb('decided_at', '<', new Date(now.getTime() - DECIDED_KEPT_DAYS * DAY))]),
      ]),
    )
    .execute()
  if (stale.length === 0) return 0
  await db.deleteFrom('practice_submissions').where('id', 'in', stale.map((s) => s.id)).execute()
  const imageIds = stale.flatMap((s) => (s.payload_json.kind === 'photo' ? [s.payload_json.imageId] : []))
  if (imageIds.length) {
    await db
      .deleteFrom('images')
      .where('id', 'in', imageIds)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('practices').select('id').whereRef('practices.image_id', '=', 'images.id'))))
      .execute()
  }
  return stale.length
}
