// Contributions to an edition by (ex-)newcomers: the list with a form to add one, and the page to
// change or remove one. Names and contacts are personal data: shown to the organisers only.
import { Button, EmptyState, ErrorSummary, Field, Form, Select, Table, Tag, Textarea } from '../../platform/views/components.tsx'
import type { FormState, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../editions.ts'
import { CONTRIBUTION_KIND_LABELS, CONTRIBUTION_KINDS, CONTRIBUTION_STATUS_LABELS, CONTRIBUTION_STATUSES, type Contribution, type ContributionStatus } from './contributions.ts'

const STATUS_TONE: Record<ContributionStatus, 'yellow' | 'green' | 'grey'> = { asked: 'yellow', confirmed: 'green', declined: 'grey' }

export function ContributionsPage({ ctx, edition, contributions, state }: { ctx: PageContext; edition: Edition; contributions: Contribution[]; state: FormState }) {
  const { t } = ctx
  const title = t('partners.contributions.title', { name: edition.name })
  return (
    <Layout ctx={ctx} title={title} hasErrors={state.errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={state.errors} />
      <h1>{title}</h1>
      <p>{t('partners.contributions.intro')}</p>
      {contributions.length === 0 ? (
        <EmptyState title={t('partners.contributions.empty')} />
      ) : (
        <Table
          caption={t('partners.contributions.caption', { count: contributions.length })}
          columns={[
            { header: t('partners.contribution.kind'), cell: (c: Contribution) => t(CONTRIBUTION_KIND_LABELS[c.kind]) },
            { header: t('partners.contribution.name'), cell: (c) => <a href={paths.editionContribution(edition.id, c.id)}>{c.name}</a> },
            { header: t('partners.contribution.contact'), cell: (c) => <span class="break-anywhere">{c.contact ?? '–'}</span> },
            { header: t('partners.contribution.description'), cell: (c) => c.description ?? '–' },
            { header: t('partners.contribution.status'), cell: (c) => <Tag tone={STATUS_TONE[c.status]}>{t(CONTRIBUTION_STATUS_LABELS[c.status])}</Tag> },
          ]}
          rows={contributions}
        />
      )}
      <h2>{t('partners.contributions.addTitle')}</h2>
      <div class="narrow">
        <Form ctx={ctx} action={paths.editionContributions(edition.id)}>
          <ContributionFields ctx={ctx} state={state} />
          <Button>{t('partners.contributions.add')}</Button>
        </Form>
      </div>
      <p>
        <a href={paths.edition(edition.id)}>{t('partners.backToEdition')}</a>
      </p>
    </Layout>
  )
}

function ContributionFields({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx
  const { values, errors } = state
  return (
    <>
      <Select ctx={ctx} name="kind" label="partners.contribution.kind" value={values.kind} errors={errors} options={[{ value: '', label: t('partners.contribution.kindPlaceholder') }, ...CONTRIBUTION_KINDS.map((k) => ({ value: k, label: t(CONTRIBUTION_KIND_LABELS[k]) }))]} />
      <Field ctx={ctx} name="name" label="partners.contribution.name" hint="partners.contribution.nameHint" value={values.name} errors={errors} autocomplete="off" />
      <Field ctx={ctx} name="contact" label="partners.contribution.contact" hint="partners.contribution.contactHint" value={values.contact} errors={errors} autocomplete="off" />
      <Textarea ctx={ctx} name="description" label="partners.contribution.description" hint="partners.contribution.descriptionHint" value={values.description} errors={errors} rows={3} />
      <Select ctx={ctx} name="status" label="partners.contribution.status" value={values.status ?? 'asked'} errors={errors} options={CONTRIBUTION_STATUSES.map((s) => ({ value: s, label: t(CONTRIBUTION_STATUS_LABELS[s]) }))} />
    </>
  )
}

export function ContributionPage({ ctx, edition, contribution, state }: { ctx: PageContext; edition: Edition; contribution: Contribution; state: FormState }) {
  const { t } = ctx
  const title = t('partners.contribution.editTitle', { name: contribution.name })
  const action = paths.editionContribution(edition.id, contribution.id)
  return (
    <Layout ctx={ctx} title={title} hasErrors={state.errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={state.errors} />
        <p class="lead">{edition.name}</p>
        <h1>{title}</h1>
        <Form ctx={ctx} action={action}>
          <input type="hidden" name="action" value="save" />
          <ContributionFields ctx={ctx} state={state} />
          <Button>{t('partners.contribution.submit')}</Button>
        </Form>
        <h2>{t('partners.contribution.removeTitle')}</h2>
        <Form ctx={ctx} action={action}>
          <input type="hidden" name="action" value="remove" />
          <p>{t('partners.contribution.removeBody')}</p>
          <Button variant="warning">{t('partners.contribution.remove')}</Button>
        </Form>
        <p>
          <a href={paths.editionContributions(edition.id)}>{t('partners.backToContributions')}</a>
        </p>
      </div>
    </Layout>
  )
}
