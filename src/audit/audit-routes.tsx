// The audit log for admins: browse it with filters, or export it as CSV. Browsing is not itself
// audited (the log holds ids and names of actions, not case data); exporting is.
import type { FastifyInstance } from 'fastify'
import { can, type CurrentUser } from '../accounts/accounts.ts'
import { listStaff } from '../accounts/accounts-queries.ts'
import { requireRole, scopeOf } from '../accounts/session.ts'
import { listMunicipalities } from '../municipalities/municipalities-queries.ts'
import { createTranslator } from '../platform/i18n/i18n.ts'
import { sendPage } from '../platform/views/render.ts'
import { paths, withQuery } from '../paths.ts'
import type { Services } from '../services.ts'
import { pageContext, requestLocale } from '../shell/page-context.ts'
import { AUDIT_EXPORT_MAX_ROWS, AUDIT_PAGE_SIZE, detailPairs, parseAuditQuery, toCsv, type AuditQuery } from './audit.ts'
import { listAuditActions, listAuditEvents, listAuditRecordTypes, recordAudit, type AuditFilter, type AuditRow } from './audit-queries.ts'
import { AuditPage, type AuditEventView } from './audit-pages.tsx'

export function auditRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  /**
   * Whose entries: a municipality admin always sees their own municipality's; a platform admin
   * sees every municipality's, or the one they chose. Drops a `gemeente` filter that does not
   * apply, so links never carry it along.
   */
  const scopeFor = async (user: CurrentUser, query: AuditQuery) => {
    if (user.role !== 'platform_admin') {
      delete query.values.gemeente
      return { municipalityId: scopeOf(user).municipalityId, municipalities: null }
    }
    const municipalities = await listMunicipalities(db)
    const chosen = municipalities.find((m) => m.id === query.municipalityId)
    if (!chosen) delete query.values.gemeente
    return { municipalityId: chosen?.id ?? null, municipalities }
  }

  const filterOf = (query: AuditQuery, municipalityId: string | null, page: { limit: number; offset: number }): AuditFilter => ({
    municipalityId,
    action: query.action,
    actorUserId: query.actorUserId,
    recordType: query.recordType,
    from: query.from,
    to: query.to,
    ...page,
  })

  app.get('/beheer/audit', async (request, reply) => {
    const user = requireRole(request, can.operate)
    const query = parseAuditQuery(request.query)
    const scope = await scopeFor(user, query)
    const [{ events, total }, actions, recordTypes, staff] = await Promise.all([
      listAuditEvents(db, filterOf(query, scope.municipalityId, { limit: AUDIT_PAGE_SIZE, offset: (query.page - 1) * AUDIT_PAGE_SIZE })),
      listAuditActions(db, scope.municipalityId),
      listAuditRecordTypes(db, scope.municipalityId),
      scope.municipalityId ? listStaff(db, { municipalityId: scope.municipalityId }) : null,
    ])
    const names = new Map(scope.municipalities?.map((m) => [m.id, m.name]))
    const ctx = await pageContext(services, request, reply)
    return sendPage(
      reply,
      <AuditPage
        ctx={ctx}
        events={events.map((e) => toView(e, names))}
        total={total}
        page={query.page}
        query={query}
        actions={actions}
        recordTypes={recordTypes}
        staff={staff?.map((s) => ({ id: s.id, name: s.name })) ?? null}
        municipalities={scope.municipalities?.map((m) => ({ id: m.id, name: m.name })) ?? null}
        pageHref={(page) => withQuery(paths.audit(), { ...query.values, pagina: page })}
        exportHref={withQuery(paths.auditExport(), query.values)}
      />,
    )
  })

  app.get(paths.auditExport(), async (request, reply) => {
    const user = requireRole(request, can.operate)
    const query = parseAuditQuery(request.query)
    const scope = await scopeFor(user, query)
    const { events } = await listAuditEvents(db, filterOf(query, scope.municipalityId, { limit: AUDIT_EXPORT_MAX_ROWS, offset: 0 }))
    await recordAudit(db, {
      municipalityId: scope.municipalityId,
      actor: user,
      action: 'audit.exported',
      // Which filters were used, by field name only: their values may name a person.
      details: { rows: events.length, filters: Object.keys(query.values) },
    })
    const { t } = createTranslator(requestLocale(request))
    const names = scope.municipalities ? new Map(scope.municipalities.map((m) => [m.id, m.name])) : null
    // Only platform admins see several municipalities, so only their export names the municipality.
    const header = [t('audit.column.when'), ...(names ? [t('audit.column.municipality')] : []), t('audit.column.who'), t('audit.csv.actorId'), t('audit.column.action'), t('audit.csv.recordType'), t('audit.csv.recordId'), t('audit.column.details')]
    const rows = events.map((e) => [
      e.occurred_at.toISOString(),
      ...(names ? [e.municipality_id ? (names.get(e.municipality_id) ?? e.municipality_id) : ''] : []),
      e.actor_name ?? t('audit.system'),
      e.actor_user_id,
      e.action,
      e.record_type,
      e.record_id,
      detailPairs(e.details_json)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; '),
    ])
    const day = new Date().toISOString().slice(0, 10)
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="logboek-${day}.csv"`)
      .header('cache-control', 'no-store')
      // The byte-order mark makes spreadsheet programs read the file as UTF-8.
      .send('\uFEFF' + toCsv([header, ...rows]))
  })
}

function toView(e: AuditRow, municipalityNames: Map<string, string>): AuditEventView {
  return {
    id: e.id,
    occurredAt: e.occurred_at,
    municipalityName: e.municipality_id ? (municipalityNames.get(e.municipality_id) ?? null) : null,
    actorName: e.actor_name,
    action: e.action,
    recordType: e.record_type,
    recordId: e.record_id,
    details: detailPairs(e.details_json),
  }
}
