// Staff plan editions: the list, a new edition (from the playbook template or from an earlier
// edition), the overview, editing, and the status steps.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can, type CurrentUser } from '../accounts/accounts.ts'
import { requireRole, scopeOf } from '../accounts/session.ts'
import { recordAudit } from '../audit/audit-queries.ts'
import { setFlash } from '../platform/http/flash.ts'
import { formValues, text } from '../platform/http/forms.ts'
import type { FormState } from '../platform/views/context.ts'
import { sendPage } from '../platform/views/render.ts'
import { paths } from '../paths.ts'
import type { Services } from '../services.ts'
import { pageContext } from '../shell/page-context.ts'
import { requireEdition } from './edition-access.ts'
import { createEdition, startingValues } from './edition-creation.ts'
import { editionOverview } from './edition-overview.ts'
import { EDITION_STATUSES, editionFormValues, parseEdition, statusChangeProblem, type Edition, type EditionStatus } from './editions.ts'
import { findEdition, listEditions, municipalityRetentionDays, otherMunicipalities, setEditionStatus, updateEdition } from './editions-queries.ts'
import { EditionFormPage, EditionListPage, type EditionFormView } from './editions-pages.tsx'
import { EditionOverviewPage } from './overview-page.tsx'
import { listProgrammeItems } from './programme/programme-queries.ts'
import { programmeProblem } from './programme/programme.ts'
import { practiceEntryRoutes } from './practice-entry-routes.tsx'

type Params = { Params: { id: string } }

export function editionRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database
  practiceEntryRoutes(app, services)

  app.get(paths.editions(), async (request, reply) => {
    const scope = scopeOf(requireRole(request, can.planEditions))
    const editions = await listEditions(db, scope)
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <EditionListPage ctx={ctx} editions={editions} now={new Date()} />)
  })

  const showForm = async (request: FastifyRequest, reply: FastifyReply, user: CurrentUser, view: Omit<EditionFormView, 'municipalities'>, state: FormState & { checked?: Record<string, string[]> }, status = 200) => {
    const municipalities = await otherMunicipalities(db, scopeOf(user))
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <EditionFormPage ctx={ctx} view={{ ...view, municipalities }} state={state} />, status)
  }

  app.get<{ Querystring: { van?: string } }>(paths.editionNew(), async (request, reply) => {
    const user = requireRole(request, can.planEditions)
    const scope = scopeOf(user)
    // "Start from last edition": the form is filled from that edition, a year later.
    const source = typeof request.query.van === 'string' ? await findEdition(db, scope, request.query.van) : null
    const start = startingValues(source, await municipalityRetentionDays(db, scope), scope.municipalityId)
    return showForm(request, reply, user, { mode: 'new', source }, { errors: [], values: start.values, checked: start.checked })
  })

  app.post(paths.editionNew(), async (request, reply) => {
    const user = requireRole(request, can.planEditions)
    const scope = scopeOf(user)
    const copyFrom = text(request.body, 'copyFrom')
    const source = copyFrom ? await findEdition(db, scope, copyFrom) : null
    const municipalityIds = (await otherMunicipalities(db, scope)).map((m) => m.id)
    const parsed = parseEdition(request.body, { now: new Date(), municipalityIds })
    if (!parsed.ok) return showForm(request, reply, user, { mode: 'new', source }, { ...parsed, checked: checkedOf(request.body) }, 400)
    const id = await db.transaction().execute((trx) => createEdition(trx, { user, scope, input: parsed.value, source, now: new Date() }))
    setFlash(reply, { kind: 'success', message: source ? 'editions.new.copied' : 'editions.new.done' })
    return reply.redirect(paths.edition(id), 303)
  })

  app.get<Params>('/edities/:id', async (request, reply) => {
    const { edition } = await requireEdition(db, request, request.params.id)
    const overview = await editionOverview(db, edition, new Date())
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <EditionOverviewPage ctx={ctx} edition={edition} overview={overview} now={new Date()} />)
  })

  const editState = (edition: Edition) => ({
    errors: [],
    values: editionFormValues(edition),
    checked: { languages: edition.languages, coOrganisers: edition.organisers.filter((o) => o.id !== edition.municipalityId).map((o) => o.id) },
  })

  app.get<Params>('/edities/:id/bewerken', async (request, reply) => {
    const { user, edition } = await requireEdition(db, request, request.params.id)
    return showForm(request, reply, user, { mode: 'edit', edition }, editState(edition))
  })

  app.post<Params>('/edities/:id/bewerken', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    // Co-organisers are chosen by the municipality that created the edition; the others keep them.
    const municipalityIds = (await otherMunicipalities(db, { municipalityId: edition.municipalityId })).map((m) => m.id)
    const parsed = parseEdition(request.body, { now: new Date(), municipalityIds, current: edition })
    if (!parsed.ok) return showForm(request, reply, user, { mode: 'edit', edition }, { ...parsed, checked: checkedOf(request.body) }, 400)
    // A later start must not push the programme past midnight.
    const problem = programmeProblem(parsed.value.startsAt, await listProgrammeItems(db, edition.id))
    if (problem) return showForm(request, reply, user, { mode: 'edit', edition }, { errors: [{ ...problem, field: 'time', message: 'editions.form.programmePastMidnight' }], values: formValues(request.body), checked: checkedOf(request.body) }, 400)
    const input = scope.municipalityId === edition.municipalityId ? parsed.value : { ...parsed.value, coOrganiserIds: editState(edition).checked.coOrganisers }
    await db.transaction().execute(async (trx) => {
      await updateEdition(trx, edition, input, new Date())
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'edition.updated', record: { type: 'edition', id: edition.id } })
    })
    setFlash(reply, { kind: 'success', message: 'editions.edit.done' })
    return reply.redirect(paths.edition(edition.id), 303)
  })

  app.post<Params>('/edities/:id/status', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const to = text(request.body, 'status') as EditionStatus
    const now = new Date()
    const problem = EDITION_STATUSES.includes(to) ? statusChangeProblem(edition, to, now) : 'editions.status.notAllowed'
    const changed =
      !problem &&
      (await db.transaction().execute(async (trx) => {
        if (!(await setEditionStatus(trx, edition.id, edition.status, to, now))) return false
        await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'edition.status_changed', record: { type: 'edition', id: edition.id }, details: { from: edition.status, to } })
        return true
      }))
    if (!changed) {
      const overview = await editionOverview(db, edition, now)
      const ctx = await pageContext(services, request, reply)
      return sendPage(reply, <EditionOverviewPage ctx={ctx} edition={edition} overview={overview} now={now} statusError={problem ?? 'editions.status.changedMeanwhile'} />, 409)
    }
    setFlash(reply, { kind: 'success', message: 'editions.status.done' })
    return reply.redirect(paths.edition(edition.id), 303)
  })
}

function checkedOf(body: unknown): Record<string, string[]> {
  const pick = (name: string) => {
    const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
    return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
  }
  return { languages: pick('languages'), coOrganisers: pick('coOrganisers') }
}
