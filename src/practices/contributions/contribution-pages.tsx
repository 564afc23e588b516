// The "fiche" (a new practice) and the page where staff edit their own municipality's entry.
import type { CurrentUser } from '../../accounts/accounts.ts'
import { Button, ErrorSummary, Form } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import { EntryFields, Honeypot, LimitNotice, MunicipalitySelect, PracticeFields, Section, SubmitterFields, type Choices } from './contribution-fields.tsx'
import type { ContributionState } from './contribution-forms.ts'

export function FichePage({ ctx, state, choices, user, limited }: { ctx: PageContext; state: ContributionState; choices: Choices; user: CurrentUser | null; limited: boolean }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('contributions.fiche.title')} hasErrors={state.errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={state.errors} />
        <LimitNotice ctx={ctx} limited={limited} />
        <h1>{t('contributions.fiche.title')}</h1>
        <p class="lead">{t('contributions.fiche.intro')}</p>
        <p>{user ? t('contributions.fiche.reviewSignedIn') : t('contributions.fiche.review')}</p>
        <Form ctx={ctx} action={paths.practiceSubmit()}>
          <Honeypot ctx={ctx} />
          <Section ctx={ctx} legend="contributions.fiche.practiceLegend">
            <PracticeFields ctx={ctx} state={state} choices={choices} />
          </Section>
          <Section ctx={ctx} legend="contributions.fiche.entryLegend" intro="contributions.fiche.entryIntro">
            <MunicipalitySelect ctx={ctx} state={state} choices={choices} required={true} />
            <EntryFields ctx={ctx} state={state} blurbRequired={false} />
          </Section>
          <SubmitterFields ctx={ctx} state={state} user={user} />
          <Button>{t('contributions.fiche.submit')}</Button>
        </Form>
      </div>
    </Layout>
  )
}

export function EntryEditPage({ ctx, practice, municipalityName, hasEntry, state }: { ctx: PageContext; practice: { slug: string; title: string }; municipalityName: string; hasEntry: boolean; state: ContributionState }) {
  const { t } = ctx
  const title = hasEntry ? t('contributions.entryEdit.title', { municipality: municipalityName }) : t('contributions.entryEdit.joinTitle', { municipality: municipalityName })
  return (
    <Layout ctx={ctx} title={title} hasErrors={state.errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={state.errors} />
        <p class="contribution-caption">{practice.title}</p>
        <h1>{title}</h1>
        <p>{t('contributions.entryEdit.intro')}</p>
        <Form ctx={ctx} action={paths.entryEdit(practice.slug)}>
          <EntryFields ctx={ctx} state={state} blurbRequired={false} />
          <Button>{t('contributions.entryEdit.submit')}</Button>
        </Form>
        <p>
          <a href={paths.practice(practice.slug)}>{t('contributions.backToPractice')}</a>
        </p>
      </div>
    </Layout>
  )
}
