// Every route of partners, the info market, the partner link and contributions, registered at once.
import type { FastifyInstance } from 'fastify'
import type { Services } from '../../services.ts'
import { contributionsRoutes } from './contributions-routes.tsx'
import { partnerLinkRoutes } from './partner-link-routes.tsx'
import { partnersRoutes } from './partners-routes.tsx'
import { standsRoutes } from './stands-routes.tsx'

export function partnerRoutes(app: FastifyInstance, services: Services): void {
  partnersRoutes(app, services)
  standsRoutes(app, services)
  partnerLinkRoutes(app, services)
  contributionsRoutes(app, services)
}
