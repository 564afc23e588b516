// Building blocks of the editorial pages: the side-by-side difference and the editable fields of
// a practice and of a municipality's entry.
import type { ComponentChildren } from 'preact'
import type { FieldError, PageContext } from '../../platform/views/context.ts'
import { CheckboxGroup, Field, Tag, Textarea } from '../../platform/views/components.tsx'
import type { DiffPart, EntryField, FieldDiff, PracticeField } from './editorial.ts'

export const FIELD_LABELS: Record<PracticeField | EntryField, string> = {
  title: 'editorial.field.title',
  summary: 'editorial.field.summary',
  categories: 'editorial.field.categories',
  targetGroups: 'editorial.field.targetGroups',
  goals: 'editorial.field.goals',
  targetGroup: 'editorial.field.targetGroup',
  description: 'editorial.field.description',
  partners: 'editorial.field.partners',
  resources: 'editorial.field.resources',
  successFactors: 'editorial.field.successFactors',
  challenges: 'editorial.field.challenges',
  blurb: 'editorial.field.blurb',
  since: 'editorial.field.since',
  contactName: 'editorial.field.contactName',
  contactEmail: 'editorial.field.contactEmail',
  contactPhone: 'editorial.field.contactPhone',
  website: 'editorial.field.website',
}

/**
 * Each field's current and proposed text side by side (or, with compare={false}, just the text of
 * a proposal that has nothing to compare with). A changed field says so in words (not
 * by colour alone), and removed and added words are marked with <del> and <ins> and announced.
 */
export function DiffView({ ctx, diffs, beforeLabel, afterLabel, compare = true }: { ctx: PageContext; diffs: FieldDiff<PracticeField | EntryField>[]; beforeLabel: string; afterLabel: string; compare?: boolean }) {
  const { t } = ctx
  return (
    <div class="diff">
      {diffs.map((d) => (
        <section class={`diff__field${d.changed ? ' diff__field--changed' : ''}`} aria-labelledby={`diff-${d.field}`}>
          <h3 class="diff__title" id={`diff-${d.field}`}>
            {t(FIELD_LABELS[d.field])} {compare && (d.changed ? <Tag tone="blue">{t('editorial.diff.changed')}</Tag> : <Tag>{t('editorial.diff.unchanged')}</Tag>)}
          </h3>
          {d.changed ? (
            <div class="diff__sides">
              <div class="diff__side">
                <p class="diff__label">{beforeLabel}</p>
                <DiffText ctx={ctx} text={d.before} parts={d.parts} show="removed" />
              </div>
              <div class="diff__side">
                <p class="diff__label">{afterLabel}</p>
                <DiffText ctx={ctx} text={d.after} parts={d.parts} show="added" />
              </div>
            </div>
          ) : (
            <DiffText ctx={ctx} text={d.after} parts={null} show="added" />
          )}
        </section>
      ))}
    </div>
  )
}

function DiffText({ ctx, text, parts, show }: { ctx: PageContext; text: string; parts: DiffPart[] | null; show: 'added' | 'removed' }) {
  const { t } = ctx
  if (!text) return <p class="diff__text diff__text--empty">{t('editorial.diff.empty')}</p>
  if (!parts) return <p class="diff__text">{text}</p>
  return (
    <p class="diff__text">
      {parts.map((part) => {
        if (part.kind === 'same') return part.text
        if (part.kind !== show) return null
        const Mark = part.kind === 'added' ? 'ins' : 'del'
        // Spaces at the edges stay outside the mark, so only the words themselves are struck or underlined.
        const [, lead, words, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.text)!
        return (
          <>
            {lead}
            <Mark>
              <span class="visually-hidden">{t(part.kind === 'added' ? 'editorial.diff.addedStart' : 'editorial.diff.removedStart')}</span>
              {words}
              <span class="visually-hidden">{t('editorial.diff.markEnd')}</span>
            </Mark>
            {trail}
          </>
        )
      })}
    </p>
  )
}

export interface VocabularyOptions {
  categoryOptions: { value: string; label: string }[]
  targetGroupOptions: { value: string; label: string }[]
}

export interface EditState {
  errors: FieldError[]
  values: Record<string, string>
  checked: { categories: string[]; targetGroups: string[] }
}

/** The text fields of a practice, editable, filled with the proposal (or what the editor typed). */
export function PracticeFields({ ctx, state, vocabulary }: { ctx: PageContext; state: EditState; vocabulary: VocabularyOptions }) {
  const { values, errors } = state
  return (
    <>
      <Field ctx={ctx} name="title" label={FIELD_LABELS.title} value={values.title} errors={errors} />
      <Textarea ctx={ctx} name="summary" label={FIELD_LABELS.summary} value={values.summary} errors={errors} rows={3} />
      <CheckboxGroup ctx={ctx} name="categories" legend={FIELD_LABELS.categories} options={vocabulary.categoryOptions} checked={state.checked.categories} errors={errors} />
      <CheckboxGroup ctx={ctx} name="targetGroups" legend={FIELD_LABELS.targetGroups} options={vocabulary.targetGroupOptions} checked={state.checked.targetGroups} errors={errors} />
      <Textarea ctx={ctx} name="goals" label={FIELD_LABELS.goals} hint="editorial.form.goalsHint" value={values.goals} errors={errors} rows={5} />
      <Textarea ctx={ctx} name="targetGroup" label={FIELD_LABELS.targetGroup} value={values.targetGroup} errors={errors} rows={3} />
      <Textarea ctx={ctx} name="description" label={FIELD_LABELS.description} value={values.description} errors={errors} rows={10} />
      <Textarea ctx={ctx} name="partners" label={FIELD_LABELS.partners} value={values.partners} errors={errors} />
      <Textarea ctx={ctx} name="resources" label={FIELD_LABELS.resources} hint="editorial.form.resourcesHint" value={values.resources} errors={errors} />
      <Textarea ctx={ctx} name="successFactors" label={FIELD_LABELS.successFactors} value={values.successFactors} errors={errors} />
      <Textarea ctx={ctx} name="challenges" label={FIELD_LABELS.challenges} value={values.challenges} errors={errors} />
    </>
  )
}

export function EntryFields({ ctx, values, errors }: { ctx: PageContext; values: Record<string, string>; errors: FieldError[] }) {
  return (
    <>
      <Textarea ctx={ctx} name="entryBlurb" label={FIELD_LABELS.blurb} value={values.entryBlurb} errors={errors} />
      <Field ctx={ctx} name="entrySince" label={FIELD_LABELS.since} value={values.entrySince} errors={errors} width="medium" />
      <Field ctx={ctx} name="entryContactName" label={FIELD_LABELS.contactName} value={values.entryContactName} errors={errors} autocomplete="off" />
      <Field ctx={ctx} name="entryContactEmail" type="email" label={FIELD_LABELS.contactEmail} value={values.entryContactEmail} errors={errors} spellcheck={false} autocomplete="off" />
      <Field ctx={ctx} name="entryContactPhone" type="tel" label={FIELD_LABELS.contactPhone} value={values.entryContactPhone} errors={errors} width="medium" autocomplete="off" />
      <Field ctx={ctx} name="entryWebsite" type="url" label={FIELD_LABELS.website} value={values.entryWebsite} errors={errors} spellcheck={false} />
    </>
  )
}

/** Text kept with its line breaks (remarks, snapshot fields). */
export function Prose({ children }: { children: ComponentChildren }) {
  return <p class="editorial-prose">{children}</p>
}
