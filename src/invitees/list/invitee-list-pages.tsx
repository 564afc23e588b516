// The list of an edition's invitees: search and filters in a GET form (they work without
// JavaScript and can be bookmarked), 50 people a page, and the exports of the whole list.
import { INVITEE_LANGUAGE_NAMES, isInviteeLanguage } from '../../platform/i18n/languages.ts'
import { Button, EmptyState, Field, Pagination, Select, Table } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths, withQuery } from '../../paths.ts'
import type { Edition } from '../../editions/editions.ts'
import { INVITEE_PAGE_SIZE, LANGUAGE_CHOICES, NO_LANGUAGE, type Invitee, type ListQuery } from './invitee-list.ts'

export interface InviteeListProps {
  ctx: PageContext
  edition: Edition
  invitees: Invitee[]
  /** How many match the search and filters */
  total: number
  /** How many the edition has in all */
  all: number
  cities: string[]
  query: ListQuery
}

/** A language named in its own script, marked as such for screen readers. */
export function LanguageName({ code }: { code: string | null }) {
  if (!code) return null
  return isInviteeLanguage(code) ? <span lang={code}>{INVITEE_LANGUAGE_NAMES[code]}</span> : <>{code}</>
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
      {all === 0 ? (
        <EmptyState title={t('invitee-list.empty.title')}>
          <p>{t('invitee-list.empty.help')}</p>
        </EmptyState>
      ) : (
        <>
          <ListFilters {...props} hasFilters={hasFilters} />
          <h2>{t('invitee-list.results')}</h2>
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
            <>
              <Table
                caption={t('invitee-list.caption', { page: query.page })}
                columns={[
                  {
                    header: t('invitee-list.column.name'),
                    cell: (i: Invitee) => <a href={paths.invitee(edition.id, i.id)}>{t('invitee-list.fullName', { last: i.lastName, first: i.firstName })}</a>,
                  },
                  { header: t('invitee-list.column.city'), cell: (i) => i.city ?? '' },
                  { header: t('invitee-list.column.language'), cell: (i) => (i.language ? <LanguageName code={i.language} /> : t('invitee-list.noLanguage')) },
                  { header: t('invitee-list.column.contact'), cell: (i) => <Contact ctx={ctx} invitee={i} /> },
                  { header: t('invitee-list.column.warnings'), cell: (i) => (i.warnings.length ? String(i.warnings.length) : t('invitee-list.noWarnings')), numeric: true },
                ]}
                rows={invitees}
              />
              <Pagination ctx={ctx} info={{ page: query.page, pageSize: INVITEE_PAGE_SIZE, total }} href={(page) => withQuery(listPath, { ...query.values, pagina: page })} />
            </>
          )}
        </>
      )}
      <p>
        <a href={paths.edition(edition.id)}>{t('editions.backToEdition')}</a>
      </p>
    </Layout>
  )
}

/** Whether the person can be reached, in words: never colour alone. */
function Contact({ ctx, invitee }: { ctx: PageContext; invitee: Invitee }) {
  const { t } = ctx
  if (!invitee.email && !invitee.phone) return <>{t('invitee-list.contact.none')}</>
  return <>{[invitee.email && t('invitee-list.contact.email'), invitee.phone && t('invitee-list.contact.phone')].filter(Boolean).join(', ')}</>
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
