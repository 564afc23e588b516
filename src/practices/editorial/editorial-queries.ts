// Queries of the editorial workflow. Practices are public records and editors work across all
// municipalities, so these queries take no tenant scope; changes to a municipality's entry name
// that municipality explicitly.
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { Executor } from '../../platform/db/transaction.ts'
import type { Practice, PracticeStatus } from '../practices.ts'
import type { PracticesTables } from '../practices-queries.ts'
import { toSubmission, type EntryText, type PracticeText, type Submission, type SubmissionKind, type SubmissionsTables } from '../submissions.ts'

interface UsersTable {
  users: { id: string; name: string; email: string; role: string; municipality_id: string | null; disabled_at: Date | null }
}

type Tables = PracticesTables & SubmissionsTables & UsersTable
type Db = Executor<Tables>

// ---------------------------------------------------------------------------------------------
// Submissions

export interface QueueItem {
  id: string
  kind: SubmissionKind
  practiceId: string | null
  practiceTitle: string | null
  /** For a new practice: the title it proposes. */
  proposedTitle: string | null
  submitterName: string
  municipalityName: string | null
  createdAt: Date
}

/** Pending submissions, oldest first: unconfirmed ones have not reached the editors yet. */
export async function listPendingSubmissions(db: Db): Promise<QueueItem[]> {
  const rows = await db
    .selectFrom('practice_submissions as s')
    .leftJoin('practices as p', 'p.id', 's.practice_id')
    .leftJoin('municipalities as m', 'm.id', 's.submitter_municipality_id')
    .select(['s.id', 's.kind', 's.practice_id', 's.payload_json', 's.submitter_name', 's.created_at', 'p.title as practice_title', 'm.name as municipality_name'])
    .where('s.status', '=', 'pending')
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    practiceId: r.practice_id,
    practiceTitle: r.practice_title,
    proposedTitle: r.payload_json.kind === 'new_practice' ? r.payload_json.practice.title : null,
    submitterName: r.submitter_name,
    municipalityName: r.municipality_name,
    createdAt: r.created_at,
  }))
}

export async function findSubmission(db: Db, id: string): Promise<Submission | null> {
  const row = await db.selectFrom('practice_submissions').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toSubmission(row) : null
}

export async function pendingSubmissionsOfPractice(db: Db, practiceId: string): Promise<{ id: string; kind: SubmissionKind; createdAt: Date }[]> {
  const rows = await db.selectFrom('practice_submissions').select(['id', 'kind', 'created_at']).where('practice_id', '=', practiceId).where('status', '=', 'pending').orderBy('created_at').execute()
  return rows.map((r) => ({ id: r.id, kind: r.kind, createdAt: r.created_at }))
}

/**
 * Records the decision only if the submission is still pending, and says whether it did. Run
 * first in the decision's transaction: on PostgreSQL a second editor's update waits on this row
 * and then finds it decided; SQLite runs one transaction at a time.
 */
export async function claimSubmission(db: Db, id: string, decision: { status: 'accepted' | 'rejected'; decidedBy: string; reason: string | null; now: Date }): Promise<boolean> {
  const result = await db
    .updateTable('practice_submissions')
    .set({ status: decision.status, decided_by: decision.decidedBy, decided_at: decision.now, decision_reason: decision.reason })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function linkSubmissionToPractice(db: Db, id: string, practiceId: string): Promise<void> {
  await db.updateTable('practice_submissions').set({ practice_id: practiceId }).where('id', '=', id).execute()
}

export async function userName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null
  return (await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null
}

export async function municipalityName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null
  return (await db.selectFrom('municipalities').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null
}

export async function imageExists(db: Executor<{ images: { id: string } }>, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('images').select('id').where('id', '=', id).executeTakeFirst())
}

// ---------------------------------------------------------------------------------------------
// Changing a practice. Every change goes through startNewVersion first: it bumps the version
// and locks the practice row until the transaction ends.

export async function startNewVersion(db: Db, practiceId: string, now: Date): Promise<number> {
  const row = await db
    .updateTable('practices')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', practiceId)
    .returning('version')
    .executeTakeFirstOrThrow()
  return row.version
}

export async function updatePracticeText(db: Db, practiceId: string, text: PracticeText): Promise<void> {
  await db
    .updateTable('practices')
    .set({
      title: text.title,
      summary: text.summary,
      goals_json: text.goals,
      target_group: text.targetGroup,
      description: text.description,
      partners: text.partners,
      resources_json: text.resources,
      success_factors: text.successFactors,
      challenges: text.challenges,
    })
    .where('id', '=', practiceId)
    .execute()
  await db.deleteFrom('practice_category_links').where('practice_id', '=', practiceId).execute()
  if (text.categories.length) await db.insertInto('practice_category_links').values(text.categories.map((slug) => ({ practice_id: practiceId, category_slug: slug }))).execute()
  await db.deleteFrom('practice_target_group_links').where('practice_id', '=', practiceId).execute()
  if (text.targetGroups.length) await db.insertInto('practice_target_group_links').values(text.targetGroups.map((slug) => ({ practice_id: practiceId, target_group_slug: slug }))).execute()
}

export async function setPracticeImage(db: Db, practiceId: string, image: { id: string; alt: string; credit: string | null } | null): Promise<void> {
  await db
    .updateTable('practices')
    .set({ image_id: image?.id ?? null, image_alt: image?.alt ?? null, image_credit: image?.credit ?? null })
    .where('id', '=', practiceId)
    .execute()
}

/** Adds the municipality's entry, or updates it when the municipality already has one. */
export async function saveEntry(db: Db, practiceId: string, municipalityId: string, entry: EntryText, now: Date): Promise<void> {
  const values = { blurb: entry.blurb, since: entry.since, contact_name: entry.contactName, contact_email: entry.contactEmail, contact_phone: entry.contactPhone, website: entry.website, updated_at: now }
  const updated = await db.updateTable('practice_entries').set(values).where('practice_id', '=', practiceId).where('municipality_id', '=', municipalityId).executeTakeFirst()
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('practice_entries').values({ id: randomUUID(), practice_id: practiceId, municipality_id: municipalityId, created_at: now, ...values }).execute()
}

export async function recordVersion(db: Db, practice: Practice, publishedBy: { id: string; name: string }, now: Date): Promise<void> {
  await db
    .insertInto('practice_versions')
    .values({ id: randomUUID(), practice_id: practice.id, version: practice.version, snapshot_json: practice, published_by: publishedBy.id, published_by_name: publishedBy.name, created_at: now })
    .execute()
}

/** Moves a practice from one status to another; false when its status was no longer `from`. */
export async function setPracticeStatus(db: Db, practiceId: string, from: PracticeStatus, to: PracticeStatus, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('practices')
    .set((eb) => ({ status: to, updated_at: now, ...(to === 'published' ? { published_at: eb.fn.coalesce('published_at', eb.val(now)) } : {}) }))
    .where('id', '=', practiceId)
    .where('status', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function slugsStartingWith(db: Db, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('practices')
    .select('slug')
    .where(sql<boolean>`slug like ${base.replace(/[\\%_]/g, '\\$&') + '%'} escape '\\'`)
    .execute()
  return new Set(rows.map((r) => r.slug))
}

// ---------------------------------------------------------------------------------------------
// Lists for editors

export interface PracticeRowForEditors {
  id: string
  slug: string
  title: string
  status: PracticeStatus
  version: number
  updatedAt: Date
}

/** Every practice whatever its status, optionally those whose title contains `text`. */
export async function listPracticesForEditors(db: Db, filter: { text: string; limit: number; offset: number }): Promise<{ rows: PracticeRowForEditors[]; total: number }> {
  let query = db.selectFrom('practices')
  // SQLite's lower() folds ASCII only; the titles and searches that matter here are Dutch.
  if (filter.text) query = query.where(sql<boolean>`lower(title) like ${'%' + filter.text.toLowerCase().replace(/[\\%_]/g, '\\$&') + '%'} escape '\\'`)
  const [rows, count] = await Promise.all([
    query.select(['id', 'slug', 'title', 'status', 'version', 'updated_at']).orderBy('title').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows: rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, status: r.status, version: r.version, updatedAt: r.updated_at })), total: Number(count.n) }
}

export interface VersionRow {
  version: number
  publishedByName: string | null
  createdAt: Date
}

export async function listVersions(db: Db, practiceId: string): Promise<VersionRow[]> {
  const rows = await db.selectFrom('practice_versions').select(['version', 'published_by_name', 'created_at']).where('practice_id', '=', practiceId).orderBy('version', 'desc').execute()
  return rows.map((r) => ({ version: r.version, publishedByName: r.published_by_name, createdAt: r.created_at }))
}

export async function findVersion(db: Db, practiceId: string, version: number): Promise<(VersionRow & { snapshot: unknown }) | null> {
  const row = await db.selectFrom('practice_versions').select(['version', 'published_by_name', 'created_at', 'snapshot_json']).where('practice_id', '=', practiceId).where('version', '=', version).executeTakeFirst()
  return row ? { version: row.version, publishedByName: row.published_by_name, createdAt: row.created_at, snapshot: row.snapshot_json } : null
}

/** The given category and target-group slugs that still exist in the vocabulary. */
export async function existingVocabulary(db: Db, categories: string[], targetGroups: string[]): Promise<{ categories: string[]; targetGroups: string[] }> {
  const [c, g] = await Promise.all([
    categories.length ? db.selectFrom('practice_categories').select('slug').where('slug', 'in', categories).execute() : [],
    targetGroups.length ? db.selectFrom('practice_target_groups').select('slug').where('slug', 'in', targetGroups).execute() : [],
  ])
  return { categories: c.map((r) => r.slug), targetGroups: g.map((r) => r.slug) }
}
