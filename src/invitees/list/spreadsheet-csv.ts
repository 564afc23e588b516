// CSV for spreadsheet programs as Flemish offices use them: Excel with a Belgian locale expects
// ';' between cells, reads UTF-8 only after a byte-order mark, and ends lines with CRLF.

/**
 * A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice for CSV):
 * one starting with = + - @, with a tab or carriage return, or with spaces before any of these,
 * since spreadsheet programs skip them. The apostrophe shows only in the edit bar.
 */
export function neutraliseFormula(value: string): string {
  return /^[\s]*[=+\-@]/.test(value) || /^[\t\r]/.test(value) ? `'${value}` : value
}

/** One cell (RFC 4180 quoting, with ';' as the separator). */
export function csvCell(value: string | null | undefined): string {
  const text = neutraliseFormula(value ?? '')
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The whole file: byte-order mark, ';'-separated cells, CRLF after every row. */
export function spreadsheetCsv(rows: readonly (readonly (string | null | undefined)[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(';') + '\r\n').join('')
}
