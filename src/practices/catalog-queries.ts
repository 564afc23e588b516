// Loads the in-memory practice catalog (ADR 0020) and keeps it current: one small query per
// request reads the generation that triggers move on every change to the tables it is built
// from; a changed number means the catalog is read again.
import type { AnyDb, Executor } from '../platform/db/transaction.ts'
import type { Catalog, Named } from './catalog.ts'
import type { PracticesTables } from './practices-queries.ts'

type Db = Executor<PracticesTables & { practice_catalog_state: { id: number; generation: number | string } }>

interface Cached {
  generation: number
  catalog: Promise<Catalog>
}

// Per database handle, so tests with their own databases never share a catalog.
const cache = new WeakMap<object, Cached>()

/** The catalog as of now: the cached one unless the data changed since it was read. */
export async function currentCatalog(db: AnyDb): Promise<Catalog> {
  const generation = await catalogGeneration(db as Db)
  const cached = cache.get(db)
  if (cached && cached.generation === generation) return cached.catalog
  // Read after the generation: a change in between makes the next request read it again.
  const catalog = loadCatalog(db as Db)
  cache.set(db, { generation, catalog })
  catalog.catch(() => cache.delete(db))
  return catalog
}

async function catalogGeneration(db: Db): Promise<number> {
  const row = await db.selectFrom('practice_catalog_state').select('generation').where('id', '=', 1).executeTakeFirstOrThrow()
  return Number(row.generation)
}

export async function loadCatalog(db: Db): Promise<Catalog> {
  const [practices, categoryLinks, groupLinks, entries, categories, targetGroups, municipalities] = await Promise.all([
    db
      .selectFrom('practices')
      .select(['id', 'slug', 'title', 'summary', 'updated_at', 'is_demo'])
      .where('status', '=', 'published')
      .orderBy('published_at', 'desc')
      .orderBy('id')
      .execute(),
    db.selectFrom('practice_category_links').select(['practice_id', 'category_slug as value']).execute(),
    db.selectFrom('practice_target_group_links').select(['practice_id', 'target_group_slug as value']).execute(),
    db.selectFrom('practice_entries as e').innerJoin('municipalities as m', 'm.id', 'e.municipality_id').select(['e.practice_id', 'm.nis_code as value']).execute(),
    db.selectFrom('practice_categories').select(['slug as value', 'name as label']).orderBy('position').execute(),
    db.selectFrom('practice_target_groups').select(['slug as value', 'name as label']).orderBy('position').execute(),
    db.selectFrom('municipalities').select(['nis_code as value', 'name as label']).where('id', 'in', (eb) => eb.selectFrom('practice_entries').select('municipality_id')).execute(),
  ])
  municipalities.sort((a, b) => a.label.localeCompare(b.label, 'nl'))
  const catalog: Catalog = {
    practices: practices.map((p) => ({ id: p.id, slug: p.slug, title: p.title, summary: p.summary, updatedAt: p.updated_at, isDemo: p.is_demo, categories: [], targetGroups: [], municipalities: [] })),
    positionOf: new Map(practices.map((p, i) => [p.id, i])),
    categories,
    targetGroups,
    municipalities,
  }
  const link = (rows: { practice_id: string; value: string }[], list: Named[], field: 'categories' | 'targetGroups' | 'municipalities') => {
    const positionOf = new Map(list.map((item, i) => [item.value, i]))
    for (const row of rows) {
      const practice = catalog.practices[catalog.positionOf.get(row.practice_id) ?? -1]
      const position = positionOf.get(row.value)
      if (practice && position !== undefined) practice[field].push(position)
    }
  }
  link(categoryLinks, categories, 'categories')
  link(groupLinks, targetGroups, 'targetGroups')
  link(entries, municipalities, 'municipalities')
  // In list order: categories as the filters show them, municipalities by name.
  for (const p of catalog.practices) for (const list of [p.categories, p.targetGroups, p.municipalities]) list.sort((a, b) => a - b)
  return catalog
}
