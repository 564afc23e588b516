// Opening a list for reading as a stream of rows. The format comes from the content, never from
// the file name: people rename files, and a PNG called lijst.csv must get a clear message, not
// garbage rows. A CSV streams from first byte to last without ever being held whole, so a list of
// 100,000 people reads in flat memory; an XLSX workbook is read whole by exceljs, then streams.
import type { ByteSource } from './byte-source.ts'
import { decodeHead, inspectText, isZip, utf8Chunks } from './decode.ts'
import { csvBatches, detectSeparator, FileProblemError } from './read-csv.ts'
import { readWorkbook } from './read-xlsx.ts'
import { RowShaper, type SourceRow } from './table-rows.ts'
import type { FileProblem, Table } from './types.ts'

export interface ReadTableOptions {
  /** XLSX only: the sheet to read; the first visible sheet when absent. */
  sheet?: string
  /** Files larger than this are refused before any parsing; 50 MB when absent. */
  maxBytes?: number
}

/** A table being read: what is known once the header is found, and the data rows still to come. */
export interface TableStream extends Omit<Table, 'rows'> {
  /**
   * The data rows, in order and in batches, read as they are asked for (once). Throws a
   * FileProblemError when the file turns out to be broken further down (an unclosed quote);
   * `skipped` is complete at the end.
   */
  batches: AsyncIterable<Table['rows']>
  /** How far reading has come, as a share (0–1) of the file: for progress while rows are unknown. */
  progress(): number
  /** Stops reading (and lets go of the file) when the rows are not read to the end. */
  close(): Promise<void>
}

export type OpenTableResult = { ok: true; table: TableStream } | { ok: false; problem: FileProblem }

const MEGABYTE = 1024 * 1024
export const DEFAULT_MAX_BYTES = 50 * MEGABYTE
const SAMPLE_BYTES = 64 * 1024
const XLSX_BATCH_ROWS = 256

const EMPTY: OpenTableResult = { ok: false, problem: { message: 'invitees.import.empty' } }
const NOT_A_TABLE: OpenTableResult = { ok: false, problem: { message: 'invitees.import.notATable' } }

export async function openTable(source: ByteSource, options: ReadTableOptions = {}): Promise<OpenTableResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (source.size > maxBytes) {
    return { ok: false, problem: { message: 'invitees.import.tooLarge', values: { mb: Math.round((maxBytes / MEGABYTE) * 10) / 10 } } }
  }
  if (source.size === 0) return EMPTY
  const head = await source.head(SAMPLE_BYTES)
  if (isZip(head)) return openXlsx(source, options.sheet)
  const inspection = await inspectText(source)
  if (inspection.binary) return NOT_A_TABLE
  const { encoding } = inspection
  const separator = detectSeparator(decodeHead(head, encoding))
  let bytesRead = 0
  async function* counted() {
    bytesRead = 0
    for await (const chunk of utf8Chunks(source, encoding)) {
      bytesRead += chunk.length
      yield chunk
    }
  }
  const shaped = await shape(csvBatches(counted, separator))
  if (!shaped.ok) return shaped
  return { ok: true, table: { ...shaped.table, format: 'csv', encoding, separator, progress: () => Math.min(1, bytesRead / source.size) } }
}

async function openXlsx(source: ByteSource, sheet: string | undefined): Promise<OpenTableResult> {
  const workbook = await readWorkbook(await source.all(), sheet)
  if (!workbook.ok) return workbook
  const sheetRows = workbook.rows
  let done = 0
  async function* batches() {
    for (; done < sheetRows.length; done += XLSX_BATCH_ROWS) yield sheetRows.slice(done, done + XLSX_BATCH_ROWS)
  }
  const shaped = await shape(batches())
  if (!shaped.ok) return shaped
  return { ok: true, table: { ...shaped.table, format: 'xlsx', sheet: workbook.sheet, sheets: workbook.sheets, progress: () => (sheetRows.length ? Math.min(1, done / sheetRows.length) : 1) } }
}

type Shaped = { ok: true; table: Pick<TableStream, 'headers' | 'batches' | 'skipped' | 'close'> } | { ok: false; problem: FileProblem }

/**
 * Reads rows until the header is found (a problem before it fails the whole file at once), then
 * hands out the data rows found so far followed by the rest, as they are read.
 */
async function shape(source: AsyncGenerator<SourceRow[]>): Promise<Shaped> {
  const shaper = new RowShaper()
  const early: Table['rows'] = []
  let ended = false
  try {
    while (shaper.headers === null) {
      const next = await source.next()
      if (next.done) {
        if (!shaper.end(early)) return EMPTY
        ended = true
        break
      }
      for (const row of next.value) shaper.push(row, early)
    }
  } catch (error) {
    if (error instanceof FileProblemError) return { ok: false, problem: error.problem }
    throw error
  }
  async function* batches() {
    if (early.length) yield early.splice(0)
    if (ended) return
    for await (const batch of source) {
      const out: Table['rows'] = []
      for (const row of batch) shaper.push(row, out)
      if (out.length) yield out
    }
    const rest: Table['rows'] = []
    shaper.end(rest)
    if (rest.length) yield rest
  }
  return {
    ok: true,
    table: {
      headers: shaper.headers!,
      batches: batches(),
      skipped: shaper.skipped,
      close: async () => {
        await source.return(undefined)
      },
    },
  }
}
