// One programme item: the form to add or edit it, and the question before deleting it.
import { Button, ErrorSummary, Field, Form, Select, SummaryList } from '../../platform/views/components.tsx'
import type { FormState, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../editions.ts'
import { kindLabels, PROGRAMME_KINDS, PROGRAMME_LIMITS, type ScheduledItem } from './programme.ts'

export function ItemFormPage({ ctx, edition, item, state }: { ctx: PageContext; edition: Edition; item: ScheduledItem | null; state: FormState }) {
  const { t } = ctx
  const { values, errors } = state
  const labels = kindLabels(t)
  const title = item ? t('programme.edit.title', { title: item.title }) : t('programme.new.title')
  return (
    <Layout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{title}</h1>
        <p>{item ? t('programme.edit.intro', { start: item.start, end: item.end }) : t('programme.new.intro', { name: edition.name })}</p>
        <Form ctx={ctx} action={item ? paths.programmeItem(edition.id, item.id) : paths.programmeItemNew(edition.id)}>
          <Select ctx={ctx} name="kind" label="programme.field.kind" options={PROGRAMME_KINDS.map((kind) => ({ value: kind, label: labels[kind] }))} value={values.kind} errors={errors} />
          <Field ctx={ctx} name="title" label="programme.field.title" hint="programme.field.titleHint" value={values.title} errors={errors} />
          <Field
            ctx={ctx}
            name="duration"
            type="number"
            inputMode="numeric"
            label="programme.field.duration"
            hint="programme.field.durationHint"
            hintValues={{ min: PROGRAMME_LIMITS.minDuration, max: PROGRAMME_LIMITS.maxDuration }}
            value={values.duration}
            errors={errors}
            width="short"
          />
          <Field ctx={ctx} name="performer" label="programme.field.performer" hint="programme.field.performerHint" value={values.performer} errors={errors} />
          <Button>{t(item ? 'programme.edit.submit' : 'programme.new.submit')}</Button>
        </Form>
        <p>
          <a href={paths.editionProgramme(edition.id)}>{t('programme.backToProgramme')}</a>
        </p>
      </div>
    </Layout>
  )
}

/** Deleting cannot be undone, so it asks first and says what happens to the times after it. */
export function DeleteItemPage({ ctx, edition, item }: { ctx: PageContext; edition: Edition; item: ScheduledItem }) {
  const { t } = ctx
  const title = t('programme.delete.title', { title: item.title })
  return (
    <Layout ctx={ctx} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <SummaryList
          rows={[
            { key: t('programme.column.time'), value: t('programme.timeRange', { start: item.start, end: item.end }) },
            { key: t('programme.field.kind'), value: kindLabels(t)[item.kind] },
            { key: t('programme.column.who'), value: item.performer ?? '' },
          ]}
        />
        <div class="notice notice--warning">
          <p>{t('programme.delete.warning', { minutes: item.durationMinutes })}</p>
        </div>
        <Form ctx={ctx} action={paths.programmeItem(edition.id, item.id)}>
          <p class="button-group">
            <Button variant="warning" name="intent" value="delete">
              {t('programme.delete.submit')}
            </Button>
            <a href={paths.editionProgramme(edition.id)}>{t('programme.delete.cancel')}</a>
          </p>
        </Form>
      </div>
    </Layout>
  )
}
