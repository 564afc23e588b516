// The wizard's last steps: the preview with the full report of a dry run, the commit (the import
// for real, in one transaction with deleting the upload, so a second click imports nothing), the
// cancel, and the result page.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEdition } from '../../editions/edition-access.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths, withQuery } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { importWithMapping } from '../import/import-files.ts'
import type { ImportPlan } from '../import/reconcile.ts'
import { GonePage } from './gone-page.tsx'
import { PreviewPage } from './preview-page.tsx'
import { RESULT_COUNTS, type ResultCounts } from './counts-list.tsx'
import { ResultPage } from './result-page.tsx'
import { openUpload } from './upload-files.ts'
import { deleteUpload } from './wizard-queries.ts'
import { loadUpload } from './wizard-routes.tsx'

type Params = { Params: { id: string } }
type StepParams = { Params: { id: string; uploadId: string } }

/** The number of rows the preview shows as they will be stored. */
export const PREVIEW_ROWS = 10

export function previewRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database
  const { encryptionKey, hashKey } = services.config

  app.get<StepParams>('/edities/:id/inlezen/:uploadId/controle', async (request, reply) => {
    const loaded = await loadUpload(services, request, reply)
    if (!loaded) return reply
    const { upload, edition, scope, user } = loaded
    // The preview comes after the mapping; without one, back to that step.
    if (!upload.state.mapping) return reply.redirect(paths.inviteeImportStep(edition.id, upload.id), 303)
    const { file, register } = openUpload(encryptionKey, upload)
    const result = await importWithMapping(db, { edition, scope, actor: user, file, register: register ?? undefined, sheet: upload.state.sheet ?? undefined, mapping: upload.state.mapping, dryRun: true, hashKey })
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
    const loaded = await loadUpload(services, request, reply)
    if (!loaded) return reply
    const { upload, edition, scope, user } = loaded
    if (!upload.state.mapping) return reply.redirect(paths.inviteeImportStep(edition.id, upload.id), 303)
    const { file, register } = openUpload(encryptionKey, upload)
    const mapping = upload.state.mapping
    // Claiming the upload and importing are one transaction: a second post (a double click, a
    // colleague) finds the upload gone and imports nothing; a failed import keeps the upload.
    const plan = await db.transaction().execute(async (trx) => {
      if (!(await deleteUpload(trx, scope, edition.id, upload.id))) return 'gone' as const
      const result = await importWithMapping(trx, { edition, scope, actor: user, file, register: register ?? undefined, sheet: upload.state.sheet ?? undefined, mapping, dryRun: false, hashKey })
      if (!result.ok) throw new Error('a stored upload could not be imported')
      return result.plan
    })
    if (plan === 'gone') return sendGone(request, reply, edition)
    return reply.redirect(withQuery(paths.inviteeImportResult(edition.id), countsOf(plan)), 303)
  })

  app.post<StepParams>('/edities/:id/inlezen/:uploadId/annuleren', async (request, reply) => {
    const loaded = await loadUpload(services, request, reply)
    if (!loaded) return reply
    const { edition, scope, user, upload } = loaded
    await db.transaction().execute(async (trx) => {
      if (await deleteUpload(trx, scope, edition.id, upload.id)) await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.upload_cancelled', record: { type: 'edition', id: edition.id } })
    })
    setFlash(reply, { kind: 'info', message: 'invitee-import.cancelled' })
    return reply.redirect(paths.inviteeImport(edition.id), 303)
  })

  // The counts travel in the address: the upload is gone by now, and counts are not personal data.
  app.get<Params>('/edities/:id/inlezen/resultaat', async (request, reply) => {
    const { edition } = await requireEdition(db, request, request.params.id)
    const query = request.query as Record<string, string | undefined>
    const counts = Object.fromEntries(RESULT_COUNTS.map((k) => [k, Math.max(0, Math.floor(Number(query[k] ?? 0)) || 0)])) as ResultCounts
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <ResultPage ctx={ctx} edition={edition} counts={counts} />)
  })

  async function sendGone(request: Parameters<typeof pageContext>[1], reply: FastifyReply, edition: Parameters<typeof GonePage>[0]['edition']) {
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <GonePage ctx={ctx} edition={edition} />, 410)
  }
}

function countsOf(plan: ImportPlan): ResultCounts {
  return { rows: plan.rows, imported: plan.inserts.length, updated: plan.updates.length, unchanged: plan.unchanged, duplicates: plan.duplicates, skipped: plan.skipped, ...plan.notInvited }
}
