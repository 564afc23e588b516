// Carry-over into an edition: choose an earlier edition, see who would come along, add them in one
// step. An edition another municipality organises alone is a 404, like any record out of reach; a
// purged or later edition is refused with a message. Seeing the people of the earlier edition is
// a view of personal data and adding them a change: both are audited with counts only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEditionTakingPeople, type EditionAccess } from '../../editions/edition-access.ts'
import type { AnyDb } from '../../platform/db/transaction.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { text } from '../../platform/http/forms.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths, withQuery } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { carryOverReason, planCarryOver, sourceProblem, type CarryOverReason } from './carry-over.ts'
import { CARRY_OVER_PAGE_SIZE, CarryOverPreviewPage, ChooseSourcePage } from './carry-over-pages.tsx'
import { earlierEditions, editionPeople, findSourceEdition, identitiesOn, insertCarriedOver, type CarriedPerson, type SourceEdition } from './carry-over-queries.ts'

type Params = { Params: { id: string } }

function pageNumber(value: unknown): number {
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1
}

export function carryOverRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  const showChoose = async (request: FastifyRequest, reply: FastifyReply, { scope, edition }: EditionAccess, problem: { message: string; chosen: string } | null) => {
    const earlier = await earlierEditions(db, scope, edition.startsAt)
    const ctx = await pageContext(services, request, reply)
    const errors = problem ? [{ field: 'van', message: problem.message }] : []
    return sendPage(reply, <ChooseSourcePage ctx={ctx} edition={edition} earlier={earlier} errors={errors} chosen={problem?.chosen} />, problem ? 400 : 200)
  }

  /** The earlier edition asked for, a 404 when out of reach, or the problem that rules it out. */
  const sourceOf = async ({ scope, edition }: EditionAccess, id: string): Promise<{ source: SourceEdition; problem: string | null }> => {
    const source = id ? await findSourceEdition(db, scope, id) : null
    if (!source) throw new NotFound('edition')
    return { source, problem: sourceProblem(source, { id: edition.id, startsAt: edition.startsAt }) }
  }

  /** Who of the earlier edition is carried over, and who of them is on this list already. */
  const planFor = async (executor: AnyDb, { scope, edition }: EditionAccess, source: SourceEdition) => {
    const people = await editionPeople(executor, scope, source.id)
    const existing = await identitiesOn(executor, scope, edition.id)
    const candidates: (CarriedPerson & { reason: CarryOverReason })[] = []
    for (const p of people) {
      const reason = carryOverReason(p)
      if (reason) candidates.push({ ...p, reason })
    }
    return { candidates, plan: planCarryOver(candidates, existing) }
  }

  app.get<Params>('/edities/:id/overnemen', async (request, reply) => {
    const access = await requireEditionTakingPeople(db, request, request.params.id)
    const query = request.query as Record<string, unknown>
    const chosen = typeof query.van === 'string' ? query.van.trim() : ''
    // The form marks that it was sent: with no edition ticked a browser sends no "van" at all.
    if (query.van === undefined && query.kies === undefined) return showChoose(request, reply, access, null)
    if (!chosen) return showChoose(request, reply, access, { message: 'carry-over.form.chooseEdition', chosen })
    const { source, problem } = await sourceOf(access, chosen)
    if (problem) return showChoose(request, reply, access, { message: problem, chosen })
    const { user, scope, edition } = access
    const { candidates, plan } = await planFor(db, access, source)
    const page = pageNumber(query.pagina)
    const alreadyOn = new Set(plan.alreadyOn.map((p) => p.id))
    const rows = candidates.slice((page - 1) * CARRY_OVER_PAGE_SIZE, page * CARRY_OVER_PAGE_SIZE).map((p) => ({ id: p.id, lastName: p.lastName, firstName: p.firstName, birthDate: p.birthDate, reason: p.reason, alreadyOn: alreadyOn.has(p.id) }))
    const counts = { candidates: candidates.length, add: plan.add.length, alreadyOn: plan.alreadyOn.length }
    // Names of the earlier edition's people are on the page: a view of personal data, counted.
    await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.carry_over_viewed', record: { type: 'edition', id: edition.id }, details: { from: source.id, shown: rows.length, ...counts } })
    const ctx = await pageContext(services, request, reply)
    reply.header('cache-control', 'private, no-store')
    return sendPage(reply, <CarryOverPreviewPage ctx={ctx} edition={edition} source={source} counts={counts} rows={rows} page={page} />)
  })

  app.post<Params>('/edities/:id/overnemen', async (request, reply) => {
    const access = await requireEditionTakingPeople(db, request, request.params.id)
    const chosen = text(request.body, 'van')
    if (!chosen) return showChoose(request, reply, access, { message: 'carry-over.form.chooseEdition', chosen })
    const { source, problem } = await sourceOf(access, chosen)
    if (problem) return showChoose(request, reply, access, { message: problem, chosen })
    const { user, scope, edition } = access
    await db.transaction().execute(async (trx) => {
      // Planned inside the transaction, so a second click (or a colleague) adds nobody twice.
      const { plan } = await planFor(trx, access, source)
      await insertCarriedOver(trx, edition.id, source.id, plan.add, new Date())
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.carried_over', record: { type: 'edition', id: edition.id }, details: { from: source.id, added: plan.add.length, skipped: plan.alreadyOn.length } })
    })
    setFlash(reply, { kind: 'success', message: 'carry-over.flash.done' })
    return reply.redirect(withQuery(paths.editionCarryOver(edition.id), { van: source.id }), 303)
  })
}
