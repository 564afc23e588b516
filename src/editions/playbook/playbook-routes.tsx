// The playbook's routes: an edition's tasks, "my tasks", the municipality's template and the
// staff calendar feed.
import type { FastifyInstance } from 'fastify'
import type { Services } from '../../services.ts'
import { calendarRoutes } from './calendar-routes.tsx'
import { myTasksRoutes } from './my-tasks-routes.tsx'
import { taskRoutes } from './tasks-routes.tsx'
import { templateRoutes } from './template-routes.tsx'

export function playbookRoutes(app: FastifyInstance, services: Services): void {
  taskRoutes(app, services)
  myTasksRoutes(app, services)
  templateRoutes(app, services)
  calendarRoutes(app, services)
}
