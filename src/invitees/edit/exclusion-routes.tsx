// Excluding one person with a reason, and including them again. Stored in excluded_reason and
// excluded_at, which every later step reads through inviteeStatus; audited without the reason,
// since "deceased" or "asked not to be contacted" says something about the person.
import type { FastifyInstance } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { text } from '../../platform/http/forms.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { EXCLUSION_REASONS, type ExclusionReason } from '../invitees-queries.ts'
import { excludeInvitees, includeInvitees } from '../list/invitee-changes-queries.ts'
import { requireInvitee } from '../list/person-routes.tsx'
import { ExclusionPage } from './exclusion-page.tsx'

type Params = { Params: { id: string; inviteeId: string } }

export function exclusionRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get<Params>('/edities/:id/genodigden/:inviteeId/uitsluiting', async (request, reply) => {
    const { edition, invitee } = await requireInvitee(db, request)
    const ctx = await pageContext(services, request, reply)
    reply.header('cache-control', 'private, no-store')
    return sendPage(reply, <ExclusionPage ctx={ctx} edition={edition} invitee={invitee} errors={[]} />)
  })

  app.post<Params>('/edities/:id/genodigden/:inviteeId/uitsluiting', async (request, reply) => {
    const { user, scope, edition, invitee } = await requireInvitee(db, request)
    const include = text(request.body, 'actie') === 'include'
    const reason = text(request.body, 'reden')
    if (!include && !(EXCLUSION_REASONS as readonly string[]).includes(reason)) {
      const ctx = await pageContext(services, request, reply)
      return sendPage(reply, <ExclusionPage ctx={ctx} edition={edition} invitee={invitee} errors={[{ field: 'reden', message: 'invitee-edit.exclusion.reasonMissing' }]} />, 400)
    }
    const now = new Date()
    await db.transaction().execute(async (trx) => {
      if (include) {
        if (await includeInvitees(trx, scope, edition.id, [invitee.id], now)) await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitee.included', record: { type: 'invitee', id: invitee.id } })
      } else if (await excludeInvitees(trx, scope, edition.id, [invitee.id], reason as ExclusionReason, now)) {
        await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitee.excluded', record: { type: 'invitee', id: invitee.id } })
      }
    })
    setFlash(reply, { kind: 'success', message: include ? 'invitee-edit.flash.included' : 'invitee-edit.flash.excluded' })
    return reply.redirect(paths.invitee(edition.id, invitee.id), 303)
  })
}
