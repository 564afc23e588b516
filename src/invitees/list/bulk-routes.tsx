// Bulk actions on the people ticked on the list: exclude with a reason, include again, mark or
// unmark "wants to come next time", erase. Excluding asks for the reason and erasing asks first;
// the others act at once. Each action is one transaction with its audit event (counts only), and
// ends on the list staff came from with how many people changed. Ids that are not people of this
// edition within the staff member's municipality are ignored and never touched.
import type { FastifyInstance } from 'fastify'
import type { Scope } from '../../accounts/accounts.ts'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEdition } from '../../editions/edition-access.ts'
import type { AnyDb } from '../../platform/db/transaction.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { sendPage } from '../../platform/views/render.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import type { ExclusionReason } from '../invitees-queries.ts'
import { listPathFor, parseBulkForm, type BulkAction } from './bulk.ts'
import { BulkErasePage, BulkExcludePage } from './bulk-pages.tsx'
import { eraseInvitees, excludeInvitees, includeInvitees, inviteeIdsInEdition, setAskedNextTime } from './invitee-changes-queries.ts'

type Params = { Params: { id: string } }

/** The audit action and the message (with a count) of each bulk action. */
const OUTCOMES: Record<BulkAction, { action: string; message: string }> = {
  exclude: { action: 'invitees.excluded', message: 'invitee-list.bulk.flash.excluded' },
  include: { action: 'invitees.included', message: 'invitee-list.bulk.flash.included' },
  next_time: { action: 'invitees.next_time_marked', message: 'invitee-list.bulk.flash.nextTime' },
  not_next_time: { action: 'invitees.next_time_unmarked', message: 'invitee-list.bulk.flash.notNextTime' },
  erase: { action: 'invitees.erased', message: 'invitee-list.bulk.flash.erased' },
}

/** Runs the action on the people; how many it changed. `reason` is set when excluding. */
async function applyBulkAction(trx: AnyDb, scope: Scope, editionId: string, bulk: { action: BulkAction; ids: string[]; reason: ExclusionReason | null }, now: Date): Promise<number> {
  const { action, ids } = bulk
  switch (action) {
    case 'exclude':
      return excludeInvitees(trx, scope, editionId, ids, bulk.reason!, now)
    case 'include':
      return includeInvitees(trx, scope, editionId, ids, now)
    case 'next_time':
    case 'not_next_time':
      return setAskedNextTime(trx, scope, editionId, ids, action === 'next_time', now)
    case 'erase':
      return eraseInvitees(trx, scope, editionId, ids)
  }
}

export function bulkRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.post<Params>('/edities/:id/genodigden/bulk', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const form = parseBulkForm(request.body)
    const back = listPathFor(edition.id, form.back)
    const ids = await inviteeIdsInEdition(db, scope, edition.id, form.ids)
    if (!form.action || ids.length === 0) {
      setFlash(reply, { kind: 'info', message: ids.length === 0 ? 'invitee-list.bulk.flash.noneTicked' : 'invitee-list.bulk.flash.noAction' })
      return reply.redirect(back, 303)
    }
    const action = form.action
    const reason = form.reason
    if (action === 'exclude' && !(form.confirmed && reason)) {
      const errors = form.confirmed ? [{ field: 'reden', message: 'invitee-list.bulkExclude.reasonMissing' }] : []
      const ctx = await pageContext(services, request, reply)
      return sendPage(reply, <BulkExcludePage ctx={ctx} edition={edition} ids={ids} form={form} errors={errors} />, errors.length ? 400 : 200)
    }
    if (action === 'erase' && !form.confirmed) {
      const ctx = await pageContext(services, request, reply)
      return sendPage(reply, <BulkErasePage ctx={ctx} edition={edition} ids={ids} form={form} />)
    }

    const now = new Date()
    const changed = await db.transaction().execute(async (trx) => {
      const count = await applyBulkAction(trx, scope, edition.id, { action, ids, reason }, now)
      // How many, never who: the ids of a bulk action stay out of the log.
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: OUTCOMES[action].action, record: { type: 'edition', id: edition.id }, details: { count, ticked: ids.length } })
      return count
    })
    setFlash(reply, { kind: 'success', message: OUTCOMES[action].message, values: { count: changed } })
    return reply.redirect(back, 303)
  })
}
