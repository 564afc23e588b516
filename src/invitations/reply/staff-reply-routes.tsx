// Staff record an answer given by phone, by letter or at the desk, on the same save path as the
// newcomer's own answer, noting the channel and who recorded it. Staff may do so after the
// deadline; the newcomer may not. Another municipality's staff get a 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEdition, requireEditionTakingPeople } from '../../editions/edition-access.ts'
import { editionOffers } from '../../editions/partners/stands-queries.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { FormParser } from '../../platform/http/forms.ts'
import type { FieldError } from '../../platform/views/context.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { isReplyOpen, parseReply, STAFF_REPLY_CHANNELS } from '../reply.ts'
import { valuesFromBody, valuesFromReply } from './reply-form.tsx'
import { replyErrors } from './reply-input.ts'
import { findReplySubject, type ReplySubject } from './reply-queries.ts'
import { waitingPosition } from './seats-queries.ts'
import { saveReply } from './save-reply.ts'
import { StaffReplyPage } from './staff-reply-page.tsx'
import type { ReplyFormValues } from './form-controls.tsx'

type Params = { Params: { id: string; inviteeId: string } }

export function staffReplyRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  /** The person of an edition already found within the staff member's scope; anyone else is a 404. */
  const subjectOf = async (editionId: string, inviteeId: string): Promise<ReplySubject> => {
    const subject = await findReplySubject(db, editionId, inviteeId)
    if (!subject) throw new NotFound('invitee')
    return subject
  }

  const show = async (request: FastifyRequest<Params>, reply: FastifyReply, subject: ReplySubject, state: { values: ReplyFormValues; errors: FieldError[] }, status: number) => {
    const { edition } = subject
    const [offers, position] = await Promise.all([
      editionOffers(db, edition.id),
      subject.reply?.attending === 'yes' && subject.reply.place === 'waiting' ? waitingPosition(db, edition.id, { id: subject.invitee.id, waitingSince: subject.reply.waitingSince }) : Promise.resolve(null),
    ])
    const ctx = await pageContext(services, request, reply)
    reply.header('cache-control', 'private, no-store')
    const page = (
      <StaffReplyPage
        ctx={ctx}
        edition={edition}
        invitee={subject.invitee}
        reply={subject.reply}
        waitingPosition={position}
        offers={offers}
        open={isReplyOpen(edition, new Date())}
        {...state}
      />
    )
    return sendPage(reply, page, status)
  }

  app.get<Params>('/edities/:id/genodigden/:inviteeId/antwoord', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const subject = await subjectOf(edition.id, request.params.inviteeId)
    // The answer holds needs and consents: looking at it is audited like the person page.
    await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'reply.viewed', record: { type: 'invitee', id: subject.invitee.id } })
    return show(request, reply, subject, { values: valuesFromReply(subject.reply), errors: [] }, 200)
  })

  app.post<Params>('/edities/:id/genodigden/:inviteeId/antwoord', async (request, reply) => {
    const { user, edition } = await requireEditionTakingPeople(db, request, request.params.id)
    const subject = await subjectOf(edition.id, request.params.inviteeId)
    const form = new FormParser(request.body)
    const channel = form.oneOf('channel', STAFF_REPLY_CHANNELS, 'reply-staff.channelRequired')
    const standIds = (await editionOffers(db, edition.id)).map((o) => o.standId)
    const parsed = parseReply(request.body, { guestsPerInvitee: subject.edition.guestsPerInvitee, standIds })
    const errors = [...form.errors, ...(parsed.ok ? [] : replyErrors(parsed.errors, subject.edition.guestsPerInvitee))]
    if (!parsed.ok || errors.length > 0) return show(request, reply, subject, { values: valuesFromBody(request.body), errors }, 400)
    const outcome = await saveReply(db, services.config, { edition: subject.edition, invitee: subject.invitee, input: parsed.value, channel, actor: user, language: null, now: new Date() })
    const message = !outcome.changed ? 'reply-staff.unchanged' : outcome.place === 'waiting' ? 'reply-staff.savedWaiting' : 'reply-staff.saved'
    setFlash(reply, { kind: outcome.changed ? 'success' : 'info', message })
    return reply.redirect(paths.inviteeReply(edition.id, subject.invitee.id), 303)
  })
}
