// The invitee list of an edition and its exports (CSV and XLSX). Looking at the list and exporting
// it are views of personal data, so both are audited, with counts and never what was searched for.
// The person page, the access export and erasure live in person-routes.tsx; bulk actions in
// bulk-routes.tsx; adding, editing and excluding a person in ../edit/.
import type { FastifyInstance } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEdition } from '../../editions/edition-access.ts'
import { brusselsDate } from '../../platform/calendar.ts'
import { sendPage } from '../../platform/views/render.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { inviteeEditRoutes } from '../edit/edit-routes.tsx'
import { bulkRoutes } from './bulk-routes.tsx'
import { EXPORT_HEADERS, exportFilename, exportRow, INVITEE_PAGE_SIZE, parseListQuery } from './invitee-list.ts'
import { listInviteeCities, listInviteesForExport, listInviteesPage } from './invitee-list-queries.ts'
import { InviteeListPage } from './invitee-list-pages.tsx'
import { personRoutes } from './person-routes.tsx'
import { spreadsheetCsv } from './spreadsheet-csv.ts'
import { spreadsheetXlsx } from './spreadsheet-xlsx.ts'

type Params = { Params: { id: string } }

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

export function inviteeListRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get<Params>('/edities/:id/genodigden', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const query = parseListQuery(request.query)
    const [{ invitees, total, all, byStatus }, cities] = await Promise.all([
      listInviteesPage(db, scope, edition.id, query.filter, { limit: INVITEE_PAGE_SIZE, offset: (query.page - 1) * INVITEE_PAGE_SIZE }),
      listInviteeCities(db, scope, edition.id),
    ])
    // Which filters were used, by field name only: a search can hold a name.
    await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.listed', record: { type: 'edition', id: edition.id }, details: { shown: invitees.length, total, page: query.page, filters: Object.keys(query.values) } })
    const ctx = await pageContext(services, request, reply)
    reply.header('cache-control', 'private, no-store')
    return sendPage(reply, <InviteeListPage ctx={ctx} edition={edition} invitees={invitees} total={total} all={all} byStatus={byStatus} cities={cities} query={query} />)
  })

  for (const format of ['csv', 'xlsx'] as const) {
    app.get<Params>(format === 'csv' ? '/edities/:id/genodigden.csv' : '/edities/:id/genodigden.xlsx', async (request, reply) => {
      const { user, scope, edition } = await requireEdition(db, request, request.params.id)
      const invitees = await listInviteesForExport(db, scope, edition.id)
      const rows = [[...EXPORT_HEADERS], ...invitees.map(exportRow)]
      const body = format === 'csv' ? spreadsheetCsv(rows) : await spreadsheetXlsx('Genodigden', rows)
      await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.exported', record: { type: 'edition', id: edition.id }, details: { format, count: invitees.length } })
      return reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${exportFilename(edition.id, format, brusselsDate(new Date()))}"`)
        .header('cache-control', 'private, no-store')
        .send(body)
    })
  }

  personRoutes(app, services)
  bulkRoutes(app, services)
  inviteeEditRoutes(app, services)
}
