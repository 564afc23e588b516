// The query string of the practice list (/praktijken?zoek=…&categorie=…&doelgroep=…&gemeente=…&pagina=…),
// read once at the edge and written back into links. Bad input never becomes an error: unknown
// values are dropped, an over-long search is cut, a nonsense page number becomes page 1.
import { paths } from '../../paths.ts'

export const MAX_SEARCH_LENGTH = 200
/** More values than any real filter form sends; the rest is ignored. */
const MAX_VALUES = 50
const MAX_VALUE_LENGTH = 100
const MAX_PAGE = 10_000

export type Dimension = 'categories' | 'targetGroups' | 'municipalities'

export interface ListQuery {
  text: string
  /** Category slugs */
  categories: string[]
  /** Target group slugs */
  targetGroups: string[]
  /** NIS codes once resolved (before that: NIS codes or municipality ids as they came in) */
  municipalities: string[]
  page: number
  /** Show every municipality in its filter, not only those with the most results (`gemeenten=alle`). */
  allMunicipalities: boolean
}

/** The whole list, first page: the base for links to a filtered list. */
export const ALL_PRACTICES: ListQuery = { text: '', categories: [], targetGroups: [], municipalities: [], page: 1, allMunicipalities: false }

/** The URL parameter of each filter dimension (Dutch, like every public URL). */
export const PARAMETER: Record<Dimension, string> = { categories: 'categorie', targetGroups: 'doelgroep', municipalities: 'gemeente' }

export function readListQuery(query: unknown): ListQuery {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>
  return {
    text: searchText(first(q.zoek)),
    categories: values(q[PARAMETER.categories]),
    targetGroups: values(q[PARAMETER.targetGroups]),
    municipalities: values(q[PARAMETER.municipalities]),
    page: pageNumber(first(q.pagina)),
    allMunicipalities: first(q.gemeenten) === 'alle',
  }
}

/** Trimmed, without control characters (they also mark highlights in snippets), at most 200 characters. */
export function searchText(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.normalize('NFC').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim()
  // Cut by code point, so a cut never splits an emoji or other character in two.
  return [...clean].slice(0, MAX_SEARCH_LENGTH).join('').trim()
}

function first(value: unknown): string {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : ''
}

function values(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value]
  const strings = list.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v.length > 0 && v.length <= MAX_VALUE_LENGTH)
  return [...new Set(strings)].slice(0, MAX_VALUES)
}

function pageNumber(raw: string): number {
  if (!/^\d{1,6}$/.test(raw.trim())) return 1
  const n = Number(raw)
  return n >= 1 ? Math.min(n, MAX_PAGE) : 1
}

/** The list URL for a query; repeated parameters for several values of one filter; page 1 is left out. */
export function listHref(query: ListQuery): string {
  const params = new URLSearchParams()
  if (query.text) params.append('zoek', query.text)
  for (const dimension of ['categories', 'targetGroups', 'municipalities'] as const) for (const value of query[dimension]) params.append(PARAMETER[dimension], value)
  if (query.page > 1) params.append('pagina', String(query.page))
  if (query.allMunicipalities) params.append('gemeenten', 'alle')
  const qs = params.toString()
  return qs ? `${paths.practices()}?${qs}` : paths.practices()
}

/** The same query without one filter value, from page 1 (the old page may no longer exist). */
export function withoutValue(query: ListQuery, dimension: Dimension, value: string): ListQuery {
  return { ...query, [dimension]: query[dimension].filter((v) => v !== value), page: 1 }
}

/** The query with every filter removed; the search text stays. */
export function withoutFilters(query: ListQuery): ListQuery {
  return { ...query, categories: [], targetGroups: [], municipalities: [], page: 1 }
}

export function hasFilters(query: ListQuery): boolean {
  return query.categories.length + query.targetGroups.length + query.municipalities.length > 0
}
