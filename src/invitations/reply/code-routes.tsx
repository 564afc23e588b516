// /r: typing the short code from a letter. A code has about 36 bits, so tries are limited per
// address and, for the partner help page (where a class may share one address), per edition as
// well. A miss, an invalid code and a code of a purged edition all get the same answer.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hashToken } from '../../platform/crypto.ts'
import { TooManyRequests } from '../../platform/errors.ts'
import { text } from '../../platform/http/forms.ts'
import { limitRate, type RateLimit } from '../../platform/http/rate-limit.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { findInvitationByCode, invitationKeys } from '../invitations-queries.ts'
import { normaliseShortCode } from '../reply-codes.ts'
import { CodePage, TooManyTriesPage } from './code-pages.tsx'
import { newcomerLanguage, newcomerTranslator } from './newcomer-language.ts'
import { sendNewcomerPage } from './newcomer-layout.tsx'
import { findEditionIdByHelpToken, findReplySubjectByToken } from './reply-queries.ts'

/** One person mistyping a few times stays well inside; guessing from one address is pointless. */
export const CODE_LIMIT_PER_ADDRESS: RateLimit = { max: 10, windowMs: 15 * 60_000 }
/** Through a partner's help page a classroom may share one address; the edition's budget bounds it. */
export const CODE_LIMIT_PER_ADDRESS_WITH_HELP: RateLimit = { max: 60, windowMs: 15 * 60_000 }
export const CODE_LIMIT_PER_EDITION: RateLimit = { max: 300, windowMs: 3600_000 }

const MAX_HELP_TOKEN = 100

export function codeRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database
  const { config } = services

  const show = (request: FastifyRequest, reply: FastifyReply, state: { code: string; help: string; error: 'unknown' | null }, status: number) => {
    const i18n = newcomerTranslator(newcomerLanguage(request))
    return sendNewcomerPage(reply, status, <CodePage i18n={i18n} csrfToken={reply.generateCsrf()} {...state} />)
  }

  app.get('/r', async (request, reply) => show(request, reply, { code: '', help: helpToken(request.query), error: null }, 200))

  app.post('/r', async (request, reply) => {
    const help = helpToken(request.body)
    const typed = text(request.body, 'code').slice(0, 40)
    try {
      // The edition of a partner's help page, when the page posted its token; a wrong token simply counts as none.
      const editionId = help ? await findEditionIdByHelpToken(db, hashToken(help)) : null
      await limitRate(db, `reply-code:ip:${request.ip}`, editionId ? CODE_LIMIT_PER_ADDRESS_WITH_HELP : CODE_LIMIT_PER_ADDRESS)
      if (editionId) await limitRate(db, `reply-code:edition:${editionId}`, CODE_LIMIT_PER_EDITION)
    } catch (error) {
      if (!(error instanceof TooManyRequests)) throw error
      const i18n = newcomerTranslator(newcomerLanguage(request))
      reply.header('retry-after', String(error.retryAfterSeconds))
      return sendNewcomerPage(reply, 429, <TooManyTriesPage i18n={i18n} minutes={Math.max(1, Math.ceil(error.retryAfterSeconds / 60))} />)
    }
    const code = normaliseShortCode(typed)
    const invitation = code ? await findInvitationByCode(db, config.hashKey, code) : null
    const token = invitation ? invitationKeys(config, invitation).token : null
    // The token opens nothing once the edition is purged (its invitations go with it, and this checks it too).
    const subject = token ? await findReplySubjectByToken(db, token) : null
    if (!token || !subject) return show(request, reply, { code: typed, help, error: 'unknown' }, 400)
    return reply.redirect(paths.reply(token), 303)
  })
}

function helpToken(source: unknown): string {
  const value = text(source, 'hulp')
  return value.length <= MAX_HELP_TOKEN && /^[A-Za-z0-9_-]*$/.test(value) ? value : ''
}
