// The editors' part of the practice database: the queue, every practice, incomplete entries,
// and (in their own files) reviewing submissions and managing a practice. Editors only.
import type { FastifyInstance } from 'fastify'
import { can } from '../../accounts/accounts.ts'
import { requireRole } from '../../accounts/session.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { EDITOR_PAGE_SIZE, PRACTICES_VIEW, PracticesListPage, QueuePage } from './editorial-pages.tsx'
import { listPendingSubmissions, listPracticesForEditors } from './editorial-queries.ts'
import { IncompletePage } from './incomplete-page.tsx'
import { listIncompleteEntries } from './incomplete-queries.ts'
import { practiceRoutes } from './practice-routes.tsx'
import { submissionRoutes } from './submission-routes.tsx'

export function editorialRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get(paths.editorial(), async (request, reply) => {
    requireRole(request, can.editPractices)
    const query = request.query as Record<string, unknown>
    const ctx = await pageContext(services, request, reply)
    if (query.weergave === PRACTICES_VIEW) {
      const text = typeof query.zoek === 'string' ? query.zoek.normalize('NFC').trim().slice(0, 100) : ''
      const pageNumber = Number(query.pagina)
      const page = Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= 10_000 ? pageNumber : 1
      const { rows, total } = await listPracticesForEditors(db, { text, limit: EDITOR_PAGE_SIZE, offset: (page - 1) * EDITOR_PAGE_SIZE })
      return sendPage(reply, <PracticesListPage ctx={ctx} rows={rows} total={total} page={page} text={text} />)
    }
    return sendPage(reply, <QueuePage ctx={ctx} items={await listPendingSubmissions(db)} now={new Date()} />)
  })

  app.get(paths.editorialIncomplete(), async (request, reply) => {
    requireRole(request, can.editPractices)
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <IncompletePage ctx={ctx} municipalities={await listIncompleteEntries(db)} />)
  })

  submissionRoutes(app, services)
  practiceRoutes(app, services)
}
