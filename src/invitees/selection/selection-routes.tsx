// Selection under capacity: the page with the selection in effect, the new-selection form with
// its preview, confirming, and undoing. A draw's seed is made on the server when the preview is
// shown and comes back with a keyed proof, so nobody can post a seed of their own choosing.
// Confirming writes every outcome, the record and the audit entry in one transaction.
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEdition, type EditionAccess } from '../../editions/edition-access.ts'
import { keyedHash, safeEqual } from '../../platform/crypto.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { formValues, text } from '../../platform/http/forms.ts'
import type { FormState } from '../../platform/views/context.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { decideSelection, defaultPlaces, explainNotSelected, isSelectionCandidate, parseSelectionForm } from './selection.ts'
import { NewSelectionPage, type SelectionPreview } from './new-selection-page.tsx'
import { NOT_SELECTED_PAGE_SIZE, SelectionPage, type SelectionFacts } from './selection-pages.tsx'
import { applySelection, clearSelection, notSelectedPage, recordSelection, selectionPeople, selectionRecords } from './selection-queries.ts'

type Params = { Params: { id: string } }

function pageNumber(value: unknown): number {
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1
}

export function selectionRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database
  const proofOf = (editionId: string, seed: string) => keyedHash(services.config.hashKey, `selection-seed:${editionId}:${seed}`)

  /** The list as a selection sees it: who takes part, and whether a selection is in effect. */
  const situation = async ({ scope, edition }: EditionAccess) => {
    const people = await selectionPeople(db, scope, edition.id)
    const candidates = people.filter(isSelectionCandidate)
    const facts: SelectionFacts = { candidates: candidates.length, places: defaultPlaces(edition), capacity: edition.capacity, guests: edition.guestsPerInvitee }
    return { candidates, facts, inEffect: candidates.some((p) => p.selection !== null) }
  }

  const showNew = async (request: FastifyRequest, reply: FastifyReply, access: EditionAccess, s: { facts: SelectionFacts; inEffect: boolean }, state: FormState, preview: SelectionPreview | null, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <NewSelectionPage ctx={ctx} edition={access.edition} facts={s.facts} replaces={s.inEffect} state={state} preview={preview} />, status)
  }

  app.get<Params>('/edities/:id/selectie', async (request, reply) => {
    const access = await requireEdition(db, request, request.params.id)
    const { user, scope, edition } = access
    const { candidates, facts, inEffect } = await situation(access)
    const history = await selectionRecords(db, scope, edition.id)
    const current = inEffect ? (history[0] ?? null) : null
    const page = pageNumber((request.query as Record<string, unknown>).pagina)
    const reasons = current ? explainNotSelected(candidates, current.method) : new Map()
    const notSelectedTotal = current ? candidates.filter((p) => p.selection === 'not_selected').length : 0
    const shown = current ? await notSelectedPage(db, scope, edition.id, { limit: NOT_SELECTED_PAGE_SIZE, offset: (page - 1) * NOT_SELECTED_PAGE_SIZE }) : []
    // The names of people not selected are on the page: a view of personal data, counted.
    if (current) await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.selection_viewed', record: { type: 'edition', id: edition.id }, details: { shown: shown.length, notSelected: notSelectedTotal, page } })
    const ctx = await pageContext(services, request, reply)
    reply.header('cache-control', 'private, no-store')
    return sendPage(
      reply,
      <SelectionPage
        ctx={ctx}
        edition={edition}
        facts={facts}
        current={current}
        cameAfter={current ? candidates.filter((p) => p.selection === null).length : 0}
        notSelected={shown.map((p) => ({ ...p, reason: reasons.get(p.id) }))}
        notSelectedTotal={notSelectedTotal}
        page={page}
        history={history}
      />,
    )
  })

  app.get<Params>('/edities/:id/selectie/nieuw', async (request, reply) => {
    const access = await requireEdition(db, request, request.params.id)
    const s = await situation(access)
    const query = request.query as Record<string, unknown>
    // Everyone fits: the page says so and offers nothing to do, whatever the query asks.
    if (s.facts.candidates <= s.facts.places) return showNew(request, reply, access, s, { errors: [], values: {} }, null)
    if (query.plaatsen === undefined && query.methode === undefined) return showNew(request, reply, access, s, { errors: [], values: { plaatsen: String(s.facts.places) } }, null)
    const parsed = parseSelectionForm(query, s.candidates.length)
    if (!parsed.ok) return showNew(request, reply, access, s, parsed, null, 400)
    const seed = parsed.value.method === 'draw' ? randomBytes(32).toString('hex') : null
    const outcome = decideSelection(s.candidates, { ...parsed.value, seed })
    const preview: SelectionPreview = { choice: parsed.value, seed, proof: seed ? proofOf(access.edition.id, seed) : null, selected: outcome.selected.length, notSelected: outcome.notSelected.length, placesUsed: outcome.placesUsed }
    return showNew(request, reply, access, s, { errors: [], values: formValues(query) }, preview)
  })

  app.post<Params>('/edities/:id/selectie', async (request, reply) => {
    const access = await requireEdition(db, request, request.params.id)
    const { user, scope, edition } = access
    const s = await situation(access)
    const values = formValues(request.body)
    if (s.facts.candidates <= s.facts.places) return showNew(request, reply, access, s, { errors: [], values }, null, 400)
    const parsed = parseSelectionForm(request.body, s.candidates.length)
    if (!parsed.ok) return showNew(request, reply, access, s, parsed, null, 400)
    const { method, places } = parsed.value
    const seed = method === 'draw' ? text(request.body, 'seed') : null
    if (seed !== null && !(/^[0-9a-f]{64}$/.test(seed) && safeEqual(text(request.body, 'proof'), proofOf(edition.id, seed)))) {
      return showNew(request, reply, access, s, { errors: [{ field: 'methode', message: 'selection.form.drawAgain' }], values }, null, 400)
    }
    // The list changed since the preview (an import, an exclusion): look at the numbers again.
    if (text(request.body, 'kandidaten') !== String(s.candidates.length)) {
      return showNew(request, reply, access, s, { errors: [{ field: 'plaatsen', message: 'selection.form.listChanged' }], values }, null, 400)
    }
    const outcome = decideSelection(s.candidates, { method, seed, places })
    await db.transaction().execute(async (trx) => {
      const now = new Date()
      await applySelection(trx, scope, edition.id, outcome.selected, now)
      const counts = { candidates: s.candidates.length, selected: outcome.selected.length, notSelected: outcome.notSelected.length }
      const selectionId = await recordSelection(trx, edition.id, { method, seed, places, ...counts }, user.id, now)
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.selected', record: { type: 'edition', id: edition.id }, details: { selection: selectionId, method, places, ...counts } })
    })
    setFlash(reply, { kind: 'success', message: 'selection.flash.done' })
    return reply.redirect(paths.editionSelection(edition.id), 303)
  })

  app.post<Params>('/edities/:id/selectie/ongedaan', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const cleared = await db.transaction().execute(async (trx) => {
      const count = await clearSelection(trx, scope, edition.id, new Date())
      if (count > 0) await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitees.selection_undone', record: { type: 'edition', id: edition.id }, details: { cleared: count } })
      return count
    })
    setFlash(reply, cleared > 0 ? { kind: 'success', message: 'selection.flash.undone' } : { kind: 'info', message: 'selection.flash.nothingToUndo' })
    return reply.redirect(paths.editionSelection(edition.id), 303)
  })
}
