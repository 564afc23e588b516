// Shared by the editorial tests: submissions written straight into the database (as the
// contribution forms would store them), practices to work on, and form posts with repeated fields.
import { randomUUID } from 'node:crypto'
import type { Client } from '../../../test/helpers/client.ts'
import type { AnyDb } from '../../platform/db/transaction.ts'
import { insertPublishedPractice, type NewPractice } from '../practices-queries.ts'
import type { PracticeText, SubmissionPayload, SubmissionStatus, SubmissionsTables } from '../submissions.ts'

export async function insertSubmission(
  db: AnyDb,
  submission: { payload: SubmissionPayload; practiceId?: string | null; status?: SubmissionStatus; baseVersion?: number | null; submitterName?: string; submitterEmail?: string; municipalityId?: string | null; createdAt?: Date },
): Promise<string> {
  const id = randomUUID()
  const row: SubmissionsTables['practice_submissions'] = {
    id,
    kind: submission.payload.kind,
    practice_id: submission.practiceId ?? null,
    status: submission.status ?? 'pending',
    payload_json: submission.payload,
    base_version: submission.baseVersion ?? null,
    submitter_name: submission.submitterName ?? 'Sara Indiener',
    submitter_email: submission.submitterEmail ?? 'sara@example.org',
    submitter_municipality_id: submission.municipalityId ?? null,
    submitter_user_id: null,
    confirm_token_hash: null,
    confirmed_at: submission.status === 'unconfirmed' ? null : new Date(),
    decided_by: null,
    decided_at: null,
    decision_reason: null,
    created_at: submission.createdAt ?? new Date(),
  }
  await db.insertInto('practice_submissions').values(row).execute()
  return id
}

let practiceCount = 0

/** A published practice of its own, so a test's changes touch no other test's practice. */
export async function createPractice(db: AnyDb, overrides: Partial<NewPractice> = {}): Promise<{ id: string; slug: string }> {
  const slug = overrides.slug ?? `praktijk-${++practiceCount}-${randomUUID().slice(0, 6)}`
  const id = await insertPublishedPractice(
    db,
    {
      slug,
      ...TEXT,
      isDemo: false,
      entries: [],
      ...overrides,
    },
    null,
  )
  return { id, slug }
}

/** A practice text as a form posts it (the editor's accept form). */
export function practiceFields(text: PracticeText): Record<string, string | string[]> {
  return {
    title: text.title,
    summary: text.summary,
    categories: text.categories,
    targetGroups: text.targetGroups,
    goals: text.goals.join('\n'),
    targetGroup: text.targetGroup,
    description: text.description,
    partners: text.partners ?? '',
    resources: text.resources.map((r) => (r.url ? `${r.label} | ${r.url}` : r.label)).join('\n'),
    successFactors: text.successFactors ?? '',
    challenges: text.challenges ?? '',
  }
}

export const TEXT: PracticeText = {
  title: 'Taalcafé in de bibliotheek',
  summary: 'Nederlands oefenen bij een kop koffie.',
  categories: ['taal'],
  targetGroups: ['anderstaligen'],
  goals: ['Nederlands oefenen', 'Mensen leren kennen'],
  targetGroup: 'Iedereen die Nederlands leert',
  description: 'Elke dinsdag komen vrijwilligers en anderstaligen samen in de bibliotheek om te praten.',
  partners: 'De bibliotheek',
  resources: [],
  successFactors: null,
  challenges: null,
}

/** Posts a urlencoded form with its CSRF token; array values are sent as repeated fields. */
export async function postForm(client: Client, url: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams()
  body.set('_csrf', await client.token())
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v)
  return client.request('POST', url, body.toString(), { 'content-type': 'application/x-www-form-urlencoded' })
}

export async function mailsTo(db: AnyDb, address: string): Promise<{ subject: string; text_body: string }[]> {
  return db.selectFrom('mail_messages').select(['subject', 'text_body']).where('to_address', '=', address).orderBy('created_at').execute()
}
