// Queries of the invitee list, the person page and the exports. Each takes the scope as well as
// the edition: the edition was found within the scope, and checking again here means a mistake
// in a route cannot show another municipality's people. The national-number hash is never selected.
import { sql, type ExpressionBuilder } from 'kysely'
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import { personOf, type InviteesTables } from '../invitees-queries.ts'
import { NO_LANGUAGE, searchTerm, type Invitee, type InviteeFilter } from './invitee-list.ts'

type Tables = InviteesTables & { edition_organisers: { edition_id: string; municipality_id: string } }
type Db = Executor<Tables>
type Eb = ExpressionBuilder<Tables, 'invitees'>

const COLUMNS = ['id', 'last_name', 'first_name', 'birth_date', 'street', 'house_number', 'box', 'postcode', 'city', 'email', 'phone', 'language', 'certificate_date', 'warnings_json', 'created_at', 'updated_at'] as const

type Selected = Pick<InviteesTables['invitees'], (typeof COLUMNS)[number]>

function toInvitee(r: Selected): Invitee {
  return {
    id: r.id,
    ...personOf(r),
    warnings: Array.isArray(r.warnings_json) ? r.warnings_json : [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** The edition's invitees, if the edition is one the scope organises. */
function inEdition(db: Db, scope: Scope, editionId: string) {
  return db
    .selectFrom('invitees')
    .where('invitees.edition_id', '=', editionId)
    .where('invitees.edition_id', 'in', (eb) => eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId))
}

/** `value` anywhere in the column, ignoring case; LIKE's wildcards in what was typed match themselves. */
function contains(column: 'last_name' | 'first_name' | 'email' | 'phone' | 'postcode' | 'city', value: string) {
  const pattern = `%${value.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`
}

function matching(filter: InviteeFilter) {
  return (eb: Eb) => {
    const conditions = []
    if (filter.search) {
      const term = searchTerm(filter.search)
      if (term.kind === 'phone') conditions.push(contains('phone', term.digits))
      else for (const word of term.words) conditions.push(eb.or([contains('last_name', word), contains('first_name', word), contains('email', word), contains('phone', word), contains('postcode', word)]))
    }
    if (filter.language === NO_LANGUAGE) conditions.push(eb('invitees.language', 'is', null))
    else if (filter.language) conditions.push(eb('invitees.language', '=', filter.language))
    if (filter.city) conditions.push(eb('invitees.city', '=', filter.city))
    // Stored as JSON text on SQLite and jsonb on PostgreSQL; both print an empty list as "[]".
    if (filter.withWarnings) conditions.push(sql<boolean>`cast(${sql.ref('invitees.warnings_json')} as text) <> '[]'`)
    return eb.and(conditions)
  }
}

export async function listInviteesPage(db: Db, scope: Scope, editionId: string, filter: InviteeFilter, page: { limit: number; offset: number }): Promise<{ invitees: Invitee[]; total: number; all: number }> {
  const base = inEdition(db, scope, editionId)
  const filtered = base.where(matching(filter))
  const [rows, count, all] = await Promise.all([
    filtered.select(COLUMNS).orderBy('last_name').orderBy('first_name').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { invitees: rows.map(toInvitee), total: Number(count.n), all: Number(all.n) }
}

/** The places the edition's invitees live in, for the municipality filter. */
export async function listInviteeCities(db: Db, scope: Scope, editionId: string): Promise<string[]> {
  const rows = await inEdition(db, scope, editionId).select('city').distinct().where('city', 'is not', null).orderBy('city').execute()
  return rows.map((r) => r.city!)
}

/** One invitee of the edition; another edition's invitee is not found. */
export async function findInvitee(db: Db, scope: Scope, editionId: string, inviteeId: string): Promise<Invitee | null> {
  const row = await inEdition(db, scope, editionId).select(COLUMNS).where('invitees.id', '=', inviteeId).executeTakeFirst()
  return row ? toInvitee(row) : null
}

/** Every invitee of the edition, in the list's order, for an export. */
export async function listInviteesForExport(db: Db, scope: Scope, editionId: string): Promise<Invitee[]> {
  const rows = await inEdition(db, scope, editionId).select(COLUMNS).orderBy('last_name').orderBy('first_name').orderBy('id').execute()
  return rows.map(toInvitee)
}

/** Erases one person of the edition; false when there was none (already erased, or out of reach). */
export async function eraseInvitee(db: Db, scope: Scope, editionId: string, inviteeId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('invitees')
    .where('id', '=', inviteeId)
    .where('edition_id', '=', editionId)
    .where('edition_id', 'in', (eb) => eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId))
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
