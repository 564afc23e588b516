// The partner link: a partner without an account fills in and updates their own stand. The token
// in the path is the only key. An unknown or revoked token is not found (404); an expired link
// says so (410) and keeps nothing. Requests are counted per address, so tokens cannot be guessed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { hashToken } from '../../platform/crypto.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { limitRate } from '../../platform/http/rate-limit.ts'
import type { FormState } from '../../platform/views/context.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { LinkExpiredPage, PartnerStandPage } from './partner-link-pages.tsx'
import { fillInStand, findStandByLink, type LinkedStand } from './partner-link-queries.ts'
import { linkState, parseStandFill, standFormValues } from './stands.ts'

type Params = { Params: { token: string } }

const PARTNER_LINK_LIMIT = { max: 60, windowMs: 15 * 60_000 }

export function partnerLinkRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  /** The stand behind the link, or the reply already sent when the link has expired. */
  const openLink = async (request: FastifyRequest<Params>, reply: FastifyReply): Promise<LinkedStand | null> => {
    await limitRate(db, `partner-link:ip:${request.ip}`, PARTNER_LINK_LIMIT)
    // The page holds a capability: no cache may keep it.
    reply.header('cache-control', 'no-store')
    const stand = await findStandByLink(db, hashToken(request.params.token))
    if (!stand) throw new NotFound('partner link')
    if (linkState(stand, stand.edition.startsAt, new Date()).state !== 'valid') {
      const ctx = await pageContext(services, request, reply)
      sendPage(reply, <LinkExpiredPage ctx={ctx} />, 410)
      return null
    }
    return stand
  }

  const showForm = async (request: FastifyRequest<Params>, reply: FastifyReply, stand: LinkedStand, state: FormState, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <PartnerStandPage ctx={ctx} token={request.params.token} stand={stand} state={state} />, status)
  }

  app.get<Params>('/partner/:token', async (request, reply) => {
    const stand = await openLink(request, reply)
    if (!stand) return reply
    const { place: _place, ...values } = standFormValues({ ...stand, place: null })
    return showForm(request, reply, stand, { errors: [], values })
  })

  app.post<Params>('/partner/:token', async (request, reply) => {
    const stand = await openLink(request, reply)
    if (!stand) return reply
    const parsed = parseStandFill(request.body)
    if (!parsed.ok) return showForm(request, reply, stand, parsed, 400)
    const tokenHash = hashToken(request.params.token)
    const saved = await db.transaction().execute(async (trx) => {
      if (!(await fillInStand(trx, stand.standId, tokenHash, parsed.value, new Date()))) return false
      // No one is signed in: the partner acted through their link.
      await recordAudit(trx, { municipalityId: stand.partnerMunicipalityId, actor: null, action: 'edition_stand.filled_in', record: { type: 'edition_stand', id: stand.standId }, details: { editionId: stand.edition.id } })
      return true
    })
    // Revoked or renewed between opening the page and saving it.
    if (!saved) throw new NotFound('partner link')
    setFlash(reply, { kind: 'success', message: 'partners.fill.saved' })
    return reply.redirect(paths.partnerStand(request.params.token), 303)
  })
}
