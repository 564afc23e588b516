// The contract between the parts of an import: reading a file into a table, mapping its columns,
// and turning each row into a person to invite (or a problem that names the row and column).

/** A file read into rows of text cells, whatever its format, encoding or separator. */
export interface Table {
  /** The header row's cells, trimmed. */
  headers: string[]
  /**
   * Data rows: `line` is where the record starts, 1-based, header included: the spreadsheet row in
   * a workbook, the text line in a CSV (a quoted line break makes those differ).
   */
  rows: { line: number; cells: string[] }[]
  format: 'csv' | 'xlsx'
  /** CSV only: the encoding that decoded it and the separator it used. */
  encoding?: 'utf-8' | 'windows-1252'
  separator?: ';' | ',' | '\t'
  /** XLSX: the sheet read, and every sheet's name (to let the person choose). */
  sheet?: string
  sheets?: string[]
  /** Lines that were not data: blank lines, and footer lines such as "Aantal personen: 62". */
  skipped: { blank: number; footer: number }
}

/** Why a file cannot be read at all; `message` is a translation key, `values` its arguments. */
export interface FileProblem {
  message: string
  values?: Record<string, string | number>
}

/** The fields an invitee list can hold. */
export const PERSON_FIELDS = [
  'nationalNumber',
  'lastName',
  'firstName',
  'birthDate',
  'street',
  'houseNumber',
  'box',
  'postcode',
  'city',
  'email',
  'phone',
  'language',
  'certificateDate',
  'certificateObtained',
  'contractSigned',
] as const
export type PersonField = (typeof PERSON_FIELDS)[number]

/** Which column (index into Table.headers) holds each field; absent when the file has none. */
export type ColumnMapping = Partial<Record<PersonField, number>>

/** A problem on one row: the row, the column as the file names it, the value, and what to do. */
export interface RowIssue {
  row: number
  column: string
  /** The offending value, for the person fixing the file; never written to logs or the audit. */
  value: string
  /** Translation key saying what is wrong and what to do */
  message: string
  values?: Record<string, string | number>
}

/** A row as it will be stored. Names exactly as given (NFC, trimmed); everything else normalised. */
export interface PersonRow {
  row: number
  /** The national register number, digits only and checksum-valid; hashed before storing, never kept. */
  nationalNumber: string | null
  lastName: string
  firstName: string
  /** YYYY-MM-DD */
  birthDate: string | null
  street: string | null
  houseNumber: string | null
  box: string | null
  postcode: string | null
  city: string | null
  /** Lower-cased, valid */
  email: string | null
  /** E.164 (+32…) */
  phone: string | null
  /** An invitee language code (src/platform/i18n/languages.ts) */
  language: string | null
  /** YYYY-MM-DD */
  certificateDate: string | null
  /** From the agency's list: yes/no columns; null when the file has no such column */
  certificateObtained: boolean | null
  contractSigned: boolean | null
}

/** One row read: the person (null when the row must be skipped), with warnings and errors. */
export interface RowOutcome {
  person: PersonRow | null
  /** Imported without the bad value (broken e-mail, invalid phone, unknown language…) */
  warnings: RowIssue[]
  /** The row is skipped (no name…) */
  errors: RowIssue[]
}
