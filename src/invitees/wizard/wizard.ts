// The wizard's pure rules: which fields a mapping form posts, how a set of headers is recognised
// next time, and what the upload form must hold.
import { createHash } from 'node:crypto'
import type { FieldError } from '../../platform/views/context.ts'
import { text } from '../../platform/http/forms.ts'
import { PERSON_FIELDS, type ColumnMapping, type FileProblem } from '../import/types.ts'

export type Shape = 'one' | 'two'
export const SHAPES: readonly Shape[] = ['one', 'two']

/**
 * The key under which a municipality's mapping is remembered: the headers in order, case and
 * spacing ignored, hashed so the key stays short whatever the number of columns.
 */
export function headersKey(headers: string[]): string {
  const normalised = headers.map((h) => h.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase())
  return createHash('sha256').update(JSON.stringify(normalised)).digest('hex')
}

/** A remembered mapping applies only when every column it names still exists. */
export function fitsHeaders(mapping: ColumnMapping, headers: string[]): boolean {
  return Object.values(mapping).every((index) => Number.isInteger(index) && index >= 0 && index < headers.length)
}

/** The mapping form: one select per field, holding a column index or '' for "not in the file". */
export function parseMappingForm(body: unknown): ColumnMapping {
  const mapping: ColumnMapping = {}
  for (const field of PERSON_FIELDS) {
    const raw = text(body, field)
    // Anything but a column number is "not in the file"; validateMapping checks the range.
    if (/^\d{1,4}$/.test(raw)) mapping[field] = Number(raw)
  }
  return mapping
}

/** The mapping as the form shows it again. */
export function mappingValues(mapping: ColumnMapping): Record<string, string> {
  return Object.fromEntries(PERSON_FIELDS.map((field) => [field, mapping[field] === undefined ? '' : String(mapping[field])]))
}

export interface UploadInput {
  shape: Shape
  file: Buffer
  register: Buffer | null
  sheet: string | null
}

/** The upload form (multipart: text fields as strings, files as Buffers). */
export function parseUploadForm(body: unknown): { ok: true; value: UploadInput } | { ok: false; errors: FieldError[]; values: Record<string, string> } {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const shape = text(body, 'shape')
  const sheet = text(body, 'sheet').slice(0, 200) || null
  const values = { shape, sheet: sheet ?? '' }
  const errors: FieldError[] = []
  if (!(SHAPES as readonly string[]).includes(shape)) errors.push({ field: 'shape', message: 'invitee-import.upload.shapeRequired' })
  const file = bytesOf(fields.file)
  const register = bytesOf(fields.register)
  // A browser sends an empty part when no file was chosen; readTable then says the file is empty.
  if (!file) errors.push({ field: 'file', message: 'invitee-import.upload.fileRequired' })
  if (shape === 'two' && !register) errors.push({ field: 'register', message: 'invitee-import.upload.registerRequired' })
  if (errors.length) return { ok: false, errors, values }
  return { ok: true, value: { shape: shape as Shape, file: file!, register: shape === 'two' ? register! : null, sheet } }
}

function bytesOf(value: unknown): Buffer | null {
  if (Buffer.isBuffer(value)) return value
  // A text part (a client that sent the file as a plain field) still counts as its bytes.
  if (typeof value === 'string') return Buffer.from(value)
  return null
}

/** A problem reading one of the files, as an error on that file's field. */
export function fileError(field: 'file' | 'register', problem: FileProblem): FieldError {
  return { field, message: problem.message, ...(problem.values ? { values: problem.values } : {}) }
}
