// Serving stored photos. Public once a published practice shows it; a photo still waiting in a
// change request is for the editors only, and 404 for everyone else (as if it did not exist).
import type { FastifyInstance } from 'fastify'
import { can } from '../../accounts/accounts.ts'
import { NotFound } from '../../platform/errors.ts'
import type { Services } from '../../services.ts'
import { findImage } from './image-queries.ts'

export function imageRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get<{ Params: { id: string } }>('/praktijken/afbeelding/:id', async (request, reply) => {
    const image = await findImage(db, request.params.id)
    const editor = request.user !== null && can.editPractices(request.user)
    if (!image || (!image.isPublic && !editor)) throw new NotFound('image')
    // An id's bytes never change, but a practice can be archived: public caches keep it a day at most.
    return reply
      .type(image.type)
      .header('cache-control', image.isPublic ? 'public, max-age=86400' : 'private, no-store')
      .header('last-modified', image.createdAt.toUTCString())
      .header('content-disposition', 'inline')
      .send(image.bytes)
  })
}
