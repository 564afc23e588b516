// The list of an edition's invitees: search and filters in a GET form (they work without
// JavaScript and can be bookmarked), counts per status, 50 people a page in a form whose ticked
// rows take bulk actions, and the exports of the whole list.
import { INVITEE_LANGUAGE_NAMES, isInviteeLanguage } from '../../platform/i18n/languages.ts'
import { Button, EmptyState, Field, LinkButton, Select } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths, withQuery } from '../../paths.ts'
import type { Edition } from '../../editions/editions.ts'
import { INVITEE_STATUSES, type InviteeStatus } from '../invitee-status.ts'
import { LANGUAGE_CHOICES, NO_LANGUAGE, type Invitee, type ListQuery } from './invitee-list.ts'
import { BulkTable } from './bulk-table.tsx'
import { STATUS_LABELS } from './status-labels.tsx'

export interface InviteeListProps {
  ctx: PageContext
  edition: Edition
  invitees: Invitee[]
  /** How many match the search and filters */
  total: number
  /** How many the edition has in all */
  all: number
  /** How many match the search and the other filters, per status */
  byStatus: Record<InviteeStatus, number>
  cities: string[]
  query: ListQuery
}

export function InviteeListPage(props: InviteeListProps) {
  const { ctx, edition, invitees, total, all, query } = props
  const { t } = ctx
  const title = t('invitee-list.title', { name: edition.name })
  const hasFilters = Object.keys(query.values).length > 0
  const listPath = paths.editionInvitees(edition.id)
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('invitee-list.intro', { count: all })}</p>
      <p class="button-group">
        <LinkButton href={paths.inviteeNew(edition.id)}>{t('invitee-list.add')}</LinkButton>
        <a href={paths.inviteeImport(edition.id)}>{t('editions.overview.importInvitees')}</a>
        <a href={paths.editionHouseholds(edition.id)}>{t('households.navLink')}</a>
        <a href={paths.editionSelection(edition.id)}>{t('selection.navLink')}</a>
        <a href={paths.editionCarryOver(edition.id)}>{t('carry-over.navLink')}</a>
      </p>
      {all === 0 ? (
        <EmptyState title={t('invitee-list.empty.title')}>
          <p>{t('invitee-list.empty.help')}</p>
        </EmptyState>
      ) : (
        <>
          <ListFilters {...props} hasFilters={hasFilters} />
          <h2>{t('invitee-list.results')}</h2>
          <StatusCounts {...props} />
          <p>
            {t('invitee-list.count', { count: total, all })} {' · '}
            <a href={paths.inviteesExport(edition.id, 'csv')} download>
              {t('invitee-list.export.csv')}
            </a>
            {' · '}
            <a href={paths.inviteesExport(edition.id, 'xlsx')} download>
              {t('invitee-list.export.xlsx')}
            </a>{' '}
            <span class="hint">{t('invitee-list.export.hint')}</span>
          </p>
          {invitees.length === 0 ? (
            <EmptyState title={t('invitee-list.none.title')}>
              <p>
                {t('invitee-list.none.help')} <a href={listPath}>{t('common.clearFilters')}</a>
              </p>
            </EmptyState>
          ) : (
            <BulkTable ctx={ctx} edition={edition} invitees={invitees} total={total} query={query} />
          )}
        </>
      )}
      <p>
        <a href={paths.edition(edition.id)}>{t('editions.backToEdition')}</a>
      </p>
    </Layout>
  )
}

/** Everybody, then each status with its count: links that keep the search and other filters. */
function StatusCounts({ ctx, edition, byStatus, query }: InviteeListProps) {
  const { t } = ctx
  const everybody = INVITEE_STATUSES.reduce((sum, s) => sum + byStatus[s], 0)
  const link = (status: InviteeStatus | undefined, label: string, count: number) => {
    const current = query.filter.status === status
    return (
      <li>
        <a href={withQuery(paths.editionInvitees(edition.id), { ...query.values, status })} aria-current={current ? 'page' : undefined}>
          {current ? <strong>{t('invitee-list.statusCount', { label, count })}</strong> : t('invitee-list.statusCount', { label, count })}
        </a>
      </li>
    )
  }
  return (
    <nav aria-label={t('invitee-list.statusCounts')}>
      <ul class="active-filters__list">
        {link(undefined, t('invitee-list.status.all'), everybody)}
        {INVITEE_STATUSES.map((s) => link(s, t(STATUS_LABELS[s]), byStatus[s]))}
      </ul>
    </nav>
  )
}

function ListFilters({ ctx, edition, cities, query, hasFilters }: InviteeListProps & { hasFilters: boolean }) {
  const { t } = ctx
  const all = { value: '', label: t('invitee-list.filter.all') }
  const languageLabel = (code: string) => (code === NO_LANGUAGE ? t('invitee-list.noLanguage') : isInviteeLanguage(code) ? INVITEE_LANGUAGE_NAMES[code] : code)
  return (
    <form method="get" action={paths.editionInvitees(edition.id)} class="filters" role="search" aria-labelledby="invitee-filters-title">
      <h2 id="invitee-filters-title">{t('invitee-list.filter.title')}</h2>
      <div class="filters__fields">
        <Field ctx={ctx} name="zoek" type="text" label="invitee-list.filter.search" hint="invitee-list.filter.searchHint" value={query.values.zoek} spellcheck={false} />
        <Select ctx={ctx} name="status" label="invitee-list.filter.status" options={[all, ...INVITEE_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABELS[s]) }))]} value={query.values.status} />
        <Select ctx={ctx} name="taal" label="invitee-list.filter.language" options={[all, ...LANGUAGE_CHOICES.map((code) => ({ value: code, label: languageLabel(code) }))]} value={query.values.taal} />
        <Select ctx={ctx} name="gemeente" label="invitee-list.filter.city" options={[all, ...cities.map((c) => ({ value: c, label: c }))]} value={query.values.gemeente} />
        <Select
          ctx={ctx}
          name="waarschuwingen"
          label="invitee-list.filter.warnings"
          options={[all, { value: 'ja', label: t('invitee-list.filter.withWarnings') }]}
          value={query.values.waarschuwingen}
        />
      </div>
      <Button variant="secondary">{t('invitee-list.filter.submit')}</Button> {hasFilters && <a href={paths.editionInvitees(edition.id)}>{t('common.clearFilters')}</a>}
    </form>
  )
}
