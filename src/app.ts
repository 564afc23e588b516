// Builds the web application without listening, so tests drive it with `inject` and `welkom
// serve` listens. Security plumbing first, then each feature's routes, then error pages.
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import staticFiles from '@fastify/static'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { accountsRoutes } from './accounts/accounts-routes.tsx'
import { secondFactorRoutes } from './accounts/second-factor-routes.tsx'
import { loadSession } from './accounts/session.ts'
import { apiRoutes } from './api/api-routes.ts'
import { apiTokenRoutes } from './api/api-token-routes.tsx'
import { auditRoutes } from './audit/audit-routes.tsx'
import { municipalitiesRoutes } from './municipalities/municipalities-routes.tsx'
import { operationsRoutes } from './operations/operations-routes.tsx'
import { editionRoutes } from './editions/editions-routes.tsx'
import { playbookRoutes } from './editions/playbook/playbook-routes.tsx'
import { partnerRoutes } from './editions/partners/partner-routes.ts'
import { programmeRoutes } from './editions/programme/programme-routes.tsx'
import { inviteeListRoutes } from './invitees/list/invitee-list-routes.tsx'
import { importWizardRoutes } from './invitees/wizard/wizard-routes.tsx'
import { purgeReceiptRoutes } from './invitees/purge-receipt/receipt-routes.tsx'
import { carryOverRoutes } from './invitees/carry-over/carry-over-routes.tsx'
import { householdsRoutes } from './invitees/households/households-routes.tsx'
import { selectionRoutes } from './invitees/selection/selection-routes.tsx'
import { invitationSendingRoutes } from './invitations/sending/sending-routes.tsx'
import { reminderRoutes } from './invitations/reminders/reminders-routes.tsx'
import { replyOverviewRoutes } from './invitations/overview/overview-routes.tsx'
import { returnedLetterRoutes } from './invitations/returned/returned-routes.tsx'
import { letterRoutes } from './invitations/letters/letters-routes.tsx'
import { replyRoutes } from './invitations/reply/reply-routes.tsx'
import { recordingRoutes } from './invitations/recording/recording-routes.tsx'
import { helpRoutes } from './invitations/help/help-routes.tsx'
import { contributionRoutes } from './practices/contributions/contribution-routes.tsx'
import { editorialRoutes } from './practices/editorial/editorial-routes.tsx'
import { feedRoutes } from './practices/feeds/feed-routes.ts'
import { practicePublicRoutes } from './practices/public/public-routes.tsx'
import { registerErrorPages } from './shell/error-handling.tsx'
import { shellRoutes } from './shell/shell-routes.tsx'
import { staffRoutes } from './staff/staff-routes.tsx'
import type { Services } from './services.ts'
import { registerSecurityHeaders } from './platform/http/security-headers.ts'
import { PHOTO_MAX_BYTES } from './practices/contributions/images.ts'

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    // No personal data in logs: never the query string (it can hold names or tokens), never a
    // token-bearing path, never cookies or authorization headers.
    serializers: {
      req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched', id: req.id }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
    redact: ['req.headers.cookie', 'req.headers.authorization'],
  }
}

export interface AppOptions {
  /** Where the log goes (tests read it); standard output by default. */
  logStream?: NodeJS.WritableStream
}

export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = services
  const secure = config.baseUrl.startsWith('https:')
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  })

  registerSecurityHeaders(app, secure)
  await app.register(cookie, { secret: config.sessionSecret })
  await app.register(formbody)
  // One byte over the largest limit (a practice photo) is enough to know a file is too large; the
  // form then shows a field error instead of a bare 413 page. Smaller limits (the municipality
  // logo) are checked by their own form parsers.
  await app.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: PHOTO_MAX_BYTES + 1, files: 1, fields: 50 }, throwFileSizeLimit: false })
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'welkom_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true },
    getToken: (request) => (request.body as Record<string, string> | undefined)?._csrf,
  })
  await app.register(staticFiles, { root: join(import.meta.dirname, '../public'), prefix: '/static/', maxAge: secure ? '1d' : 0 })

  app.decorateRequest('user', null)
  app.decorateRequest('sessionId', null)
  app.decorateRequest('pendingSecondFactor', false)

  // A newcomer's pages (/r/<token>…) never show or use staff data, and the reply page is the most
  // visited page: no session lookup there.
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/static/') || request.url.startsWith('/api/') || request.url === '/healthz' || request.url.startsWith('/r/')) return
    await loadSession(services.database.db, request, reply)
  })

  // Every form carries a CSRF token; the API authenticates with bearer tokens instead of cookies.
  // A newcomer's own address is exempt: the reply form and the recording upload post to
  // /r/<token>, whose 144-bit token is the only key to that person's invitation. A forged request
  // from another site must name that token, and a site that knows it could simply use it, so a
  // CSRF token would prove nothing more; leaving it out spares the reply page, the most visited
  // page, a signed cookie on every visit. The code form (/r), which any site can post to, and every
  // staff form keep the token.
  const CSRF_EXEMPT_ROUTES = new Set(['/r/:token', '/r/:token/uitspraak'])
  app.addHook('preHandler', (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method) || request.url.startsWith('/api/') || CSRF_EXEMPT_ROUTES.has(request.routeOptions.url ?? '')) return done()
    app.csrfProtection(request, reply, done)
  })

  // Before the routes, so that every route (also those in registered plugins) uses these pages.
  registerErrorPages(app, services)
  shellRoutes(app, services)
  accountsRoutes(app, services)
  secondFactorRoutes(app, services)
  staffRoutes(app, services)
  municipalitiesRoutes(app, services)
  auditRoutes(app, services)
  operationsRoutes(app, services)
  apiTokenRoutes(app, services)
  practicePublicRoutes(app, services)
  feedRoutes(app, services)
  contributionRoutes(app, services)
  editorialRoutes(app, services)
  editionRoutes(app, services)
  playbookRoutes(app, services)
  partnerRoutes(app, services)
  programmeRoutes(app, services)
  inviteeListRoutes(app, services)
  importWizardRoutes(app, services)
  purgeReceiptRoutes(app, services)
  householdsRoutes(app, services)
  selectionRoutes(app, services)
  carryOverRoutes(app, services)
  invitationSendingRoutes(app, services)
  reminderRoutes(app, services)
  replyOverviewRoutes(app, services)
  returnedLetterRoutes(app, services)
  letterRoutes(app, services)
  replyRoutes(app, services)
  recordingRoutes(app, services)
  helpRoutes(app, services)
  await apiRoutes(app, services)

  return app
}
