// Staff plan an edition's info market: add a stand (for a partner of any organising municipality,
// or a new partner), change or remove it, and make, renew or revoke the partner's link.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { text } from '../../platform/http/forms.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { requireEdition, type EditionAccess } from '../edition-access.ts'
import { issueStandLink } from './partner-link.ts'
import { revokeStandLink } from './partner-link-queries.ts'
import { parsePartner } from './partners.ts'
import { insertPartner, partnersOfOrganisers } from './partners-queries.ts'
import { LinkCreatedPage, StandPage, type StandPageState } from './stand-page.tsx'
import { defaultLinkUntil, parseLinkRequest, parseStand, standFormValues } from './stands.ts'
import { addStand, findStand, hasStand, listStands, removeStand, updateStand, type StandDetail } from './stands-queries.ts'
import { InfoMarketPage, type AddStandState } from './stands-pages.tsx'

type Params = { Params: { id: string } }
type StandParams = { Params: { id: string; standId: string } }

export function standsRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  const showMarket = async (request: FastifyRequest, reply: FastifyReply, { edition }: EditionAccess, state: AddStandState, status = 200) => {
    const [stands, partners] = await Promise.all([listStands(db, edition.id), partnersOfOrganisers(db, edition.organisers.map((o) => o.id))])
    const standing = new Set(stands.map((s) => s.partnerId))
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <InfoMarketPage ctx={ctx} edition={edition} stands={stands} choosable={partners.filter((p) => !standing.has(p.id))} state={state} now={new Date()} />, status)
  }

  app.get<Params>('/edities/:id/infomarkt', async (request, reply) => {
    const access = await requireEdition(db, request, request.params.id)
    return showMarket(request, reply, access, { form: 'choose', errors: [], values: {} })
  })

  app.post<Params>('/edities/:id/infomarkt', async (request, reply) => {
    const access = await requireEdition(db, request, request.params.id)
    const { user, scope, edition } = access
    const now = new Date()
    let standId: string
    if (text(request.body, 'action') === 'new') {
      const parsed = parsePartner(request.body)
      if (!parsed.ok) return showMarket(request, reply, access, { form: 'new', ...parsed }, 400)
      standId = await db.transaction().execute(async (trx) => {
        const partnerId = await insertPartner(trx, scope, parsed.value, now)
        await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'partner.created', record: { type: 'partner', id: partnerId } })
        const id = await addStand(trx, edition.id, partnerId, now)
        await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'edition_stand.added', record: { type: 'edition_stand', id }, details: { editionId: edition.id, partnerId } })
        return id
      })
    } else {
      const partnerId = text(request.body, 'partnerId')
      const allowed = (await partnersOfOrganisers(db, edition.organisers.map((o) => o.id))).some((p) => p.id === partnerId)
      const problem = !allowed ? 'partners.stands.choosePartner' : (await hasStand(db, edition.id, partnerId)) ? 'partners.stands.alreadyThere' : null
      if (problem) return showMarket(request, reply, access, { form: 'choose', errors: [{ field: 'partnerId', message: problem }], values: { partnerId } }, 400)
      standId = await db.transaction().execute(async (trx) => {
        const id = await addStand(trx, edition.id, partnerId, now)
        await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'edition_stand.added', record: { type: 'edition_stand', id }, details: { editionId: edition.id, partnerId } })
        return id
      })
    }
    setFlash(reply, { kind: 'success', message: 'partners.stands.added' })
    return reply.redirect(paths.editionStand(edition.id, standId), 303)
  })

  const standOf = async (request: FastifyRequest<StandParams>) => {
    const access = await requireEdition(db, request, request.params.id)
    const stand = await findStand(db, access.edition.id, request.params.standId)
    if (!stand) throw new NotFound('stand')
    return { ...access, stand }
  }

  const freshState = (access: EditionAccess, stand: StandDetail): StandPageState => ({
    stand: { errors: [], values: standFormValues({ ...stand, offer: stand.standOffer }) },
    link: { errors: [], values: { until: defaultLinkUntil(new Date(), access.edition.startsAt) } },
  })

  const showStand = async (request: FastifyRequest, reply: FastifyReply, access: EditionAccess, stand: StandDetail, state: StandPageState, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <StandPage ctx={ctx} edition={access.edition} stand={stand} state={state} now={new Date()} />, status)
  }

  app.get<StandParams>('/edities/:id/infomarkt/:standId', async (request, reply) => {
    const { stand, ...access } = await standOf(request)
    return showStand(request, reply, access, stand, freshState(access, stand))
  })

  app.post<StandParams>('/edities/:id/infomarkt/:standId', async (request, reply) => {
    const { stand, ...access } = await standOf(request)
    const { user, scope, edition } = access
    const now = new Date()
    const audit = { municipalityId: scope.municipalityId, actor: user, record: { type: 'edition_stand', id: stand.id } }
    const action = text(request.body, 'action')

    if (action === 'remove') {
      await db.transaction().execute(async (trx) => {
        await removeStand(trx, edition.id, stand.id)
        await recordAudit(trx, { ...audit, action: 'edition_stand.removed', details: { editionId: edition.id, partnerId: stand.partnerId } })
      })
      setFlash(reply, { kind: 'success', message: 'partners.stand.removed' })
      return reply.redirect(paths.editionStands(edition.id), 303)
    }

    if (action === 'revoke') {
      await db.transaction().execute(async (trx) => {
        // Revoking twice (a stale tab) ends in the same state and is recorded once.
        if (await revokeStandLink(trx, stand.id, now)) await recordAudit(trx, { ...audit, action: 'edition_stand.link_revoked' })
      })
      setFlash(reply, { kind: 'success', message: 'partners.link.revoked' })
      return reply.redirect(paths.editionStand(edition.id, stand.id), 303)
    }

    if (action === 'link') {
      const parsed = parseLinkRequest(request.body, { now, ceremonyStartsAt: edition.startsAt })
      if (!parsed.ok) return showStand(request, reply, access, stand, { ...freshState(access, stand), link: parsed }, 400)
      const issued = await db.transaction().execute((trx) => issueStandLink(trx, services, { user, scope, edition, stand, request: parsed.value, now }))
      // The link is shown on this response and nowhere else: a redirect would need the token in
      // a URL or cookie. Nothing may cache it.
      reply.header('cache-control', 'no-store')
      const ctx = await pageContext(services, request, reply)
      return sendPage(reply, <LinkCreatedPage ctx={ctx} edition={edition} stand={stand} url={issued.url} lastDay={parsed.value.until} emailedTo={issued.emailedTo} />, 201)
    }

    const parsed = parseStand(request.body)
    if (!parsed.ok) return showStand(request, reply, access, stand, { ...freshState(access, stand), stand: parsed }, 400)
    const before = standFormValues({ ...stand, offer: stand.standOffer })
    const after = standFormValues(parsed.value)
    const fields = Object.keys(after).filter((key) => before[key] !== after[key])
    if (fields.length > 0) {
      await db.transaction().execute(async (trx) => {
        await updateStand(trx, edition.id, stand.id, parsed.value, now)
        await recordAudit(trx, { ...audit, action: 'edition_stand.updated', details: { editionId: edition.id, fields } })
      })
    }
    setFlash(reply, { kind: 'success', message: 'partners.stand.saved' })
    return reply.redirect(paths.editionStands(edition.id), 303)
  })
}
