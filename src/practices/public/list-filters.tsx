// The filters of the practice list: a group of checkboxes per dimension with result counts, and the
// chosen filters as links that each remove one.
import type { PageContext } from '../../platform/views/context.ts'
import { hasFilters, listHref, PARAMETER, withoutFilters, withoutValue, type Dimension, type ListQuery } from './list-query.ts'

export interface FacetOption {
  /** As it goes into the URL: a slug, or a NIS code for municipalities */
  value: string
  label: string
  /** Results there would be with this value ticked (alongside the other filters) */
  count: number
  checked: boolean
}

const DIMENSIONS: Dimension[] = ['categories', 'targetGroups', 'municipalities']

/** How many values a long filter shows until asked for all. */
export const SHORT_LIST = 12

/**
 * One filter dimension in a <details>: closed unless something in it is ticked, so that on a
 * phone the results are not pushed far down. Values without results are left out, unless ticked.
 * With `allHref` (municipalities: there are some 300), a long list shows the values with the most
 * results and the ticked ones, and links to the page that shows them all.
 */
export function FacetGroup({ ctx, dimension, legend, options, allHref }: { ctx: PageContext; dimension: Dimension; legend: string; options: FacetOption[]; allHref?: string | null }) {
  const { t } = ctx
  const visible = options.filter((o) => o.count > 0 || o.checked)
  if (visible.length === 0) return null
  const shown = allHref ? shortList(visible) : visible
  const chosen = visible.filter((o) => o.checked).length
  const name = PARAMETER[dimension]
  return (
    <details class="facet" id={`filter-${name}`} open={chosen > 0 || (allHref === null && visible.length > SHORT_LIST)}>
      <summary class="facet__summary">
        {legend}
        {chosen > 0 && <span class="facet__chosen"> {t('practices.list.chosen', { count: chosen })}</span>}
      </summary>
      <fieldset class="facet__fieldset">
        <legend class="visually-hidden">{legend}</legend>
        {shown.map((o, i) => (
          <div class="checkboxes__item">
            <input class="checkboxes__input" type="checkbox" id={`facet-${name}-${i}`} name={name} value={o.value} checked={o.checked} />
            <label class="checkboxes__label" for={`facet-${name}-${i}`}>
              {t('practices.list.facetOption', { label: o.label, count: o.count })}
            </label>
          </div>
        ))}
      </fieldset>
      {shown.length < visible.length && (
        <p class="facet__more">
          <a href={`${allHref}#filter-${name}`}>{t('practices.list.showAllMunicipalities', { count: visible.length })}</a>
        </p>
      )}
    </details>
  )
}

/** The values with the most results and every ticked one, in their original order. */
function shortList(options: FacetOption[]): FacetOption[] {
  if (options.length <= SHORT_LIST) return options
  const top = new Set([...options].sort((a, b) => b.count - a.count).slice(0, SHORT_LIST))
  return options.filter((o) => o.checked || top.has(o))
}

/** Links that each remove one chosen filter (and, when asked, the search text), and one that removes all filters. */
export function ActiveFilters({ ctx, query, facets, includeText = false }: { ctx: PageContext; query: ListQuery; facets: Record<Dimension, FacetOption[]>; includeText?: boolean }) {
  const { t } = ctx
  const label = (dimension: Dimension, value: string) => facets[dimension].find((o) => o.value === value)?.label ?? value
  const links = [
    ...(includeText && query.text ? [{ href: listHref({ ...query, text: '', page: 1 }), text: t('practices.list.removeText', { text: query.text }) }] : []),
    ...DIMENSIONS.flatMap((dimension) => query[dimension].map((value) => ({ href: listHref(withoutValue(query, dimension, value)), text: t('practices.list.removeFilter', { label: label(dimension, value) }) }))),
  ]
  return (
    <div class="active-filters">
      <p class="active-filters__title">{t('practices.list.activeFilters')}</p>
      <ul class="active-filters__list">
        {links.map((link) => (
          <li>
            <a href={link.href}>{link.text}</a>
          </li>
        ))}
      </ul>
      {hasFilters(query) && (
        <p>
          <a href={listHref(withoutFilters(query))}>{t('practices.list.clearFilters')}</a>
        </p>
      )}
    </div>
  )
}
