// One place maps errors to responses: translated pages for people, JSON for the API. A 500 shows
// an error id that also appears in the log, never a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { EditionPurged, Forbidden, NotFound, SignInRequired, TooManyRequests } from '../platform/errors.ts'
import { createTranslator } from '../platform/i18n/i18n.ts'
import type { PageContext } from '../platform/views/context.ts'
import { sendPage } from '../platform/views/render.ts'
import { paths } from '../paths.ts'
import type { Services } from '../services.ts'
import { navigationFor } from './navigation.ts'
import { pageContext, requestLocale } from './page-context.ts'
import { ErrorPage, type ErrorKind } from './shell-pages.tsx'

export function registerErrorPages(app: FastifyInstance, services: Services): void {
  app.setNotFoundHandler(async (request, reply) => {
    if (isApi(request)) return reply.status(404).send({ error: 'not_found' })
    return renderError(services, request, reply, 404, 'notFound')
  })

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof SignInRequired) {
      if (isApi(request)) return reply.status(401).send({ error: 'unauthorized' })
      return reply.redirect(paths.signIn(request.method === 'GET' ? request.url : undefined), 303)
    }
    if (error instanceof NotFound) return isApi(request) ? reply.status(404).send({ error: 'not_found' }) : renderError(services, request, reply, 404, 'notFound')
    if (error instanceof Forbidden) return isApi(request) ? reply.status(403).send({ error: 'forbidden' }) : renderError(services, request, reply, 403, 'forbidden')
    if (error instanceof EditionPurged) return isApi(request) ? reply.status(409).send({ error: 'edition_purged' }) : renderError(services, request, reply, 409, 'editionPurged')
    if (error instanceof TooManyRequests) {
      reply.header('retry-after', String(error.retryAfterSeconds))
      return isApi(request) ? reply.status(429).send({ error: 'too_many_requests' }) : renderError(services, request, reply, 429, 'tooManyRequests')
    }
    if (error.code?.startsWith('FST_CSRF')) return renderError(services, request, reply, 403, 'csrf')
    if (isApi(request) && error.validation) {
      return reply.status(400).send({ error: 'invalid_request', details: error.validation.map((v) => ({ path: v.instancePath, message: v.message })) })
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      if (isApi(request)) return reply.status(error.statusCode).send({ error: error.code ?? 'bad_request' })
      return renderError(services, request, reply, error.statusCode === 413 ? 413 : 400, 'badRequest')
    }
    const errorId = request.id
    request.log.error({ err: error, errorId }, 'unhandled error')
    if (isApi(request)) return reply.status(500).send({ error: 'internal_error', errorId })
    return renderError(services, request, reply, 500, 'serverError', errorId)
  })
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/')
}

async function renderError(services: Services, request: FastifyRequest, reply: FastifyReply, status: number, kind: ErrorKind | 'badRequest', errorId?: string) {
  const ctx = await safeContext(services, request, reply)
  return sendPage(reply, <ErrorPage ctx={ctx} kind={kind} errorId={errorId} />, status)
}

/** The error page must render even when the database is what failed. */
async function safeContext(services: Services, request: FastifyRequest, reply: FastifyReply): Promise<PageContext> {
  try {
    return await pageContext(services, request, reply)
  } catch {
    return {
      ...createTranslator(requestLocale(request)),
      csrfToken: '',
      path: request.url.split('?')[0] ?? '/',
      user: null,
      municipality: null,
      navigation: navigationFor(null),
      flash: null,
      demo: services.config.demo,
    }
  }
}
