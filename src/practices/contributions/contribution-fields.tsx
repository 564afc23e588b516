// Groups of fields the contribution forms share: the practice text, a municipality's entry, the
// person sending it, and the honeypot.
import type { ComponentChildren } from 'preact'
import type { CurrentUser } from '../../accounts/accounts.ts'
import { CheckboxGroup, Field, fieldId, Select, Textarea } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { LIMITS } from '../submissions.ts'
import { HONEYPOT, type ContributionState } from './contribution-forms.ts'

export interface Option {
  value: string
  label: string
}

export interface Choices {
  categories: Option[]
  targetGroups: Option[]
  municipalities: Option[]
}

/**
 * Hidden from people (visually, from assistive technology and from the tab order); robots that
 * fill in every field fill this one too.
 */
export function Honeypot({ ctx }: { ctx: PageContext }) {
  return (
    <div class="honeypot" aria-hidden="true">
      <label for={fieldId(HONEYPOT)}>{ctx.t('contributions.honeypot')}</label>
      <input id={fieldId(HONEYPOT)} name={HONEYPOT} type="text" tabIndex={-1} autocomplete="off" value="" />
    </div>
  )
}

/** Shown instead of storing when this address sent too many contributions; the typed text stays. */
export function LimitNotice({ ctx, limited }: { ctx: PageContext; limited: boolean }) {
  if (!limited) return null
  return (
    <div class="notice notice--warning" role="alert">
      <p>{ctx.t('contributions.limited')}</p>
    </div>
  )
}

export function PracticeFields({ ctx, state, choices }: { ctx: PageContext; state: ContributionState; choices: Choices }) {
  const { values, errors } = state
  return (
    <>
      <Field ctx={ctx} name="title" label="contributions.practice.title" hint="contributions.maxChars" hintValues={{ max: LIMITS.title }} value={values.title} errors={errors} />
      <Textarea ctx={ctx} name="summary" label="contributions.practice.summary" hint="contributions.practice.summaryHint" hintValues={{ max: LIMITS.summary }} value={values.summary} errors={errors} rows={3} />
      <CheckboxGroup ctx={ctx} name="categories" legend="contributions.practice.categories" hint="contributions.practice.categoriesHint" options={choices.categories} checked={state.checked.categories} errors={errors} />
      <CheckboxGroup ctx={ctx} name="targetGroups" legend="contributions.practice.targetGroups" hint="contributions.practice.targetGroupsHint" options={choices.targetGroups} checked={state.checked.targetGroups} errors={errors} />
      <Textarea ctx={ctx} name="goals" label="contributions.practice.goals" hint="contributions.practice.goalsHint" hintValues={{ max: LIMITS.goals }} value={values.goals} errors={errors} rows={5} />
      <Textarea ctx={ctx} name="targetGroup" label="contributions.practice.targetGroup" hint="contributions.practice.targetGroupHint" value={values.targetGroup} errors={errors} rows={3} />
      <Textarea ctx={ctx} name="description" label="contributions.practice.description" hint="contributions.practice.descriptionHint" value={values.description} errors={errors} rows={8} />
      <Textarea ctx={ctx} name="partners" label="contributions.practice.partners" hint="contributions.optional" value={values.partners} errors={errors} rows={3} />
      <Textarea ctx={ctx} name="resources" label="contributions.practice.resources" hint="contributions.practice.resourcesHint" hintValues={{ max: LIMITS.resources }} value={values.resources} errors={errors} rows={3} />
      <Textarea ctx={ctx} name="successFactors" label="contributions.practice.successFactors" hint="contributions.optional" value={values.successFactors} errors={errors} rows={3} />
      <Textarea ctx={ctx} name="challenges" label="contributions.practice.challenges" hint="contributions.optional" value={values.challenges} errors={errors} rows={3} />
    </>
  )
}

export function EntryFields({ ctx, state, blurbRequired }: { ctx: PageContext; state: ContributionState; blurbRequired: boolean }) {
  const { values, errors } = state
  return (
    <>
      <Textarea ctx={ctx} name="entryBlurb" label="contributions.entry.blurb" hint={blurbRequired ? 'contributions.entry.blurbHint' : 'contributions.entry.blurbHintOptional'} value={values.entryBlurb} errors={errors} rows={3} />
      <Field ctx={ctx} name="entrySince" label="contributions.entry.since" hint="contributions.entry.sinceHint" value={values.entrySince} errors={errors} width="medium" />
      <Field ctx={ctx} name="entryContactName" label="contributions.entry.contactName" hint="contributions.optional" value={values.entryContactName} errors={errors} autocomplete="off" />
      <Field ctx={ctx} name="entryContactEmail" type="email" label="contributions.entry.contactEmail" hint="contributions.optional" value={values.entryContactEmail} errors={errors} autocomplete="off" spellcheck={false} />
      <Field ctx={ctx} name="entryContactPhone" type="tel" label="contributions.entry.contactPhone" hint="contributions.optional" value={values.entryContactPhone} errors={errors} autocomplete="off" width="medium" />
      <Field ctx={ctx} name="entryWebsite" type="url" label="contributions.entry.website" hint="contributions.entry.websiteHint" value={values.entryWebsite} errors={errors} spellcheck={false} />
    </>
  )
}

export function MunicipalitySelect({ ctx, state, choices, required }: { ctx: PageContext; state: ContributionState; choices: Choices; required: boolean }) {
  const options = [{ value: '', label: ctx.t(required ? 'contributions.submitter.chooseMunicipality' : 'contributions.submitter.noMunicipality') }, ...choices.municipalities]
  return <Select ctx={ctx} name="municipality" label="contributions.submitter.municipality" hint={required ? undefined : 'contributions.submitter.municipalityHint'} options={options} value={state.values.municipality} errors={state.errors} />
}

/** Name and address for the e-mail confirmation; signed-in people are known and skip both. */
export function SubmitterFields({ ctx, state, user, children }: { ctx: PageContext; state: ContributionState; user: CurrentUser | null; children?: ComponentChildren }) {
  const { values, errors } = state
  return (
    <fieldset class="contribution-section">
      <legend class="contribution-section__legend">{ctx.t('contributions.submitter.legend')}</legend>
      {children}
      {user ? (
        <p>{ctx.t('contributions.submitter.signedInAs', { name: user.name, email: user.email })}</p>
      ) : (
        <>
          <p class="field__hint">{ctx.t('contributions.submitter.why')}</p>
          <Field ctx={ctx} name="submitterName" label="contributions.submitter.name" value={values.submitterName} errors={errors} autocomplete="name" />
          <Field ctx={ctx} name="submitterEmail" type="email" label="contributions.submitter.email" hint="contributions.submitter.emailHint" value={values.submitterEmail} errors={errors} autocomplete="email" spellcheck={false} />
        </>
      )}
    </fieldset>
  )
}

/** A titled group of fields within a long form. */
export function Section({ ctx, legend, intro, children }: { ctx: PageContext; legend: string; intro?: string; children: ComponentChildren }) {
  return (
    <fieldset class="contribution-section">
      <legend class="contribution-section__legend">{ctx.t(legend)}</legend>
      {intro && <p class="field__hint">{ctx.t(intro)}</p>}
      {children}
    </fieldset>
  )
}
