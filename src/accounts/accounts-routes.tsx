// Signing in and out, the second-factor challenge, password reset, and the account page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from '../audit/audit-queries.ts'
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/demo-users.ts'
import { decrypt, hashToken } from '../platform/crypto.ts'
import { setFlash } from '../platform/http/flash.ts'
import { FormParser, text } from '../platform/http/forms.ts'
import { limitRate } from '../platform/http/rate-limit.ts'
import { sendPage } from '../platform/views/render.ts'
import { paths } from '../paths.ts'
import type { Services } from '../services.ts'
import { pageContext } from '../shell/page-context.ts'
import { decideSignIn, passwordProblem, safeReturnPath } from './accounts.ts'
import {
  completeSecondFactor,
  deleteSession,
  deleteUserSessions,
  findUserByEmail,
  findUserById,
  findUsableReset,
  invalidateResets,
  listUserSessions,
  recordFailedSignIn,
  recordSignIn,
  recordTotpStep,
  findUserForSession,
  setPassword,
  useReset,
} from './accounts-queries.ts'
import { sendPasswordLink } from './password-links.ts'
import { AccountPage, ForgotPasswordPage, ResetPasswordPage, SecondFactorChallengePage, SignInPage } from './accounts-pages.tsx'
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts'
import { requireUser, SESSION_COOKIE, startSession } from './session.ts'
import { verifyTotp } from './totp.ts'

const SIGN_IN_LIMIT = { max: 20, windowMs: 15 * 60_000 }
const FORGOT_LIMIT = { max: 5, windowMs: 3600_000 }
const CODE_LIMIT = { max: 10, windowMs: 15 * 60_000 }

export function accountsRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database
  const secure = services.config.baseUrl.startsWith('https:')
  const demo = services.config.demo ? { password: DEMO_PASSWORD, users: DEMO_USERS.map((u) => ({ email: u.email, label: u.label })) } : null

  const showSignIn = async (request: FastifyRequest, reply: FastifyReply, state: { errors: { field: string; message: string }[]; values: Record<string, string> }, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    const returnTo = safeReturnPath((request.query as { terug?: string }).terug)
    return sendPage(reply, <SignInPage ctx={ctx} state={state} returnTo={returnTo} demo={demo} />, status)
  }

  app.get('/aanmelden', async (request, reply) => {
    if (request.user) return reply.redirect(paths.home(), 303)
    return showSignIn(request, reply, { errors: [], values: {} })
  })

  app.post('/aanmelden', async (request, reply) => {
    await limitRate(db, `sign-in:ip:${request.ip}`, SIGN_IN_LIMIT)
    const form = new FormParser(request.body)
    const email = form.email('email', { required: true })
    const password = rawField(request.body, 'password')
    form.check(password.length > 0, 'password', 'accounts.signIn.passwordRequired')
    const parsed = form.result({ email, password })
    if (!parsed.ok) return showSignIn(request, reply, parsed, 400)

    const user = await findUserByEmail(db, email)
    const matches = user ? await verifyPassword(user.password_hash, password) : (await burnPasswordCheck(password), false)
    const now = new Date()
    const decision = decideSignIn(
      user && { disabled: user.disabled_at !== null, lockedUntil: user.locked_until_at, failedSignIns: user.failed_sign_ins, hasSecondFactor: user.totp_enabled_at !== null },
      matches,
      now,
    )
    if (decision.outcome === 'refused') {
      // A wrong password counts towards a lock-out, but not while the account is already locked.
      const alreadyLocked = user?.locked_until_at ? user.locked_until_at > now : false
      if (user && !matches && !alreadyLocked) {
        await recordFailedSignIn(db, user.id, decision.lockUntil)
        await recordAudit(db, { municipalityId: user.municipality_id, actor: { id: user.id, name: user.name }, action: decision.lockUntil ? 'account.locked' : 'account.sign_in_failed', record: { type: 'user', id: user.id } })
      }
      const message = decision.reason === 'locked' ? 'accounts.signIn.locked' : 'accounts.signIn.invalid'
      return showSignIn(request, reply, { errors: [{ field: 'email', message }], values: { email } }, 400)
    }
    await startSession(db, reply, request, user!.id, decision.outcome === 'second_factor', secure)
    if (decision.outcome === 'second_factor') return reply.redirect(`${paths.signInCode()}${returnQuery(request)}`, 303)
    await recordSignIn(db, user!.id)
    await recordAudit(db, { municipalityId: user!.municipality_id, actor: { id: user!.id, name: user!.name }, action: 'account.signed_in', record: { type: 'user', id: user!.id } })
    return reply.redirect(safeReturnPath((request.query as { terug?: string }).terug), 303)
  })

  app.get('/aanmelden/code', async (request, reply) => {
    if (!request.pendingSecondFactor) return reply.redirect(paths.signIn(), 303)
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <SecondFactorChallengePage ctx={ctx} errors={[]} />)
  })

  app.post('/aanmelden/code', async (request, reply) => {
    if (!request.pendingSecondFactor || !request.sessionId) return reply.redirect(paths.signIn(), 303)
    await limitRate(db, `sign-in-code:${request.sessionId}`, CODE_LIMIT)
    const session = await findUserForSession(db, request.sessionId)
    const code = text(request.body, 'code')
    const step = session?.totp_secret ? verifyTotp(decrypt(services.config.encryptionKey, session.totp_secret), code, new Date(), session.totp_last_step) : null
    if (!session || step === null || !(await recordTotpStep(db, session.id, step))) {
      if (session) await recordAudit(db, { municipalityId: session.municipality_id, actor: { id: session.id, name: session.name }, action: 'account.second_factor_failed', record: { type: 'user', id: session.id } })
      const ctx = await pageContext(services, request, reply)
      return sendPage(reply, <SecondFactorChallengePage ctx={ctx} errors={[{ field: 'code', message: 'accounts.challenge.invalid' }]} />, 400)
    }
    await completeSecondFactor(db, request.sessionId)
    await recordSignIn(db, session.id)
    await recordAudit(db, { municipalityId: session.municipality_id, actor: { id: session.id, name: session.name }, action: 'account.signed_in', record: { type: 'user', id: session.id }, details: { secondFactor: true } })
    return reply.redirect(safeReturnPath((request.query as { terug?: string }).terug), 303)
  })

  app.post('/afmelden', async (request, reply) => {
    if (request.sessionId) {
      await deleteSession(db, request.sessionId)
      if (request.user) await recordAudit(db, { municipalityId: request.user.municipalityId, actor: request.user, action: 'account.signed_out', record: { type: 'user', id: request.user.id } })
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    setFlash(reply, { kind: 'info', message: 'accounts.signedOut' })
    return reply.redirect(paths.signIn(), 303)
  })

  app.get('/wachtwoord-vergeten', async (request, reply) => {
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <ForgotPasswordPage ctx={ctx} state={{ errors: [], values: {} }} sent={false} />)
  })

  app.post('/wachtwoord-vergeten', async (request, reply) => {
    await limitRate(db, `forgot:ip:${request.ip}`, FORGOT_LIMIT)
    const form = new FormParser(request.body)
    const email = form.email('email', { required: true })
    const parsed = form.result({ email })
    const ctx = await pageContext(services, request, reply)
    if (!parsed.ok) return sendPage(reply, <ForgotPasswordPage ctx={ctx} state={parsed} sent={false} />, 400)
    const user = await findUserByEmail(db, email)
    // Say the same whether or not the address is known, so the form reveals no accounts.
    if (user && !user.disabled_at) {
      await limitRate(db, `forgot:user:${user.id}`, { max: 3, windowMs: 3600_000 })
      await db.transaction().execute(async (trx) => {
        await sendPasswordLinkFor(trx, user)
        await recordAudit(trx, { municipalityId: user.municipality_id, actor: null, action: 'account.password_reset_requested', record: { type: 'user', id: user.id } })
      })
    }
    return sendPage(reply, <ForgotPasswordPage ctx={ctx} state={{ errors: [], values: {} }} sent={true} />)
  })

  const sendPasswordLinkFor = async (trx: Parameters<typeof sendPasswordLink>[0], user: NonNullable<Awaited<ReturnType<typeof findUserByEmail>>>) =>
    sendPasswordLink(trx, services, { id: user.id, email: user.email, name: user.name, locale: user.locale, municipalityId: user.municipality_id }, 'reset')

  app.get<{ Params: { token: string } }>('/wachtwoord-herstellen/:token', async (request, reply) => {
    const reset = await findUsableReset(db, hashToken(request.params.token))
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <ResetPasswordPage ctx={ctx} token={request.params.token} errors={[]} usable={reset !== null && !reset.disabled_at} />, reset ? 200 : 404)
  })

  app.post<{ Params: { token: string } }>('/wachtwoord-herstellen/:token', async (request, reply) => {
    await limitRate(db, `reset:ip:${request.ip}`, { max: 20, windowMs: 3600_000 })
    const tokenHash = hashToken(request.params.token)
    const reset = await findUsableReset(db, tokenHash)
    const ctx = await pageContext(services, request, reply)
    if (!reset || reset.disabled_at) return sendPage(reply, <ResetPasswordPage ctx={ctx} token={request.params.token} errors={[]} usable={false} />, 404)
    // Passwords are taken as typed: no trimming or normalising.
    const password = rawField(request.body, 'password')
    const confirmation = rawField(request.body, 'confirmation')
    const problem = passwordProblem(password, reset.email)
    const errors = problem ? [{ field: 'password', message: problem }] : password !== confirmation ? [{ field: 'confirmation', message: 'accounts.reset.mismatch' }] : []
    if (errors.length) return sendPage(reply, <ResetPasswordPage ctx={ctx} token={request.params.token} errors={errors} usable={true} />, 400)
    const passwordHash = await hashPassword(password)
    const changed = await db.transaction().execute(async (trx) => {
      if (!(await useReset(trx, tokenHash))) return false
      const user = (await findUserById(trx, reset.user_id))!
      await setPassword(trx, user.id, passwordHash)
      await invalidateResets(trx, user.id)
      // A new password ends every session: whoever knew the old one is signed out.
      await deleteUserSessions(trx, user.id)
      await recordAudit(trx, { municipalityId: user.municipality_id, actor: { id: user.id, name: user.name }, action: 'account.password_changed', record: { type: 'user', id: user.id } })
      return true
    })
    if (!changed) return sendPage(reply, <ResetPasswordPage ctx={ctx} token={request.params.token} errors={[]} usable={false} />, 404)
    setFlash(reply, { kind: 'success', message: 'accounts.reset.done' })
    return reply.redirect(paths.signIn(), 303)
  })

  app.get('/account', async (request, reply) => {
    const user = requireUser(request)
    const ctx = await pageContext(services, request, reply)
    const sessions = (await listUserSessions(db, user.id))
      .filter((s) => !s.is_pending_second_factor)
      .map((s) => ({ id: s.id, current: s.id === request.sessionId, device: describeDevice(s.user_agent, ctx.t('accounts.account.unknownDevice')), createdAt: s.created_at, lastSeenAt: s.last_seen_at }))
    return sendPage(reply, <AccountPage ctx={ctx} email={user.email} roleLabel={ctx.t(`roles.${user.role}`)} hasSecondFactor={user.hasSecondFactor} sessions={sessions} />)
  })

  app.post('/account/overal-afmelden', async (request, reply) => {
    const user = requireUser(request)
    const ended = await deleteUserSessions(db, user.id, request.sessionId ?? undefined)
    await recordAudit(db, { municipalityId: user.municipalityId, actor: user, action: 'account.signed_out_everywhere', record: { type: 'user', id: user.id }, details: { sessions: ended } })
    setFlash(reply, { kind: 'success', message: 'accounts.account.signedOutEverywhere' })
    return reply.redirect(paths.account(), 303)
  })
}

function rawField(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  return typeof value === 'string' ? value : ''
}

function returnQuery(request: FastifyRequest): string {
  const terug = (request.query as { terug?: string }).terug
  return terug ? `?terug=${encodeURIComponent(safeReturnPath(terug))}` : ''
}

/** "Firefox on Windows", from the user agent, without keeping the full string on screen. */
export function describeDevice(userAgent: string | null, unknown: string): string {
  if (!userAgent) return unknown
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrome\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : null
  const system = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Windows/.test(userAgent) ? 'Windows' : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : null
  return [browser, system].filter(Boolean).join(' · ') || unknown
}
