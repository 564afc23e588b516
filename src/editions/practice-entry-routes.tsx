// POST /edities/:id/praktijkpagina: propose the municipality's line on the ceremony practice page,
// as signed-in staff do on the practice page itself (a reviewed submission, no e-mail round trip).
import type { FastifyInstance } from 'fastify'
import { findMunicipality } from '../municipalities/municipalities-queries.ts'
import { NotFound } from '../platform/errors.ts'
import { setFlash } from '../platform/http/flash.ts'
import { createTranslator } from '../platform/i18n/i18n.ts'
import { findOwnEntry } from '../practices/contributions/contribution-queries.ts'
import { storeSubmission } from '../practices/contributions/contribution-submit.ts'
import { findPracticeBySlug } from '../practices/practices-queries.ts'
import { CEREMONY_SLUG } from '../practices/reference-data.ts'
import { paths } from '../paths.ts'
import type { Services } from '../services.ts'
import { requestLocale } from '../shell/page-context.ts'
import { requireEdition } from './edition-access.ts'
import { listEditions } from './editions-queries.ts'
import { proposedEntry } from './practice-entry.ts'

export function practiceEntryRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.post<{ Params: { id: string } }>('/edities/:id/praktijkpagina', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const practice = await findPracticeBySlug(db, CEREMONY_SLUG, { publishedOnly: true })
    const municipality = await findMunicipality(db, scope.municipalityId)
    if (!practice || !municipality) throw new NotFound('practice')
    const { t } = createTranslator('nl')
    const current = await findOwnEntry(db, scope, practice.id)
    const editions = (await listEditions(db, scope)).map((e) => ({ startsAt: e.startsAt, venueName: e.venueName, organisers: e.organisers.map((o) => o.name) }))
    const entry = proposedEntry(current, { municipalityName: municipality.name, contact: { email: municipality.contactEmail, phone: municipality.contactPhone, website: municipality.website }, editions }, t)
    if (!entry) {
      setFlash(reply, { kind: 'info', message: 'editions.practice.upToDate' })
      return reply.redirect(paths.edition(edition.id), 303)
    }
    const payload = current ? { kind: 'entry_update' as const, entry } : { kind: 'join' as const, entry }
    const mailT = createTranslator(requestLocale(request)).t
    await db.transaction().execute((trx) => storeSubmission(trx, services, mailT, { payload, practice, submitter: { name: user.name, email: user.email, municipalityId: scope.municipalityId, userId: user.id } }))
    setFlash(reply, { kind: 'success', message: current ? 'editions.practice.updateSent' : 'editions.practice.joinSent' })
    return reply.redirect(paths.edition(edition.id), 303)
  })
}
