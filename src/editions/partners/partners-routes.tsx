// Staff keep their municipality's partners: list, add, change, and remove one no stand uses.
// Another municipality's partner is not found (404), co-organisers included: they share stands
// through an edition, not each other's address book.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can, type Scope } from '../../accounts/accounts.ts'
import { requireRole, scopeOf } from '../../accounts/session.ts'
import { recordAudit } from '../../audit/audit-queries.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { text } from '../../platform/http/forms.ts'
import type { FormState } from '../../platform/views/context.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { changedPartnerFields, parsePartner, partnerFormValues, type Partner } from './partners.ts'
import { PartnerFormPage, PartnerListPage } from './partners-pages.tsx'
import { countPartnerStands, deletePartner, findPartner, insertPartner, listPartners, updatePartner } from './partners-queries.ts'

type Params = { Params: { id: string } }

export function partnersRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  const staffScope = (request: FastifyRequest) => {
    const user = requireRole(request, can.planEditions)
    return { user, scope: scopeOf(user) }
  }

  const findOwn = async (scope: Scope, id: string): Promise<Partner> => {
    const partner = await findPartner(db, scope, id)
    if (!partner) throw new NotFound('partner')
    return partner
  }

  const showForm = async (request: FastifyRequest, reply: FastifyReply, partner: Partner | null, state: FormState, status = 200) => {
    const standCount = partner ? await countPartnerStands(db, partner.id) : 0
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <PartnerFormPage ctx={ctx} view={partner ? { partner, standCount } : {}} state={state} />, status)
  }

  app.get('/beheer/partners', async (request, reply) => {
    const { scope } = staffScope(request)
    const partners = await listPartners(db, scope)
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <PartnerListPage ctx={ctx} partners={partners} />)
  })

  app.get('/beheer/partners/nieuw', async (request, reply) => {
    staffScope(request)
    return showForm(request, reply, null, { errors: [], values: {} })
  })

  app.post('/beheer/partners/nieuw', async (request, reply) => {
    const { user, scope } = staffScope(request)
    const parsed = parsePartner(request.body)
    if (!parsed.ok) return showForm(request, reply, null, parsed, 400)
    await db.transaction().execute(async (trx) => {
      const id = await insertPartner(trx, scope, parsed.value, new Date())
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'partner.created', record: { type: 'partner', id } })
    })
    setFlash(reply, { kind: 'success', message: 'partners.new.done' })
    return reply.redirect(paths.partners(), 303)
  })

  app.get<Params>('/beheer/partners/:id', async (request, reply) => {
    const { scope } = staffScope(request)
    const partner = await findOwn(scope, request.params.id)
    return showForm(request, reply, partner, { errors: [], values: partnerFormValues(partner) })
  })

  app.post<Params>('/beheer/partners/:id', async (request, reply) => {
    const { user, scope } = staffScope(request)
    const partner = await findOwn(scope, request.params.id)
    if (text(request.body, 'action') === 'remove') {
      // A partner with stands stays: removing it would take its stands (and their offers) along.
      if ((await countPartnerStands(db, partner.id)) > 0) return showForm(request, reply, partner, { errors: [{ field: 'name', message: 'partners.remove.refused' }], values: partnerFormValues(partner) }, 409)
      await db.transaction().execute(async (trx) => {
        await deletePartner(trx, scope, partner.id)
        await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'partner.removed', record: { type: 'partner', id: partner.id } })
      })
      setFlash(reply, { kind: 'success', message: 'partners.remove.done' })
      return reply.redirect(paths.partners(), 303)
    }
    const parsed = parsePartner(request.body)
    if (!parsed.ok) return showForm(request, reply, partner, parsed, 400)
    const fields = changedPartnerFields(partner, parsed.value)
    if (fields.length > 0) {
      await db.transaction().execute(async (trx) => {
        await updatePartner(trx, scope, partner.id, parsed.value, new Date())
        await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'partner.updated', record: { type: 'partner', id: partner.id }, details: { fields } })
      })
    }
    setFlash(reply, { kind: 'success', message: 'partners.edit.done' })
    return reply.redirect(paths.partners(), 303)
  })
}
