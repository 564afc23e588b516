// Reading an uploaded file into a table. The format comes from the content, never from the file
// name: people rename files, and a PNG called lijst.csv must get a clear message, not garbage rows.
import { decodeText, isZip, looksBinary } from './decode.ts'
import { detectSeparator, parseCsv } from './read-csv.ts'
import { readWorkbook } from './read-xlsx.ts'
import { shapeRows } from './table-rows.ts'
import type { FileProblem, Table } from './types.ts'

export interface ReadTableOptions {
  /** XLSX only: the sheet to read; the first visible sheet when absent. */
  sheet?: string
  /** Files larger than this are refused before any parsing; 50 MB when absent. */
  maxBytes?: number
}

export type ReadTableResult = { ok: true; table: Table } | { ok: false; problem: FileProblem }

const MEGABYTE = 1024 * 1024
export const DEFAULT_MAX_BYTES = 50 * MEGABYTE

const EMPTY: ReadTableResult = { ok: false, problem: { message: 'invitees.import.empty' } }
const NOT_A_TABLE: ReadTableResult = { ok: false, problem: { message: 'invitees.import.notATable' } }

export async function readTable(bytes: Buffer, options: ReadTableOptions = {}): Promise<ReadTableResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (bytes.length > maxBytes) {
    return { ok: false, problem: { message: 'invitees.import.tooLarge', values: { mb: Math.round((maxBytes / MEGABYTE) * 10) / 10 } } }
  }
  if (bytes.length === 0) return EMPTY
  if (isZip(bytes)) return readXlsx(bytes, options.sheet)
  if (looksBinary(bytes)) return NOT_A_TABLE
  return readCsv(bytes)
}

async function readXlsx(bytes: Buffer, sheet: string | undefined): Promise<ReadTableResult> {
  const workbook = await readWorkbook(bytes, sheet)
  if (!workbook.ok) return workbook
  const shaped = shapeRows(workbook.rows)
  if (shaped === null) return EMPTY
  return { ok: true, table: { ...shaped, format: 'xlsx', sheet: workbook.sheet, sheets: workbook.sheets } }
}

function readCsv(bytes: Buffer): ReadTableResult {
  const { text, encoding } = decodeText(bytes)
  if (text.trim() === '') return EMPTY
  const separator = detectSeparator(text)
  const parsed = parseCsv(text, separator)
  if (!parsed.ok) return parsed
  const shaped = shapeRows(parsed.rows)
  if (shaped === null) return EMPTY
  return { ok: true, table: { ...shaped, format: 'csv', encoding, separator } }
}
