// Step 1 of the wizard: choose the shape of the list and the file(s).
import { Button, ErrorSummary, Field, FileInput, Form, Radios } from '../../platform/views/components.tsx'
import type { FormState, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../../editions/editions.ts'

const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function UploadPage({ ctx, edition, state, maxMb }: { ctx: PageContext; edition: Edition; state: FormState; maxMb: number }) {
  const { t } = ctx
  const { errors, values } = state
  const title = t('invitee-import.upload.title')
  return (
    <Layout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={errors} />
        <p class="caption">{t('invitee-import.step', { step: 1, steps: 3 })}</p>
        <h1>{title}</h1>
        <p>{t('invitee-import.upload.intro', { name: edition.name })}</p>
        <Form ctx={ctx} action={paths.inviteeImport(edition.id)} multipart>
          <Radios
            ctx={ctx}
            name="shape"
            legend="invitee-import.upload.shape"
            value={values.shape}
            errors={errors}
            options={[
              { value: 'one', label: t('invitee-import.upload.shapeOne'), hint: t('invitee-import.upload.shapeOneHint') },
              { value: 'two', label: t('invitee-import.upload.shapeTwo'), hint: t('invitee-import.upload.shapeTwoHint') },
            ]}
          />
          <FileInput ctx={ctx} name="file" label="invitee-import.upload.file" hint="invitee-import.upload.fileHint" hintValues={{ mb: maxMb }} accept={ACCEPT} errors={errors} />
          <FileInput ctx={ctx} name="register" label="invitee-import.upload.register" hint="invitee-import.upload.registerHint" accept={ACCEPT} errors={errors} />
          <Field ctx={ctx} name="sheet" label="invitee-import.upload.sheet" hint="invitee-import.upload.sheetHint" value={values.sheet} errors={errors} width="medium" />
          <Button>{t('invitee-import.upload.submit')}</Button>
        </Form>
        <p>
          <a href={paths.edition(edition.id)}>{t('invitee-import.backToEdition')}</a>
        </p>
      </div>
    </Layout>
  )
}
