import type { PageContext } from '../platform/views/context.ts'
import { Button, EmptyState, ErrorSummary, Field, Pagination, Select, Table } from '../platform/views/components.tsx'
import { Layout } from '../platform/views/layout.tsx'
import { paths } from '../paths.ts'
import { AUDIT_EXPORT_MAX_ROWS, AUDIT_PAGE_SIZE, type AuditQuery } from './audit.ts'

export interface AuditEventView {
  id: string
  occurredAt: Date
  /** Only filled in for platform admins, who see several municipalities. */
  municipalityName: string | null
  actorName: string | null
  action: string
  recordType: string | null
  recordId: string | null
  details: [string, string][]
}

interface AuditPageProps {
  ctx: PageContext
  events: AuditEventView[]
  total: number
  page: number
  query: AuditQuery
  actions: string[]
  recordTypes: string[]
  /** The staff to filter on; null when no single municipality is in view. */
  staff: { id: string; name: string }[] | null
  /** Platform admins only. */
  municipalities: { id: string; name: string }[] | null
  pageHref: (page: number) => string
  exportHref: string
}

/** A translation when there is one, otherwise the raw code: new actions show up before their label. */
export function labelOr(ctx: PageContext, key: string, fallback: string): string {
  const label = ctx.t(key)
  return label === key ? fallback : label
}

export function actionLabel(ctx: PageContext, action: string): string {
  return labelOr(ctx, `audit.action.${action}`, action)
}

function recordTypeLabel(ctx: PageContext, type: string): string {
  return labelOr(ctx, `audit.recordType.${type}`, type)
}

export function AuditPage(props: AuditPageProps) {
  const { ctx, events, total, query } = props
  const { t } = ctx
  const hasFilters = Object.keys(query.values).length > 0
  return (
    <Layout ctx={ctx} title={t('audit.title')} hasErrors={query.errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={query.errors} />
      <h1>{t('audit.title')}</h1>
      <p class="lead">{t('audit.intro')}</p>
      <AuditFilters {...props} hasFilters={hasFilters} />
      <h2>{t('audit.results')}</h2>
      {events.length === 0 ? (
        <EmptyState title={t('audit.empty.title')}>
          {hasFilters ? (
            <p>
              {t('audit.empty.withFilters')} <a href={paths.audit()}>{t('common.clearFilters')}</a>
            </p>
          ) : (
            <p>{t('audit.empty.none')}</p>
          )}
        </EmptyState>
      ) : (
        <>
          <p>
            {t('common.results', { count: total })}
            {' · '}
            <a href={props.exportHref} download>
              {t('audit.export.link')}
            </a>{' '}
            <span class="hint">{t('audit.export.hint', { max: AUDIT_EXPORT_MAX_ROWS })}</span>
          </p>
          <Table
            caption={t('audit.caption', { page: props.page })}
            columns={[
              { header: t('audit.column.when'), cell: (e: AuditEventView) => ctx.formatDateTime(e.occurredAt) },
              ...(props.municipalities ? [{ header: t('audit.column.municipality'), cell: (e: AuditEventView) => e.municipalityName ?? t('audit.platform') }] : []),
              { header: t('audit.column.who'), cell: (e) => e.actorName ?? t('audit.system') },
              { header: t('audit.column.action'), cell: (e) => actionLabel(ctx, e.action) },
              {
                header: t('audit.column.record'),
                cell: (e) =>
                  e.recordType && (
                    <>
                      {recordTypeLabel(ctx, e.recordType)} {e.recordId && <code title={e.recordId}>{e.recordId.slice(0, 8)}</code>}
                    </>
                  ),
              },
              { header: t('audit.column.details'), cell: (e) => <Details pairs={e.details} /> },
            ]}
            rows={events}
          />
          <Pagination ctx={ctx} info={{ page: props.page, pageSize: AUDIT_PAGE_SIZE, total }} href={props.pageHref} />
        </>
      )}
    </Layout>
  )
}

function Details({ pairs }: { pairs: [string, string][] }) {
  if (pairs.length === 0) return null
  return (
    <ul class="plain-list">
      {pairs.map(([key, value]) => (
        <li>
          {key}: {value}
        </li>
      ))}
    </ul>
  )
}

/** A GET form, so filtering works without JavaScript and a filtered view can be bookmarked. */
function AuditFilters({ ctx, query, actions, recordTypes, staff, municipalities, hasFilters }: AuditPageProps & { hasFilters: boolean }) {
  const { t } = ctx
  const all = { value: '', label: t('audit.filter.all') }
  const groups = [...new Set(actions.map((a) => a.split('.')[0]!))].map((group) => ({ value: `${group}.`, label: t('audit.filter.actionGroup', { group: labelOr(ctx, `audit.group.${group}`, group) }) }))
  const errors = query.errors
  return (
    <form method="get" action={paths.audit()} class="filters" role="search" aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title">{t('audit.filter.title')}</h2>
      <div class="filters__fields">
        {municipalities && <Select ctx={ctx} name="gemeente" label="audit.filter.municipality" options={[all, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]} value={query.values.gemeente} />}
        <Select ctx={ctx} name="actie" label="audit.filter.action" options={[all, ...groups, ...actions.map((a) => ({ value: a, label: actionLabel(ctx, a) }))]} value={query.values.actie} />
        {staff && <Select ctx={ctx} name="persoon" label="audit.filter.person" options={[all, ...staff.map((s) => ({ value: s.id, label: s.name }))]} value={query.values.persoon} />}
        <Select ctx={ctx} name="soort" label="audit.filter.recordType" options={[all, ...recordTypes.map((r) => ({ value: r, label: recordTypeLabel(ctx, r) }))]} value={query.values.soort} />
        <Field ctx={ctx} name="van" type="date" label="audit.filter.from" hint="audit.filter.dateHint" value={query.values.van} errors={errors} width="medium" />
        <Field ctx={ctx} name="tot" type="date" label="audit.filter.to" hint="audit.filter.dateHint" value={query.values.tot} errors={errors} width="medium" />
      </div>
      <Button variant="secondary">{t('common.filter')}</Button> {hasFilters && <a href={paths.audit()}>{t('common.clearFilters')}</a>}
    </form>
  )
}
