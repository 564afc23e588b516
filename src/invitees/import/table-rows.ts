// The rules shared by CSV and XLSX once a file is a grid of text: where the header row is, and which
// rows are not people (blank lines, "Aantal personen: 62" footers).
import type { Table } from './types.ts'

/** One row of the file as read: its 1-based line (CSV) or row number (XLSX) and its cells, trimmed. */
export interface SourceRow {
  line: number
  cells: string[]
}

export type ShapedRows = Pick<Table, 'headers' | 'rows' | 'skipped'>

const FOOTER_WORD = /^(aantal|totaal|total|nombre)\b/i

function filledCells(cells: string[]): string[] {
  return cells.filter((cell) => cell !== '')
}

/** A count or total line that spreadsheets put under (or between) the people. */
export function isFooterRow(cells: string[]): boolean {
  const filled = filledCells(cells)
  const first = filled[0]
  if (first === undefined) return false
  if (FOOTER_WORD.test(first)) return true
  return filled.length === 1 && first.includes(':') && /\d/.test(first)
}

/**
 * Finds the header and keeps the data rows. The header is the first row with two or more filled
 * cells, so a title such as "Attesten Q1 2026" above it is passed over without being counted; a
 * file with a single column has no such row, so there its first filled row is the header.
 * Returns null when no row has anything in it.
 */
export function shapeRows(source: SourceRow[]): ShapedRows | null {
  let headerIndex = source.findIndex((row) => filledCells(row.cells).length >= 2)
  if (headerIndex === -1) headerIndex = source.findIndex((row) => filledCells(row.cells).length >= 1)
  const header = source[headerIndex]
  if (header === undefined) return null

  // Blank rows after the last filled one are not shown as skipped: nobody sees them as lines.
  let lastFilled = source.length - 1
  while (lastFilled > headerIndex && filledCells(source[lastFilled]?.cells ?? []).length === 0) lastFilled--

  const headers = header.cells
  const rows: Table['rows'] = []
  const skipped = { blank: 0, footer: 0 }
  for (const row of source.slice(headerIndex + 1, lastFilled + 1)) {
    if (filledCells(row.cells).length === 0) skipped.blank++
    else if (isFooterRow(row.cells)) skipped.footer++
    else rows.push({ line: row.line, cells: padded(row.cells, headers.length) })
  }
  return { headers, rows, skipped }
}

/** Short rows get empty cells so that every header has a cell; extra cells are kept. */
function padded(cells: string[], length: number): string[] {
  if (cells.length >= length) return cells
  return [...cells, ...Array.from({ length: length - cells.length }, () => '')]
}
