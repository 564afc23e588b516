// An edition's playbook over HTTP: the task list, adding a task, and a task's own page. Every
// route starts with requireEdition, so a third municipality gets a 404; a task is looked up
// within its edition, so a task id under another edition is a 404 too.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../../accounts/accounts.ts'
import { recordAudit } from '../../audit/audit-queries.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import type { FormState } from '../../platform/views/context.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { requireEdition } from '../edition-access.ts'
import type { Edition } from '../editions.ts'
import { findTask, insertTask, listTasks, namesOf, ownerCandidates, updateTask, type EditionTask } from './playbook-queries.ts'
import { changedFields, parseTask, taskFormValues, type TaskInput } from './task-form.ts'
import { TaskFormPage, type TaskFormView } from './task-form-page.tsx'
import { TasksPage } from './tasks-page.tsx'

type Params = { Params: { id: string } }
type TaskParams = { Params: { id: string; taskId: string } }

export function taskRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get<Params & { Querystring: { open?: string; mijn?: string } }>('/edities/:id/draaiboek', async (request, reply) => {
    const { user, edition } = await requireEdition(db, request, request.params.id)
    const filters = { openOnly: request.query.open === 'yes', mineOnly: request.query.mijn === 'yes' }
    const all = await listTasks(db, edition, new Date())
    const tasks = all.filter((task) => (!filters.openOnly || task.status !== 'done') && (!filters.mineOnly || task.ownerId === user.id))
    const counts = { total: all.length, done: all.filter((task) => task.status === 'done').length, overdue: all.filter((task) => task.overdue).length }
    const owners = await namesOf(db, tasks.map((task) => task.ownerId))
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <TasksPage ctx={ctx} view={{ edition, tasks, owners, counts, filters, canAdaptTemplate: can.managePlaybook(user) }} />)
  })

  const showForm = async (request: FastifyRequest, reply: FastifyReply, edition: Edition, task: EditionTask | null, state: FormState, status = 200) => {
    const owners = await ownerCandidates(db, edition.organisers.map((o) => o.id))
    const ownerName = task?.ownerId ? ((await namesOf(db, [task.ownerId])).get(task.ownerId) ?? null) : null
    const view: TaskFormView = { edition, owners, ...(task ? { task: { ...task, ownerName } } : {}) }
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <TaskFormPage ctx={ctx} view={view} state={state} />, status)
  }

  const ownerIdsOf = async (edition: Edition) => (await ownerCandidates(db, edition.organisers.map((o) => o.id))).map((o) => o.id)

  app.get<Params>('/edities/:id/draaiboek/nieuw', async (request, reply) => {
    const { user, edition } = await requireEdition(db, request, request.params.id)
    // Most officers plan alone: a new task is theirs unless they choose someone else.
    return showForm(request, reply, edition, null, { errors: [], values: { ownerId: user.id, status: 'todo' } })
  })

  app.post<Params>('/edities/:id/draaiboek/nieuw', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const parsed = parseTask(request.body, { ceremony: edition.startsAt, now: new Date(), ownerIds: await ownerIdsOf(edition) })
    if (!parsed.ok) return showForm(request, reply, edition, null, parsed, 400)
    await db.transaction().execute(async (trx) => {
      const id = await insertTask(trx, edition.id, parsed.value, new Date())
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'edition_task.created', record: { type: 'edition_task', id }, details: { edition: edition.id } })
    })
    setFlash(reply, { kind: 'success', message: 'playbook.task.added' })
    return reply.redirect(paths.editionTasks(edition.id), 303)
  })

  const requireTask = async (request: FastifyRequest<TaskParams>) => {
    const access = await requireEdition(db, request, request.params.id)
    const task = await findTask(db, access.edition, request.params.taskId, new Date())
    if (!task) throw new NotFound('edition task')
    return { ...access, task }
  }

  app.get<TaskParams>('/edities/:id/draaiboek/:taskId', async (request, reply) => {
    const { edition, task } = await requireTask(request)
    return showForm(request, reply, edition, task, { errors: [], values: taskFormValues(task) })
  })

  app.post<TaskParams>('/edities/:id/draaiboek/:taskId', async (request, reply) => {
    const { user, scope, edition, task } = await requireTask(request)
    const now = new Date()
    const parsed = parseTask(request.body, { ceremony: edition.startsAt, now, ownerIds: await ownerIdsOf(edition), current: task })
    if (!parsed.ok) return showForm(request, reply, edition, task, parsed, 400)
    const before: TaskInput = { title: task.title, description: task.description, offsetDays: task.offsetDays, ownerId: task.ownerId, status: task.status, notes: task.notes }
    const fields = changedFields(before, parsed.value)
    if (fields.length > 0) {
      await db.transaction().execute(async (trx) => {
        await updateTask(trx, edition.id, task.id, parsed.value, now)
        await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'edition_task.updated', record: { type: 'edition_task', id: task.id }, details: { edition: edition.id, fields } })
      })
    }
    setFlash(reply, { kind: 'success', message: fields.length > 0 ? 'playbook.task.saved' : 'playbook.task.unchanged' })
    return reply.redirect(paths.editionTasks(edition.id), 303)
  })
}
