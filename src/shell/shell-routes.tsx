// The app's frame: home page, language switch, health checks, municipality theme and logo.
import type { FastifyInstance } from 'fastify'
import { can } from '../accounts/accounts.ts'
import { setUserLocale } from '../accounts/accounts-queries.ts'
import { requireUser } from '../accounts/session.ts'
import { findLogo, findMunicipality } from '../municipalities/municipalities-queries.ts'
import { safeReturnPath } from '../accounts/accounts.ts'
import { isReachable } from '../platform/db/database.ts'
import { text } from '../platform/http/forms.ts'
import { isStaffLocale } from '../platform/i18n/i18n.ts'
import { countJobsByStatus } from '../platform/jobs/jobs-queries.ts'
import { sendPage } from '../platform/views/render.ts'
import { paths } from '../paths.ts'
import type { Services } from '../services.ts'
import { navigationFor } from './navigation.ts'
import { LANGUAGE_COOKIE, pageContext } from './page-context.ts'
import { HomePage } from './shell-pages.tsx'

export function shellRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get('/', async (request, reply) => {
    const user = requireUser(request)
    const ctx = await pageContext(services, request, reply)
    const links = navigationFor(user)
      .filter((item) => item.href !== paths.home())
      .map((item) => ({ href: item.href, label: ctx.t(item.label), description: ctx.t(`${item.label}.description`) }))
    const deadJobs = can.operate(user) ? (await countJobsByStatus(db, user.role === 'platform_admin' ? null : user.municipalityId)).dead : null
    return sendPage(
      reply,
      <HomePage ctx={ctx} municipalityName={ctx.municipality?.name ?? null} roleLabel={ctx.t(`roles.${user.role}`)} links={links} deadJobs={deadJobs} hasSecondFactor={user.hasSecondFactor} />,
    )
  })

  app.post('/taal', async (request, reply) => {
    const locale = text(request.body, 'taal')
    if (isStaffLocale(locale)) {
      reply.setCookie(LANGUAGE_COOKIE, locale, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86400, secure: services.config.baseUrl.startsWith('https:') })
      if (request.user) await setUserLocale(db, request.user.id, locale)
    }
    return reply.redirect(safeReturnPath(text(request.body, 'terug')), 303)
  })

  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }))

  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    const ok = await isReachable(db)
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'database unreachable' })
  })

  // The theme is a stylesheet, not an inline style, so the CSP can forbid inline styles.
  app.get<{ Params: { id: string } }>('/thema/:id.css', async (request, reply) => {
    const municipality = await findMunicipality(db, request.params.id)
    if (!municipality) return reply.callNotFound()
    return reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'private, max-age=300')
      .send(`:root { --brand: ${municipality.themeColor}; }\n`)
  })

  app.get<{ Params: { id: string } }>('/gemeente/:id/logo', async (request, reply) => {
    const logo = await findLogo(db, request.params.id)
    if (!logo) return reply.callNotFound()
    return reply.type(logo.type).header('cache-control', 'public, max-age=3600').header('last-modified', logo.updatedAt.toUTCString()).send(logo.bytes)
  })
}
