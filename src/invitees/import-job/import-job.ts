// The wizard's import as a background job, so a list of 100,000 people imports without holding a
// request open, and closing the browser does not stop it. The commit queues the job and claims the
// upload in one transaction; the job streams the file, writes its progress as it goes, and writes
// the list, the counts, the audit event and the upload's deletion in one transaction at the end:
// the import is whole or not at all, and the uploaded file is gone when it ends, either way.
import { sql } from 'kysely'
import type { Scope } from '../../accounts/accounts.ts'
import { recordAudit } from '../../audit/audit-queries.ts'
import { findEdition } from '../../editions/editions-queries.ts'
import type { Edition } from '../../editions/editions.ts'
import type { DialectName } from '../../platform/db/database.ts'
import type { AnyDb } from '../../platform/db/transaction.ts'
import type { JobContext, JobDefinition } from '../../platform/jobs/jobs.ts'
import { enqueueJob } from '../../platform/jobs/jobs-queries.ts'
import { LeaseLost } from '../../platform/jobs/worker.ts'
import type { Services } from '../../services.ts'
import { bufferSource } from '../import/byte-source.ts'
import { writeImport } from '../import/import-files.ts'
import { readImport, type ReadImportResult } from '../import/read-import.ts'
import type { ColumnMapping } from '../import/types.ts'
import { LIST_MAX_BYTES, openUpload } from '../wizard/upload-files.ts'
import { deleteUpload, findUpload } from '../wizard/wizard-queries.ts'
import { countsOf, estimateRows, IMPORT_JOB, importJobKey, progressDue, type ImportRun, type RunProblem } from './import-run.ts'
import { findRunOfUpload, findStarter, insertImportRun, loadRunForJob, markRunDone, markRunFailed, markRunQueued, markRunRunning, recordRunProgress } from './import-runs-queries.ts'

/**
 * Three attempts, not the default five. A file that cannot be read, or columns that no longer fit,
 * are not errors: the job ends at once with the problem, so nothing retries them. What is retried
 * is the unexpected (the database briefly unreachable, a worker stopped mid-way): after 30 s and
 * 2 min. A file that makes the worker crash each time is given up after three, not left queued
 * for an hour, and the page then says the import did not succeed.
 */
export const IMPORT_MAX_ATTEMPTS = 3

interface Payload {
  importId: string
}

/**
 * Claims the upload and queues its import, in the caller's transaction; returns the import's id.
 * When the upload was claimed already (a double click, a colleague), that import's id instead.
 */
export async function startImport(trx: AnyDb, scope: Scope, input: { editionId: string; uploadId: string; startedBy: string }, now: Date): Promise<string> {
  const claimed = await findRunOfUpload(trx, scope, input.editionId, input.uploadId)
  if (claimed) return claimed.id
  const id = await insertImportRun(trx, scope, { editionId: input.editionId, uploadId: input.uploadId, createdBy: input.startedBy }, now)
  // The job's unique key is the upload's: on PostgreSQL a click racing this one waits here, then
  // queues nothing and goes to this import (below, in its own transaction).
  const jobId = await enqueueJob(trx, IMPORT_JOB, { importId: id } satisfies Payload, { municipalityId: scope.municipalityId, uniqueKey: importJobKey(input.uploadId), maxAttempts: IMPORT_MAX_ATTEMPTS })
  if (jobId === null) throw new UploadClaimed()
  return id
}

/** Another request claimed the upload between our check and our insert; its import is the one. */
export class UploadClaimed extends Error {
  constructor() {
    super('the upload was claimed by another request')
  }
}

export function inviteeImportJob(services: Pick<Services, 'config' | 'database'>): JobDefinition<Payload> {
  return { kind: IMPORT_JOB, handle: (payload, context) => runImport(services, payload.importId, context) }
}

async function runImport(services: Pick<Services, 'config' | 'database'>, importId: string, context: JobContext<Payload>): Promise<void> {
  const { db } = context
  const run = await loadRunForJob(db, importId)
  // A retried job finds its work done and exits quietly.
  if (!run || run.status === 'done' || run.status === 'failed') return
  const scope = { municipalityId: run.municipalityId }
  const edition = await findEdition(db, scope, run.editionId)
  const files = edition ? await openClaimedUpload(db, services.config.encryptionKey, run) : null
  // Expired (a day) or deleted while the job waited: nothing to import, nothing changed.
  if (!edition || !files) return fail(context, run, { message: 'invitee-import.run.uploadGone' })
  await markRunRunning(db, run.id)
  try {
    const read = await readFiles(services, context, run, edition, files)
    if (!read.ok) return await fail(context, run, problemOf(read))
    const actor = run.createdBy ? await findStarter(db, run.createdBy) : null
    await context.finish(async (trx) => {
      await serialiseImports(trx, services.database.dialect, edition.id)
      const plan = await writeImport(trx, { edition, scope, actor, collected: read.collected, twoFiles: files.register !== null }, new Date())
      await markRunDone(trx, run.id, countsOf(plan), new Date())
      await deleteUpload(trx, scope, edition.id, files.uploadId)
    })
  } catch (error) {
    if (error instanceof LeaseLost) throw error
    // The last attempt: say so on the page and delete the file; the list was not touched.
    if (context.job.attempts >= context.job.maxAttempts) await giveUp(db, run)
    else await markRunQueued(db, run.id)
    throw error
  }
}

interface ClaimedFiles {
  uploadId: string
  file: Buffer
  register: Buffer | null
  sheet: string | null
  mapping: ColumnMapping
}

/** The upload's files, decrypted; the encrypted copies are not kept for the length of the import. */
async function openClaimedUpload(db: AnyDb, key: string, run: ImportRun): Promise<ClaimedFiles | null> {
  if (!run.uploadId) return null
  const upload = await findUpload(db, { municipalityId: run.municipalityId }, run.editionId, run.uploadId, new Date())
  if (!upload || upload === 'other-edition' || !upload.state.mapping) return null
  return { uploadId: upload.id, ...openUpload(key, upload), sheet: upload.state.sheet, mapping: upload.state.mapping }
}

/** Streams the files, writing the progress down now and then (small statements of their own). */
async function readFiles(services: Pick<Services, 'config'>, context: JobContext<Payload>, run: ImportRun, edition: Edition, files: ClaimedFiles): Promise<ReadImportResult> {
  let lastRows = 0
  let lastAt = Date.now()
  return readImport({
    list: bufferSource(files.file),
    register: files.register ? bufferSource(files.register) : null,
    sheet: files.sheet ?? undefined,
    mapping: files.mapping,
    period: { from: edition.periodFrom, to: edition.periodTo },
    hashKey: services.config.hashKey,
    maxBytes: LIST_MAX_BYTES,
    onProgress: async ({ rows, share, done }) => {
      if (!done && !progressDue(rows, lastRows, Date.now() - lastAt)) return
      lastRows = rows
      lastAt = Date.now()
      // Once the whole file is read the total is exact: the page then says the list is being saved.
      const total = done ? rows : estimateRows(rows, share)
      await recordRunProgress(context.db, run.id, rows, total)
      await context.heartbeat({ done: rows, total })
    },
  })
}

function problemOf(read: Extract<ReadImportResult, { ok: false }>): RunProblem {
  if (read.cause === 'mapping') return { message: read.file === 'list' ? 'invitee-import.run.mappingChanged' : 'invitee-import.upload.registerNotRecognised', file: read.file }
  return { message: read.problem.message, ...(read.problem.values ? { values: read.problem.values } : {}), file: read.file }
}

/** Ends the job with the problem: the import failed, the file is deleted, the list untouched. */
async function fail(context: JobContext<Payload>, run: ImportRun, problem: RunProblem): Promise<void> {
  await context.finish((trx) => recordFailure(trx, run, problem))
}

async function giveUp(db: AnyDb, run: ImportRun): Promise<void> {
  await db.transaction().execute((trx) => recordFailure(trx, run, { message: 'invitee-import.run.stopped' }))
}

async function recordFailure(trx: AnyDb, run: ImportRun, problem: RunProblem): Promise<void> {
  await markRunFailed(trx, run.id, problem, new Date())
  if (run.uploadId) await deleteUpload(trx, { municipalityId: run.municipalityId }, run.editionId, run.uploadId)
  const actor = run.createdBy ? await findStarter(trx, run.createdBy) : null
  // The reason is a translation key, never a value from the file.
  await recordAudit(trx, { municipalityId: run.municipalityId, actor, action: 'invitees.import_failed', record: { type: 'edition', id: run.editionId }, details: { reason: problem.message, file: problem.file ?? null } })
}

/**
 * Two imports into one edition commit one after the other: each plans against the list as the
 * other left it, so nobody is inserted twice. PostgreSQL locks the edition's row until commit;
 * SQLite has one writer at a time anyway.
 */
async function serialiseImports(trx: AnyDb, dialect: DialectName, editionId: string): Promise<void> {
  if (dialect === 'postgres') await sql`select id from editions where id = ${editionId} for update`.execute(trx)
}
