// Who is asking: the session cookie holds a random token; the database holds its hash.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { hashToken, newToken } from '../platform/crypto.ts'
import { Forbidden, SignInRequired } from '../platform/errors.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import { sessionExpiry, type CurrentUser, type Scope } from './accounts.ts'
import { deleteSession, findSessionWithUser, insertSession, toCurrentUser, touchSession } from './accounts-queries.ts'

export const SESSION_COOKIE = 'welkom_session'
const TOUCH_EVERY_MS = 5 * 60_000

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null
    sessionId: string | null
    /** Signed in with a password, the second factor still to come. */
    pendingSecondFactor: boolean
  }
}

export async function loadSession(db: AnyDb, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  request.user = null
  request.sessionId = null
  request.pendingSecondFactor = false
  const token = request.cookies[SESSION_COOKIE]
  if (!token) return
  const id = hashToken(token)
  const row = await findSessionWithUser(db, id)
  const now = new Date()
  if (!row || row.expires_at <= now || row.disabled_at) {
    if (row) await deleteSession(db, id)
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) await touchSession(db, id, now, sessionExpiry(row.session_created_at, now))
  request.sessionId = id
  request.pendingSecondFactor = row.is_pending_second_factor
  if (!row.is_pending_second_factor) request.user = toCurrentUser(row)
}

export async function startSession(db: AnyDb, reply: FastifyReply, request: FastifyRequest, userId: string, pendingSecondFactor: boolean, secure: boolean): Promise<void> {
  // A fresh token at every sign-in: a session id planted before sign-in is never promoted.
  if (request.sessionId) await deleteSession(db, request.sessionId)
  const token = newToken()
  const now = new Date()
  await insertSession(db, {
    id: hashToken(token),
    user_id: userId,
    is_pending_second_factor: pendingSecondFactor,
    user_agent: (request.headers['user-agent'] ?? '').slice(0, 200) || null,
    created_at: now,
    last_seen_at: now,
    expires_at: sessionExpiry(now, now),
  })
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure })
}

export function requireUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new SignInRequired()
  return request.user
}

export function requireRole(request: FastifyRequest, allowed: (user: CurrentUser) => boolean): CurrentUser {
  const user = requireUser(request)
  if (!allowed(user)) throw new Forbidden()
  return user
}

/** The municipality whose data this user works on. */
export function scopeOf(user: CurrentUser): Scope {
  if (!user.municipalityId) throw new Forbidden()
  return { municipalityId: user.municipalityId }
}
