// The wizard's last steps: the preview with the full report of a dry run, the commit (which queues
// the import as a background job and claims the upload in one transaction, so a second click goes
// to the same import instead of importing twice), the cancel, and the import's own page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEdition } from '../../editions/edition-access.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { startImport, UploadClaimed } from '../import-job/import-job.ts'
import { findRunOfUpload } from '../import-job/import-runs-queries.ts'
import { importRunRoutes } from '../import-job/run-routes.tsx'
import { importFiles } from '../import/import-files.ts'
import { PreviewPage } from './preview-page.tsx'
import { openUpload } from './upload-files.ts'
import { deleteUpload } from './wizard-queries.ts'
import { loadUpload } from './wizard-routes.tsx'

type StepParams = { Params: { id: string; uploadId: string } }

/** The number of rows the preview shows as they will be stored. */
export const PREVIEW_ROWS = 10

export function previewRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database
  const { encryptionKey, hashKey } = services.config

  /**
   * An upload already being imported has its import's page: each step after the commit (a double
   * click, the back button, a colleague) is sent there. False when the upload is not claimed.
   */
  const toClaimedImport = async (request: FastifyRequest<StepParams>, reply: FastifyReply): Promise<boolean> => {
    const { scope, edition } = await requireEdition(db, request, request.params.id)
    const claimed = await findRunOfUpload(db, scope, edition.id, request.params.uploadId)
    if (!claimed) return false
    reply.redirect(paths.inviteeImportRun(edition.id, claimed.id), 303)
    return true
  }

  app.get<StepParams>('/edities/:id/inlezen/:uploadId/controle', async (request, reply) => {
    if (await toClaimedImport(request, reply)) return reply
    const loaded = await loadUpload(services, request, reply)
    if (!loaded) return reply
    const { upload, edition, scope, user } = loaded
    // The preview comes after the mapping; without one, back to that step.
    if (!upload.state.mapping) return reply.redirect(paths.inviteeImportStep(edition.id, upload.id), 303)
    const { file, register } = openUpload(encryptionKey, upload)
    const result = await importFiles(db, { edition, scope, actor: user, file, register: register ?? undefined, sheet: upload.state.sheet ?? undefined, mapping: upload.state.mapping, dryRun: true, hashKey })
    if (!result.ok) {
      // The mapping no longer fits (it is checked when saved): choose it again.
      return reply.redirect(paths.inviteeImportStep(edition.id, upload.id), 303)
    }
    const { plan } = result
    const people = [...plan.inserts, ...plan.updates.map((u) => u.incoming)].sort((a, b) => a.row - b.row).slice(0, PREVIEW_ROWS)
    // Showing the rows is a view of personal data: recorded, with counts only.
    await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.import_previewed', record: { type: 'edition', id: edition.id }, details: { rows: plan.rows } })
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <PreviewPage ctx={ctx} edition={edition} uploadId={upload.id} plan={plan} people={people} />)
  })

  app.post<StepParams>('/edities/:id/inlezen/:uploadId/inlezen', async (request, reply) => {
    if (await toClaimedImport(request, reply)) return reply
    const loaded = await loadUpload(services, request, reply)
    if (!loaded) return reply
    const { upload, edition, scope, user } = loaded
    if (!upload.state.mapping) return reply.redirect(paths.inviteeImportStep(edition.id, upload.id), 303)
    let importId: string
    try {
      importId = await db.transaction().execute((trx) => startImport(trx, scope, { editionId: edition.id, uploadId: upload.id, startedBy: user.id }, new Date()))
    } catch (error) {
      if (!(error instanceof UploadClaimed)) throw error
      importId = (await findRunOfUpload(db, scope, edition.id, upload.id))!.id
    }
    return reply.redirect(paths.inviteeImportRun(edition.id, importId), 303)
  })

  app.post<StepParams>('/edities/:id/inlezen/:uploadId/annuleren', async (request, reply) => {
    // An import under way cannot be cancelled: it commits whole or not at all.
    if (await toClaimedImport(request, reply)) return reply
    const loaded = await loadUpload(services, request, reply)
    if (!loaded) return reply
    const { edition, scope, user, upload } = loaded
    await db.transaction().execute(async (trx) => {
      if (await deleteUpload(trx, scope, edition.id, upload.id)) await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.upload_cancelled', record: { type: 'edition', id: edition.id } })
    })
    setFlash(reply, { kind: 'info', message: 'invitee-import.cancelled' })
    return reply.redirect(paths.inviteeImport(edition.id), 303)
  })

  importRunRoutes(app, services)
}
