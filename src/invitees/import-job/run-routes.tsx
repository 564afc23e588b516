// The page of an import running in the background and its status as JSON, for the progress bar.
// Both start with requireEdition and look the import up within the edition and the municipality:
// another municipality, or the address of another edition's import, gets a 404.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { requireEdition } from '../../editions/edition-access.ts'
import { NotFound } from '../../platform/errors.ts'
import { sendPage } from '../../platform/views/render.ts'
import type { Services } from '../../services.ts'
import { pageContext, requestLocale } from '../../shell/page-context.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { importJobKey, runView } from './import-run.ts'
import { findImportRun, isRunJobDead } from './import-runs-queries.ts'
import { countText, RunPage, statusText } from './run-page.tsx'

type RunParams = { Params: { id: string; importId: string } }

export function importRunRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  const load = async (request: FastifyRequest<RunParams>) => {
    const access = await requireEdition(db, request, request.params.id)
    const run = await findImportRun(db, access.scope, access.edition.id, request.params.importId)
    if (!run) throw new NotFound('import')
    const unfinished = run.status === 'queued' || run.status === 'running'
    const jobDead = unfinished && run.uploadId !== null && (await isRunJobDead(db, importJobKey(run.uploadId)))
    return { ...access, run, view: runView(run, jobDead) }
  }

  app.get<RunParams>('/edities/:id/inlezen/verwerking/:importId', async (request, reply) => {
    const { edition, run, view } = await load(request)
    const ctx = await pageContext(services, request, reply)
    reply.header('cache-control', 'private, no-store')
    return sendPage(reply, <RunPage ctx={ctx} edition={edition} run={run} view={view} />)
  })

  // Counts and texts only: nothing here names a person or holds a value from the file.
  app.get<RunParams>('/edities/:id/inlezen/verwerking/:importId/status.json', async (request, reply) => {
    const { view } = await load(request)
    // Not pageContext: a poll must not take the flash message meant for the next page.
    const { t } = createTranslator(requestLocale(request))
    return reply
      .type('application/json; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send({ phase: view.phase, rowsDone: view.rowsDone, rowsTotal: view.rowsTotal, estimated: view.estimated, percent: view.percent, count: countText({ t }, view), status: statusText({ t }, view) })
  })
}
