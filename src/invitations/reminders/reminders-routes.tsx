// The reminders page: list an edition's rules, add one, remove one. Every change is audited. Once
// the edition's personal data is purged there is nobody to remind and the rules stay as they were.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from '../../audit/audit-queries.ts'
import { requireEdition, requireEditionTakingPeople, type EditionAccess } from '../../editions/edition-access.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { text } from '../../platform/http/forms.ts'
import type { FormState } from '../../platform/views/context.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { parseNewRule, parseRuleToRemove, sameRule, type ReminderRule } from './reminder-rules.ts'
import { RemindersPage } from './reminders-page.tsx'
import { editionReminders, reachedPerRule, saveRules } from './reminders-queries.ts'

type Params = { Params: { id: string } }

export function reminderRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  const show = async (request: FastifyRequest, reply: FastifyReply, { scope, edition }: EditionAccess, state: FormState, status = 200) => {
    const reminders = await editionReminders(db, scope, edition.id)
    if (!reminders) throw new NotFound('edition')
    const reached = await reachedPerRule(db, edition.id, reminders.rules)
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <RemindersPage ctx={ctx} edition={edition} rules={reminders.rules} reached={reached} now={new Date()} state={state} />, status)
  }

  app.get<Params>('/edities/:id/herinneringen', async (request, reply) => {
    const access = await requireEdition(db, request, request.params.id)
    return show(request, reply, access, { errors: [], values: {} })
  })

  app.post<Params>('/edities/:id/herinneringen', async (request, reply) => {
    const access = await requireEditionTakingPeople(db, request, request.params.id)
    const { user, scope, edition } = access
    type Outcome = { kind: 'invalid'; state: FormState } | { kind: 'gone' } | { kind: 'changed'; change: 'added' | 'removed' }
    const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
      const current = (await editionReminders(trx, scope, edition.id, { lock: true }))?.rules ?? []
      let rules: ReminderRule[]
      let change: { change: 'added' | 'removed'; rule: ReminderRule }
      if (text(request.body, 'action') === 'remove') {
        const rule = parseRuleToRemove(request.body)
        // Removed already (two people, or a second click): the page shows how things are.
        if (!rule || !current.some((r) => sameRule(r, rule))) return { kind: 'gone' }
        rules = current.filter((r) => !sameRule(r, rule))
        change = { change: 'removed', rule }
      } else {
        const parsed = parseNewRule(request.body, current)
        if (!parsed.ok) return { kind: 'invalid', state: parsed }
        rules = [...current, parsed.value]
        change = { change: 'added', rule: parsed.value }
      }
      await saveRules(trx, scope, edition.id, rules, new Date())
      await recordAudit(trx, {
        municipalityId: scope.municipalityId,
        actor: user,
        action: 'reminders.changed',
        record: { type: 'edition', id: edition.id },
        details: { change: change.change, daysBefore: change.rule.daysBefore, audience: change.rule.audience, rules: rules.length },
      })
      return { kind: 'changed', change: change.change }
    })
    if (outcome.kind === 'invalid') return show(request, reply, access, outcome.state, 400)
    if (outcome.kind === 'gone') setFlash(reply, { kind: 'info', message: 'invitations.reminders.flash.alreadyRemoved' })
    else setFlash(reply, { kind: 'success', message: outcome.change === 'added' ? 'invitations.reminders.flash.added' : 'invitations.reminders.flash.removed' })
    return reply.redirect(paths.editionReminders(edition.id), 303)
  })
}
