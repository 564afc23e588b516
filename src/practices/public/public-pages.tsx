// The practice list: search box and filters in one GET form (works without JavaScript), the
// results with highlighted snippets, and a way out of an empty result.
import { queryTerms } from '../../platform/db/search.ts'
import { EmptyState, Pagination } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { PracticeListItem } from '../practices-queries.ts'
import { PAGE_SIZE } from '../practices.ts'
import { hasFilters, listHref, MAX_SEARCH_LENGTH, type Dimension, type ListQuery } from './list-query.ts'
import { ActiveFilters, FacetGroup, type FacetOption } from './list-filters.tsx'
import { DateTag, DemoTag, Snippet } from './public-components.tsx'

export interface ListPageProps {
  ctx: PageContext
  /** The query as understood: unknown values dropped, municipalities as NIS codes */
  query: ListQuery
  items: PracticeListItem[]
  total: number
  facets: Record<Dimension, FacetOption[]>
}

export function PracticeListPage({ ctx, query, items, total, facets }: ListPageProps) {
  const { t } = ctx
  const base = query.text ? t('practices.list.searchTitle', { text: query.text }) : t('practices.list.title')
  const title = query.page > 1 ? t('practices.list.pageTitle', { title: base, page: query.page }) : base
  const terms = queryTerms(query.text)
  return (
    <Layout
      ctx={ctx}
      title={title}
      head={
        <>
          <meta name="description" content={t('practices.list.intro')} />
          <link rel="alternate" type="application/atom+xml" title={t('feeds.title')} href={paths.practicesFeed()} />
        </>
      }
    >
      <h1>{t('practices.list.title')}</h1>
      <p class="lead">{t('practices.list.intro')}</p>
      <div class="practice-list">
        <form method="get" action={paths.practices()} class="practice-list__form" role="search" aria-label={t('practices.list.searchLandmark')}>
          <div class="field">
            <label class="field__label" for="zoek">
              {t('practices.list.searchLabel')}
            </label>
            <p class="field__hint" id="zoek-hint">
              {t('practices.list.searchHint')}
            </p>
            <div class="practice-search">
              <input class="input practice-search__input" type="search" id="zoek" name="zoek" value={query.text} maxLength={MAX_SEARCH_LENGTH} aria-describedby="zoek-hint" />
              <button type="submit" class="button button--primary practice-search__button">
                {t('practices.list.searchButton')}
              </button>
            </div>
          </div>
          <h2 class="practice-list__filters-title">{t('practices.list.filtersTitle')}</h2>
          <FacetGroup ctx={ctx} dimension="categories" legend={t('practices.list.facet.categories')} options={facets.categories} />
          <FacetGroup ctx={ctx} dimension="targetGroups" legend={t('practices.list.facet.targetGroups')} options={facets.targetGroups} />
          <FacetGroup
            ctx={ctx}
            dimension="municipalities"
            legend={t('practices.list.facet.municipalities')}
            options={facets.municipalities}
            allHref={query.allMunicipalities ? null : listHref({ ...query, allMunicipalities: true })}
          />
          <button type="submit" class="button button--secondary">
            {t('practices.list.applyFilters')}
          </button>
        </form>
        <div class="practice-list__results">
          <h2 class="practice-list__count">{t('practices.list.count', { count: total })}</h2>
          {items.length > 0 && hasFilters(query) && <ActiveFilters ctx={ctx} query={query} facets={facets} />}
          {items.length > 0 ? (
            <ul class="practice-results">
              {items.map((item) => (
                <ResultItem ctx={ctx} item={item} terms={terms} />
              ))}
            </ul>
          ) : (
            <NoResults ctx={ctx} query={query} total={total} facets={facets} />
          )}
          <Pagination ctx={ctx} info={{ page: query.page, pageSize: PAGE_SIZE, total }} href={(page) => listHref({ ...query, page })} />
          <p class="practice-list__submit">
            {t('practices.list.submitQuestion')} <a href={paths.practiceSubmit()}>{t('practices.list.submitLink')}</a>
          </p>
        </div>
      </div>
    </Layout>
  )
}

function ResultItem({ ctx, item, terms }: { ctx: PageContext; item: PracticeListItem; terms: string[] }) {
  const { t } = ctx
  return (
    <li class="practice-result">
      <h3 class="practice-result__title">
        <a href={paths.practice(item.slug)}>{item.title}</a> {item.isDemo && <DemoTag ctx={ctx} />}
      </h3>
      <p class="practice-result__text">{item.snippet ? <Snippet text={item.snippet} terms={terms} /> : item.summary}</p>
      <dl class="practice-result__meta">
        {item.categories.length > 0 && (
          <div>
            <dt>{item.categories.length === 1 ? t('practices.category') : t('practices.categories')}</dt>
            <dd>{item.categories.map((c) => c.name).join(', ')}</dd>
          </div>
        )}
        {item.municipalityNames.length > 0 && (
          <div>
            <dt>{t('practices.list.municipalities')}</dt>
            <dd>{item.municipalityNames.join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('practices.updatedLabel')}</dt>
          <dd>
            <DateTag ctx={ctx} date={item.updatedAt} />
          </dd>
        </div>
      </dl>
    </li>
  )
}

/** Why there is nothing to show, and the links that lead back to results. */
function NoResults({ ctx, query, total, facets }: { ctx: PageContext; query: ListQuery; total: number; facets: ListPageProps['facets'] }) {
  const { t } = ctx
  if (total > 0) {
    return (
      <EmptyState title={t('practices.list.pageBeyondEnd')}>
        <p>
          <a href={listHref({ ...query, page: 1 })}>{t('practices.list.firstPage')}</a>
        </p>
      </EmptyState>
    )
  }
  if (!query.text && !hasFilters(query)) {
    return (
      <EmptyState title={t('practices.list.emptyDatabase')}>
        <p>
          <a href={paths.practiceSubmit()}>{t('practices.list.submitLink')}</a>
        </p>
      </EmptyState>
    )
  }
  return (
    <EmptyState title={t('practices.list.noResults')}>
      {hasFilters(query) ? (
        <>
          <p>{t('practices.list.noResultsFilters')}</p>
          <ActiveFilters ctx={ctx} query={query} facets={facets} includeText />
        </>
      ) : (
        <>
          <p>{t('practices.list.noResultsText')}</p>
          <p>
            <a href={paths.practices()}>{t('practices.list.showAll')}</a>
          </p>
        </>
      )}
    </EmptyState>
  )
}
