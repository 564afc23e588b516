// Queries of the playbook: a municipality's template (or the shipped default) and the tasks of an
// edition. Tasks are reached through their edition, which the caller found within its scope.
import { randomUUID } from 'node:crypto'
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import { DEFAULT_PLAYBOOK, dueDate, isOverdue, type TaskStatus, type TemplateTask } from './playbook.ts'
import type { TaskInput } from './task-form.ts'

export interface PlaybookTables {
  playbook_template_tasks: { id: string; municipality_id: string; position: number; title: string; description: string | null; offset_days: number }
  edition_tasks: {
    id: string
    edition_id: string
    position: number
    title: string
    description: string | null
    offset_days: number
    status: TaskStatus
    owner_id: string | null
    notes: string | null
    done_at: Date | null
    updated_at: Date
  }
}

/** The people who plan editions, and their municipalities (for owners and the digest). */
export interface PeopleTables {
  users: { id: string; name: string; email: string; role: string; municipality_id: string | null; locale: string; disabled_at: Date | null }
  municipalities: { id: string; name: string }
}

/** The roles that plan editions (can.planEditions). */
export const PLANNER_ROLES = ['staff', 'municipality_admin']

type Db = Executor<PlaybookTables>

/** The municipality's own template, or the shipped default when it has not adapted one. */
export async function templateFor(db: Db, scope: Scope): Promise<{ tasks: TemplateTask[]; isDefault: boolean }> {
  const rows = await db.selectFrom('playbook_template_tasks').selectAll().where('municipality_id', '=', scope.municipalityId).orderBy('position').execute()
  if (rows.length === 0) return { tasks: DEFAULT_PLAYBOOK, isDefault: true }
  return { tasks: rows.map((r) => ({ title: r.title, description: r.description, offsetDays: r.offset_days })), isDefault: false }
}

/** Gives a new edition its tasks: the scope's template, or a copy of another edition's tasks. */
export async function addTasks(db: Db, editionId: string, tasks: TemplateTask[], now: Date): Promise<void> {
  if (tasks.length === 0) return
  await db
    .insertInto('edition_tasks')
    .values(tasks.map((task, position) => ({ id: randomUUID(), edition_id: editionId, position, title: task.title, description: task.description, offset_days: task.offsetDays, status: 'todo' as const, owner_id: null, notes: null, done_at: null, updated_at: now })))
    .execute()
}

export async function editionTaskTemplates(db: Db, editionId: string): Promise<TemplateTask[]> {
  const rows = await db.selectFrom('edition_tasks').select(['title', 'description', 'offset_days']).where('edition_id', '=', editionId).orderBy('position').execute()
  return rows.map((r) => ({ title: r.title, description: r.description, offsetDays: r.offset_days }))
}

export interface EditionTask {
  id: string
  position: number
  title: string
  description: string | null
  offsetDays: number
  /** YYYY-MM-DD, from the ceremony's date and the offset */
  dueOn: string
  status: TaskStatus
  ownerId: string | null
  notes: string | null
  overdue: boolean
}

/** An edition's tasks in the order of their due dates (then the template's order). */
export async function listTasks(db: Db, edition: { id: string; startsAt: Date }, now: Date): Promise<EditionTask[]> {
  const rows = await db.selectFrom('edition_tasks').selectAll().where('edition_id', '=', edition.id).orderBy('offset_days').orderBy('position').execute()
  return rows.map((r) => toTask(r, edition.startsAt, now))
}

type TaskRow = PlaybookTables['edition_tasks']

function toTask(r: TaskRow, startsAt: Date, now: Date): EditionTask {
  const dueOn = dueDate(startsAt, r.offset_days)
  return { id: r.id, position: r.position, title: r.title, description: r.description, offsetDays: r.offset_days, dueOn, status: r.status, ownerId: r.owner_id, notes: r.notes, overdue: isOverdue({ status: r.status, dueOn }, now) }
}

/** One task of the edition; a task of another edition is not found (the route answers 404). */
export async function findTask(db: Db, edition: { id: string; startsAt: Date }, taskId: string, now: Date): Promise<EditionTask | null> {
  const row = await db.selectFrom('edition_tasks').selectAll().where('id', '=', taskId).where('edition_id', '=', edition.id).executeTakeFirst()
  return row ? toTask(row, edition.startsAt, now) : null
}

/** When a task became done: now when it becomes done, kept while it stays done, else none. */
function doneAt(status: TaskStatus, previous: { status: TaskStatus; doneAt: Date | null } | null, now: Date): Date | null {
  if (status !== 'done') return null
  return previous?.status === 'done' ? previous.doneAt : now
}

export async function insertTask(db: Db, editionId: string, input: TaskInput, now: Date): Promise<string> {
  const id = randomUUID()
  const last = await db.selectFrom('edition_tasks').select((eb) => eb.fn.max('position').as('position')).where('edition_id', '=', editionId).executeTakeFirst()
  const position = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1
  await db
    .insertInto('edition_tasks')
    .values({ id, edition_id: editionId, position, title: input.title, description: input.description, offset_days: input.offsetDays, status: input.status, owner_id: input.ownerId, notes: input.notes, done_at: doneAt(input.status, null, now), updated_at: now })
    .execute()
  return id
}

export async function updateTask(db: Db, editionId: string, taskId: string, input: TaskInput, now: Date): Promise<void> {
  const previous = await db.selectFrom('edition_tasks').select(['status', 'done_at']).where('id', '=', taskId).where('edition_id', '=', editionId).executeTakeFirstOrThrow()
  await db
    .updateTable('edition_tasks')
    .set({ title: input.title, description: input.description, offset_days: input.offsetDays, status: input.status, owner_id: input.ownerId, notes: input.notes, done_at: doneAt(input.status, { status: previous.status, doneAt: previous.done_at }, now), updated_at: now })
    .where('id', '=', taskId)
    .where('edition_id', '=', editionId)
    .execute()
}

export interface TaskOwner {
  id: string
  name: string
  municipalityName: string
}

/**
 * Who may own a task: the active staff and admins of every organising municipality, since
 * co-organisers share the work.
 */
export async function ownerCandidates(db: Executor<PeopleTables>, organiserIds: string[]): Promise<TaskOwner[]> {
  if (organiserIds.length === 0) return []
  return db
    .selectFrom('users as u')
    .innerJoin('municipalities as m', 'm.id', 'u.municipality_id')
    .select(['u.id', 'u.name', 'm.name as municipalityName'])
    .where('u.municipality_id', 'in', organiserIds)
    .where('u.role', 'in', PLANNER_ROLES)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.name')
    .orderBy('m.name')
    .execute()
}

/** The names of the given people (owners of tasks, including any who have left since). */
export async function namesOf(db: Executor<PeopleTables>, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', wanted).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}
