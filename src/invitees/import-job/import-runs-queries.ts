// The imports that run in the background (invitee_imports): one per committed upload, with its
// progress while it runs and its counts or its problem when it ends. Counts only: no personal data.
import { randomUUID } from 'node:crypto'
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { JobsTables } from '../../platform/jobs/jobs-queries.ts'
import type { ImportRun, ImportRunStatus, RunCounts, RunProblem } from './import-run.ts'

export interface InviteeImportsTables {
  invitee_imports: {
    id: string
    edition_id: string
    municipality_id: string
    upload_id: string | null
    created_by: string | null
    status: ImportRunStatus
    rows_done: number
    rows_total: number | null
    counts_json: RunCounts | null
    problem_json: RunProblem | null
    created_at: Date
    finished_at: Date | null
  }
}

type Db = Executor<InviteeImportsTables>
type Row = InviteeImportsTables['invitee_imports']

function toRun(row: Row): ImportRun {
  return {
    id: row.id,
    editionId: row.edition_id,
    municipalityId: row.municipality_id,
    uploadId: row.upload_id,
    createdBy: row.created_by,
    status: row.status,
    rowsDone: row.rows_done,
    rowsTotal: row.rows_total,
    counts: row.counts_json,
    problem: row.problem_json,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  }
}

export async function insertImportRun(db: Db, scope: Scope, input: { editionId: string; uploadId: string; createdBy: string }, now: Date): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('invitee_imports')
    .values({ id, edition_id: input.editionId, municipality_id: scope.municipalityId, upload_id: input.uploadId, created_by: input.createdBy, status: 'queued', rows_done: 0, rows_total: null, counts_json: null, problem_json: null, created_at: now, finished_at: null })
    .execute()
  return id
}

/** The import in the municipality and edition; null for any other (a 404 for the routes). */
export async function findImportRun(db: Db, scope: Scope, editionId: string, id: string): Promise<ImportRun | null> {
  const row = await db.selectFrom('invitee_imports').selectAll().where('id', '=', id).where('edition_id', '=', editionId).where('municipality_id', '=', scope.municipalityId).executeTakeFirst()
  return row ? toRun(row) : null
}

/** The import that claimed an upload: a second click on "Inlezen" goes to it instead of importing twice. */
export async function findRunOfUpload(db: Db, scope: Scope, editionId: string, uploadId: string): Promise<ImportRun | null> {
  const row = await db.selectFrom('invitee_imports').selectAll().where('upload_id', '=', uploadId).where('edition_id', '=', editionId).where('municipality_id', '=', scope.municipalityId).executeTakeFirst()
  return row ? toRun(row) : null
}

/** For the job, whose payload holds only the id: the row itself names the municipality. */
export async function loadRunForJob(db: Db, id: string): Promise<ImportRun | null> {
  const row = await db.selectFrom('invitee_imports').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toRun(row) : null
}

/** Starting (again, after a retry or a crashed worker): progress from zero. */
export async function markRunRunning(db: Db, id: string): Promise<void> {
  await db.updateTable('invitee_imports').set({ status: 'running', rows_done: 0, rows_total: null }).where('id', '=', id).where('status', 'in', ['queued', 'running']).execute()
}

/** Waiting for another attempt after an unexpected error. */
export async function markRunQueued(db: Db, id: string): Promise<void> {
  await db.updateTable('invitee_imports').set({ status: 'queued', rows_done: 0, rows_total: null }).where('id', '=', id).where('status', '=', 'running').execute()
}

export async function recordRunProgress(db: Db, id: string, rowsDone: number, rowsTotal: number | null): Promise<void> {
  await db.updateTable('invitee_imports').set({ rows_done: rowsDone, rows_total: rowsTotal }).where('id', '=', id).where('status', '=', 'running').execute()
}

export async function markRunDone(db: Db, id: string, counts: RunCounts, now: Date): Promise<void> {
  await db.updateTable('invitee_imports').set({ status: 'done', rows_done: counts.rows, rows_total: counts.rows, counts_json: counts, finished_at: now }).where('id', '=', id).execute()
}

export async function markRunFailed(db: Db, id: string, problem: RunProblem, now: Date): Promise<void> {
  await db.updateTable('invitee_imports').set({ status: 'failed', problem_json: problem, finished_at: now }).where('id', '=', id).execute()
}

/**
 * Whether the import's job gave up (dead): after a worker crashed on it too often, the handler
 * never ran again to say so itself. The job is found by the key that ties it to the upload.
 */
export async function isRunJobDead(db: Executor<JobsTables>, jobKey: string): Promise<boolean> {
  const job = await db.selectFrom('jobs').select('status').where('unique_key', '=', jobKey).executeTakeFirst()
  return job?.status === 'dead'
}

/** The name of who started the import, for the audit event the job records on their behalf. */
export async function findStarter(db: Executor<{ users: { id: string; name: string } }>, userId: string): Promise<{ id: string; name: string } | null> {
  return (await db.selectFrom('users').select(['id', 'name']).where('id', '=', userId).executeTakeFirst()) ?? null
}
