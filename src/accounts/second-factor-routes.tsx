// Turning the optional second factor (an authenticator app's six-digit code) on and off.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import QRCode from 'qrcode'
import { recordAudit } from '../audit/audit-queries.ts'
import { decrypt, encrypt } from '../platform/crypto.ts'
import { setFlash } from '../platform/http/flash.ts'
import { text } from '../platform/http/forms.ts'
import { limitRate } from '../platform/http/rate-limit.ts'
import type { FieldError } from '../platform/views/context.ts'
import { sendPage } from '../platform/views/render.ts'
import { paths } from '../paths.ts'
import type { Services } from '../services.ts'
import { pageContext } from '../shell/page-context.ts'
import { findUserById, setSecondFactor } from './accounts-queries.ts'
import { SecondFactorPage } from './second-factor-pages.tsx'
import { requireUser } from './session.ts'
import { newTotpSecret, otpauthUri, verifyTotp } from './totp.ts'

const ENROL_COOKIE = 'welkom_totp_enrol'

export function secondFactorRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database
  const { encryptionKey } = services.config

  // The secret being set up waits in a signed, encrypted cookie until a first code proves the app has it.
  const pendingSecret = (request: FastifyRequest, reply: FastifyReply): string => {
    const raw = request.cookies[ENROL_COOKIE]
    const unsigned = raw ? request.unsignCookie(raw) : null
    if (unsigned?.valid && unsigned.value) {
      try {
        return decrypt(encryptionKey, unsigned.value)
      } catch {
        // fall through to a new secret
      }
    }
    const secret = newTotpSecret()
    reply.setCookie(ENROL_COOKIE, encrypt(encryptionKey, secret), { path: paths.secondFactor(), httpOnly: true, sameSite: 'strict', signed: true, maxAge: 900, secure: services.config.baseUrl.startsWith('https:') })
    return secret
  }

  const show = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[], status = 200) => {
    const user = requireUser(request)
    const ctx = await pageContext(services, request, reply)
    if (user.hasSecondFactor) return sendPage(reply, <SecondFactorPage ctx={ctx} enabled={true} errors={errors} />, status)
    const secret = pendingSecret(request, reply)
    const qrSvg = await QRCode.toString(otpauthUri(secret, user.email), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
    return sendPage(reply, <SecondFactorPage ctx={ctx} enabled={false} errors={errors} secret={secret} qrSvg={qrSvg} />, status)
  }

  app.get('/account/tweestapsverificatie', (request, reply) => show(request, reply, []))

  app.post('/account/tweestapsverificatie', async (request, reply) => {
    const user = requireUser(request)
    if (user.hasSecondFactor) return reply.redirect(paths.secondFactor(), 303)
    await limitRate(db, `totp-enrol:${user.id}`, { max: 10, windowMs: 15 * 60_000 })
    const secret = pendingSecret(request, reply)
    const step = verifyTotp(secret, text(request.body, 'code'), new Date(), null)
    if (step === null) return show(request, reply, [{ field: 'code', message: 'accounts.secondFactor.invalid' }], 400)
    await db.transaction().execute(async (trx) => {
      await setSecondFactor(trx, user.id, encrypt(encryptionKey, secret), step)
      await recordAudit(trx, { municipalityId: user.municipalityId, actor: user, action: 'account.second_factor_enabled', record: { type: 'user', id: user.id } })
    })
    reply.clearCookie(ENROL_COOKIE, { path: paths.secondFactor() })
    setFlash(reply, { kind: 'success', message: 'accounts.secondFactor.enabled' })
    return reply.redirect(paths.account(), 303)
  })

  app.post('/account/tweestapsverificatie/uitzetten', async (request, reply) => {
    const user = requireUser(request)
    await limitRate(db, `totp-disable:${user.id}`, { max: 10, windowMs: 15 * 60_000 })
    const row = await findUserById(db, user.id)
    // Turning it off needs a current code, so a session left open cannot weaken the account.
    const step = row?.totp_secret ? verifyTotp(decrypt(encryptionKey, row.totp_secret), text(request.body, 'code'), new Date(), row.totp_last_step) : null
    if (step === null) return show(request, reply, [{ field: 'code', message: 'accounts.secondFactor.invalid' }], 400)
    await db.transaction().execute(async (trx) => {
      await setSecondFactor(trx, user.id, null, null)
      await recordAudit(trx, { municipalityId: user.municipalityId, actor: user, action: 'account.second_factor_disabled', record: { type: 'user', id: user.id } })
    })
    setFlash(reply, { kind: 'success', message: 'accounts.secondFactor.disabled' })
    return reply.redirect(paths.account(), 303)
  })
}
