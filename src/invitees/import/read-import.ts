// Reading a list for an import in one streaming pass: each row is normalised and handed to the
// collector as it is read, and only what planning needs stays in memory (the people to invite,
// their national number already hashed). The two-file shape reads the register extract first,
// whole, since every agency row is joined against it.
import { nationalNumberHash } from '../identity.ts'
import type { ByteSource } from './byte-source.ts'
import { suggestMapping, validateMapping } from './mapping.ts'
import { normaliseRow, parseYesNo } from './normalise.ts'
import { openTable, type TableStream } from './open-table.ts'
import { FileProblemError } from './read-csv.ts'
import { addResident, ImportCollector, type CollectedImport } from './reconcile.ts'
import type { ColumnMapping, FileProblem, PersonRow } from './types.ts'

export interface ReadProgress {
  /** Data rows of the list read so far */
  rows: number
  /** The share (0–1) of the list's file read so far: a little ahead of the rows, which follow it */
  share: number
  /** True once, at the end: every row is read and `rows` is the list's total */
  done: boolean
}

export interface ReadImportRequest {
  /** The list (one-file shape) or the agency's list (two-file shape) */
  list: ByteSource
  /** The population-register extract, for the two-file shape */
  register?: ByteSource | null
  /** XLSX: the list's sheet */
  sheet?: string
  /** The list's columns as the person chose them; suggested from the headers when absent */
  mapping?: ColumnMapping
  period: { from: string; to: string }
  hashKey: string
  maxBytes?: number
  /** Told how far reading has come after every batch of a few hundred rows, and at the end. */
  onProgress?: (progress: ReadProgress) => Promise<void> | void
}

/** A failure names the file, and whether the file could not be read or the columns no longer fit it. */
export type ReadImportResult = { ok: true; collected: CollectedImport } | { ok: false; file: 'list' | 'register'; cause: 'file' | 'mapping'; problem: FileProblem }

export async function readImport(request: ReadImportRequest): Promise<ReadImportResult> {
  const opened = await openTable(request.list, { sheet: request.sheet, maxBytes: request.maxBytes })
  if (!opened.ok) return { ok: false, file: 'list', cause: 'file', problem: opened.problem }
  const list = opened.table
  const mapping = request.mapping ?? suggestMapping(list.headers)
  const problem = validateMapping(mapping, list.headers)[0]
  let residents: Map<string, PersonRow> | null = null
  if (!problem && request.register) {
    const register = await readRegister(request.register, request.maxBytes)
    if (!register.ok) {
      await list.close()
      return register
    }
    residents = register.residents
  }
  if (problem) {
    await list.close()
    return { ok: false, file: 'list', cause: 'mapping', problem: { message: problem.message, ...(problem.values ? { values: problem.values } : {}) } }
  }

  const collector = new ImportCollector(
    {
      period: request.period,
      hashNationalNumber: (digits) => nationalNumberHash(request.hashKey, digits),
      hasCertificateColumns: mapping.certificateDate !== undefined || mapping.certificateObtained !== undefined,
    },
    residents,
  )
  const certificate = mapping.certificateObtained
  let rows = 0
  try {
    for await (const batch of list.batches) {
      for (const row of batch) {
        // The certificate column is read first: "no" means not invited, whatever else is wrong.
        const withoutCertificate = certificate !== undefined && parseYesNo(row.cells[certificate] ?? '') === false
        collector.add(normaliseRow(row.line, row.cells, list.headers, mapping), withoutCertificate)
      }
      rows += batch.length
      await request.onProgress?.({ rows, share: list.progress(), done: false })
    }
  } catch (error) {
    if (error instanceof FileProblemError) return { ok: false, file: 'list', cause: 'file', problem: error.problem }
    throw error
  }
  await request.onProgress?.({ rows, share: 1, done: true })
  return { ok: true, collected: collector.result() }
}

/** The register extract by national number, its columns mapped as suggested (the register's own). */
async function readRegister(source: ByteSource, maxBytes: number | undefined): Promise<{ ok: true; residents: Map<string, PersonRow> } | Extract<ReadImportResult, { ok: false }>> {
  const opened = await openTable(source, { maxBytes })
  if (!opened.ok) return { ok: false, file: 'register', cause: 'file', problem: opened.problem }
  const table: TableStream = opened.table
  const mapping = suggestMapping(table.headers)
  const problem = validateMapping(mapping, table.headers)[0]
  if (problem) {
    await table.close()
    return { ok: false, file: 'register', cause: 'mapping', problem: { message: problem.message, ...(problem.values ? { values: problem.values } : {}) } }
  }
  const residents = new Map<string, PersonRow>()
  try {
    for await (const batch of table.batches) for (const row of batch) addResident(residents, normaliseRow(row.line, row.cells, table.headers, mapping))
  } catch (error) {
    if (error instanceof FileProblemError) return { ok: false, file: 'register', cause: 'file', problem: error.problem }
    throw error
  }
  return { ok: true, residents }
}
