// Municipality admins adapt their playbook template: the tasks every new edition starts with.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can, type Scope } from '../../accounts/accounts.ts'
import { requireRole, scopeOf } from '../../accounts/session.ts'
import { recordAudit } from '../../audit/audit-queries.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { text } from '../../platform/http/forms.ts'
import type { FormState } from '../../platform/views/context.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { templateFor } from './playbook-queries.ts'
import { parseTemplate, templateFormValues } from './template-form.ts'
import { TemplatePage } from './template-page.tsx'
import { replaceTemplate, resetTemplate } from './template-queries.ts'

export function templateRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  const show = async (request: FastifyRequest, reply: FastifyReply, scope: Scope, state: FormState | null, status = 200) => {
    const template = await templateFor(db, scope)
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <TemplatePage ctx={ctx} isDefault={template.isDefault} state={state ?? { errors: [], values: templateFormValues(template.tasks) }} />, status)
  }

  app.get('/beheer/draaiboek', async (request, reply) => {
    const scope = scopeOf(requireRole(request, can.managePlaybook))
    return show(request, reply, scope, null)
  })

  app.post('/beheer/draaiboek', async (request, reply) => {
    const user = requireRole(request, can.managePlaybook)
    const scope = scopeOf(user)
    if (text(request.body, 'action') === 'reset') {
      await db.transaction().execute(async (trx) => {
        if (await resetTemplate(trx, scope)) await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'playbook.template_reset', record: { type: 'playbook_template', id: scope.municipalityId } })
      })
      setFlash(reply, { kind: 'success', message: 'playbook.template.resetDone' })
      return reply.redirect(paths.playbookTemplate(), 303)
    }
    const parsed = parseTemplate(request.body)
    if (!parsed.ok) return show(request, reply, scope, parsed, 400)
    await db.transaction().execute(async (trx) => {
      await replaceTemplate(trx, scope, parsed.value)
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'playbook.template_updated', record: { type: 'playbook_template', id: scope.municipalityId }, details: { tasks: parsed.value.length } })
    })
    setFlash(reply, { kind: 'success', message: 'playbook.template.saved' })
    return reply.redirect(paths.playbookTemplate(), 303)
  })
}
