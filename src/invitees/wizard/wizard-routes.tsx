// The import wizard: upload → column mapping → preview and report → commit. Each step is a page
// that works without JavaScript; the file waits between steps encrypted, for a day at most.
// Every route starts with requireEdition: another municipality gets a 404 on every step.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEdition, requireEditionTakingPeople, type EditionAccess } from '../../editions/edition-access.ts'
import { NotFound } from '../../platform/errors.ts'
import type { FormState } from '../../platform/views/context.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { suggestMapping, validateMapping } from '../import/mapping.ts'
import { readTable } from '../import/read-table.ts'
import { findRunOfUpload } from '../import-job/import-runs-queries.ts'
import { GonePage } from './gone-page.tsx'
import { MappingPage } from './mapping-page.tsx'
import { previewRoutes } from './preview-routes.tsx'
import { UploadPage } from './upload-page.tsx'
import { LIST_MAX_BYTES, openUpload, readUploadedFiles, seal } from './upload-files.ts'
import { createUpload, findUpload, rememberedMapping, rememberMapping, saveUploadState, type Upload } from './wizard-queries.ts'
import { fitsHeaders, headersKey, mappingValues, parseMappingForm, parseUploadForm } from './wizard.ts'

type Params = { Params: { id: string } }
type StepParams = { Params: { id: string; uploadId: string } }

/** The edition and its upload, or null after the gone page was sent (imported, cancelled, expired). */
export async function loadUpload(services: Services, request: FastifyRequest<StepParams>, reply: FastifyReply): Promise<(EditionAccess & { upload: Upload }) | null> {
  const access = await requireEdition(services.database.db, request, request.params.id)
  // An upload already being imported: every step of it leads to that import's page.
  const claimed = await findRunOfUpload(services.database.db, access.scope, access.edition.id, request.params.uploadId)
  if (claimed) {
    reply.redirect(paths.inviteeImportRun(access.edition.id, claimed.id), 303)
    return null
  }
  const upload = await findUpload(services.database.db, access.scope, access.edition.id, request.params.uploadId, new Date())
  if (upload === 'other-edition') throw new NotFound('import upload')
  if (!upload) {
    const ctx = await pageContext(services, request, reply)
    sendPage(reply, <GonePage ctx={ctx} edition={access.edition} />, 410)
    return null
  }
  return { ...access, upload }
}

export function importWizardRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database
  const key = services.config.encryptionKey

  const showUpload = async (request: FastifyRequest<Params>, reply: FastifyReply, access: EditionAccess, state: FormState, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <UploadPage ctx={ctx} edition={access.edition} state={state} maxMb={LIST_MAX_BYTES / 1024 / 1024} />, status)
  }

  app.get<Params>('/edities/:id/inlezen', async (request, reply) => {
    const access = await requireEditionTakingPeople(db, request, request.params.id)
    return showUpload(request, reply, access, { errors: [], values: { shape: 'one' } })
  })

  // Lists are larger than photos: this route alone takes files up to 50 MB (one byte more tells
  // that a file is too large, and readTable then says so), and two files for the two-file shape.
  app.post<Params>('/edities/:id/inlezen', { config: { multipartOptions: { limits: { fileSize: LIST_MAX_BYTES + 1, files: 2 } } } }, async (request, reply) => {
    const access = await requireEditionTakingPeople(db, request, request.params.id)
    const { user, scope, edition } = access
    const parsed = parseUploadForm(request.body)
    if (!parsed.ok) return showUpload(request, reply, access, parsed, 400)
    const read = await readUploadedFiles(parsed.value)
    if (!read.ok) return showUpload(request, reply, access, { errors: read.errors, values: { shape: parsed.value.shape, sheet: parsed.value.sheet ?? '' } }, 400)
    const { file, register } = parsed.value
    const uploadId = await db.transaction().execute(async (trx) => {
      const id = await createUpload(trx, scope, { editionId: edition.id, createdBy: user.id, fileEncrypted: seal(key, file), registerEncrypted: register ? seal(key, register) : null, state: { sheet: read.table.sheet ?? null, mapping: null } }, new Date())
      // Counts only: what arrived, never what it holds.
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.upload_received', record: { type: 'edition', id: edition.id }, details: { rows: read.table.rows.length, registerRows: read.registerTable?.rows.length ?? 0, twoFiles: register !== null } })
      return id
    })
    return reply.redirect(paths.inviteeImportStep(edition.id, uploadId), 303)
  })

  const showMapping = async (request: FastifyRequest<StepParams>, reply: FastifyReply, loaded: EditionAccess & { upload: Upload }, state: FormState | null, status = 200) => {
    const { upload, scope } = loaded
    const { file, register } = openUpload(key, upload)
    const read = await readTable(file, { sheet: upload.state.sheet ?? undefined, maxBytes: LIST_MAX_BYTES })
    if (!read.ok) throw new Error('a stored upload could not be read again')
    const { headers } = read.table
    let values = state?.values
    if (!values) {
      const remembered = await rememberedMapping(db, scope, headersKey(headers))
      const mapping = upload.state.mapping ?? (remembered && fitsHeaders(remembered, headers) ? remembered : suggestMapping(headers))
      values = mappingValues(mapping)
    }
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <MappingPage ctx={ctx} edition={loaded.edition} upload={upload} table={read.table} twoFiles={register !== null} state={{ errors: state?.errors ?? [], values }} />, status)
  }

  app.get<StepParams>('/edities/:id/inlezen/:uploadId', async (request, reply) => {
    const loaded = await loadUpload(services, request, reply)
    if (!loaded) return reply
    return showMapping(request, reply, loaded, null)
  })

  app.post<StepParams>('/edities/:id/inlezen/:uploadId', async (request, reply) => {
    const loaded = await loadUpload(services, request, reply)
    if (!loaded) return reply
    const { upload, scope, edition } = loaded
    const { file } = openUpload(key, upload)
    const read = await readTable(file, { sheet: upload.state.sheet ?? undefined, maxBytes: LIST_MAX_BYTES })
    if (!read.ok) throw new Error('a stored upload could not be read again')
    const mapping = parseMappingForm(request.body)
    const problems = validateMapping(mapping, read.table.headers)
    if (problems.length) return showMapping(request, reply, loaded, { errors: problems.map((p) => ({ field: p.field, message: p.message, ...(p.values ? { values: p.values } : {}) })), values: mappingValues(mapping) }, 400)
    await db.transaction().execute(async (trx) => {
      await saveUploadState(trx, scope, upload, { ...upload.state, mapping })
      await rememberMapping(trx, scope, headersKey(read.table.headers), mapping, new Date())
    })
    return reply.redirect(paths.inviteeImportPreview(edition.id, upload.id), 303)
  })

  previewRoutes(app, services)
}
