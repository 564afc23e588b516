// Queries of the practice database. Practices are public records (no tenant); municipality
// entries belong to a municipality, and changes to them take its scope.
import { randomUUID } from 'node:crypto'
import type { DialectName } from '../platform/db/database.ts'
import { queryCatalog, type CatalogFilter, type CatalogResult } from './catalog.ts'
import { currentCatalog } from './catalog-queries.ts'
import { indexDocument, rankedMatches, snippetsFor } from '../platform/db/search.ts'
import type { AnyDb, Executor } from '../platform/db/transaction.ts'
import { PAGE_SIZE, SEARCH_KIND, searchText, type Practice, type PracticeEntry, type PracticeStatus, type Resource } from './practices.ts'
import type { EntryText, PracticeText } from './submissions.ts'

export interface PracticesTables {
  practice_categories: { slug: string; name: string; position: number }
  practice_target_groups: { slug: string; name: string; position: number }
  practices: {
    id: string
    slug: string
    status: PracticeStatus
    title: string
    summary: string
    goals_json: string[]
    target_group: string
    description: string
    partners: string | null
    resources_json: Resource[]
    success_factors: string | null
    challenges: string | null
    image_id: string | null
    image_alt: string | null
    image_credit: string | null
    is_demo: boolean
    version: number
    created_at: Date
    updated_at: Date
    published_at: Date | null
  }
  practice_category_links: { practice_id: string; category_slug: string }
  practice_target_group_links: { practice_id: string; target_group_slug: string }
  practice_entries: {
    id: string
    practice_id: string
    municipality_id: string
    blurb: string | null
    since: string | null
    contact_name: string | null
    contact_email: string | null
    contact_phone: string | null
    website: string | null
    created_at: Date
    updated_at: Date
  }
  practice_versions: { id: string; practice_id: string; version: number; snapshot_json: unknown; published_by: string | null; published_by_name: string | null; created_at: Date }
  municipalities: { id: string; name: string; nis_code: string }
}

type Db = Executor<PracticesTables>
type PracticeRow = PracticesTables['practices']

export async function listCategories(db: Db) {
  return db.selectFrom('practice_categories').select(['slug', 'name']).orderBy('position').execute()
}

export async function listTargetGroups(db: Db) {
  return db.selectFrom('practice_target_groups').select(['slug', 'name']).orderBy('position').execute()
}

/** One practice with everything its page shows, or null. `publishedOnly` for the public side. */
export async function findPracticeBySlug(db: Db, slug: string, options: { publishedOnly: boolean }): Promise<Practice | null> {
  let query = db.selectFrom('practices').selectAll().where('slug', '=', slug)
  if (options.publishedOnly) query = query.where('status', '=', 'published')
  const row = await query.executeTakeFirst()
  return row ? (await hydrate(db, [row]))[0]! : null
}

export async function findPracticeById(db: Db, id: string): Promise<Practice | null> {
  const row = await db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? (await hydrate(db, [row]))[0]! : null
}

/** Adds categories, target groups and entries to practice rows, in three queries for any number of rows. */
async function hydrate(db: Db, rows: PracticeRow[]): Promise<Practice[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [categories, groups, entries] = await Promise.all([
    db.selectFrom('practice_category_links as l').innerJoin('practice_categories as c', 'c.slug', 'l.category_slug').select(['l.practice_id', 'c.slug', 'c.name']).where('l.practice_id', 'in', ids).orderBy('c.position').execute(),
    db.selectFrom('practice_target_group_links as l').innerJoin('practice_target_groups as g', 'g.slug', 'l.target_group_slug').select(['l.practice_id', 'g.slug', 'g.name']).where('l.practice_id', 'in', ids).orderBy('g.position').execute(),
    db.selectFrom('practice_entries as e').innerJoin('municipalities as m', 'm.id', 'e.municipality_id').selectAll('e').select(['m.name as municipality_name', 'm.nis_code']).where('e.practice_id', 'in', ids).orderBy('m.name').execute(),
  ])
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    status: row.status,
    title: row.title,
    summary: row.summary,
    categories: categories.filter((c) => c.practice_id === row.id).map(({ slug, name }) => ({ slug, name })),
    targetGroups: groups.filter((g) => g.practice_id === row.id).map(({ slug, name }) => ({ slug, name })),
    goals: row.goals_json,
    targetGroup: row.target_group,
    description: row.description,
    partners: row.partners,
    resources: row.resources_json,
    successFactors: row.success_factors,
    challenges: row.challenges,
    image: row.image_id ? { id: row.image_id, alt: row.image_alt ?? '', credit: row.image_credit } : null,
    isDemo: row.is_demo,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    entries: entries.filter((e) => e.practice_id === row.id).map(toEntry),
  }))
}

function toEntry(e: PracticesTables['practice_entries'] & { municipality_name: string; nis_code: string }): PracticeEntry {
  return {
    id: e.id,
    municipalityId: e.municipality_id,
    municipalityName: e.municipality_name,
    nisCode: e.nis_code,
    blurb: e.blurb,
    since: e.since,
    contactName: e.contact_name,
    contactEmail: e.contact_email,
    contactPhone: e.contact_phone,
    website: e.website,
    updatedAt: e.updated_at,
  }
}

export interface PracticeFilter extends CatalogFilter {
  text: string
}

export interface PracticeListItem {
  slug: string
  title: string
  summary: string
  snippet: string | null
  categories: { slug: string; name: string }[]
  municipalityNames: string[]
  updatedAt: Date
  isDemo: boolean
}

export interface PracticeSearchResult {
  items: PracticeListItem[]
  total: number
  facets: CatalogResult['facets']
}

/**
 * Searches published practices: full text (relevance order) or, without text, newest first, with
 * drill-down counts per filter value. The database matches the text once; filtering, counting and
 * paging happen on the in-memory catalog (ADR 0020); snippets are made for the page shown only.
 */
export async function searchPractices(db: AnyDb, dialect: DialectName, filter: PracticeFilter): Promise<PracticeSearchResult> {
  const text = filter.text.trim()
  const query = { kind: SEARCH_KIND, municipalityId: null, text }
  const [catalog, matches] = await Promise.all([currentCatalog(db), text ? textMatches(db, dialect, query) : null])
  const result = queryCatalog(catalog, filter, matches, PAGE_SIZE)
  const snippets = text ? await snippetsFor(db, dialect, query, result.page.map((p) => p.id)) : new Map<string, string>()
  const items = result.page.map((p) => ({
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    snippet: snippets.get(p.id) ?? null,
    categories: p.categories.map((i) => ({ slug: catalog.categories[i]!.value, name: catalog.categories[i]!.label })),
    municipalityNames: p.municipalities.map((i) => catalog.municipalities[i]!.label),
    updatedAt: p.updatedAt,
    isDemo: p.isDemo,
  }))
  return { items, total: result.total, facets: result.facets }
}

/** Practice id → rank for every practice whose text matches; empty when no word can match. */
async function textMatches(db: AnyDb, dialect: DialectName, query: { kind: string; municipalityId: null; text: string }): Promise<Map<string, number>> {
  const matches = rankedMatches(dialect, query)
  if (!matches) return new Map()
  const { rows } = await matches.execute(db)
  return new Map(rows.map((r) => [r.record_id, Number(r.rank)]))
}

/** Published practices a municipality takes part in, for its page. */
export async function listPracticesOfMunicipality(db: Db, municipalityId: string): Promise<Practice[]> {
  const rows = await db
    .selectFrom('practices')
    .selectAll()
    .where('status', '=', 'published')
    .where('id', 'in', (eb) => eb.selectFrom('practice_entries').select('practice_id').where('municipality_id', '=', municipalityId))
    .orderBy('title')
    .execute()
  return hydrate(db, rows)
}

/** Published practices, newest change first: for the feed, the sitemap and the API. */
export async function listPublishedPractices(db: Db, page: { limit: number; offset: number }): Promise<{ practices: Practice[]; total: number }> {
  const base = db.selectFrom('practices').where('status', '=', 'published')
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { practices: await hydrate(db, rows), total: Number(count.n) }
}

export interface NewPractice extends PracticeText {
  slug: string
  isDemo: boolean
  entries: (EntryText & { municipalityId: string })[]
}

/**
 * Inserts a practice as published version 1 with its entries, records the version and indexes it
 * for search. (The editorial workflow publishes through the same path.)
 */
export async function insertPublishedPractice(db: AnyDb, practice: NewPractice, publishedBy: { id: string; name: string } | null, now = new Date()): Promise<string> {
  const d = db as Db
  const id = randomUUID()
  await d
    .insertInto('practices')
    .values({
      id,
      slug: practice.slug,
      status: 'published',
      title: practice.title,
      summary: practice.summary,
      goals_json: practice.goals,
      target_group: practice.targetGroup,
      description: practice.description,
      partners: practice.partners,
      resources_json: practice.resources,
      success_factors: practice.successFactors,
      challenges: practice.challenges,
      image_id: null,
      image_alt: null,
      image_credit: null,
      is_demo: practice.isDemo,
      version: 1,
      created_at: now,
      updated_at: now,
      published_at: now,
    })
    .execute()
  if (practice.categories.length) await d.insertInto('practice_category_links').values(practice.categories.map((slug) => ({ practice_id: id, category_slug: slug }))).execute()
  if (practice.targetGroups.length) await d.insertInto('practice_target_group_links').values(practice.targetGroups.map((slug) => ({ practice_id: id, target_group_slug: slug }))).execute()
  for (const e of practice.entries) {
    await d
      .insertInto('practice_entries')
      .values({ id: randomUUID(), practice_id: id, municipality_id: e.municipalityId, blurb: e.blurb, since: e.since, contact_name: e.contactName, contact_email: e.contactEmail, contact_phone: e.contactPhone, website: e.website, created_at: now, updated_at: now })
      .execute()
  }
  const saved = (await findPracticeById(d, id))!
  await d.insertInto('practice_versions').values({ id: randomUUID(), practice_id: id, version: 1, snapshot_json: saved, published_by: publishedBy?.id ?? null, published_by_name: publishedBy?.name ?? null, created_at: now }).execute()
  await indexPractice(db, saved)
  return id
}

export async function indexPractice(db: AnyDb, practice: Practice): Promise<void> {
  await indexDocument(db, { kind: SEARCH_KIND, recordId: practice.id, municipalityId: null, ...searchText(practice) })
}

export async function practiceSlugExists(db: Db, slug: string): Promise<boolean> {
  return Boolean(await db.selectFrom('practices').select('id').where('slug', '=', slug).executeTakeFirst())
}

export interface MunicipalityRef {
  id: string
  nisCode: string
  name: string
}

/** Municipalities named by id or by NIS code (public URLs use NIS codes; older links may use ids). */
export async function findMunicipalityRefs(db: Db, values: string[]): Promise<MunicipalityRef[]> {
  if (values.length === 0) return []
  const rows = await db
    .selectFrom('municipalities')
    .select(['id', 'nis_code', 'name'])
    .where((eb) => eb.or([eb('id', 'in', values), eb('nis_code', 'in', values)]))
    .orderBy('name')
    .execute()
  return rows.map((r) => ({ id: r.id, nisCode: r.nis_code, name: r.name }))
}
