// The published practices as the list page needs them, and the pure rules that filter, count
// and page them (ADR 0020). The catalog is small (thousands of practices, a few strings each) and
// changes rarely, so it is held in memory and only the text match is asked of the database.
// Vocabulary and municipalities are numbered, so a request counts in arrays, not maps of strings.

export interface Named {
  /** Category or target group slug, or municipality NIS code */
  value: string
  label: string
}

export interface CatalogPractice {
  id: string
  slug: string
  title: string
  summary: string
  updatedAt: Date
  isDemo: boolean
  /** Positions in `Catalog.categories`, `.targetGroups`, `.municipalities` (in that list's order). */
  categories: number[]
  targetGroups: number[]
  municipalities: number[]
}

export interface Catalog {
  /** Published practices, newest first (then by id, so the order is stable). */
  practices: CatalogPractice[]
  /** Practice id → position in `practices` */
  positionOf: Map<string, number>
  /** In the order the filters show them. */
  categories: Named[]
  targetGroups: Named[]
  /** Sorted by name */
  municipalities: Named[]
}

export interface CatalogFilter {
  categories: string[]
  targetGroups: string[]
  /** Municipality NIS codes */
  municipalities: string[]
  page: number
}

export interface FacetCount extends Named {
  count: number
}

export interface CatalogResult {
  page: CatalogPractice[]
  total: number
  facets: { categories: FacetCount[]; targetGroups: FacetCount[]; municipalities: FacetCount[] }
}

/**
 * The practices that match the text (`matches`: practice id → rank, or null without a search)
 * and every filter, in relevance order when searching and newest first otherwise, one page of
 * them, and for each filter value how many results there would be with it added to the other
 * filters (drill-down counts). Values within a filter are alternatives; filters all apply.
 */
export function queryCatalog(catalog: Catalog, filter: CatalogFilter, matches: Map<string, number> | null, pageSize: number): CatalogResult {
  const n = catalog.practices.length
  let rank: Float64Array | null = null
  if (matches) {
    rank = new Float64Array(n).fill(Number.NaN)
    for (const [id, r] of matches) {
      const i = catalog.positionOf.get(id)
      if (i !== undefined) rank[i] = r
    }
  }
  const wanted = {
    categories: chosen(catalog.categories, filter.categories),
    targetGroups: chosen(catalog.targetGroups, filter.targetGroups),
    municipalities: chosen(catalog.municipalities, filter.municipalities),
  }
  const counts = {
    categories: new Uint32Array(catalog.categories.length),
    targetGroups: new Uint32Array(catalog.targetGroups.length),
    municipalities: new Uint32Array(catalog.municipalities.length),
  }
  const results: number[] = []
  for (let i = 0; i < n; i++) {
    if (rank && Number.isNaN(rank[i]!)) continue
    const p = catalog.practices[i]!
    const c = passes(p.categories, wanted.categories)
    const t = passes(p.targetGroups, wanted.targetGroups)
    const m = passes(p.municipalities, wanted.municipalities)
    if (t && m) add(counts.categories, p.categories)
    if (c && m) add(counts.targetGroups, p.targetGroups)
    if (c && t) add(counts.municipalities, p.municipalities)
    if (c && t && m) results.push(i)
  }
  const start = (filter.page - 1) * pageSize
  const ordered = rank ? bestFirst(results, rank, start + pageSize) : results
  return {
    page: ordered.slice(start, start + pageSize).map((i) => catalog.practices[i]!),
    total: results.length,
    facets: {
      categories: catalog.categories.map((c, i) => ({ ...c, count: counts.categories[i]! })),
      targetGroups: catalog.targetGroups.map((g, i) => ({ ...g, count: counts.targetGroups[i]! })),
      // Only the municipalities that have results: there are hundreds.
      municipalities: catalog.municipalities.flatMap((m, i) => (counts.municipalities[i] ? [{ ...m, count: counts.municipalities[i]! }] : [])),
    },
  }
}

/**
 * The first `k` positions by rank, best first; among equal ranks the lower position (the newer
 * practice) first. A page needs only the first few of thousands of matches, so those are kept
 * in a small sorted buffer instead of sorting them all.
 */
export function bestFirst(positions: number[], rank: Float64Array, k: number): number[] {
  const before = (a: number, b: number) => rank[b]! - rank[a]! || a - b
  if (k * 8 >= positions.length) return positions.slice().sort(before).slice(0, k)
  const top: number[] = []
  for (const p of positions) {
    if (top.length === k && before(p, top[k - 1]!) >= 0) continue
    // Binary search for the first element that p goes before.
    let lo = 0
    let hi = top.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (before(p, top[mid]!) < 0) hi = mid
      else lo = mid + 1
    }
    top.splice(lo, 0, p)
    if (top.length > k) top.pop()
  }
  return top
}

/** Which positions of a list were chosen; null when the filter is not used. */
function chosen(list: Named[], values: string[]): Uint8Array | null {
  if (values.length === 0) return null
  const set = new Set(values)
  const flags = new Uint8Array(list.length)
  list.forEach((item, i) => (flags[i] = set.has(item.value) ? 1 : 0))
  return flags
}

function passes(positions: number[], wanted: Uint8Array | null): boolean {
  if (!wanted) return true
  for (const i of positions) if (wanted[i]) return true
  return false
}

function add(counts: Uint32Array, positions: number[]): void {
  for (const i of positions) counts[i] = counts[i]! + 1
}
