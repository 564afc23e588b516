// Step 2 of the wizard: which column holds which field, suggested or remembered, always changeable.
import { Button, ErrorSummary, Form, Select, SummaryList } from '../../platform/views/components.tsx'
import type { FormState, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../../editions/editions.ts'
import { PERSON_FIELDS, type Table } from '../import/types.ts'
import type { Upload } from './wizard-queries.ts'

export function MappingPage({ ctx, edition, upload, table, twoFiles, state }: { ctx: PageContext; edition: Edition; upload: Upload; table: Table; twoFiles: boolean; state: FormState }) {
  const { t } = ctx
  const { errors, values } = state
  const title = t('invitee-import.mapping.title')
  const options = [{ value: '', label: t('invitee-import.mapping.notInFile') }, ...table.headers.map((h, i) => ({ value: String(i), label: h || t('invitee-import.mapping.columnN', { n: i + 1 }) }))]
  const otherSheets = (table.sheets ?? []).filter((s) => s !== table.sheet)
  return (
    <Layout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={errors} />
        <p class="caption">{t('invitee-import.step', { step: 2, steps: 3 })}</p>
        <h1>{title}</h1>
        <SummaryList
          rows={[
            { key: t('invitee-import.mapping.rows'), value: String(table.rows.length) },
            ...(table.sheet ? [{ key: t('invitee-import.mapping.sheet'), value: table.sheet }] : []),
            ...(otherSheets.length ? [{ key: t('invitee-import.mapping.otherSheets'), value: otherSheets.join(', ') }] : []),
          ]}
        />
        {otherSheets.length > 0 && <p>{t('invitee-import.mapping.otherSheetsHelp')}</p>}
        <p>{t(twoFiles ? 'invitee-import.mapping.introTwo' : 'invitee-import.mapping.intro')}</p>
        <Form ctx={ctx} action={paths.inviteeImportStep(edition.id, upload.id)}>
          {PERSON_FIELDS.map((field) => (
            <Select ctx={ctx} name={field} label={`invitee-import.field.${field}`} options={options} value={values[field] ?? ''} errors={errors} />
          ))}
          <Button>{t('invitee-import.mapping.submit')}</Button>
        </Form>
        <Form ctx={ctx} action={paths.inviteeImportCancel(edition.id, upload.id)}>
          <Button variant="secondary">{t('invitee-import.cancel')}</Button>
        </Form>
      </div>
    </Layout>
  )
}
