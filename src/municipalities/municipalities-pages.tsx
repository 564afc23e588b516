import { Button, Checkbox, ErrorSummary, Field, FileInput, Form, LinkButton, Table, Textarea } from '../platform/views/components.tsx'
import type { FormState, PageContext } from '../platform/views/context.ts'
import { Layout } from '../platform/views/layout.tsx'
import { paths } from '../paths.ts'
import { LETTER_WINDOW, LOGO_MAX_BYTES, RETENTION_DAYS } from './municipalities.ts'
import type { MunicipalityOverview } from './municipalities-queries.ts'

export function SettingsPage({ ctx, municipality, state }: { ctx: PageContext; municipality: { id: string; nisCode: string; hasLogo: boolean }; state: FormState }) {
  const { t } = ctx
  const { errors, values } = state
  return (
    <Layout ctx={ctx} title={t('municipalities.settings.title')} hasErrors={errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{t('municipalities.settings.title')}</h1>
        <p>{t('municipalities.settings.intro', { nisCode: municipality.nisCode })}</p>
        <Form ctx={ctx} action={paths.municipalitySettings()} multipart>
          <Field ctx={ctx} name="name" label="municipalities.name" value={values.name} errors={errors} autocomplete="off" />
          <h2>{t('municipalities.settings.looks')}</h2>
          <Field ctx={ctx} name="themeColor" type="color" label="municipalities.settings.themeColor" hint="municipalities.settings.themeColorHint" value={values.themeColor} errors={errors} width="short" />
          {municipality.hasLogo && (
            <figure class="current-logo">
              <img src={paths.logo(municipality.id)} alt={t('municipalities.settings.currentLogoAlt')} class="current-logo__image" />
              <figcaption>{t('municipalities.settings.currentLogo')}</figcaption>
            </figure>
          )}
          <FileInput ctx={ctx} name="logo" label="municipalities.settings.logo" hint="municipalities.settings.logoHint" hintValues={{ kb: LOGO_MAX_BYTES / 1024 }} accept="image/png,image/jpeg" errors={errors} />
          {municipality.hasLogo && <Checkbox ctx={ctx} name="removeLogo" label="municipalities.settings.removeLogo" checked={values.removeLogo === 'yes'} />}
          <h2>{t('municipalities.settings.contact')}</h2>
          <p>{t('municipalities.settings.contactIntro')}</p>
          <Field ctx={ctx} name="contactEmail" type="email" label="municipalities.settings.contactEmail" value={values.contactEmail} errors={errors} autocomplete="off" spellcheck={false} />
          <Field ctx={ctx} name="contactPhone" type="tel" label="municipalities.settings.contactPhone" value={values.contactPhone} errors={errors} autocomplete="off" width="medium" />
          <Field ctx={ctx} name="website" type="url" label="municipalities.settings.website" hint="municipalities.settings.websiteHint" value={values.website} errors={errors} autocomplete="off" spellcheck={false} />
          <Textarea ctx={ctx} name="address" label="municipalities.settings.address" hint="municipalities.settings.addressHint" value={values.address} errors={errors} rows={4} />
          <h2>{t('letters.envelope.title')}</h2>
          <p>{t('letters.envelope.intro')}</p>
          <Field ctx={ctx} name="letterAddressTopMm" type="number" label="letters.envelope.top" hint="letters.envelope.topHint" hintValues={LETTER_WINDOW.top} value={values.letterAddressTopMm} errors={errors} inputMode="numeric" width="short" />
          <Field ctx={ctx} name="letterAddressLeftMm" type="number" label="letters.envelope.left" hint="letters.envelope.leftHint" hintValues={LETTER_WINDOW.left} value={values.letterAddressLeftMm} errors={errors} inputMode="numeric" width="short" />
          <h2>{t('municipalities.settings.privacy')}</h2>
          <p>{t('municipalities.settings.retentionIntro', RETENTION_DAYS)}</p>
          <Field
            ctx={ctx}
            name="retentionDays"
            type="number"
            label="municipalities.settings.retentionDays"
            hint="municipalities.settings.retentionHint"
            value={values.retentionDays}
            errors={errors}
            inputMode="numeric"
            width="short"
          />
          <Button>{t('common.save')}</Button>
        </Form>
      </div>
    </Layout>
  )
}

export function MunicipalitiesPage({ ctx, municipalities }: { ctx: PageContext; municipalities: MunicipalityOverview[] }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('municipalities.list.title')}>
      <h1>{t('municipalities.list.title')}</h1>
      <p>
        <LinkButton href={paths.municipalityNew()} variant="primary">
          {t('municipalities.list.add')}
        </LinkButton>
      </p>
      <Table
        caption={t('municipalities.list.caption', { count: municipalities.length })}
        columns={[
          { header: t('municipalities.name'), cell: (m: MunicipalityOverview) => m.name },
          { header: t('municipalities.nisCode'), cell: (m) => m.nisCode },
          { header: t('municipalities.list.activeStaff'), cell: (m) => m.activeStaff, numeric: true },
        ]}
        rows={municipalities}
      />
    </Layout>
  )
}

export function NewMunicipalityPage({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx
  const { errors, values } = state
  return (
    <Layout ctx={ctx} title={t('municipalities.new.title')} hasErrors={errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{t('municipalities.new.title')}</h1>
        <Form ctx={ctx} action={paths.municipalityNew()}>
          <Field ctx={ctx} name="nisCode" label="municipalities.nisCode" hint="municipalities.new.nisHint" value={values.nisCode} errors={errors} inputMode="numeric" width="short" autocomplete="off" />
          <Field ctx={ctx} name="name" label="municipalities.name" value={values.name} errors={errors} autocomplete="off" />
          <h2>{t('municipalities.new.firstAdmin')}</h2>
          <p>{t('municipalities.new.firstAdminIntro')}</p>
          <Field ctx={ctx} name="adminName" label="municipalities.new.adminName" value={values.adminName} errors={errors} autocomplete="off" spellcheck={false} />
          <Field ctx={ctx} name="adminEmail" type="email" label="municipalities.new.adminEmail" value={values.adminEmail} errors={errors} autocomplete="off" spellcheck={false} />
          <Button>{t('municipalities.new.submit')}</Button>
        </Form>
        <p>
          <a href={paths.municipalities()}>{t('municipalities.backToList')}</a>
        </p>
      </div>
    </Layout>
  )
}
