// Importing a list into an edition: read the file(s) in one streaming pass, plan against the
// edition's current list, and write it in one transaction — whole or not at all. The files are
// read, never stored; the national number is hashed before anything is kept. The command line
// and the tests call importFiles; the wizard's background job reads and writes in two steps
// (readImport, then writeImport inside the job's own transaction).
import type { CurrentUser, Scope } from '../../accounts/accounts.ts'
import { recordAudit } from '../../audit/audit-queries.ts'
import type { AnyDb } from '../../platform/db/transaction.ts'
import type { Edition } from '../../editions/editions.ts'
import { applyImportPlan, existingInvitees } from '../invitees-queries.ts'
import { bufferSource, type ByteSource } from './byte-source.ts'
import { readImport, type ReadProgress } from './read-import.ts'
import { planAgainst, type CollectedImport, type ImportPlan, type Incoming } from './reconcile.ts'
import type { ColumnMapping, FileProblem } from './types.ts'

export interface ImportRequest {
  edition: Edition
  scope: Scope
  actor: Pick<CurrentUser, 'id' | 'name'> | null
  /** The list (one-file shape) or the agency's list (two-file shape): bytes, or a file to stream */
  file: Buffer | ByteSource
  /** The population-register extract, for the two-file shape */
  register?: Buffer | ByteSource
  sheet?: string
  /** The list's columns as chosen in the wizard; suggested from the headers when absent */
  mapping?: ColumnMapping
  dryRun: boolean
  hashKey: string
  onProgress?: (progress: ReadProgress) => Promise<void> | void
}

export type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; file: 'list' | 'register'; cause: 'file' | 'mapping'; problem: FileProblem }

export async function importFiles(db: AnyDb, request: ImportRequest, now = new Date()): Promise<ImportResult> {
  const read = await readImport({
    list: sourceOf(request.file),
    register: request.register ? sourceOf(request.register) : null,
    sheet: request.sheet,
    mapping: request.mapping,
    period: { from: request.edition.periodFrom, to: request.edition.periodTo },
    hashKey: request.hashKey,
    onProgress: request.onProgress,
  })
  if (!read.ok) return read
  if (request.dryRun) return { ok: true, plan: planAgainst(read.collected, await existingInvitees(db, request.edition.id)) }
  const plan = await db.transaction().execute((trx) => writeImport(trx, { ...request, collected: read.collected, twoFiles: Boolean(request.register) }, now))
  return { ok: true, plan }
}

export interface WriteImport {
  edition: Edition
  scope: Scope
  actor: Pick<CurrentUser, 'id' | 'name'> | null
  collected: CollectedImport
  twoFiles: boolean
}

/**
 * Meets what was read with the edition's list as it is now and writes the difference, with one
 * audit event holding counts only (an import is processing of personal data; the log holds none).
 * The caller owns the transaction, so an import is whole or not at all.
 */
export async function writeImport(trx: AnyDb, input: WriteImport, now: Date): Promise<ImportPlan> {
  const plan = planAgainst(input.collected, await existingInvitees(trx, input.edition.id))
  // New people go in in the order of the index on the national number's hash (a random 64-character
  // key): each row then lands next to the one before, not on a random page of a large index. For
  // 100,000 people that halves the time SQLite takes to write them.
  plan.inserts.sort(inIndexOrder)
  await applyImportPlan(trx, input.edition.id, plan, now)
  await recordAudit(trx, {
    municipalityId: input.scope.municipalityId,
    actor: input.actor,
    action: 'invitees.imported',
    record: { type: 'edition', id: input.edition.id },
    details: { rows: plan.rows, imported: plan.inserts.length, updated: plan.updates.length, duplicates: plan.duplicates, skipped: plan.skipped, twoFiles: input.twoFiles },
  })
  return plan
}

function inIndexOrder(a: Incoming, b: Incoming): number {
  const x = a.nationalNumberHash ?? ''
  const y = b.nationalNumberHash ?? ''
  if (x !== y) return x < y ? -1 : 1
  return a.person.lastName < b.person.lastName ? -1 : a.person.lastName > b.person.lastName ? 1 : 0
}

function sourceOf(file: Buffer | ByteSource): ByteSource {
  return Buffer.isBuffer(file) ? bufferSource(file) : file
}
