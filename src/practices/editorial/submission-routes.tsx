// Reviewing one submission and deciding on it. A decision is applied once: when two editors
// decide at the same moment, the second is told who was first and nothing of theirs is applied.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../../accounts/accounts.ts'
import { requireRole } from '../../accounts/session.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { formValues, text } from '../../platform/http/forms.ts'
import type { FieldError } from '../../platform/views/context.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { findPracticeById, listCategories, listTargetGroups } from '../practices-queries.ts'
import type { Submission } from '../submissions.ts'
import { entryText } from './editorial.ts'
import { acceptSubmission, AlreadyDecided, rejectSubmission } from './editorial-decisions.ts'
import { parseAcceptance, parseRejection, proposalFormValues } from './editorial-forms.ts'
import { list } from '../practice-form.ts'
import { findSubmission, municipalityName, userName } from './editorial-queries.ts'
import type { EditState } from './editorial-views.tsx'
import { ACCEPT, DECISION_FIELD, REJECT, ReviewPage, type ReviewView } from './review-page.tsx'

type Params = { Params: { id: string } }

export function submissionRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  /** A submission editors may see: unconfirmed ones have not reached them yet. */
  const findReviewable = async (id: string): Promise<Submission> => {
    const submission = await findSubmission(db, id)
    if (!submission || submission.status === 'unconfirmed') throw new NotFound('submission')
    return submission
  }

  const loadView = async (submission: Submission): Promise<ReviewView> => {
    const [practice, municipality, decidedBy, categories, targetGroups] = await Promise.all([
      submission.practiceId ? findPracticeById(db, submission.practiceId) : null,
      municipalityName(db, submission.submitterMunicipalityId),
      userName(db, submission.decidedBy),
      listCategories(db),
      listTargetGroups(db),
    ])
    return {
      submission,
      practice,
      municipalityName: municipality,
      decidedByName: decidedBy,
      currentEntry: entryText(practice?.entries.find((e) => e.municipalityId === submission.submitterMunicipalityId)),
      vocabulary: {
        categories: new Map(categories.map((c) => [c.slug, c.name])),
        targetGroups: new Map(targetGroups.map((g) => [g.slug, g.name])),
        categoryOptions: categories.map((c) => ({ value: c.slug, label: c.name })),
        targetGroupOptions: targetGroups.map((g) => ({ value: g.slug, label: g.name })),
      },
    }
  }

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    submission: Submission,
    state: { edit?: EditState; reject?: { errors: FieldError[]; values: Record<string, string> }; conflictBy?: string | null } = {},
    status = 200,
  ) => {
    const view = await loadView(submission)
    const edit = state.edit ?? { errors: [], ...proposalFormValues(submission.payload) }
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <ReviewPage ctx={ctx} view={view} edit={edit} reject={state.reject ?? { errors: [], values: {} }} conflictBy={state.conflictBy} />, status)
  }

  /** The second editor's answer: the page as it now is, saying who decided first. */
  const showConflict = async (request: FastifyRequest, reply: FastifyReply, id: string) => {
    const decided = await findReviewable(id)
    return show(request, reply, decided, { conflictBy: await userName(db, decided.decidedBy) }, 409)
  }

  app.get<Params>('/redactie/voorstellen/:id', async (request, reply) => {
    requireRole(request, can.editPractices)
    return show(request, reply, await findReviewable(request.params.id))
  })

  app.post<Params>('/redactie/voorstellen/:id', async (request, reply) => {
    const editor = requireRole(request, can.editPractices)
    const submission = await findReviewable(request.params.id)
    if (submission.status !== 'pending') return showConflict(request, reply, submission.id)
    const decision = text(request.body, DECISION_FIELD)
    try {
      if (decision === REJECT) {
        const parsed = parseRejection(request.body)
        if (!parsed.ok) return show(request, reply, submission, { reject: parsed }, 400)
        await rejectSubmission(db, services, editor, submission, parsed.value.reason)
        setFlash(reply, { kind: 'success', message: 'editorial.reject.done' })
        return reply.redirect(paths.editorial(), 303)
      }
      if (decision === ACCEPT) {
        const [categories, targetGroups] = await Promise.all([listCategories(db), listTargetGroups(db)])
        const parsed = parseAcceptance(submission.kind, request.body, { categories: categories.map((c) => c.slug), targetGroups: targetGroups.map((g) => g.slug) })
        if (!parsed.ok) {
          const edit = { errors: parsed.errors, values: formValues(request.body), checked: { categories: list(request.body, 'categories'), targetGroups: list(request.body, 'targetGroups') } }
          return show(request, reply, submission, { edit }, 400)
        }
        await acceptSubmission(db, services, editor, submission, parsed.value)
        setFlash(reply, { kind: 'success', message: 'editorial.accept.done' })
        return reply.redirect(paths.editorial(), 303)
      }
    } catch (error) {
      if (error instanceof AlreadyDecided) return showConflict(request, reply, submission.id)
      throw error
    }
    return reply.redirect(paths.editorialSubmission(submission.id), 303)
  })
}
