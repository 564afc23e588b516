// One invitee: the page with everything held about the person, the download of it (an access
// request) and erasure (an erasure request). Each is audited with the person's id and no values.
// An invitee of another edition, or of an edition out of reach, is a 404 like any missing record.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEdition } from '../../editions/edition-access.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import type { AnyDb } from '../../platform/db/transaction.ts'
import { findPersonInvitation } from '../../invitations/overview/person-invitation-queries.ts'
import { accessExport } from './invitee-list.ts'
import { eraseInvitee, findInvitee } from './invitee-list-queries.ts'
import { ErasePage, PersonPage } from './person-pages.tsx'

type Params = { Params: { id: string; inviteeId: string } }

/** The person of the edition in the URL, within the staff member's reach; anything else is a 404. */
export async function requireInvitee(db: AnyDb, request: FastifyRequest<Params>) {
  const access = await requireEdition(db, request, request.params.id)
  const invitee = await findInvitee(db, access.scope, access.edition.id, request.params.inviteeId)
  if (!invitee) throw new NotFound('invitee')
  return { ...access, invitee }
}

export function personRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get<Params>('/edities/:id/genodigden/:inviteeId', async (request, reply) => {
    const { user, scope, edition, invitee } = await requireInvitee(db, request)
    // The view's audit covers the invitation shown with it: its short code, messages and answer.
    const invitation = await findPersonInvitation(db, services.config, scope, edition.id, invitee.id)
    await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'invitee.viewed', record: { type: 'invitee', id: invitee.id } })
    const ctx = await pageContext(services, request, reply)
    reply.header('cache-control', 'private, no-store')
    return sendPage(reply, <PersonPage ctx={ctx} edition={edition} invitee={invitee} invitation={invitation} />)
  })

  app.get<Params>('/edities/:id/genodigden/:inviteeId/gegevens.json', async (request, reply) => {
    const { user, scope, edition, invitee } = await requireInvitee(db, request)
    const invitation = await findPersonInvitation(db, services.config, scope, edition.id, invitee.id)
    await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'invitee.exported', record: { type: 'invitee', id: invitee.id } })
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="gegevens-${invitee.id.slice(0, 8)}.json"`)
      .header('cache-control', 'private, no-store')
      .send(JSON.stringify(accessExport(invitee, edition, new Date(), invitation), null, 2))
  })

  app.get<Params>('/edities/:id/genodigden/:inviteeId/wissen', async (request, reply) => {
    const { edition, invitee } = await requireInvitee(db, request)
    const ctx = await pageContext(services, request, reply)
    reply.header('cache-control', 'private, no-store')
    return sendPage(reply, <ErasePage ctx={ctx} edition={edition} invitee={invitee} />)
  })

  app.post<Params>('/edities/:id/genodigden/:inviteeId/wissen', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const inviteeId = request.params.inviteeId
    const erased = await db.transaction().execute(async (trx) => {
      if (!(await eraseInvitee(trx, scope, edition.id, inviteeId))) return false
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitee.erased', record: { type: 'invitee', id: inviteeId } })
      return true
    })
    // Already erased (a second click) or never on this edition: not found, as for any other record.
    if (!erased) throw new NotFound('invitee')
    setFlash(reply, { kind: 'success', message: 'invitee-list.flash.erased' })
    return reply.redirect(paths.editionInvitees(edition.id), 303)
  })
}
