// Queries of the invitee list, the person page and the exports. Each takes the scope as well as
// the edition: the edition was found within the scope, and checking again here means a mistake
// in a route cannot show another municipality's people. The national-number hash is never selected.
import { sql, type ExpressionBuilder } from 'kysely'
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import { INVITEE_STATUSES, inviteeStatus, type InviteeStatus } from '../invitee-status.ts'
import { releaseFromHouseholds } from '../households/households-queries.ts'
import { personOf, type InviteesTables } from '../invitees-queries.ts'
import { NO_LANGUAGE, searchTerm, type Invitee, type InviteeFilter } from './invitee-list.ts'

type Tables = InviteesTables & { edition_organisers: { edition_id: string; municipality_id: string } }
type Db = Executor<Tables>
type Eb = ExpressionBuilder<Tables, 'invitees'>

const COLUMNS = [
  'id',
  'last_name',
  'first_name',
  'birth_date',
  'street',
  'house_number',
  'box',
  'postcode',
  'city',
  'email',
  'phone',
  'language',
  'certificate_date',
  'warnings_json',
  'source',
  'excluded_reason',
  'excluded_at',
  'selection',
  'household_id',
  'carried_from_edition_id',
  'has_asked_next_time',
  'created_at',
  'updated_at',
] as const

type Row = InviteesTables['invitees']
// Selected, a Generated<> column is its plain value; SQLite returns a boolean as 0 or 1.
type Selected = Omit<Pick<Row, (typeof COLUMNS)[number]>, 'source' | 'has_asked_next_time'> & { source: Invitee['source']; has_asked_next_time: boolean | number }

function toInvitee(r: Selected): Invitee {
  const status = { excludedReason: r.excluded_reason, selection: r.selection }
  return {
    id: r.id,
    ...personOf(r),
    warnings: Array.isArray(r.warnings_json) ? r.warnings_json : [],
    source: r.source,
    status: inviteeStatus(status),
    ...status,
    excludedAt: r.excluded_at,
    householdId: r.household_id,
    carriedFromEditionId: r.carried_from_edition_id,
    hasAskedNextTime: Boolean(r.has_asked_next_time),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** Limits a statement to the edition's invitees, if the edition is one the scope organises. */
export function organisedBy(scope: Scope, editionId: string) {
  return (eb: Eb) =>
    eb.and([
      eb('invitees.edition_id', '=', editionId),
      eb('invitees.edition_id', 'in', eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId)),
    ])
}

/** The edition's invitees, if the edition is one the scope organises. */
export function inEdition(db: Db, scope: Scope, editionId: string) {
  return db.selectFrom('invitees').where(organisedBy(scope, editionId))
}

/**
 * `inviteeStatus` as SQL, to filter and count on the database. It must say what the function
 * says; invitee-list-http.test.ts checks the two agree for every combination of the columns.
 */
export function hasStatus(status: InviteeStatus) {
  return (eb: Eb) => {
    if (status === 'excluded') return eb('invitees.excluded_reason', 'is not', null)
    if (status === 'not_selected') return eb.and([eb('invitees.excluded_reason', 'is', null), eb('invitees.selection', '=', 'not_selected')])
    return eb.and([eb('invitees.excluded_reason', 'is', null), eb.or([eb('invitees.selection', 'is', null), eb('invitees.selection', '<>', 'not_selected')])])
  }
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
    if (filter.status) conditions.push(hasStatus(filter.status)(eb))
    return eb.and(conditions)
  }
}

export interface InviteesPage {
  invitees: Invitee[]
  /** How many match the search and filters */
  total: number
  /** How many the edition has in all */
  all: number
  /** How many match the search and the other filters, per status */
  byStatus: Record<InviteeStatus, number>
}

export async function listInviteesPage(db: Db, scope: Scope, editionId: string, filter: InviteeFilter, page: { limit: number; offset: number }): Promise<InviteesPage> {
  const base = inEdition(db, scope, editionId)
  const filtered = base.where(matching(filter))
  const [rows, count, all, groups] = await Promise.all([
    filtered.select(COLUMNS).orderBy('last_name').orderBy('first_name').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    // A handful of groups, each counted under the one rule rather than a second one in SQL.
    base
      .where(matching({ ...filter, status: undefined }))
      .select((eb) => ['excluded_reason', 'selection', eb.fn.countAll<number>().as('n')] as const)
      .groupBy(['excluded_reason', 'selection'])
      .execute(),
  ])
  const byStatus = Object.fromEntries(INVITEE_STATUSES.map((s) => [s, 0])) as Record<InviteeStatus, number>
  for (const g of groups) byStatus[inviteeStatus({ excludedReason: g.excluded_reason, selection: g.selection })] += Number(g.n)
  return { invitees: rows.map(toInvitee), total: Number(count.n), all: Number(all.n), byStatus }
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
  await releaseFromHouseholds(db, scope, editionId, [inviteeId], new Date())
  const result = await db.deleteFrom('invitees').where('id', '=', inviteeId).where(organisedBy(scope, editionId)).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
