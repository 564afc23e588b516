// The municipality's partners: the list, and the form to add or change one. Reached from an
// edition's info market ("Partners beheren"), not from the main navigation.
import { Button, EmptyState, ErrorSummary, Field, Form, LinkButton, Table } from '../../platform/views/components.tsx'
import type { FormState, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Partner } from './partners.ts'

export function PartnerListPage({ ctx, partners }: { ctx: PageContext; partners: Partner[] }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('partners.list.title')}>
      <h1>{t('partners.list.title')}</h1>
      <p>{t('partners.list.intro')}</p>
      <p class="button-group">
        <LinkButton href={paths.partnerNew()} variant="primary">
          {t('partners.list.new')}
        </LinkButton>
      </p>
      {partners.length === 0 ? (
        <EmptyState title={t('partners.list.empty')}>
          <p>{t('partners.list.emptyHelp')}</p>
        </EmptyState>
      ) : (
        <Table
          caption={t('partners.list.caption', { count: partners.length })}
          columns={[
            { header: t('partners.field.name'), cell: (p: Partner) => <a href={paths.partner(p.id)}>{p.name}</a> },
            { header: t('partners.field.offer'), cell: (p) => p.offer ?? t('partners.list.noOffer') },
            { header: t('partners.list.contact'), cell: (p) => <Contact ctx={ctx} partner={p} /> },
          ]}
          rows={partners}
        />
      )}
      <p>
        <a href={paths.editions()}>{t('partners.backToEditions')}</a>
      </p>
    </Layout>
  )
}

function Contact({ ctx, partner }: { ctx: PageContext; partner: Partner }) {
  const lines = [partner.contactName, partner.contactEmail, partner.contactPhone].filter((line): line is string => Boolean(line))
  if (lines.length === 0) return <>{ctx.t('partners.list.noContact')}</>
  return (
    <ul class="plain-list">
      {lines.map((line) => (
        <li class="break-anywhere">{line}</li>
      ))}
    </ul>
  )
}

/** The partner's fields, also used to add a partner straight from an info market. */
export function PartnerFields({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { values, errors } = state
  return (
    <>
      <Field ctx={ctx} name="name" label="partners.field.name" hint="partners.field.nameHint" value={values.name} errors={errors} autocomplete="organization" />
      <Field ctx={ctx} name="offer" label="partners.field.offer" hint="partners.field.offerHint" value={values.offer} errors={errors} />
      <Field ctx={ctx} name="contactName" label="partners.field.contactName" hint="partners.field.optional" value={values.contactName} errors={errors} autocomplete="off" />
      <Field ctx={ctx} name="contactEmail" type="email" label="partners.field.contactEmail" hint="partners.field.contactEmailHint" value={values.contactEmail} errors={errors} autocomplete="off" spellcheck={false} />
      <Field ctx={ctx} name="contactPhone" type="tel" label="partners.field.contactPhone" hint="partners.field.optional" value={values.contactPhone} errors={errors} autocomplete="off" width="medium" />
    </>
  )
}

export interface PartnerFormView {
  /** Editing: the partner and how many info markets it stands at */
  partner?: Partner
  standCount?: number
}

export function PartnerFormPage({ ctx, view, state }: { ctx: PageContext; view: PartnerFormView; state: FormState }) {
  const { t } = ctx
  const { partner } = view
  const title = partner ? t('partners.edit.title', { name: partner.name }) : t('partners.new.title')
  return (
    <Layout ctx={ctx} title={title} hasErrors={state.errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={state.errors} />
        <h1>{title}</h1>
        <p>{t(partner ? 'partners.edit.intro' : 'partners.new.intro')}</p>
        <Form ctx={ctx} action={partner ? paths.partner(partner.id) : paths.partnerNew()}>
          <PartnerFields ctx={ctx} state={state} />
          <Button name="action" value="save">
            {t(partner ? 'partners.edit.submit' : 'partners.new.submit')}
          </Button>
        </Form>
        {partner && (
          <>
            <h2>{t('partners.remove.title')}</h2>
            {view.standCount ? (
              <p>{t('partners.remove.inUse', { count: view.standCount })}</p>
            ) : (
              <Form ctx={ctx} action={paths.partner(partner.id)}>
                <p>{t('partners.remove.body')}</p>
                <Button variant="warning" name="action" value="remove">
                  {t('partners.remove.submit')}
                </Button>
              </Form>
            )}
          </>
        )}
        <p>
          <a href={paths.partners()}>{t('partners.backToList')}</a>
        </p>
      </div>
    </Layout>
  )
}
