// Municipality entries of published practices that lack their own line or a way to reach
// someone, grouped by municipality, and the people of a municipality who can complete them.
import { sql } from 'kysely'
import type { Executor } from '../../platform/db/transaction.ts'
import { isEntryComplete } from '../practices.ts'
import type { PracticesTables } from '../practices-queries.ts'

interface UsersTable {
  users: { id: string; name: string; email: string; role: string; municipality_id: string | null; disabled_at: Date | null }
}

type Db = Executor<PracticesTables & UsersTable>

/** Who is asked to complete their municipality's entries. */
const CONTACT_ROLES = ['municipality_admin', 'staff']

export interface IncompleteEntry {
  practiceId: string
  slug: string
  title: string
  missingBlurb: boolean
  missingContact: boolean
}

export interface IncompleteMunicipality {
  municipalityId: string
  name: string
  /** Active staff and admins in Welkom who can complete the entries; 0 means nobody to ask. */
  contacts: number
  entries: IncompleteEntry[]
}

export async function listIncompleteEntries(db: Db, options: { municipalityId?: string } = {}): Promise<IncompleteMunicipality[]> {
  // The SQL narrows to likely candidates; isEntryComplete stays the one rule that decides.
  let query = db
    .selectFrom('practice_entries as e')
    .innerJoin('practices as p', 'p.id', 'e.practice_id')
    .innerJoin('municipalities as m', 'm.id', 'e.municipality_id')
    .select(['e.municipality_id', 'e.blurb', 'e.contact_email', 'e.contact_phone', 'e.website', 'p.id as practice_id', 'p.slug', 'p.title', 'm.name as municipality_name'])
    .where('p.status', '=', 'published')
    .where(sql<boolean>`(e.blurb is null or trim(e.blurb) = '' or (coalesce(e.contact_email, '') = '' and coalesce(e.contact_phone, '') = '' and coalesce(e.website, '') = ''))`)
  if (options.municipalityId) query = query.where('e.municipality_id', '=', options.municipalityId)
  const rows = await query.orderBy('m.name').orderBy('m.id').orderBy('p.title').execute()
  const incomplete = rows.filter((r) => !isEntryComplete({ blurb: r.blurb, contactEmail: r.contact_email, contactPhone: r.contact_phone, website: r.website }))
  const ids = [...new Set(incomplete.map((r) => r.municipality_id))]
  const counts = ids.length
    ? await db
        .selectFrom('users')
        .select(['municipality_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('municipality_id', 'in', ids)
        .where('role', 'in', CONTACT_ROLES)
        .where('disabled_at', 'is', null)
        .groupBy('municipality_id')
        .execute()
    : []
  const contacts = new Map(counts.map((c) => [c.municipality_id, Number(c.n)]))
  const groups = new Map<string, IncompleteMunicipality>()
  for (const r of incomplete) {
    let group = groups.get(r.municipality_id)
    if (!group) {
      group = { municipalityId: r.municipality_id, name: r.municipality_name, contacts: contacts.get(r.municipality_id) ?? 0, entries: [] }
      groups.set(r.municipality_id, group)
    }
    group.entries.push({ practiceId: r.practice_id, slug: r.slug, title: r.title, missingBlurb: !r.blurb?.trim(), missingContact: !(r.contact_email || r.contact_phone || r.website) })
  }
  return [...groups.values()]
}

/** The municipality's active admins and staff: the people a reminder goes to. */
export async function listReminderRecipients(db: Db, municipalityId: string): Promise<{ name: string; email: string }[]> {
  return db
    .selectFrom('users')
    .select(['name', 'email'])
    .where('municipality_id', '=', municipalityId)
    .where('role', 'in', CONTACT_ROLES)
    .where('disabled_at', 'is', null)
    .orderBy('email')
    .execute()
}
