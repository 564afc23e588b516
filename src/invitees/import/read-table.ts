// Reading an uploaded file into a whole table, for the wizard's steps that show the columns and
// count the rows. Imports stream the rows instead (openTable); both read a file the same way.
import { bufferSource } from './byte-source.ts'
import { openTable, type ReadTableOptions } from './open-table.ts'
import { FileProblemError } from './read-csv.ts'
import type { FileProblem, Table } from './types.ts'

export { DEFAULT_MAX_BYTES, type ReadTableOptions } from './open-table.ts'

export type ReadTableResult = { ok: true; table: Table } | { ok: false; problem: FileProblem }

export async function readTable(bytes: Buffer, options: ReadTableOptions = {}): Promise<ReadTableResult> {
  const opened = await openTable(bufferSource(bytes), options)
  if (!opened.ok) return opened
  const { batches, progress: _progress, close: _close, ...table } = opened.table
  const rows: Table['rows'] = []
  try {
    for await (const batch of batches) for (const row of batch) rows.push(row)
  } catch (error) {
    if (error instanceof FileProblemError) return { ok: false, problem: error.problem }
    throw error
  }
  return { ok: true, table: { ...table, rows } }
}

/** What the wizard shows of a file before the import: everything but the rows, which it counts. */
export type TableSummary = Omit<Table, 'rows'> & { rowCount: number }

/**
 * Reads a file through to the end, as an import would, keeping only its headers and the number of
 * data rows: checking an upload of 100,000 rows then holds none of them in memory.
 */
export async function readTableSummary(bytes: Buffer, options: ReadTableOptions = {}): Promise<{ ok: true; summary: TableSummary } | { ok: false; problem: FileProblem }> {
  const opened = await openTable(bufferSource(bytes), options)
  if (!opened.ok) return opened
  const { batches, progress: _progress, close: _close, ...table } = opened.table
  let rowCount = 0
  try {
    for await (const batch of batches) rowCount += batch.length
  } catch (error) {
    if (error instanceof FileProblemError) return { ok: false, problem: error.problem }
    throw error
  }
  return { ok: true, summary: { ...table, rowCount } }
}
