// The reminders page: the edition's rules in plain words ("14 days before, to those who have not
// replied — on 1 June at 10:00"), how many people each reached, and forms to add or remove one.
import type { Edition } from '../../editions/editions.ts'
import { brusselsTime } from '../../platform/calendar.ts'
import { Button, ErrorSummary, Field, Form, Radios } from '../../platform/views/components.tsx'
import type { FormState, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import { DAYS_BEFORE, isDue, reminderDueAt, ruleOccasion, type ReminderEdition, type ReminderRule } from './reminder-rules.ts'

export interface RemindersPageProps {
  ctx: PageContext
  edition: Edition
  rules: ReminderRule[]
  /** People reached per rule, by occasion. */
  reached: Map<string, number>
  now: Date
  state: FormState
}

export function RemindersPage({ ctx, edition, rules, reached, now, state }: RemindersPageProps) {
  const { t } = ctx
  const title = t('invitations.reminders.title', { name: edition.name })
  const canChange = edition.purgedAt === null
  return (
    <Layout ctx={ctx} title={title} hasErrors={state.errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={state.errors} />
      <h1>{title}</h1>
      <p class="lead">{t('invitations.reminders.intro')}</p>
      <p>{t('invitations.reminders.rulesHelp')}</p>

      <h2>{t('invitations.reminders.list.title')}</h2>
      {rules.length === 0 ? (
        <p>{t('invitations.reminders.list.none')}</p>
      ) : (
        // Cards, not a table: each rule is a sentence, which a table squeezes on a phone.
        <ul class="card-list">
          {rules.map((rule) => (
            <li class="card">
              <h3 class="card__title">{ruleSentence(ctx, edition, rule)}</h3>
              <p class="hint">{t('invitations.reminders.list.summary', { state: stateText(ctx, edition, rule, now), count: reached.get(ruleOccasion(rule)) ?? 0 })}</p>
              {canChange && <RemoveForm ctx={ctx} edition={edition} rule={rule} />}
            </li>
          ))}
        </ul>
      )}

      {canChange ? (
        <>
          <h2>{t('invitations.reminders.add.title')}</h2>
          <Form ctx={ctx} action={paths.editionReminders(edition.id)}>
            <input type="hidden" name="action" value="add" />
            <Field ctx={ctx} name="daysBefore" type="number" inputMode="numeric" width="short" label="invitations.reminders.add.days" hint="invitations.reminders.add.daysHint" hintValues={DAYS_BEFORE} value={state.values.daysBefore} errors={state.errors} />
            <Radios
              ctx={ctx}
              name="audience"
              legend="invitations.reminders.add.audience"
              value={state.values.audience}
              errors={state.errors}
              options={[
                { value: 'not_replied', label: t('invitations.reminders.audience.not_replied'), hint: t('invitations.reminders.audience.not_repliedHint') },
                { value: 'coming', label: t('invitations.reminders.audience.coming'), hint: t('invitations.reminders.audience.comingHint') },
              ]}
            />
            <Button>{t('invitations.reminders.add.button')}</Button>
          </Form>
        </>
      ) : (
        <p>{t('invitations.reminders.purged')}</p>
      )}

      <p>
        <a href={paths.editionInvitations(edition.id)}>{t('invitations.reminders.toSending')}</a>
      </p>
      <p>
        <a href={paths.edition(edition.id)}>{t('invitations.backToEdition')}</a>
      </p>
    </Layout>
  )
}

/** "14 dagen vooraf, aan wie nog niet antwoordde — op maandag 1 juni om 10:00". */
export function ruleSentence(ctx: PageContext, edition: Pick<Edition, 'startsAt'>, rule: ReminderRule): string {
  const dueAt = reminderDueAt(edition.startsAt, rule.daysBefore)
  return ctx.t('invitations.reminders.rule', { days: rule.daysBefore, audience: rule.audience, date: ctx.formatDate(dueAt, 'full'), time: brusselsTime(dueAt) })
}

function stateText(ctx: PageContext, edition: ReminderEdition, rule: ReminderRule, now: Date): string {
  if (now < reminderDueAt(edition.startsAt, rule.daysBefore)) return ctx.t('invitations.reminders.state.planned')
  return isDue(rule, edition, now) ? ctx.t('invitations.reminders.state.due') : ctx.t('invitations.reminders.state.over')
}

function RemoveForm({ ctx, edition, rule }: { ctx: PageContext; edition: Edition; rule: ReminderRule }) {
  return (
    <Form ctx={ctx} action={paths.editionReminders(edition.id)}>
      <input type="hidden" name="action" value="remove" />
      <input type="hidden" name="rule" value={ruleOccasion(rule)} />
      <button type="submit" class="button button--secondary button--small">
        {ctx.t('invitations.reminders.remove')}
        <span class="visually-hidden"> {ruleSentence(ctx, edition, rule)}</span>
      </button>
    </Form>
  )
}
