// Change requests on a published practice. Without JavaScript the choice comes first (a GET form
// with ?soort=…), then the fields for that choice.
import type { CurrentUser } from '../../accounts/accounts.ts'
import { Button, ErrorSummary, Field, FileInput, Form, Radios, Textarea } from '../../platform/views/components.tsx'
import type { FieldError, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Practice } from '../practices.ts'
import { LIMITS } from '../submissions.ts'
import { EntryFields, Honeypot, LimitNotice, MunicipalitySelect, PracticeFields, Section, SubmitterFields, type Choices } from './contribution-fields.tsx'
import { CHANGE_KINDS, KIND_PARAMS, type ChangeKind, type ContributionState } from './contribution-forms.ts'
import { PHOTO_MAX_BYTES } from './images.ts'

const CHOICES: Record<ChangeKind, { label: string; hint: string; title: string }> = {
  text_change: { label: 'contributions.change.textChange', hint: 'contributions.change.textChangeHint', title: 'contributions.change.textChangeTitle' },
  photo: { label: 'contributions.change.photo', hint: 'contributions.change.photoHint', title: 'contributions.change.photoTitle' },
  remark: { label: 'contributions.change.remark', hint: 'contributions.change.remarkHint', title: 'contributions.change.remarkTitle' },
  join: { label: 'contributions.change.join', hint: 'contributions.change.joinHint', title: 'contributions.change.joinTitle' },
}

export function ChooseChangePage({ ctx, practice, errors }: { ctx: PageContext; practice: Practice; errors: FieldError[] }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('contributions.change.title')} hasErrors={errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={errors} />
        <p class="contribution-caption">{practice.title}</p>
        <h1>{t('contributions.change.title')}</h1>
        <p>{t('contributions.change.intro')}</p>
        <form method="get" action={paths.practiceChangeRequest(practice.slug)} novalidate>
          <Radios
            ctx={ctx}
            name="soort"
            legend="contributions.change.chooseLegend"
            value={undefined}
            errors={errors}
            options={CHANGE_KINDS.map((kind) => ({ value: KIND_PARAMS[kind], label: t(CHOICES[kind].label), hint: t(CHOICES[kind].hint) }))}
          />
          {/* Named, so that pressing it without a choice can be told apart from arriving at the page. */}
          <Button name="stap" value="kies">
            {t('contributions.change.next')}
          </Button>
        </form>
        <p>
          <a href={paths.practice(practice.slug)}>{t('contributions.backToPractice')}</a>
        </p>
      </div>
    </Layout>
  )
}

export interface ChangeFormProps {
  ctx: PageContext
  practice: Practice
  kind: ChangeKind
  state: ContributionState
  choices: Choices
  user: CurrentUser | null
  limited: boolean
  /** Signed-in staff whose municipality is already listed edit their entry instead of joining. */
  ownEntryExists: boolean
}

export function ChangeFormPage(props: ChangeFormProps) {
  const { ctx, practice, kind, state, user, limited } = props
  const { t } = ctx
  const title = t(CHOICES[kind].title)
  return (
    <Layout ctx={ctx} title={`${title} – ${practice.title}`} hasErrors={state.errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={state.errors} />
        <LimitNotice ctx={ctx} limited={limited} />
        <p class="contribution-caption">{practice.title}</p>
        <h1>{title}</h1>
        <p>{user ? t('contributions.fiche.reviewSignedIn') : t('contributions.fiche.review')}</p>
        <Form ctx={ctx} action={paths.practiceChangeRequest(practice.slug)} multipart={kind === 'photo'}>
          <input type="hidden" name="soort" value={KIND_PARAMS[kind]} />
          <Honeypot ctx={ctx} />
          <KindFields {...props} />
          <SubmitterFields ctx={ctx} state={state} user={user}>
            {kind !== 'join' && <MunicipalitySelect ctx={ctx} state={state} choices={props.choices} required={false} />}
          </SubmitterFields>
          <Button>{t('contributions.change.submit')}</Button>
        </Form>
        <p>
          <a href={paths.practiceChangeRequest(practice.slug)}>{t('contributions.change.other')}</a>
        </p>
      </div>
    </Layout>
  )
}

function KindFields({ ctx, practice, kind, state, choices, ownEntryExists }: ChangeFormProps) {
  const { t } = ctx
  if (kind === 'text_change') {
    return (
      <Section ctx={ctx} legend="contributions.change.textLegend" intro="contributions.change.textIntro">
        <PracticeFields ctx={ctx} state={state} choices={choices} />
      </Section>
    )
  }
  if (kind === 'photo') {
    return (
      <Section ctx={ctx} legend="contributions.change.photoLegend">
        {practice.image && (
          <figure class="contribution-photo">
            <img src={paths.practiceImage(practice.image.id)} alt={practice.image.alt} />
            <figcaption>{t('contributions.photo.current')}</figcaption>
          </figure>
        )}
        <FileInput ctx={ctx} name="photo" label="contributions.photo.file" hint="contributions.photo.fileHint" hintValues={{ mb: PHOTO_MAX_BYTES / 1024 / 1024 }} accept="image/jpeg,image/png,image/webp" errors={state.errors} />
        <Field ctx={ctx} name="alt" label="contributions.photo.alt" hint="contributions.photo.altHint" hintValues={{ max: LIMITS.alt }} value={state.values.alt} errors={state.errors} />
        <Field ctx={ctx} name="credit" label="contributions.photo.credit" hint="contributions.photo.creditHint" value={state.values.credit} errors={state.errors} />
      </Section>
    )
  }
  if (kind === 'remark') {
    return <Textarea ctx={ctx} name="remark" label="contributions.remark.label" hint="contributions.maxChars" hintValues={{ max: LIMITS.remark }} value={state.values.remark} errors={state.errors} rows={6} />
  }
  return (
    <Section ctx={ctx} legend="contributions.fiche.entryLegend" intro="contributions.change.joinIntro">
      {ownEntryExists && (
        <div class="notice">
          <p>
            {t('contributions.join.ownEntryExists')} <a href={paths.entryEdit(practice.slug)}>{t('contributions.join.editOwnEntry')}</a>
          </p>
        </div>
      )}
      <MunicipalitySelect ctx={ctx} state={state} choices={choices} required={true} />
      <EntryFields ctx={ctx} state={state} blurbRequired={true} />
    </Section>
  )
}
