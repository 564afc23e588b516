// Municipality admins create and revoke the API tokens their own systems use.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can, type Scope } from '../accounts/accounts.ts'
import { requireRole, scopeOf } from '../accounts/session.ts'
import { recordAudit } from '../audit/audit-queries.ts'
import { hashToken, newToken } from '../platform/crypto.ts'
import { NotFound } from '../platform/errors.ts'
import { setFlash } from '../platform/http/flash.ts'
import { FormParser } from '../platform/http/forms.ts'
import type { FormState } from '../platform/views/context.ts'
import { sendPage } from '../platform/views/render.ts'
import { paths } from '../paths.ts'
import type { Services } from '../services.ts'
import { pageContext } from '../shell/page-context.ts'
import { ApiTokenCreatedPage, ApiTokensPage } from './api-token-pages.tsx'
import { API_PREFIX } from './api-routes.ts'
import { issueToken, TOKEN_NAME_MAX } from './api-tokens.ts'
import { insertApiToken, listApiTokens, revokeApiToken } from './api-tokens-queries.ts'

export function apiTokenRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  const showList = async (request: FastifyRequest, reply: FastifyReply, scope: Scope, form: FormState, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    const tokens = await listApiTokens(db, scope)
    return sendPage(reply, <ApiTokensPage ctx={ctx} tokens={tokens} form={form} />, status)
  }

  app.get('/beheer/api-sleutels', async (request, reply) => {
    const user = requireRole(request, can.manageApiTokens)
    return showList(request, reply, scopeOf(user), { errors: [], values: {} })
  })

  app.post('/beheer/api-sleutels', async (request, reply) => {
    const user = requireRole(request, can.manageApiTokens)
    const scope = scopeOf(user)
    const form = new FormParser(request.body)
    const name = form.required('name', 'api.new.nameRequired', { max: TOKEN_NAME_MAX })
    const parsed = form.result({ name })
    if (!parsed.ok) return showList(request, reply, scope, parsed, 400)

    const { token, prefix } = issueToken(newToken())
    await db.transaction().execute(async (trx) => {
      const id = await insertApiToken(trx, scope, { name: parsed.value.name, tokenHash: hashToken(token), prefix, createdBy: user.id })
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'api_token.created', record: { type: 'api_token', id } })
    })
    // The token is shown on this response and nowhere else: no redirect (it would need the token
    // in a URL or cookie), and no caching by the browser or a proxy.
    reply.header('cache-control', 'no-store')
    const ctx = await pageContext(services, request, reply)
    const exampleUrl = `${services.config.baseUrl.replace(/\/$/, '')}${API_PREFIX}/municipality`
    return sendPage(reply, <ApiTokenCreatedPage ctx={ctx} name={parsed.value.name} token={token} exampleUrl={exampleUrl} />, 201)
  })

  app.post<{ Params: { id: string } }>('/beheer/api-sleutels/:id/intrekken', async (request, reply) => {
    const user = requireRole(request, can.manageApiTokens)
    const scope = scopeOf(user)
    const outcome = await db.transaction().execute(async (trx) => {
      const result = await revokeApiToken(trx, scope, request.params.id)
      if (result === 'revoked') await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'api_token.revoked', record: { type: 'api_token', id: request.params.id } })
      return result
    })
    if (outcome === 'not_found') throw new NotFound('api token')
    // Revoking twice (a double click, a stale tab) ends in the same state: say so, record it once.
    setFlash(reply, { kind: 'success', message: outcome === 'revoked' ? 'api.revoke.done' : 'api.revoke.already' })
    return reply.redirect(paths.apiTokens(), 303)
  })
}
