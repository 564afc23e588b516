// The staff calendar over HTTP: staff make, replace or revoke an edition's secret calendar address
// (behind requireEdition), and calendar apps fetch the feed by that address without signing in.
import type { FastifyInstance } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { hashToken, newToken } from '../../platform/crypto.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { text } from '../../platform/http/forms.ts'
import { limitRate } from '../../platform/http/rate-limit.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { requireEdition } from '../edition-access.ts'
import { findEdition } from '../editions-queries.ts'
import { listProgrammeItems } from '../programme/programme-queries.ts'
import { CalendarPage } from './calendar-page.tsx'
import { findEditionByCalendarToken, setCalendarTokenHash } from './calendar-queries.ts'
import { buildCalendar } from './ical.ts'
import { listTasks } from './playbook-queries.ts'

type Params = { Params: { id: string } }

/** Calendar apps poll every so often; a guesser gets nowhere against 256-bit tokens anyway. */
const FEED_LIMIT = { max: 120, windowMs: 3600_000 }
/** Without a programme, the ceremony is shown as two hours long. */
const DEFAULT_MINUTES = 120

export function calendarRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database
  const base = services.config.baseUrl.replace(/\/$/, '')

  app.get<Params>('/edities/:id/agenda', async (request, reply) => {
    const { edition } = await requireEdition(db, request, request.params.id)
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <CalendarPage ctx={ctx} edition={edition} />)
  })

  app.post<Params>('/edities/:id/agenda', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    const now = new Date()
    if (text(request.body, 'action') === 'revoke') {
      await db.transaction().execute(async (trx) => {
        await setCalendarTokenHash(trx, edition.id, null, now)
        if (edition.hasCalendarFeed) await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'edition.calendar_feed_revoked', record: { type: 'edition', id: edition.id } })
      })
      setFlash(reply, { kind: 'success', message: 'playbook.calendar.revoked' })
      return reply.redirect(paths.editionCalendar(edition.id), 303)
    }
    // Making a new address replaces the old one, which stops working at once.
    const token = newToken()
    await db.transaction().execute(async (trx) => {
      await setCalendarTokenHash(trx, edition.id, hashToken(token), now)
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'edition.calendar_feed_created', record: { type: 'edition', id: edition.id }, details: { replaced: edition.hasCalendarFeed } })
    })
    // The address is shown on this response only: no redirect (it would need the token in a URL
    // or cookie), and no caching by the browser or a proxy.
    reply.header('cache-control', 'no-store')
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <CalendarPage ctx={ctx} edition={{ ...edition, hasCalendarFeed: true }} address={`${base}${paths.calendarFeed(token)}`} />, 201)
  })

  app.get<{ Params: { token: string } }>('/agenda/:token.ics', async (request, reply) => {
    await limitRate(db, `calendar-feed:ip:${request.ip}`, FEED_LIMIT)
    const found = await findEditionByCalendarToken(db, hashToken(request.params.token))
    // The creating municipality always organises its edition, so its scope finds it.
    const edition = found && (await findEdition(db, { municipalityId: found.municipalityId }, found.id))
    if (!edition) throw new NotFound('calendar')
    const now = new Date()
    const [tasks, items] = await Promise.all([listTasks(db, edition, now), listProgrammeItems(db, edition.id)])
    const minutes = items.reduce((sum, item) => sum + item.durationMinutes, 0)
    const body = buildCalendar({
      uidDomain: new URL(base).hostname,
      now,
      edition: { id: edition.id, name: edition.name, startsAt: edition.startsAt, durationMinutes: minutes > 0 ? minutes : DEFAULT_MINUTES, location: [edition.venueName, edition.venueRoom, edition.venueAddress].filter(Boolean).join(', '), url: `${base}${paths.edition(edition.id)}` },
      tasks: tasks.filter((task) => task.status !== 'done').map((task) => ({ id: task.id, title: task.title, description: task.description, dueOn: task.dueOn, url: `${base}${paths.editionTask(edition.id, task.id)}` })),
    })
    return reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex').type('text/calendar; charset=utf-8').send(body)
  })
}
