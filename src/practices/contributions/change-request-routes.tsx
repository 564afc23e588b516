// Change requests on a published practice: a text change, a photo, a remark, or "we do this too".
// Archived and unknown practices answer 404: there is nothing to change there any more.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { NotFound } from '../../platform/errors.ts'
import { text } from '../../platform/http/forms.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import type { FieldError } from '../../platform/views/context.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext, requestLocale } from '../../shell/page-context.ts'
import type { Practice } from '../practices.ts'
import { findPracticeBySlug } from '../practices-queries.ts'
import type { SubmissionPayload } from '../submissions.ts'
import { ChangeFormPage, ChooseChangePage } from './change-request-pages.tsx'
import { loadChoices } from './choices.ts'
import { SentPage } from './confirmation-pages.tsx'
import type { Choices } from './contribution-fields.tsx'
import { emptyState, failedState, isHoneypotFilled, keptState, kindFromParam, parseChangeRequest, type ChangeKind, type ContributionState } from './contribution-forms.ts'
import { practiceText } from '../submissions.ts'
import { practiceState } from './prefill.ts'
import { sentOutcome, sentUrl, storeSubmission, submissionLimited } from './contribution-submit.ts'
import { insertImage } from './image-queries.ts'
import { processPhoto, type ProcessedPhoto } from './images.ts'

export function changeRequestRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  const publishedPractice = async (slug: string): Promise<Practice> => {
    const practice = await findPracticeBySlug(db, slug, { publishedOnly: true })
    if (!practice) throw new NotFound('practice')
    return practice
  }

  const showChoice = async (request: FastifyRequest, reply: FastifyReply, practice: Practice, errors: FieldError[]) => {
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <ChooseChangePage ctx={ctx} practice={practice} errors={errors} />, errors.length ? 400 : 200)
  }

  const showForm = async (request: FastifyRequest, reply: FastifyReply, practice: Practice, kind: ChangeKind, state: ContributionState, choices: Choices, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    const own = request.user?.municipalityId
    const ownEntryExists = Boolean(own && practice.entries.some((e) => e.municipalityId === own))
    return sendPage(reply, <ChangeFormPage ctx={ctx} practice={practice} kind={kind} state={state} choices={choices} user={request.user} limited={status === 429} ownEntryExists={ownEntryExists} />, status)
  }

  const chooseFirst: FieldError[] = [{ field: 'soort', message: 'contributions.change.chooseRequired' }]

  app.get<{ Params: { slug: string }; Querystring: { soort?: string; stap?: string; klaar?: string } }>('/praktijken/:slug/wijziging', async (request, reply) => {
    const practice = await publishedPractice(request.params.slug)
    const outcome = sentOutcome(request.query.klaar)
    if (outcome) {
      const ctx = await pageContext(services, request, reply)
      return sendPage(reply, <SentPage ctx={ctx} outcome={outcome} back={{ href: paths.practice(practice.slug), label: ctx.t('contributions.backToPractice') }} />)
    }
    if (request.query.soort === undefined && request.query.stap === undefined) return showChoice(request, reply, practice, [])
    const kind = kindFromParam(request.query.soort)
    if (!kind) return showChoice(request, reply, practice, chooseFirst)
    const { choices } = await loadChoices(db, request.user)
    const municipality = { municipality: request.user?.municipalityId ?? '' }
    const state = kind === 'text_change' ? practiceState(practiceText(practice)) : emptyState()
    return showForm(request, reply, practice, kind, { ...state, values: { ...state.values, ...municipality } }, choices)
  })

  app.post<{ Params: { slug: string } }>('/praktijken/:slug/wijziging', async (request, reply) => {
    const practice = await publishedPractice(request.params.slug)
    const kind = kindFromParam(text(request.body, 'soort'))
    if (!kind) return showChoice(request, reply, practice, chooseFirst)
    const sent = (outcome: Parameters<typeof sentUrl>[1]) => reply.redirect(sentUrl(paths.practiceChangeRequest(practice.slug), outcome), 303)
    if (isHoneypotFilled(request.body)) return sent('confirm_by_mail')

    const { choices, context } = await loadChoices(db, request.user)
    const parsed = parseChangeRequest(kind, request.body, { ...context, current: practice })
    if (!parsed.ok) return showForm(request, reply, practice, kind, failedState(parsed, request.body), choices, 400)
    const { change, submitter } = parsed.value
    const refuse = (error: FieldError) => showForm(request, reply, practice, kind, { ...keptState(request.body), errors: [error] }, choices, 400)
    if (change.kind === 'join') {
      const listed = practice.entries.find((e) => e.municipalityId === submitter.municipalityId)
      if (listed) return refuse({ field: 'municipality', message: 'contributions.join.alreadyListed', values: { municipality: listed.municipalityName } })
    }

    // Counted before the photo is decoded, the expensive part.
    const wait = await submissionLimited(db, request.ip)
    if (wait !== null) {
      reply.header('retry-after', String(wait))
      return showForm(request, reply, practice, kind, keptState(request.body), choices, 429)
    }
    let photo: ProcessedPhoto | null = null
    if (change.kind === 'photo') {
      const processed = await processPhoto(change.upload.bytes, change.upload.type)
      if (!processed.ok) return refuse({ field: 'photo', message: processed.problem === 'tooManyPixels' ? 'contributions.photo.tooManyPixels' : 'contributions.photo.unreadable' })
      photo = processed.photo
    }

    const { t } = createTranslator(requestLocale(request))
    const outcome = await db.transaction().execute(async (trx) => {
      const payload: SubmissionPayload = change.kind === 'photo' ? { kind: 'photo', imageId: await insertImage(trx, photo!), alt: change.alt, credit: change.credit } : change
      return storeSubmission(trx, services, t, { payload, practice: { id: practice.id, title: practice.title, version: practice.version }, submitter })
    })
    return sent(outcome)
  })
}
