// Reading the files of an upload: at the upload (to refuse what cannot be read before anything is
// stored) and at each later step, from the encrypted copy kept between steps.
import { decrypt, encrypt } from '../../platform/crypto.ts'
import type { FieldError } from '../../platform/views/context.ts'
import { suggestMapping, validateMapping } from '../import/mapping.ts'
import { DEFAULT_MAX_BYTES, readTable } from '../import/read-table.ts'
import type { Table } from '../import/types.ts'
import type { Upload } from './wizard-queries.ts'
import { fileError, type UploadInput } from './wizard.ts'

/** The largest list the wizard takes; the app's own multipart limit (photos) is far smaller. */
export const LIST_MAX_BYTES = DEFAULT_MAX_BYTES

export type ReadUpload = { ok: true; table: Table; registerTable: Table | null } | { ok: false; errors: FieldError[] }

export async function readUploadedFiles(input: Pick<UploadInput, 'file' | 'register' | 'sheet'>): Promise<ReadUpload> {
  const errors: FieldError[] = []
  const list = await readTable(input.file, { sheet: input.sheet ?? undefined, maxBytes: LIST_MAX_BYTES })
  if (!list.ok) errors.push(fileError('file', list.problem))
  let registerTable: Table | null = null
  if (input.register) {
    const register = await readTable(input.register, { maxBytes: LIST_MAX_BYTES })
    if (!register.ok) errors.push(fileError('register', register.problem))
    else {
      // The register extract is mapped as suggested (its headers are the register's own): a file
      // whose columns are not recognised is refused here rather than after the mapping step.
      const problem = validateMapping(suggestMapping(register.table.headers), register.table.headers)[0]
      if (problem) errors.push({ field: 'register', message: 'invitee-import.upload.registerNotRecognised' })
      else registerTable = register.table
    }
  }
  if (!list.ok || errors.length) return { ok: false, errors }
  return { ok: true, table: list.table, registerTable }
}

/** Bytes as stored between steps: base64 text, encrypted with the installation's key. */
export function seal(key: string, bytes: Buffer): string {
  return encrypt(key, bytes.toString('base64'))
}

export function openUpload(key: string, upload: Upload): { file: Buffer; register: Buffer | null } {
  return {
    file: Buffer.from(decrypt(key, upload.fileEncrypted), 'base64'),
    register: upload.registerEncrypted ? Buffer.from(decrypt(key, upload.registerEncrypted), 'base64') : null,
  }
}
