// Contributing to the practice database without an account: the "fiche" (a new practice) and the
// e-mailed confirmation link; change requests, staff entry edits and photos in their own files.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { hashToken } from '../../platform/crypto.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext, requestLocale } from '../../shell/page-context.ts'
import { findPracticeById } from '../practices-queries.ts'
import { changeRequestRoutes } from './change-request-routes.tsx'
import { loadChoices } from './choices.ts'
import { ConfirmGonePage, ConfirmPage, SentPage } from './confirmation-pages.tsx'
import type { Choices } from './contribution-fields.tsx'
import { emptyState, failedState, isHoneypotFilled, keptState, parseFiche, type ContributionState } from './contribution-forms.ts'
import { FichePage } from './contribution-pages.tsx'
import { confirmSubmission, findSubmissionByToken } from './contribution-queries.ts'
import { confirmationStep, sentOutcome, sentUrl, storeSubmission, submissionLimited } from './contribution-submit.ts'
import { entryEditRoutes } from './entry-routes.tsx'
import { imageRoutes } from './image-routes.ts'

export function contributionRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  const showFiche = async (request: FastifyRequest, reply: FastifyReply, state: ContributionState, choices: Choices, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <FichePage ctx={ctx} state={state} choices={choices} user={request.user} limited={status === 429} />, status)
  }

  app.get('/praktijken/indienen', async (request, reply) => {
    const outcome = sentOutcome((request.query as { klaar?: string }).klaar)
    if (outcome) {
      const ctx = await pageContext(services, request, reply)
      return sendPage(reply, <SentPage ctx={ctx} outcome={outcome} back={{ href: paths.practices(), label: ctx.t('contributions.backToPractices') }} />)
    }
    const { choices } = await loadChoices(db, request.user)
    // Staff most often describe what their own municipality does.
    return showFiche(request, reply, emptyState({ municipality: request.user?.municipalityId ?? '' }), choices)
  })

  app.post('/praktijken/indienen', async (request, reply) => {
    // A robot filled in the hidden field: it sees the usual answer, and nothing is stored.
    if (isHoneypotFilled(request.body)) return reply.redirect(sentUrl(paths.practiceSubmit(), 'confirm_by_mail'), 303)
    const { choices, context } = await loadChoices(db, request.user)
    const parsed = parseFiche(request.body, context)
    if (!parsed.ok) return showFiche(request, reply, failedState(parsed, request.body), choices, 400)
    const wait = await submissionLimited(db, request.ip)
    if (wait !== null) {
      reply.header('retry-after', String(wait))
      return showFiche(request, reply, keptState(request.body), choices, 429)
    }
    const { practice, entry, submitter } = parsed.value
    const { t } = createTranslator(requestLocale(request))
    const outcome = await db.transaction().execute((trx) => storeSubmission(trx, services, t, { payload: { kind: 'new_practice', practice, entry }, practice: null, submitter }))
    return reply.redirect(sentUrl(paths.practiceSubmit(), outcome), 303)
  })

  // The link opens a page that shows what was sent and asks to confirm it with a button: a GET
  // changes nothing, so mail scanners that open every link cannot confirm in someone's name.
  app.get<{ Params: { token: string } }>('/praktijken/bevestigen/:token', async (request, reply) => {
    const submission = await findSubmissionByToken(db, hashToken(request.params.token))
    const ctx = await pageContext(services, request, reply)
    reply.header('cache-control', 'no-store')
    if (!submission || confirmationStep(submission, new Date()) === 'gone') return sendPage(reply, <ConfirmGonePage ctx={ctx} />, 404)
    const practiceTitle = submission.practiceId ? ((await findPracticeById(db, submission.practiceId))?.title ?? null) : null
    return sendPage(reply, <ConfirmPage ctx={ctx} token={request.params.token} submission={submission} practiceTitle={practiceTitle} />)
  })

  app.post<{ Params: { token: string } }>('/praktijken/bevestigen/:token', async (request, reply) => {
    const submission = await findSubmissionByToken(db, hashToken(request.params.token))
    const step = submission ? confirmationStep(submission, new Date()) : 'gone'
    if (!submission || step === 'gone') {
      const ctx = await pageContext(services, request, reply)
      return sendPage(reply, <ConfirmGonePage ctx={ctx} />, 404)
    }
    if (step === 'ask') {
      await db.transaction().execute(async (trx) => {
        if (!(await confirmSubmission(trx, submission.id))) return
        await recordAudit(trx, { municipalityId: submission.submitterMunicipalityId, actor: null, action: 'practice.submission_confirmed', record: { type: 'practice_submission', id: submission.id } })
      })
    }
    return reply.redirect(paths.submissionConfirm(request.params.token), 303)
  })

  changeRequestRoutes(app, services)
  entryEditRoutes(app, services)
  imageRoutes(app, services)
}
