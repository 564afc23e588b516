// Sending invitations: the page with the numbers, and the button that gives everyone invitable a
// reply code and queues the invitation by e-mail and text message for those not yet sent one.
// Only while the edition is open for invitations; refused once its personal data was purged.
import type { FastifyInstance } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEdition, requireEditionTakingPeople } from '../../editions/edition-access.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { ensureInvitations } from '../invitations-queries.ts'
import { queueInviteeMessages } from '../messages/invitee-messages.ts'
import { failedDeliveries } from '../messages/messages-queries.ts'
import { SendingPage } from './sending-page.tsx'
import { editionInviteeIds, FIRST_INVITATION, sendingFacts } from './sending-queries.ts'

type Params = { Params: { id: string } }

export function invitationSendingRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get<Params>('/edities/:id/uitnodigingen', async (request, reply) => {
    const { scope, edition } = await requireEdition(db, request, request.params.id)
    const [facts, failed] = await Promise.all([sendingFacts(db, scope, edition.id), failedDeliveries(db, scope, edition.id)])
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <SendingPage ctx={ctx} edition={edition} facts={facts} failed={failed.count} />)
  })

  app.post<Params>('/edities/:id/uitnodigingen/versturen', async (request, reply) => {
    const { user, scope, edition } = await requireEditionTakingPeople(db, request, request.params.id)
    if (edition.status !== 'invitations_open') {
      // The page explains why and links to the status; nothing is sent.
      const [facts, failed] = await Promise.all([sendingFacts(db, scope, edition.id), failedDeliveries(db, scope, edition.id)])
      const ctx = await pageContext(services, request, reply)
      return sendPage(reply, <SendingPage ctx={ctx} edition={edition} facts={facts} failed={failed.count} />, 409)
    }
    const { queued, created } = await db.transaction().execute(async (trx) => {
      const now = new Date()
      const created = await ensureInvitations(trx, services.config, edition.id, now)
      const inviteeIds = await editionInviteeIds(trx, scope, edition.id)
      const queued = await queueInviteeMessages(trx, services.config, { editionId: edition.id, inviteeIds, kind: 'invitation', occasion: FIRST_INVITATION }, now)
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitations.sent', record: { type: 'edition', id: edition.id }, details: { queued, invitationsCreated: created } })
      return { queued, created }
    })
    if (queued > 0) setFlash(reply, { kind: 'success', message: 'invitations.flash.sent', values: { count: queued } })
    else setFlash(reply, { kind: 'info', message: created > 0 ? 'invitations.flash.codesOnly' : 'invitations.flash.nothingNew', values: { count: created } })
    return reply.redirect(paths.editionInvitations(edition.id), 303)
  })
}
