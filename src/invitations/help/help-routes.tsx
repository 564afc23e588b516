// The partner help link over HTTP. Staff make, replace or revoke the link of an edition they
// organise (a purged edition takes none: 409). Anyone with the link reads what the ceremony is and
// types the code from their letter; the page shows no names, no list and no count of invitees.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import QRCode from 'qrcode'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEditionTakingPeople } from '../../editions/edition-access.ts'
import { findEdition } from '../../editions/editions-queries.ts'
import { listProgrammeItems } from '../../editions/programme/programme-queries.ts'
import { findMunicipality } from '../../municipalities/municipalities-queries.ts'
import { hashToken, newToken } from '../../platform/crypto.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { text } from '../../platform/http/forms.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { seal, unseal } from '../reply-codes.ts'
import { isReplyOpen } from '../reply.ts'
import { sendNewcomerPage } from '../reply/newcomer-layout.tsx'
import { NotFoundPage } from '../reply/code-pages.tsx'
import { newcomerLanguage, newcomerTranslator } from '../reply/newcomer-language.ts'
import { offeredLanguages } from '../translation.ts'
import { HelpLinkPage, type HelpLinkShown } from './help-link-page.tsx'
import { findEditionByHelpToken, findHelpTokenSealed, setHelpToken } from './help-link-queries.ts'
import { HelpPage } from './help-page.tsx'

type Params = { Params: { id: string } }

export function helpRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database
  const { encryptionKey, baseUrl } = services.config
  const base = baseUrl.replace(/\/$/, '')

  /** The reply page's page for an address that opens nothing: a revoked link looks like one never made. */
  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendNewcomerPage(reply, 404, <NotFoundPage i18n={newcomerTranslator(newcomerLanguage(request))} switchPath={paths.replyCode()} />)

  app.get<Params>('/edities/:id/hulplink', async (request, reply) => {
    const { scope, edition } = await requireEditionTakingPeople(db, request, request.params.id)
    const sealed = await findHelpTokenSealed(db, scope, edition.id)
    let link: HelpLinkShown | null = null
    if (sealed) {
      const url = `${base}${paths.replyHelp(unseal(encryptionKey, sealed))}`
      link = { url, qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) }
    }
    const ctx = await pageContext(services, request, reply)
    // The page holds a working link: no cache may keep it.
    reply.header('cache-control', 'private, no-store')
    return sendPage(reply, <HelpLinkPage ctx={ctx} edition={edition} link={link} />)
  })

  app.post<Params>('/edities/:id/hulplink', async (request, reply) => {
    const { user, scope, edition } = await requireEditionTakingPeople(db, request, request.params.id)
    const now = new Date()
    const record = { type: 'edition', id: edition.id }
    if (text(request.body, 'action') === 'revoke') {
      await db.transaction().execute(async (trx) => {
        if (await setHelpToken(trx, scope, edition.id, null, now)) await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'edition.help_link_revoked', record })
      })
      setFlash(reply, { kind: 'success', message: 'help-link.revoked' })
      return reply.redirect(paths.editionHelpLink(edition.id), 303)
    }
    // A new link replaces the old one, which stops working at once.
    const token = newToken()
    const replaced = await db.transaction().execute(async (trx) => {
      const had = await setHelpToken(trx, scope, edition.id, { hash: hashToken(token), sealed: seal(encryptionKey, token) }, now)
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'edition.help_link_created', record, details: { replaced: had } })
      return had
    })
    setFlash(reply, { kind: 'success', message: replaced ? 'help-link.regenerated' : 'help-link.created' })
    return reply.redirect(paths.editionHelpLink(edition.id), 303)
  })

  app.get<{ Params: { token: string } }>('/uitnodiging/:token', async (request, reply) => {
    const found = await findEditionByHelpToken(db, hashToken(request.params.token))
    // The creating municipality always organises its edition, so its scope finds it.
    const edition = found && (await findEdition(db, { municipalityId: found.municipalityId }, found.id))
    if (!found || !edition || edition.purgedAt) return notFound(request, reply)
    const offered = offeredLanguages(edition.languages)
    const i18n = newcomerTranslator(newcomerLanguage(request, offered))
    const [items, municipality] = await Promise.all([listProgrammeItems(db, edition.id), findMunicipality(db, edition.municipalityId)])
    const now = new Date()
    return sendNewcomerPage(
      reply,
      200,
      <HelpPage
        i18n={i18n}
        token={request.params.token}
        csrfToken={reply.generateCsrf()}
        offered={offered}
        edition={edition}
        programme={items}
        municipality={{ name: municipality?.name ?? '', contactPhone: municipality?.contactPhone ?? null, contactEmail: municipality?.contactEmail ?? null }}
        state={isReplyOpen(edition, now) ? 'open' : edition.status === 'draft' ? 'notYet' : 'closed'}
      />,
    )
  })
}
