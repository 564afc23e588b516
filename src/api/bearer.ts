// Who is calling the API: a bearer token, looked up by its hash, names the municipality. The API
// never uses the session cookie, so a browser that is signed in cannot be tricked into calling it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Scope } from '../accounts/accounts.ts'
import { hashToken } from '../platform/crypto.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import { limitRate, refuseIfLimited } from '../platform/http/rate-limit.ts'
import { bearerToken, FAILED_AUTH_LIMIT, isUseWorthRecording } from './api-tokens.ts'
import { findActiveApiToken, recordApiTokenUse } from './api-tokens-queries.ts'

/** The municipality an API request works on, and the token that said so (for the audit log). */
export interface ApiScope extends Scope {
  tokenId: string
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the bearer hook on every /api/v1 request that gets past it. */
    apiScope: ApiScope | null
  }
}

/** Adds the bearer check to every route of `api` (an encapsulated instance: the /api/v1 routes). */
export function registerBearerAuth(api: FastifyInstance, db: AnyDb): void {
  api.decorateRequest('apiScope', null)
  api.addHook('onRequest', async (request, reply) => {
    const rateKey = `api-auth:ip:${request.ip}`
    // A blocked address is refused even with a valid token, or the limit would not slow guessing.
    await refuseIfLimited(db, rateKey, FAILED_AUTH_LIMIT)

    const presented = request.headers.authorization !== undefined
    const token = bearerToken(request.headers.authorization)
    const found = token ? await findActiveApiToken(db, hashToken(token)) : null
    if (!found) {
      await limitRate(db, rateKey, FAILED_AUTH_LIMIT)
      return refuse(reply, presented)
    }
    const now = new Date()
    if (isUseWorthRecording(found.lastUsedAt, now)) await recordApiTokenUse(db, found.id, now)
    request.apiScope = { municipalityId: found.municipalityId, tokenId: found.id }
  })
}

/** The scope set by the hook; a route without the hook is a programming error, not a 401. */
export function apiScopeOf(request: FastifyRequest): ApiScope {
  if (!request.apiScope) throw new Error('API route registered without bearer authentication')
  return request.apiScope
}

function refuse(reply: FastifyReply, presented: boolean): FastifyReply {
  // RFC 6750: no error code when no credentials were sent; "invalid_token" when they were wrong.
  reply.header('www-authenticate', presented ? 'Bearer error="invalid_token"' : 'Bearer')
  return reply.status(401).send({ error: 'unauthorized' })
}
