// A letter that came back: staff register it on the person page (or undo a mistake). The person,
// and their household, are then flagged as needing another channel on the person page and the
// reply overview. Audited per person whose invitation changed, with no values.
import type { FastifyInstance } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEdition } from '../../editions/edition-access.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { text } from '../../platform/http/forms.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { setLetterReturned } from './returned-queries.ts'

type Params = { Params: { id: string; inviteeId: string } }

/** The form has two buttons and no fields to fill in: anything else was not sent by it. */
class InvalidReturnedForm extends Error {
  readonly statusCode = 400
  constructor() {
    super('returned letter form: "returned" must be yes or no')
  }
}

export function returnedLetterRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.post<Params>('/edities/:id/genodigden/:inviteeId/brief-terug', async (request, reply) => {
    // The tenant first, so another municipality learns nothing, not even that the form was wrong.
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const { inviteeId } = request.params
    const choice = text(request.body, 'returned')
    if (choice !== 'yes' && choice !== 'no') throw new InvalidReturnedForm()
    const returned = choice === 'yes'
    const changed = await db.transaction().execute(async (trx) => {
      const ids = await setLetterReturned(trx, scope, edition.id, inviteeId, returned, new Date())
      if (ids === null) return null
      for (const id of ids) {
        await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'letters.returned', record: { type: 'invitee', id }, details: { returned, household: ids.length > 1 } })
      }
      return ids
    })
    if (changed === null) throw new NotFound('invitation')
    setFlash(reply, returned ? { kind: 'success', message: 'replies.flash.letterReturned', values: { count: Math.max(changed.length, 1) } } : { kind: 'success', message: 'replies.flash.letterFound' })
    return reply.redirect(paths.invitee(edition.id, inviteeId), 303)
  })
}
