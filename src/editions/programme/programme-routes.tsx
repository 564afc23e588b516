// The programme of an edition: the list with its times, moving items, the default programme and
// the run-sheet PDF. Adding, editing and deleting one item live in item-routes.tsx.
import type { FastifyInstance } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { brusselsDate, brusselsTime } from '../../platform/calendar.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { text } from '../../platform/http/forms.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { requireEdition } from '../edition-access.ts'
import { itemRoutes } from './item-routes.tsx'
import { DEFAULT_PROGRAMME, moveItem, programmeEnd, runsPastMidnight, schedule, totalMinutes } from './programme.ts'
import { addProgrammeItems, findProgrammeItem, listProgrammeItems, reorderProgramme } from './programme-queries.ts'
import { ProgrammePage } from './programme-pages.tsx'
import { runSheetFilename, runSheetHtml } from './run-sheet.tsx'

type Params = { Params: { id: string } }

export function programmeRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get<Params>('/edities/:id/programma', async (request, reply) => {
    const { edition } = await requireEdition(db, request, request.params.id)
    const items = schedule(edition.startsAt, await listProgrammeItems(db, edition.id))
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <ProgrammePage ctx={ctx} edition={edition} items={items} />)
  })

  // The list's buttons: "move up/down" (field `move` with the item) and "add the default programme".
  app.post<Params>('/edities/:id/programma', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const move = text(request.body, 'move')
    if (move === 'up' || move === 'down') {
      const itemId = text(request.body, 'item')
      const moved = await db.transaction().execute(async (trx) => {
        // An item of another edition (or none) is not found, like any record out of reach.
        if (!(await findProgrammeItem(trx, edition.id, itemId))) throw new NotFound('programme item')
        const items = await listProgrammeItems(trx, edition.id)
        const order = moveItem(items, itemId, move)
        if (!order) return false
        await reorderProgramme(trx, edition.id, items, order, new Date())
        await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'programme.item_moved', record: { type: 'programme_item', id: itemId }, details: { direction: move } })
        return true
      })
      if (moved) setFlash(reply, { kind: 'success', message: 'programme.flash.moved' })
      return reply.redirect(paths.editionProgramme(edition.id), 303)
    }
    if (text(request.body, 'add') === 'default') {
      // Refused before anything is written: a ceremony late in the evening would run past midnight.
      if (runsPastMidnight(edition.startsAt, [...DEFAULT_PROGRAMME])) {
        const values = { minutes: totalMinutes([...DEFAULT_PROGRAMME]), end: brusselsTime(programmeEnd(edition.startsAt, [...DEFAULT_PROGRAMME])) }
        const ctx = await pageContext(services, request, reply)
        return sendPage(reply, <ProgrammePage ctx={ctx} edition={edition} items={[]} problem={{ message: 'programme.default.pastMidnight', values }} />, 400)
      }
      const added = await db.transaction().execute(async (trx) => {
        // A second click (or a colleague) finds the programme already there and adds nothing.
        if ((await listProgrammeItems(trx, edition.id)).length > 0) return false
        await addProgrammeItems(trx, edition.id, DEFAULT_PROGRAMME, new Date())
        await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'programme.default_added', record: { type: 'edition', id: edition.id } })
        return true
      })
      setFlash(reply, added ? { kind: 'success', message: 'programme.flash.defaultAdded' } : { kind: 'info', message: 'programme.flash.alreadyHasProgramme' })
    }
    return reply.redirect(paths.editionProgramme(edition.id), 303)
  })

  app.get<Params>('/edities/:id/programma.pdf', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const items = schedule(edition.startsAt, await listProgrammeItems(db, edition.id))
    const pdf = await services.pdf.render(runSheetHtml(edition, items, new Date()))
    // The run-sheet names the people on stage: its export is recorded like any personal data.
    await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'programme.run_sheet_exported', record: { type: 'edition', id: edition.id } })
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${runSheetFilename(edition, brusselsDate(edition.startsAt))}"`)
      .header('cache-control', 'private, no-store')
      .send(pdf)
  })

  itemRoutes(app, services)
}
