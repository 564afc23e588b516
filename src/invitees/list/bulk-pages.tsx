// The second step of two bulk actions: the reason for excluding, and the question before erasing.
// Both post the ticked people again, with the list's filters to return to.
import { Button, ErrorSummary, Form, Radios } from '../../platform/views/components.tsx'
import type { FieldError, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../../editions/editions.ts'
import { EXCLUSION_REASONS } from '../invitees-queries.ts'
import { backFields, listPathFor, type BulkForm } from './bulk.ts'
import { REASON_HINTS, REASON_LABELS } from './status-labels.tsx'

interface StepProps {
  ctx: PageContext
  edition: Edition
  /** The ticked people of this edition */
  ids: string[]
  form: BulkForm
}

/** The people and the list to return to, as hidden fields, and the action confirmed. */
function Carried({ ids, form, action }: { ids: string[]; form: BulkForm; action: string }) {
  return (
    <>
      {ids.map((id) => (
        <input type="hidden" name="ids" value={id} />
      ))}
      {backFields(form.back).map(([field, value]) => (
        <input type="hidden" name={field} value={value} />
      ))}
      <input type="hidden" name="actie" value={action} />
      <input type="hidden" name="bevestigd" value="ja" />
    </>
  )
}

export function BulkExcludePage({ ctx, edition, ids, form, errors }: StepProps & { errors: FieldError[] }) {
  const { t } = ctx
  const title = t('invitee-list.bulkExclude.title', { count: ids.length })
  return (
    <Layout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{title}</h1>
        <p>{t('invitee-list.bulkExclude.what')}</p>
        <Form ctx={ctx} action={paths.inviteesBulk(edition.id)}>
          <Carried ids={ids} form={form} action="exclude" />
          <Radios
            ctx={ctx}
            name="reden"
            legend="invitee-list.bulkExclude.reason"
            value={form.reason ?? undefined}
            errors={errors}
            options={EXCLUSION_REASONS.map((r) => ({ value: r, label: t(REASON_LABELS[r]), hint: t(REASON_HINTS[r]) }))}
          />
          <p class="button-group">
            <Button>{t('invitee-list.bulkExclude.submit', { count: ids.length })}</Button>
            <a href={listPathFor(edition.id, form.back)}>{t('invitee-list.bulk.cancel')}</a>
          </p>
        </Form>
      </div>
    </Layout>
  )
}

/** Erasing cannot be undone, so it asks first and says how many people go. */
export function BulkErasePage({ ctx, edition, ids, form }: StepProps) {
  const { t } = ctx
  const title = t('invitee-list.bulkErase.title', { count: ids.length })
  return (
    <Layout ctx={ctx} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <p>{t('invitee-list.bulkErase.what', { edition: edition.name })}</p>
        <div class="notice notice--warning">
          <p>{t('invitee-list.bulkErase.warning')}</p>
        </div>
        <Form ctx={ctx} action={paths.inviteesBulk(edition.id)}>
          <Carried ids={ids} form={form} action="erase" />
          <p class="button-group">
            <Button variant="warning">{t('invitee-list.bulkErase.submit', { count: ids.length })}</Button>
            <a href={listPathFor(edition.id, form.back)}>{t('invitee-list.bulk.cancel')}</a>
          </p>
        </Form>
      </div>
    </Layout>
  )
}
