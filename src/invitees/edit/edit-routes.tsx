// Adding a person by hand and editing what is held about a person. The form is parsed once; a
// person already on the edition (same national number, otherwise same name and birth date) is
// not added twice: the form says so and links to them. Both are audited with field names only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEditionTakingPeople } from '../../editions/edition-access.ts'
import type { Edition } from '../../editions/editions.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import type { FormState } from '../../platform/views/context.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { requireInvitee } from '../list/person-routes.tsx'
import { findSamePerson, holdsNationalNumber, insertManualInvitee, inviteeWarnings, updateInvitee, type SamePerson } from './edit-queries.ts'
import { PersonFormPage, type FormMode } from './edit-pages.tsx'
import { exclusionRoutes } from './exclusion-routes.tsx'
import { nationalNumberHash } from '../identity.ts'
import { changedFields, filledFields, parsePersonForm, personFormValues, typedValues, warningsAfterEdit } from './person-form.ts'

type EditionParams = { Params: { id: string } }
type Params = { Params: { id: string; inviteeId: string } }

const EMPTY: FormState = { errors: [], values: {} }

/** The form again after a duplicate: the error on the field that matched, and what was typed. */
function duplicateState(request: FastifyRequest, same: SamePerson): FormState {
  const field = same.by === 'nationalNumber' ? 'nationalNumber' : 'lastName'
  return { errors: [{ field, message: 'invitee-edit.error.duplicate' }], values: typedValues(request.body) }
}

export function inviteeEditRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database
  const { hashKey } = services.config

  const show = async (request: FastifyRequest, reply: FastifyReply, page: { edition: Edition; mode: FormMode; state: FormState; duplicate?: SamePerson | null }, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    reply.header('cache-control', 'private, no-store')
    return sendPage(reply, <PersonFormPage ctx={ctx} {...page} />, status)
  }

  app.get<EditionParams>('/edities/:id/genodigden/nieuw', async (request, reply) => {
    const { edition } = await requireEditionTakingPeople(db, request, request.params.id)
    return show(request, reply, { edition, mode: { kind: 'new' }, state: EMPTY })
  })

  app.post<EditionParams>('/edities/:id/genodigden/nieuw', async (request, reply) => {
    const { user, scope, edition } = await requireEditionTakingPeople(db, request, request.params.id)
    const mode = { kind: 'new' } as const
    const parsed = parsePersonForm(request.body)
    if (!parsed.ok) return show(request, reply, { edition, mode, state: parsed }, 400)
    const { person, nationalNumber } = parsed.value
    const hash = nationalNumber ? nationalNumberHash(hashKey, nationalNumber) : null
    const outcome = await db.transaction().execute(async (trx) => {
      const same = await findSamePerson(trx, scope, edition.id, { ...person, nationalNumberHash: hash })
      if (same) return { same }
      const id = await insertManualInvitee(trx, edition.id, { person, nationalNumberHash: hash }, new Date())
      const fields: string[] = [...filledFields(person), ...(hash ? ['nationalNumber'] : [])]
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitee.added', record: { type: 'invitee', id }, details: { fields } })
      return { id }
    })
    if (outcome.same) return show(request, reply, { edition, mode, state: duplicateState(request, outcome.same), duplicate: outcome.same }, 400)
    setFlash(reply, { kind: 'success', message: 'invitee-edit.flash.added' })
    return reply.redirect(paths.invitee(edition.id, outcome.id), 303)
  })

  app.get<Params>('/edities/:id/genodigden/:inviteeId/bewerken', async (request, reply) => {
    const { user, scope, edition, invitee } = await requireInvitee(db, request)
    const holds = await holdsNationalNumber(db, scope, edition.id, invitee.id)
    // The form shows what is held about the person: a view of personal data like the person page.
    await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'invitee.viewed', record: { type: 'invitee', id: invitee.id }, details: { page: 'edit' } })
    const mode: FormMode = { kind: 'edit', inviteeId: invitee.id, name: { lastName: invitee.lastName, firstName: invitee.firstName }, holdsNationalNumber: holds }
    return show(request, reply, { edition, mode, state: { errors: [], values: personFormValues(invitee) } })
  })

  app.post<Params>('/edities/:id/genodigden/:inviteeId/bewerken', async (request, reply) => {
    const { user, scope, edition, invitee } = await requireInvitee(db, request)
    const holds = await holdsNationalNumber(db, scope, edition.id, invitee.id)
    const mode: FormMode = { kind: 'edit', inviteeId: invitee.id, name: { lastName: invitee.lastName, firstName: invitee.firstName }, holdsNationalNumber: holds }
    const parsed = parsePersonForm(request.body)
    if (!parsed.ok) return show(request, reply, { edition, mode, state: parsed }, 400)
    const { person, nationalNumber } = parsed.value
    const hash = nationalNumber ? nationalNumberHash(hashKey, nationalNumber) : null
    const outcome = await db.transaction().execute(async (trx) => {
      const same = await findSamePerson(trx, scope, edition.id, { ...person, nationalNumberHash: hash, holdsNationalNumber: holds }, invitee.id)
      if (same) return { same }
      const warnings = warningsAfterEdit(await inviteeWarnings(trx, scope, edition.id, invitee.id), person)
      if (!(await updateInvitee(trx, scope, edition.id, invitee.id, { person, nationalNumberHash: hash, warnings }, new Date()))) throw new NotFound('invitee')
      // Which fields changed, by name; a national number typed counts as replaced, whatever it was.
      const fields: string[] = [...changedFields(invitee, person), ...(hash ? ['nationalNumber'] : [])]
      if (fields.length) await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'invitee.updated', record: { type: 'invitee', id: invitee.id }, details: { fields } })
      return { fields }
    })
    if (outcome.same) return show(request, reply, { edition, mode, state: duplicateState(request, outcome.same), duplicate: outcome.same }, 400)
    setFlash(reply, { kind: 'success', message: outcome.fields.length ? 'invitee-edit.flash.saved' : 'invitee-edit.flash.unchanged' })
    return reply.redirect(paths.invitee(edition.id, invitee.id), 303)
  })

  exclusionRoutes(app, services)
}
