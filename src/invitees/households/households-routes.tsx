// Households of an edition: the page of suggestions and confirmed households, confirming or
// dismissing a suggestion, taking a person out and dissolving. Looking is audited (the page shows
// names and addresses) and so is every change, with ids and counts, never names or addresses.
// A suggestion is named in forms by the keyed hash of its address, which is also what a
// dismissal stores: the address itself is never kept apart from the people.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEdition, type EditionAccess } from '../../editions/edition-access.ts'
import { keyedHash } from '../../platform/crypto.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { text } from '../../platform/http/forms.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths, withQuery } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { confirmationProblem, remainsHousehold, suggestHouseholds, type Suggestion } from './households.ts'
import { HOUSEHOLDS_PAGE_SIZE, HouseholdsPage, suggestionField, type HouseholdsPageProps } from './households-pages.tsx'
import {
  confirmHousehold,
  countHouseholds,
  dismissAddress,
  dismissedAddresses,
  dissolveHousehold,
  HouseholdChanged,
  householdCandidates,
  householdMemberIds,
  leaveHousehold,
  listHouseholds,
  membersByIds,
} from './households-queries.ts'

type Params = { Params: { id: string } }
type HouseholdParams = { Params: { id: string; householdId: string } }
type Pages = HouseholdsPageProps['pages']

function pageNumber(value: unknown): number {
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1
}

function pagesOf(source: unknown): Pages {
  const values = (source && typeof source === 'object' ? source : {}) as Record<string, unknown>
  return { pagina: pageNumber(values.pagina), huishoudens: pageNumber(values.huishoudens) }
}

/** Every value of a field that may be sent more than once (ticked checkboxes). */
function allValues(body: unknown, name: string): string[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '')
}

export function householdsRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database
  const addressHash = (key: string) => keyedHash(services.config.hashKey, `household-address:${key}`)
  const pageUrl = (editionId: string, pages: Pages) => withQuery(paths.editionHouseholds(editionId), { pagina: pages.pagina > 1 ? pages.pagina : null, huishoudens: pages.huishoudens > 1 ? pages.huishoudens : null })

  /** The current suggestions, each with the hash that names it. */
  const suggestionsOf = async ({ scope, edition }: EditionAccess): Promise<(Suggestion & { id: string })[]> => {
    const [people, dismissed] = await Promise.all([householdCandidates(db, scope, edition.id), dismissedAddresses(db, scope, edition.id)])
    const hashes = new Map<string, string>()
    const hashOf = (key: string) => hashes.get(key) ?? hashes.set(key, addressHash(key)).get(key)!
    return suggestHouseholds(people, (key) => dismissed.has(hashOf(key))).map((s) => ({ ...s, id: hashOf(s.key) }))
  }

  const showPage = async (request: FastifyRequest, reply: FastifyReply, access: EditionAccess, pages: Pages, refused?: HouseholdsPageProps['refused']) => {
    const { user, scope, edition } = access
    const all = await suggestionsOf(access)
    const shown = all.slice((pages.pagina - 1) * HOUSEHOLDS_PAGE_SIZE, pages.pagina * HOUSEHOLDS_PAGE_SIZE)
    const [members, households, householdTotal] = await Promise.all([
      membersByIds(db, scope, edition.id, shown.flatMap((s) => s.memberIds)),
      listHouseholds(db, scope, edition.id, { limit: HOUSEHOLDS_PAGE_SIZE, offset: (pages.huishoudens - 1) * HOUSEHOLDS_PAGE_SIZE }),
      countHouseholds(db, scope, edition.id),
    ])
    const byId = new Map(members.map((m) => [m.id, m]))
    const suggestions = shown.map((s) => ({ id: s.id, members: s.memberIds.map((id) => byId.get(id)).filter((m) => m !== undefined) }))
    // Names and addresses are on the page: a view of personal data, recorded with counts only.
    await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.households_viewed', record: { type: 'edition', id: edition.id }, details: { suggestions: all.length, households: householdTotal } })
    const ctx = await pageContext(services, request, reply)
    reply.header('cache-control', 'private, no-store')
    const props = { ctx, edition, suggestions, suggestionTotal: all.length, households, householdTotal, pages }
    return sendPage(reply, <HouseholdsPage {...props} refused={refused} />, refused ? 400 : 200)
  }

  app.get<Params>('/edities/:id/huishoudens', async (request, reply) => {
    const access = await requireEdition(db, request, request.params.id)
    return showPage(request, reply, access, pagesOf(request.query))
  })

  app.post<Params>('/edities/:id/huishoudens', async (request, reply) => {
    const access = await requireEdition(db, request, request.params.id)
    const { user, scope, edition } = access
    const pages = pagesOf(request.body)
    const action = text(request.body, 'action')
    const suggestion = (await suggestionsOf(access)).find((s) => s.id === text(request.body, 'suggestion'))
    // Confirmed or dismissed by a colleague meanwhile, or the people changed: say so and show the rest.
    if (!suggestion || (action !== 'confirm' && action !== 'dismiss')) {
      setFlash(reply, { kind: 'info', message: 'households.flash.gone' })
      return reply.redirect(pageUrl(edition.id, pages), 303)
    }
    if (action === 'dismiss') {
      await db.transaction().execute(async (trx) => {
        await dismissAddress(trx, edition.id, suggestion.id, new Date())
        await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.household_dismissed', record: { type: 'edition', id: edition.id }, details: { people: suggestion.memberIds.length } })
      })
      setFlash(reply, { kind: 'success', message: 'households.flash.dismissed' })
      return reply.redirect(pageUrl(edition.id, pages), 303)
    }
    const chosen = allValues(request.body, 'person')
    const problem = confirmationProblem(suggestion, chosen)
    if (problem) return showPage(request, reply, access, pages, { suggestionId: suggestion.id, errors: [{ field: suggestionField(suggestion.id), message: problem }], chosen })
    const memberIds = [...new Set(chosen)]
    try {
      await db.transaction().execute(async (trx) => {
        const householdId = await confirmHousehold(trx, scope, edition.id, memberIds, user.id, new Date())
        await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.household_confirmed', record: { type: 'edition', id: edition.id }, details: { household: householdId, people: memberIds.length, suggested: suggestion.memberIds.length } })
      })
    } catch (error) {
      if (!(error instanceof HouseholdChanged)) throw error
      setFlash(reply, { kind: 'info', message: 'households.flash.gone' })
      return reply.redirect(pageUrl(edition.id, pages), 303)
    }
    setFlash(reply, { kind: 'success', message: 'households.flash.confirmed' })
    return reply.redirect(pageUrl(edition.id, pages), 303)
  })

  /** The household of the edition, or a 404 like any record out of reach. */
  const requireHousehold = async (request: FastifyRequest<HouseholdParams>) => {
    const access = await requireEdition(db, request, request.params.id)
    const memberIds = await householdMemberIds(db, access.scope, access.edition.id, request.params.householdId)
    if (!memberIds) throw new NotFound('household')
    return { ...access, householdId: request.params.householdId, memberIds }
  }

  app.post<HouseholdParams>('/edities/:id/huishoudens/:householdId/uitnemen', async (request, reply) => {
    const { user, scope, edition, householdId, memberIds } = await requireHousehold(request)
    const person = text(request.body, 'person')
    if (!memberIds.includes(person)) throw new NotFound('household member')
    const dissolved = !remainsHousehold(memberIds.length - 1)
    await db.transaction().execute(async (trx) => {
      const now = new Date()
      if (dissolved) await dissolveHousehold(trx, scope, edition.id, householdId, now)
      else await leaveHousehold(trx, scope, edition.id, householdId, [person], now)
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.household_member_removed', record: { type: 'invitee', id: person }, details: { household: householdId, dissolved } })
    })
    setFlash(reply, { kind: 'success', message: dissolved ? 'households.flash.removedAndDissolved' : 'households.flash.removed' })
    return reply.redirect(pageUrl(edition.id, pagesOf(request.body)), 303)
  })

  app.post<HouseholdParams>('/edities/:id/huishoudens/:householdId/opheffen', async (request, reply) => {
    const { user, scope, edition, householdId, memberIds } = await requireHousehold(request)
    await db.transaction().execute(async (trx) => {
      await dissolveHousehold(trx, scope, edition.id, householdId, new Date())
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.household_dissolved', record: { type: 'edition', id: edition.id }, details: { household: householdId, people: memberIds.length } })
    })
    setFlash(reply, { kind: 'success', message: 'households.flash.dissolved' })
    return reply.redirect(pageUrl(edition.id, pagesOf(request.body)), 303)
  })
}
