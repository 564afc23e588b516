// Importing a list into an edition: read the file(s), map and normalise every row, plan against
// the edition's current list, and write it in one transaction — whole or not at all. The files
// are read from memory and never stored; the national number is hashed before anything is kept.
import type { CurrentUser, Scope } from '../../accounts/accounts.ts'
import { recordAudit } from '../../audit/audit-queries.ts'
import { keyedHash } from '../../platform/crypto.ts'
import { inTransaction, type AnyDb } from '../../platform/db/transaction.ts'
import type { Edition } from '../../editions/editions.ts'
import { applyImportPlan, existingInvitees } from '../invitees-queries.ts'
import { suggestMapping, validateMapping } from './mapping.ts'
import { normaliseRow, parseYesNo } from './normalise.ts'
import { readTable } from './read-table.ts'
import { planImport, planJoinedImport, type ImportPlan } from './reconcile.ts'
import type { ColumnMapping, FileProblem, RowOutcome } from './types.ts'

export interface ImportRequest {
  edition: Edition
  scope: Scope
  actor: CurrentUser | null
  /** The list (one-file shape) or the agency's list (two-file shape) */
  file: Buffer
  /** The population-register extract, for the two-file shape */
  register?: Buffer
  sheet?: string
  dryRun: boolean
  hashKey: string
}

export type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; file: 'list' | 'register'; problem: FileProblem }

export async function importFiles(db: AnyDb, request: ImportRequest, now = new Date()): Promise<ImportResult> {
  const list = await readOutcomes(request.file, request.sheet)
  if (!list.ok) return { ok: false, file: 'list', problem: list.problem }
  const register = request.register ? await readOutcomes(request.register) : null
  if (register && !register.ok) return { ok: false, file: 'register', problem: register.problem }
  const context = {
    period: { from: request.edition.periodFrom, to: request.edition.periodTo },
    existing: await existingInvitees(db, request.edition.id),
    hashNationalNumber: (digits: string) => keyedHash(request.hashKey, `national-number:${digits}`),
    hasCertificateColumns: list.hasCertificateColumns,
    withoutCertificate: list.withoutCertificate,
  }
  const plan = register ? planJoinedImport(list.outcomes, register.outcomes, context) : planImport(list.outcomes, context)
  if (!request.dryRun) {
    await db.transaction().execute(async (trx) => {
      await applyImportPlan(trx, request.edition.id, plan, now)
      // Counts only: an import is processing of personal data, and the audit log holds none.
      await recordAudit(trx, {
        municipalityId: request.scope.municipalityId,
        actor: request.actor,
        action: 'invitees.imported',
        record: { type: 'edition', id: request.edition.id },
        details: { rows: plan.rows, imported: plan.inserts.length, updated: plan.updates.length, duplicates: plan.duplicates, skipped: plan.skipped, twoFiles: Boolean(register) },
      })
    })
  }
  return { ok: true, plan }
}

/** An import whose column mapping the person chose (the wizard); the register is mapped as suggested. */
export interface MappedImportRequest extends ImportRequest {
  mapping: ColumnMapping
}

/**
 * Like importFiles, with the list read by the given mapping. The write joins the caller's
 * transaction when given one, so that the wizard can claim its upload in the same transaction.
 */
export async function importWithMapping(db: AnyDb, request: MappedImportRequest, now = new Date()): Promise<ImportResult> {
  const list = await readOutcomes(request.file, request.sheet, request.mapping)
  if (!list.ok) return { ok: false, file: 'list', problem: list.problem }
  const register = request.register ? await readOutcomes(request.register) : null
  if (register && !register.ok) return { ok: false, file: 'register', problem: register.problem }
  return inTransaction(db, async (trx) => {
    const context = {
      period: { from: request.edition.periodFrom, to: request.edition.periodTo },
      existing: await existingInvitees(trx, request.edition.id),
      hashNationalNumber: (digits: string) => keyedHash(request.hashKey, `national-number:${digits}`),
      hasCertificateColumns: list.hasCertificateColumns,
      withoutCertificate: list.withoutCertificate,
    }
    const plan = register ? planJoinedImport(list.outcomes, register.outcomes, context) : planImport(list.outcomes, context)
    if (!request.dryRun) {
      await applyImportPlan(trx, request.edition.id, plan, now)
      await recordAudit(trx, {
        municipalityId: request.scope.municipalityId,
        actor: request.actor,
        action: 'invitees.imported',
        record: { type: 'edition', id: request.edition.id },
        details: { rows: plan.rows, imported: plan.inserts.length, updated: plan.updates.length, duplicates: plan.duplicates, skipped: plan.skipped, twoFiles: Boolean(register) },
      })
    }
    return { ok: true as const, plan }
  })
}

async function readOutcomes(bytes: Buffer, sheet?: string, chosen?: ColumnMapping): Promise<{ ok: true; outcomes: RowOutcome[]; hasCertificateColumns: boolean; withoutCertificate: Set<number> } | { ok: false; problem: FileProblem }> {
  const read = await readTable(bytes, { sheet })
  if (!read.ok) return read
  const { headers, rows } = read.table
  const mapping = chosen ?? suggestMapping(headers)
  const problems = validateMapping(mapping, headers)
  if (problems.length) return { ok: false, problem: problems[0]! }
  return {
    ok: true,
    outcomes: rows.map((r) => normaliseRow(r.line, r.cells, headers, mapping)),
    hasCertificateColumns: mapping.certificateDate !== undefined || mapping.certificateObtained !== undefined,
    withoutCertificate: new Set(rows.filter((r) => mapping.certificateObtained !== undefined && parseYesNo(r.cells[mapping.certificateObtained] ?? '') === false).map((r) => r.line)),
  }
}
