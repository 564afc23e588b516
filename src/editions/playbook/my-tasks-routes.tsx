// "My tasks": the signed-in planner's open tasks across their municipality's editions.
import type { FastifyInstance } from 'fastify'
import { can } from '../../accounts/accounts.ts'
import { requireRole, scopeOf } from '../../accounts/session.ts'
import { sendPage } from '../../platform/views/render.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { MyTasksPage } from './my-tasks-page.tsx'
import { myOpenTasks } from './my-tasks-queries.ts'

export function myTasksRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get('/mijn-taken', async (request, reply) => {
    const user = requireRole(request, can.planEditions)
    const tasks = await myOpenTasks(db, scopeOf(user), user.id, new Date())
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <MyTasksPage ctx={ctx} tasks={tasks} />)
  })
}
