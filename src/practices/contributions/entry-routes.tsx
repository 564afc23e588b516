// Signed-in municipality staff edit their own municipality's entry under a practice. The
// municipality always comes from the session, never from the form; the change is still reviewed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { CurrentUser } from '../../accounts/accounts.ts'
import { requireUser, scopeOf } from '../../accounts/session.ts'
import { findMunicipality } from '../../municipalities/municipalities-queries.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext, requestLocale } from '../../shell/page-context.ts'
import { findPracticeBySlug } from '../practices-queries.ts'
import type { EntryText } from '../submissions.ts'
import { emptyState, failedState, parseEntryUpdate, type ContributionState } from './contribution-forms.ts'
import { entryFormValues } from '../practice-form.ts'
import { EntryEditPage } from './contribution-pages.tsx'
import { findOwnEntry } from './contribution-queries.ts'
import { storeSubmission } from './contribution-submit.ts'

export function entryEditRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  /** The signed-in person's municipality, the published practice, and their entry under it. */
  const load = async (request: FastifyRequest, slug: string) => {
    const user = requireUser(request)
    const scope = scopeOf(user)
    const practice = await findPracticeBySlug(db, slug, { publishedOnly: true })
    const municipality = await findMunicipality(db, scope.municipalityId)
    if (!practice || !municipality) throw new NotFound('practice')
    const entry = await findOwnEntry(db, scope, practice.id)
    return { user, scope, practice, municipality, entry }
  }

  const show = async (request: FastifyRequest, reply: FastifyReply, loaded: Awaited<ReturnType<typeof load>>, state: ContributionState, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <EntryEditPage ctx={ctx} practice={loaded.practice} municipalityName={loaded.municipality.name} hasEntry={loaded.entry !== null} state={state} />, status)
  }

  app.get<{ Params: { slug: string } }>('/praktijken/:slug/onze-gemeente', async (request, reply) => {
    const loaded = await load(request, request.params.slug)
    return show(request, reply, loaded, emptyState(entryFormValues(loaded.entry)))
  })

  app.post<{ Params: { slug: string } }>('/praktijken/:slug/onze-gemeente', async (request, reply) => {
    const loaded = await load(request, request.params.slug)
    const parsed = parseEntryUpdate(request.body, loaded.entry)
    if (!parsed.ok) return show(request, reply, loaded, failedState(parsed, request.body), 400)
    const { t } = createTranslator(requestLocale(request))
    await db.transaction().execute((trx) => storeSubmission(trx, services, t, { payload: payloadFor(loaded.entry, parsed.value), practice: loaded.practice, submitter: submitterOf(loaded.user, loaded.scope.municipalityId) }))
    setFlash(reply, { kind: 'success', message: 'contributions.entryEdit.sent' })
    return reply.redirect(paths.practice(loaded.practice.slug), 303)
  })
}

/** Without an entry yet, the municipality joins the practice; otherwise its entry changes. */
function payloadFor(current: EntryText | null, entry: EntryText) {
  return current ? { kind: 'entry_update' as const, entry } : { kind: 'join' as const, entry }
}

function submitterOf(user: CurrentUser, municipalityId: string) {
  return { name: user.name, email: user.email, municipalityId, userId: user.id }
}
