// The few columns the sitemap needs, without loading whole practices: the sitemap lists every
// published practice, and hydrating thousands of them with their entries would be wasted work.
import type { Executor } from '../../platform/db/transaction.ts'
import type { PracticesTables } from '../practices-queries.ts'

type Db = Executor<PracticesTables>

/** Slug and last change of every published practice, newest change first. */
export async function listPublishedSlugs(db: Db, limit: number): Promise<{ slug: string; updatedAt: Date }[]> {
  const rows = await db.selectFrom('practices').select(['slug', 'updated_at']).where('status', '=', 'published').orderBy('updated_at', 'desc').orderBy('id').limit(limit).execute()
  return rows.map((r) => ({ slug: r.slug, updatedAt: r.updated_at }))
}

/**
 * Municipalities taking part in at least one published practice, with the last change among
 * those practices (their page changes when one of its practices does).
 */
export async function listParticipatingMunicipalities(db: Db, limit: number): Promise<{ nisCode: string; updatedAt: Date }[]> {
  const rows = await db
    .selectFrom('practice_entries as e')
    .innerJoin('practices as p', 'p.id', 'e.practice_id')
    .innerJoin('municipalities as m', 'm.id', 'e.municipality_id')
    .where('p.status', '=', 'published')
    // The alias ends in _at so the dialect plugin turns SQLite's text into a Date as well.
    .select(['m.nis_code', (eb) => eb.fn.max('p.updated_at').as('last_updated_at')])
    .groupBy('m.nis_code')
    .orderBy('m.nis_code')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ nisCode: r.nis_code, updatedAt: r.last_updated_at as Date }))
}
