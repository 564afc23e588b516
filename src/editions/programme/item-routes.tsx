// One programme item: add, edit, and delete after a confirmation. A change that would make the
// programme run past midnight is refused with the end time it would have, keeping what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { formValues, text } from '../../platform/http/forms.ts'
import type { AnyDb } from '../../platform/db/transaction.ts'
import type { FormState } from '../../platform/views/context.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { requireEdition } from '../edition-access.ts'
import type { Edition } from '../editions.ts'
import { DeleteItemPage, ItemFormPage } from './item-pages.tsx'
import { parseProgrammeItem, programmeItemValues, programmeProblem, schedule, type ProgrammeItemInput, type ScheduledItem } from './programme.ts'
import { addProgrammeItems, deleteProgrammeItem, listProgrammeItems, updateProgrammeItem } from './programme-queries.ts'

type Params = { Params: { id: string } }
type ItemParams = { Params: { id: string; itemId: string }; Querystring: { verwijderen?: string } }

/** The edition's items with their times, and the one asked for; another edition's item is a 404. */
async function loadItem(db: AnyDb, edition: Edition, itemId: string): Promise<{ items: ScheduledItem[]; item: ScheduledItem }> {
  const items = schedule(edition.startsAt, await listProgrammeItems(db, edition.id))
  const item = items.find((i) => i.id === itemId)
  if (!item) throw new NotFound('programme item')
  return { items, item }
}

export function itemRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  const showForm = async (request: FastifyRequest, reply: FastifyReply, edition: Edition, item: ScheduledItem | null, state: FormState, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <ItemFormPage ctx={ctx} edition={edition} item={item} state={state} />, status)
  }

  /** The parsed item, or the form again (400) with its errors, past midnight included. */
  const parseOrRefuse = (edition: Edition, body: unknown, others: ScheduledItem[]): { ok: true; value: ProgrammeItemInput } | { ok: false; state: FormState } => {
    const parsed = parseProgrammeItem(body)
    if (!parsed.ok) return { ok: false, state: parsed }
    const problem = programmeProblem(edition.startsAt, [...others, parsed.value])
    return problem ? { ok: false, state: { errors: [problem], values: formValues(body) } } : { ok: true, value: parsed.value }
  }

  app.get<Params>('/edities/:id/programma/nieuw', async (request, reply) => {
    const { edition } = await requireEdition(db, request, request.params.id)
    return showForm(request, reply, edition, null, { errors: [], values: { kind: 'welcome', duration: '10' } })
  })

  app.post<Params>('/edities/:id/programma/nieuw', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const items = schedule(edition.startsAt, await listProgrammeItems(db, edition.id))
    const result = parseOrRefuse(edition, request.body, items)
    if (!result.ok) return showForm(request, reply, edition, null, result.state, 400)
    await db.transaction().execute(async (trx) => {
      const [id] = await addProgrammeItems(trx, edition.id, [result.value], new Date())
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'programme.item_added', record: { type: 'programme_item', id: id! } })
    })
    setFlash(reply, { kind: 'success', message: 'programme.flash.added' })
    return reply.redirect(paths.editionProgramme(edition.id), 303)
  })

  app.get<ItemParams>('/edities/:id/programma/:itemId', async (request, reply) => {
    const { edition } = await requireEdition(db, request, request.params.id)
    const { item } = await loadItem(db, edition, request.params.itemId)
    if (request.query.verwijderen) {
      const ctx = await pageContext(services, request, reply)
      return sendPage(reply, <DeleteItemPage ctx={ctx} edition={edition} item={item} />)
    }
    return showForm(request, reply, edition, item, { errors: [], values: programmeItemValues(item) })
  })

  app.post<ItemParams>('/edities/:id/programma/:itemId', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const { items, item } = await loadItem(db, edition, request.params.itemId)
    if (text(request.body, 'intent') === 'delete') {
      await db.transaction().execute(async (trx) => {
        if (await deleteProgrammeItem(trx, edition.id, item.id)) await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'programme.item_deleted', record: { type: 'programme_item', id: item.id } })
      })
      setFlash(reply, { kind: 'success', message: 'programme.flash.deleted' })
      return reply.redirect(paths.editionProgramme(edition.id), 303)
    }
    const result = parseOrRefuse(
      edition,
      request.body,
      items.filter((i) => i.id !== item.id),
    )
    if (!result.ok) return showForm(request, reply, edition, item, result.state, 400)
    await db.transaction().execute(async (trx) => {
      await updateProgrammeItem(trx, edition.id, item.id, result.value, new Date())
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'programme.item_updated', record: { type: 'programme_item', id: item.id } })
    })
    setFlash(reply, { kind: 'success', message: 'programme.flash.updated' })
    return reply.redirect(paths.editionProgramme(edition.id), 303)
  })
}
