// An XLSX workbook to rows of text, showing each cell as the person sees it in Excel.
import type ExcelJS from 'exceljs'
import type { FileProblem } from './types.ts'
import type { SourceRow } from './table-rows.ts'

export type ReadSheet =
  | { ok: true; sheet: string; sheets: string[]; rows: SourceRow[] }
  | { ok: false; problem: FileProblem }

const NOT_A_TABLE: FileProblem = { message: 'invitees.import.notATable' }

/** The chosen sheet, or the first one a person sees (a hidden sheet is never the default). */
export async function readWorkbook(bytes: Buffer, chosenSheet?: string): Promise<ReadSheet> {
  // Imported when needed: exceljs takes half a second to load, which every process would pay.
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  try {
    // exceljs's declared Buffer type predates Node's generic Buffer; the value is what it expects.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  } catch {
    return { ok: false, problem: NOT_A_TABLE }
  }
  // Any ZIP loads (a .docx, an .odt…) but only a workbook has sheets: Excel cannot save one without.
  const sheets = workbook.worksheets.map((worksheet) => worksheet.name)
  if (sheets.length === 0) return { ok: false, problem: NOT_A_TABLE }

  const worksheet =
    chosenSheet === undefined
      ? (workbook.worksheets.find((candidate) => candidate.state === 'visible') ?? workbook.worksheets[0])
      : workbook.worksheets.find((candidate) => candidate.name === chosenSheet)
  if (worksheet === undefined) {
    return { ok: false, problem: { message: 'invitees.import.unknownSheet', values: { sheet: chosenSheet ?? '', sheets: sheets.join(', ') } } }
  }

  const rows: SourceRow[] = []
  for (let line = 1; line <= worksheet.rowCount; line++) {
    // findRow, unlike getRow, does not create the rows that are missing: those are blank lines.
    const row = worksheet.findRow(line)
    const cells: string[] = []
    for (let column = 1; row && column <= row.cellCount; column++) cells.push(cellText(row.getCell(column)))
    rows.push({ line, cells })
  }
  return { ok: true, sheet: worksheet.name, sheets, rows }
}

function cellText(cell: ExcelJS.Cell): string {
  // exceljs gives every cell of a merged range the range's value; Excel shows it once. A title
  // merged across the columns must stay one filled cell, or it would pass for the header row.
  if (cell.isMerged && cell.master.address !== cell.address) return ''
  return valueText(cell.value, cell.numFmt)
}

function valueText(value: ExcelJS.CellValue | undefined, numFmt: string | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') return numberText(value, numFmt)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return dateText(value)
  if ('richText' in value) return value.richText.map((run) => run.text).join('').trim()
  // A formula counts for what Excel shows: its cached result, never the formula itself.
  if ('formula' in value || 'sharedFormula' in value) return valueText(value.result as ExcelJS.CellValue, numFmt)
  if ('hyperlink' in value) return valueText(value.text as ExcelJS.CellValue, numFmt)
  if ('error' in value) return value.error
  return ''
}

/**
 * Whole numbers in full (a phone number typed as a number must not become 3.2470088106e+10), with
 * the leading zeros a "00000000000" format shows; fractions to Excel's 15 significant digits.
 */
function numberText(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return ''
  if (!Number.isInteger(value)) return String(Number(value.toPrecision(15)))
  const digits = BigInt(value).toString()
  if (numFmt && /^0+$/.test(numFmt) && value >= 0) return digits.padStart(numFmt.length, '0')
  return digits
}

/** Excel stores a date without a time zone; exceljs hands it over as midnight UTC. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return ''
  const day = String(date.getUTCDate()).padStart(2, '0')
  const month = String(date.getUTCMonth() + 1).padStart(2, '0')
  return `${day}/${month}/${date.getUTCFullYear()}`
}
