// Loading an edition for a request: staff of an organising municipality only. Anyone else, staff of
// a third municipality included, gets a 404, as if the edition did not exist.
import type { FastifyRequest } from 'fastify'
import { can, type CurrentUser, type Scope } from '../accounts/accounts.ts'
import { requireRole, scopeOf } from '../accounts/session.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import { EditionPurged, NotFound } from '../platform/errors.ts'
import type { Edition } from './editions.ts'
import { findEdition } from './editions-queries.ts'

export interface EditionAccess {
  user: CurrentUser
  scope: Scope
  edition: Edition
}

export async function requireEdition(db: AnyDb, request: FastifyRequest, id: string): Promise<EditionAccess> {
  const user = requireRole(request, can.planEditions)
  const scope = scopeOf(user)
  const edition = await findEdition(db, scope, id)
  if (!edition) throw new NotFound('edition')
  return { user, scope, edition }
}

/** The edition, for a route that puts people on its list: refused once its personal data was purged. */
export async function requireEditionTakingPeople(db: AnyDb, request: FastifyRequest, id: string): Promise<EditionAccess> {
  const access = await requireEdition(db, request, id)
  if (access.edition.purgedAt) throw new EditionPurged()
  return access
}
