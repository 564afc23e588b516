// Staff keep track of contributions by (ex-)newcomers. Names and contacts are personal data, so
// every change and every page that shows them is recorded in the audit log (ids and counts only).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { text } from '../../platform/http/forms.ts'
import type { FormState } from '../../platform/views/context.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { requireEdition, type EditionAccess } from '../edition-access.ts'
import { changedContributionFields, contributionFormValues, parseContribution, type Contribution } from './contributions.ts'
import { deleteContribution, findContribution, insertContribution, listContributions, updateContribution } from './contributions-queries.ts'
import { ContributionPage, ContributionsPage } from './contributions-pages.tsx'

type Params = { Params: { id: string } }
type ContributionParams = { Params: { id: string; contributionId: string } }

export function contributionsRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  const showList = async (request: FastifyRequest, reply: FastifyReply, { user, scope, edition }: EditionAccess, state: FormState, status = 200) => {
    const contributions = await listContributions(db, edition.id)
    await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'edition_contribution.viewed', record: { type: 'edition', id: edition.id }, details: { count: contributions.length } })
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <ContributionsPage ctx={ctx} edition={edition} contributions={contributions} state={state} />, status)
  }

  app.get<Params>('/edities/:id/bijdragen', async (request, reply) => {
    const access = await requireEdition(db, request, request.params.id)
    return showList(request, reply, access, { errors: [], values: {} })
  })

  app.post<Params>('/edities/:id/bijdragen', async (request, reply) => {
    const access = await requireEdition(db, request, request.params.id)
    const { user, scope, edition } = access
    const parsed = parseContribution(request.body)
    if (!parsed.ok) return showList(request, reply, access, parsed, 400)
    await db.transaction().execute(async (trx) => {
      const id = await insertContribution(trx, edition.id, parsed.value, new Date())
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'edition_contribution.created', record: { type: 'edition_contribution', id }, details: { editionId: edition.id } })
    })
    setFlash(reply, { kind: 'success', message: 'partners.contributions.added' })
    return reply.redirect(paths.editionContributions(edition.id), 303)
  })

  const contributionOf = async (request: FastifyRequest<ContributionParams>) => {
    const access = await requireEdition(db, request, request.params.id)
    const contribution = await findContribution(db, access.edition.id, request.params.contributionId)
    if (!contribution) throw new NotFound('contribution')
    return { access, contribution }
  }

  const showOne = async (request: FastifyRequest, reply: FastifyReply, { user, scope, edition }: EditionAccess, contribution: Contribution, state: FormState, status = 200) => {
    await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'edition_contribution.viewed', record: { type: 'edition_contribution', id: contribution.id }, details: { editionId: edition.id } })
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <ContributionPage ctx={ctx} edition={edition} contribution={contribution} state={state} />, status)
  }

  app.get<ContributionParams>('/edities/:id/bijdragen/:contributionId', async (request, reply) => {
    const { access, contribution } = await contributionOf(request)
    return showOne(request, reply, access, contribution, { errors: [], values: contributionFormValues(contribution) })
  })

  app.post<ContributionParams>('/edities/:id/bijdragen/:contributionId', async (request, reply) => {
    const { access, contribution } = await contributionOf(request)
    const { user, scope, edition } = access
    const audit = { municipalityId: scope.municipalityId, actor: user, record: { type: 'edition_contribution', id: contribution.id } }
    if (text(request.body, 'action') === 'remove') {
      await db.transaction().execute(async (trx) => {
        await deleteContribution(trx, edition.id, contribution.id)
        await recordAudit(trx, { ...audit, action: 'edition_contribution.removed', details: { editionId: edition.id } })
      })
      setFlash(reply, { kind: 'success', message: 'partners.contribution.removed' })
      return reply.redirect(paths.editionContributions(edition.id), 303)
    }
    const parsed = parseContribution(request.body)
    if (!parsed.ok) return showOne(request, reply, access, contribution, parsed, 400)
    const fields = changedContributionFields(contribution, parsed.value)
    if (fields.length > 0) {
      await db.transaction().execute(async (trx) => {
        await updateContribution(trx, edition.id, contribution.id, parsed.value, new Date())
        await recordAudit(trx, { ...audit, action: 'edition_contribution.updated', details: { editionId: edition.id, fields } })
      })
    }
    setFlash(reply, { kind: 'success', message: 'partners.contribution.saved' })
    return reply.redirect(paths.editionContributions(edition.id), 303)
  })
}
