// The reply overview and its exports for the caterer and the venue. The overview names people (the
// waiting list, who needs another channel), so each view is audited; the exports hold numbers
// only, and are audited all the same, as every export of what people told us.
import type { FastifyInstance } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEdition } from '../../editions/edition-access.ts'
import { spreadsheetCsv } from '../../invitees/list/spreadsheet-csv.ts'
import { brusselsDate } from '../../platform/calendar.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { sendPage } from '../../platform/views/render.ts'
import type { Services } from '../../services.ts'
import { pageContext, requestLocale } from '../../shell/page-context.ts'
import { cateringRows, EXPORT_LISTS, exportFilename, venueRows } from './exports.ts'
import { summariseNeeds } from './needs.ts'
import { listConfirmedNeeds } from './overview-queries.ts'
import { RepliesPage } from './overview-pages.tsx'
import { replyOverview } from './reply-overview.ts'

type Params = { Params: { id: string } }

export function replyOverviewRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get<Params>('/edities/:id/antwoorden', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const overview = await replyOverview(db, scope, edition.id)
    // How many people were shown by name; never who.
    await recordAudit(db, {
      municipalityId: scope.municipalityId,
      actor: user,
      action: 'replies.viewed',
      record: { type: 'edition', id: edition.id },
      details: { waiting: overview.waiting.length, anotherChannel: overview.anotherChannel.length },
    })
    const ctx = await pageContext(services, request, reply)
    reply.header('cache-control', 'private, no-store')
    return sendPage(reply, <RepliesPage ctx={ctx} edition={edition} overview={overview} />)
  })

  for (const list of EXPORT_LISTS) {
    app.get<Params>(`/edities/:id/antwoorden/${list}.csv`, async (request, reply) => {
      const { user, scope, edition } = await requireEdition(db, request, request.params.id)
      const needs = summariseNeeds(await listConfirmedNeeds(db, scope, edition.id))
      const { t } = createTranslator(requestLocale(request))
      const body = spreadsheetCsv(list === 'catering' ? cateringRows(t, needs) : venueRows(t, needs))
      await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'replies.exported', record: { type: 'edition', id: edition.id }, details: { list, seats: needs.seats } })
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exportFilename(list, edition.id, brusselsDate(new Date()))}"`)
        .header('cache-control', 'private, no-store')
        .send(body)
    })
  }
}
