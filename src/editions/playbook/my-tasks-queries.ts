// Tasks across editions: a person's open tasks ("my tasks") and what the weekly digest looks at.
// Always through the editions the municipality organises, so nothing of a third one shows.
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { EditionStatus } from '../editions.ts'
import type { DigestTask } from './digest.ts'
import { dueDate, isOverdue, type TaskStatus } from './playbook.ts'
import { PLANNER_ROLES, type PeopleTables, type PlaybookTables } from './playbook-queries.ts'

interface Tables extends PlaybookTables, PeopleTables {
  editions: { id: string; name: string; starts_at: Date; status: EditionStatus }
  edition_organisers: { edition_id: string; municipality_id: string }
}

type Db = Executor<Tables>

/** Editions whose work is over: an archived edition's leftovers are nobody's task any more. */
const FINISHED: EditionStatus[] = ['archived']

function openTasks(db: Db, municipalityId: string, excluded: EditionStatus[]) {
  return db
    .selectFrom('edition_tasks as t')
    .innerJoin('editions as e', 'e.id', 't.edition_id')
    .select(['t.id', 't.title', 't.offset_days', 't.status', 't.owner_id', 'e.id as edition_id', 'e.name as edition_name', 'e.starts_at'])
    .where('t.status', '!=', 'done')
    .where('e.status', 'not in', excluded)
    .where('e.id', 'in', (eb) => eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', municipalityId))
}

export interface MyTask {
  id: string
  title: string
  dueOn: string
  status: TaskStatus
  overdue: boolean
  edition: { id: string; name: string }
}

/** The person's open tasks in the municipality's editions: late ones first, then by due date. */
export async function myOpenTasks(db: Db, scope: Scope, userId: string, now: Date): Promise<MyTask[]> {
  const rows = await openTasks(db, scope.municipalityId, FINISHED).where('t.owner_id', '=', userId).execute()
  const tasks = rows.map((r) => {
    const dueOn = dueDate(r.starts_at, r.offset_days)
    return { id: r.id, title: r.title, dueOn, status: r.status, overdue: isOverdue({ status: r.status, dueOn }, now), edition: { id: r.edition_id, name: r.edition_name } }
  })
  return tasks.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title))
}

/**
 * The open tasks of the municipality's editions that are not archived, for the digest: the work
 * after the ceremony (thank-you, evaluation, the purge) is in it too.
 */
export async function digestTasks(db: Db, municipalityId: string): Promise<DigestTask[]> {
  const rows = await openTasks(db, municipalityId, FINISHED).leftJoin('users as owner', 'owner.id', 't.owner_id').select('owner.disabled_at as owner_disabled_at').execute()
  // A task whose owner has left is nobody's now: it goes to everyone as unowned, so it is not lost.
  const ownerOf = (r: (typeof rows)[number]) => (r.owner_disabled_at ? null : r.owner_id)
  return rows.map((r) => ({ id: r.id, title: r.title, dueOn: dueDate(r.starts_at, r.offset_days), status: r.status, ownerId: ownerOf(r), edition: { id: r.edition_id, name: r.edition_name, startsAt: r.starts_at } }))
}

export interface DigestRecipient {
  id: string
  name: string
  email: string
  locale: string
  municipalityId: string
}

/** Active planners of municipalities that organise an edition still being planned. */
export async function digestRecipients(db: Db, only?: { userId: string }): Promise<DigestRecipient[]> {
  let query = db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale', 'municipality_id'])
    .where('role', 'in', PLANNER_ROLES)
    .where('disabled_at', 'is', null)
    .where('municipality_id', 'in', (eb) =>
      eb
        .selectFrom('edition_organisers as o')
        .innerJoin('editions as e', 'e.id', 'o.edition_id')
        .select('o.municipality_id')
        .where('e.status', 'not in', FINISHED),
    )
  if (only) query = query.where('id', '=', only.userId)
  const rows = await query.orderBy('email').execute()
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, locale: r.locale, municipalityId: r.municipality_id! }))
}
