// The wizard's storage: the uploaded file between steps (encrypted, gone after a day at the latest)
// and the column mapping a municipality chose for a set of headers.
import { randomUUID } from 'node:crypto'
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { ColumnMapping } from '../import/types.ts'

/** What the wizard keeps with an upload besides the bytes: the sheet read and the chosen mapping. */
export interface UploadState {
  sheet: string | null
  mapping: ColumnMapping | null
}

interface WizardTables {
  import_uploads: {
    id: string
    edition_id: string
    municipality_id: string
    created_by: string | null
    file_encrypted: string
    register_encrypted: string | null
    mapping_json: UploadState | null
    expires_at: Date
    created_at: Date
  }
  column_mappings: { municipality_id: string; headers_key: string; mapping_json: ColumnMapping; updated_at: Date }
}

type Db = Executor<WizardTables>

export interface Upload {
  id: string
  editionId: string
  fileEncrypted: string
  registerEncrypted: string | null
  state: UploadState
}

/** An upload lives a day: long enough to finish the wizard tomorrow morning, short for a copy of a list. */
export const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000

export async function createUpload(db: Db, scope: Scope, input: { editionId: string; createdBy: string; fileEncrypted: string; registerEncrypted: string | null; state: UploadState }, now: Date): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('import_uploads')
    .values({ id, edition_id: input.editionId, municipality_id: scope.municipalityId, created_by: input.createdBy, file_encrypted: input.fileEncrypted, register_encrypted: input.registerEncrypted, mapping_json: input.state, expires_at: new Date(now.getTime() + UPLOAD_LIFETIME_MS), created_at: now })
    .execute()
  return id
}

/**
 * The upload in the municipality: `other-edition` when it belongs to another edition (a 404 for the
 * route), null when it does not exist (any more): imported, cancelled or expired.
 */
export async function findUpload(db: Db, scope: Scope, editionId: string, id: string, now: Date): Promise<Upload | 'other-edition' | null> {
  const row = await db.selectFrom('import_uploads').selectAll().where('id', '=', id).where('municipality_id', '=', scope.municipalityId).where('expires_at', '>', now).executeTakeFirst()
  if (!row) return null
  if (row.edition_id !== editionId) return 'other-edition'
  return { id: row.id, editionId: row.edition_id, fileEncrypted: row.file_encrypted, registerEncrypted: row.register_encrypted, state: row.mapping_json ?? { sheet: null, mapping: null } }
}

export async function saveUploadState(db: Db, scope: Scope, upload: Upload, state: UploadState): Promise<void> {
  await db.updateTable('import_uploads').set({ mapping_json: state }).where('id', '=', upload.id).where('edition_id', '=', upload.editionId).where('municipality_id', '=', scope.municipalityId).execute()
}

/** Deletes the upload; false when it was already gone (a second commit or cancel). */
export async function deleteUpload(db: Db, scope: Scope, editionId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('import_uploads').where('id', '=', id).where('edition_id', '=', editionId).where('municipality_id', '=', scope.municipalityId).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** For the hourly maintenance job: uploads left in the wizard for more than a day. */
export async function deleteExpiredUploads(db: Executor<WizardTables>, now: Date): Promise<number> {
  const result = await db.deleteFrom('import_uploads').where('expires_at', '<=', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function rememberedMapping(db: Db, scope: Scope, headersKey: string): Promise<ColumnMapping | null> {
  const row = await db.selectFrom('column_mappings').select('mapping_json').where('municipality_id', '=', scope.municipalityId).where('headers_key', '=', headersKey).executeTakeFirst()
  return row?.mapping_json ?? null
}

export async function rememberMapping(db: Db, scope: Scope, headersKey: string, mapping: ColumnMapping, now: Date): Promise<void> {
  await db
    .insertInto('column_mappings')
    .values({ municipality_id: scope.municipalityId, headers_key: headersKey, mapping_json: mapping, updated_at: now })
    .onConflict((oc) => oc.columns(['municipality_id', 'headers_key']).doUpdateSet({ mapping_json: mapping, updated_at: now }))
    .execute()
}
