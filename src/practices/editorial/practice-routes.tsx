// A practice for editors: its status and the allowed moves, its history, and restoring an
// earlier version.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../../accounts/accounts.ts'
import { requireRole } from '../../accounts/session.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { text } from '../../platform/http/forms.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { PRACTICE_STATUSES, type Practice, type PracticeStatus } from '../practices.ts'
import { findPracticeById, listCategories, listTargetGroups } from '../practices-queries.ts'
import { restorableVersion } from './editorial.ts'
import { findVersion, listVersions, pendingSubmissionsOfPractice } from './editorial-queries.ts'
import { changePracticeStatus, restoreVersion } from './practice-actions.ts'
import { EditorialPracticePage, HistoryPage, VERSION_PARAM, VersionPage } from './practice-pages.tsx'

type Params = { Params: { id: string } }

export function practiceRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  const findPractice = async (id: string): Promise<Practice> => {
    const practice = await findPracticeById(db, id)
    if (!practice) throw new NotFound('practice')
    return practice
  }

  const showPractice = async (request: FastifyRequest, reply: FastifyReply, practice: Practice, notice: string | null = null, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <EditorialPracticePage ctx={ctx} practice={practice} pending={await pendingSubmissionsOfPractice(db, practice.id)} notice={notice} />, status)
  }

  app.get<Params>('/redactie/praktijken/:id', async (request, reply) => {
    requireRole(request, can.editPractices)
    return showPractice(request, reply, await findPractice(request.params.id))
  })

  app.post<Params>('/redactie/praktijken/:id', async (request, reply) => {
    const editor = requireRole(request, can.editPractices)
    const practice = await findPractice(request.params.id)
    const to = text(request.body, 'status')
    if (!(PRACTICE_STATUSES as readonly string[]).includes(to)) return showPractice(request, reply, practice, 'editorial.practice.notAllowed', 400)
    const outcome = await changePracticeStatus(db, editor, practice.id, to as PracticeStatus)
    if (outcome !== 'changed') {
      // A stale page (another editor moved the practice) or a crafted request: show the status as it is now.
      return showPractice(request, reply, await findPractice(practice.id), outcome === 'conflict' ? 'editorial.practice.conflict' : 'editorial.practice.notAllowed', 409)
    }
    setFlash(reply, { kind: 'success', message: 'editorial.practice.statusChanged' })
    return reply.redirect(paths.editorialPractice(practice.id), 303)
  })

  app.get<Params>('/redactie/praktijken/:id/versies', async (request, reply) => {
    requireRole(request, can.editPractices)
    const practice = await findPractice(request.params.id)
    const ctx = await pageContext(services, request, reply)
    const requested = (request.query as Record<string, unknown>)[VERSION_PARAM]
    if (requested === undefined) return sendPage(reply, <HistoryPage ctx={ctx} practice={practice} versions={await listVersions(db, practice.id)} />)
    const version = await findVersion(db, practice.id, versionNumber(requested))
    if (!version) throw new NotFound('practice version')
    const [categories, targetGroups] = await Promise.all([listCategories(db), listTargetGroups(db)])
    const vocabulary = { categories: new Map(categories.map((c) => [c.slug, c.name])), targetGroups: new Map(targetGroups.map((g) => [g.slug, g.name])) }
    return sendPage(reply, <VersionPage ctx={ctx} practice={practice} version={version} restorable={restorableVersion(version.snapshot)} vocabulary={vocabulary} />)
  })

  app.post<Params>('/redactie/praktijken/:id/versies', async (request, reply) => {
    const editor = requireRole(request, can.editPractices)
    const practice = await findPractice(request.params.id)
    const outcome = await restoreVersion(db, editor, practice.id, versionNumber(text(request.body, VERSION_PARAM)))
    if (!outcome.ok) {
      setFlash(reply, { kind: 'info', message: 'editorial.version.notRestorable' })
      return reply.redirect(paths.editorialHistory(practice.id), 303)
    }
    setFlash(reply, { kind: 'success', message: 'editorial.version.restored' })
    return reply.redirect(paths.editorialHistory(practice.id), 303)
  })
}

/** A version number from a form or query string; anything else finds no version (404). */
function versionNumber(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN
  return Number.isSafeInteger(n) ? n : -1
}
