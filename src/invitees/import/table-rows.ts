// The rules shared by CSV and XLSX once a file is a grid of text: where the header row is, and which
// rows are not people (blank lines, "Aantal personen: 62" footers).
import type { Table } from './types.ts'

/** One row of the file as read: its 1-based line (CSV) or row number (XLSX) and its cells, trimmed. */
export interface SourceRow {
  line: number
  cells: string[]
}

const FOOTER_WORD = /^(aantal|totaal|total|nombre)\b/i

/** A count or total line that spreadsheets put under (or between) the people. */
export function isFooterRow(cells: string[]): boolean {
  const first = cells.find((cell) => cell !== '')
  if (first === undefined) return false
  if (FOOTER_WORD.test(first)) return true
  return filledCount(cells) === 1 && first.includes(':') && /\d/.test(first)
}

/**
 * Finds the header and keeps the data rows, one row at a time, so a long list streams through.
 * The header is the first row with two or more filled cells, so a title such as "Attesten Q1
 * 2026" above it is passed over without being counted; a file with a single column has no such
 * row, so there its first filled row is the header (known only at the end: until then the rows
 * wait). Blank and footer rows between data rows are counted as skipped.
 */
export class RowShaper {
  headers: string[] | null = null
  readonly skipped = { blank: 0, footer: 0 }
  private waiting: SourceRow[] = []
  // Blank rows count as skipped only once a filled row follows: trailing ones are not lines to anybody.
  private blanks = 0

  /** Takes the next row; adds it to `out` when it is data. */
  push(row: SourceRow, out: Table['rows']): void {
    if (this.headers !== null) return this.data(row, out)
    if (filledCount(row.cells) < 2) this.waiting.push(row)
    else {
      this.headers = row.cells
      this.waiting = []
    }
  }

  /** Ends the rows, adding what was still waiting to `out`; false when no row has anything in it. */
  end(out: Table['rows']): boolean {
    if (this.headers !== null) return true
    const waiting = this.waiting
    this.waiting = []
    const headerIndex = waiting.findIndex((row) => filledCount(row.cells) >= 1)
    if (headerIndex === -1) return false
    this.headers = waiting[headerIndex]!.cells
    for (const row of waiting.slice(headerIndex + 1)) this.data(row, out)
    return true
  }

  private data(row: SourceRow, out: Table['rows']): void {
    if (filledCount(row.cells) === 0) {
      this.blanks++
      return
    }
    this.skipped.blank += this.blanks
    this.blanks = 0
    if (isFooterRow(row.cells)) this.skipped.footer++
    else out.push({ line: row.line, cells: padded(row.cells, this.headers!.length) })
  }
}

/** The number of filled cells, counting no further than two (all the rules ask). */
function filledCount(cells: string[]): number {
  let count = 0
  for (const cell of cells) if (cell !== '' && ++count === 2) break
  return count
}

/** Short rows get empty cells so that every header has a cell; extra cells are kept. */
function padded(cells: string[], length: number): string[] {
  if (cells.length >= length) return cells
  return [...cells, ...Array.from({ length: length - cells.length }, () => '')]
}
