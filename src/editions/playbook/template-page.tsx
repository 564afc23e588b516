// The municipality's playbook template: each task with its title, description and when it falls
// ("6 weeks before the ceremony"); remove a task by ticking its box, add one in the empty group at
// the end, or go back to the shipped default. New editions start from it; existing ones keep theirs.
import { Button, Checkbox, ErrorSummary, Field, Form, Select, Textarea } from '../../platform/views/components.tsx'
import type { FormState, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import { NEW_ROW, rowFields } from './template-form.ts'

export function TemplatePage({ ctx, isDefault, state }: { ctx: PageContext; isDefault: boolean; state: FormState }) {
  const { t } = ctx
  const { values, errors } = state
  const count = Number.parseInt(values.count ?? '0', 10) || 0
  return (
    <Layout ctx={ctx} title={t('playbook.template.title')} hasErrors={errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{t('playbook.template.title')}</h1>
        <p class="lead">{t('playbook.template.intro')}</p>
        <div class="notice">
          <p>{t(isDefault ? 'playbook.template.isDefault' : 'playbook.template.isOwn')}</p>
        </div>
        <Form ctx={ctx} action={paths.playbookTemplate()}>
          <input type="hidden" name="action" value="save" />
          <input type="hidden" name="count" value={String(count)} />
          {Array.from({ length: count }, (_, i) => (
            <TemplateRow ctx={ctx} row={i} legend={t('playbook.template.taskN', { n: i + 1 })} state={state} />
          ))}
          <TemplateRow ctx={ctx} row={NEW_ROW} legend={t('playbook.template.addTitle')} state={state} />
          <Button>{t('playbook.template.save')}</Button>
        </Form>
        {!isDefault && (
          <>
            <h2>{t('playbook.template.resetTitle')}</h2>
            <p>{t('playbook.template.resetIntro')}</p>
            <Form ctx={ctx} action={paths.playbookTemplate()}>
              <input type="hidden" name="action" value="reset" />
              <Button variant="warning">{t('playbook.template.reset')}</Button>
            </Form>
          </>
        )}
      </div>
    </Layout>
  )
}

function TemplateRow({ ctx, row, legend, state }: { ctx: PageContext; row: number | typeof NEW_ROW; legend: string; state: FormState }) {
  const { t } = ctx
  const { values, errors } = state
  const fields = rowFields(row)
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{legend}</legend>
      {row === NEW_ROW && <p class="field__hint">{t('playbook.template.addHint')}</p>}
      <Field ctx={ctx} name={fields.title} label="playbook.field.title" value={values[fields.title]} errors={errors} />
      <Textarea ctx={ctx} name={fields.description} label="playbook.field.description" hint="playbook.field.optional" value={values[fields.description]} errors={errors} rows={2} />
      <div class="filters__fields">
        <Field ctx={ctx} name={fields.amount} type="number" inputMode="numeric" label="playbook.template.amount" value={values[fields.amount]} errors={errors} width="short" />
        <Select
          ctx={ctx}
          name={fields.unit}
          label="playbook.template.unit"
          options={[
            { value: 'weeks', label: t('playbook.template.weeks') },
            { value: 'days', label: t('playbook.template.days') },
          ]}
          value={values[fields.unit]}
          errors={errors}
        />
        <Select
          ctx={ctx}
          name={fields.direction}
          label="playbook.template.direction"
          options={[
            { value: 'before', label: t('playbook.template.before') },
            { value: 'on', label: t('playbook.template.on') },
            { value: 'after', label: t('playbook.template.after') },
          ]}
          value={values[fields.direction]}
          errors={errors}
        />
      </div>
      {row !== NEW_ROW && <Checkbox ctx={ctx} name={fields.remove} label="playbook.template.remove" checked={values[fields.remove] === 'yes'} />}
    </fieldset>
  )
}
