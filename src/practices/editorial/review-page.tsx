// One submission under review: what it proposes against the practice as it is now, and the
// editor's two decisions (accept, possibly after editing; reject with a reason).
import type { FieldError, PageContext } from '../../platform/views/context.ts'
import { Button, ErrorSummary, Field, Form, SummaryList, Tag, Textarea } from '../../platform/views/components.tsx'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Practice } from '../practices.ts'
import type { EntryText, Submission } from '../submissions.ts'
import { changedSinceBase, entryDiff, KIND_LABELS, practiceDiff, type Vocabulary } from './editorial.ts'
import { practiceText } from '../submissions.ts'
import { REASON_MAX } from './editorial-forms.ts'
import { DiffView, EntryFields, PracticeFields, Prose, type EditState, type VocabularyOptions } from './editorial-views.tsx'

export const DECISION_FIELD = 'besluit'
export const ACCEPT = 'aanvaarden'
export const REJECT = 'weigeren'

export interface ReviewView {
  submission: Submission
  practice: Practice | null
  municipalityName: string | null
  decidedByName: string | null
  /** The submitter municipality's entry as it is now (join and entry updates). */
  currentEntry: EntryText
  vocabulary: Vocabulary & VocabularyOptions
}

export function ReviewPage({ ctx, view, edit, reject, conflictBy }: { ctx: PageContext; view: ReviewView; edit: EditState; reject: { errors: FieldError[]; values: Record<string, string> }; conflictBy?: string | null }) {
  const { t } = ctx
  const { submission, practice } = view
  const errors = [...edit.errors, ...reject.errors]
  const title = t('editorial.review.title', { kind: t(KIND_LABELS[submission.kind]) })
  return (
    <Layout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        <a href={paths.editorial()}>{t('editorial.review.back')}</a>
      </p>
      <h1>{title}</h1>
      {conflictBy !== undefined && (
        <div class="notice notice--warning" role="alert">
          <p>{t('editorial.review.conflict', { name: conflictBy ?? t('editorial.review.anotherEditor') })}</p>
        </div>
      )}
      <SummaryList
        rows={[
          { key: t('editorial.review.practice'), value: practice ? <a href={paths.editorialPractice(practice.id)}>{practice.title}</a> : t('editorial.review.newPractice') },
          { key: t('editorial.review.submitter'), value: <span class="break-anywhere">{`${submission.submitterName} <${submission.submitterEmail}>`}</span> },
          { key: t('editorial.review.municipality'), value: view.municipalityName ?? t('common.none') },
          { key: t('editorial.review.submittedAt'), value: ctx.formatDateTime(submission.createdAt) },
          { key: t('editorial.review.status'), value: <Decision ctx={ctx} view={view} /> },
        ]}
      />
      {practice && changedSinceBase(submission.baseVersion, practice.version) && submission.status === 'pending' && (
        <div class="notice notice--warning">
          <p>{t('editorial.review.changedSince', { base: submission.baseVersion ?? 0, current: practice.version })}</p>
          <p>
            <a href={paths.editorialHistory(practice.id)}>{t('editorial.review.seeHistory')}</a>
          </p>
        </div>
      )}
      <Proposal ctx={ctx} view={view} />
      {submission.status === 'pending' && (
        <>
          <h2>{t('editorial.accept.title')}</h2>
          <Form ctx={ctx} action={paths.editorialSubmission(submission.id)} class="editorial-decision">
            <input type="hidden" name={DECISION_FIELD} value={ACCEPT} />
            <AcceptFields ctx={ctx} view={view} edit={edit} />
            <Button>{submission.kind === 'remark' ? t('editorial.accept.noted') : t('editorial.accept.submit')}</Button>
          </Form>
          <h2>{t('editorial.reject.title')}</h2>
          <Form ctx={ctx} action={paths.editorialSubmission(submission.id)} class="editorial-decision">
            <input type="hidden" name={DECISION_FIELD} value={REJECT} />
            <Textarea ctx={ctx} name="reason" label="editorial.reject.reason" hint="editorial.reject.reasonHint" hintValues={{ max: REASON_MAX }} value={reject.values.reason} errors={reject.errors} />
            <Button variant="warning">{t('editorial.reject.submit')}</Button>
          </Form>
        </>
      )}
    </Layout>
  )
}

function Decision({ ctx, view }: { ctx: PageContext; view: ReviewView }) {
  const { t } = ctx
  const s = view.submission
  if (s.status === 'pending') return <Tag tone="yellow">{t('editorial.review.pending')}</Tag>
  if (s.status === 'unconfirmed') return <Tag>{t('editorial.review.unconfirmed')}</Tag>
  const values = { name: view.decidedByName ?? t('editorial.review.anotherEditor'), date: s.decidedAt ? ctx.formatDateTime(s.decidedAt) : '' }
  return (
    <>
      {s.status === 'accepted' ? <Tag tone="green">{t('editorial.review.accepted')}</Tag> : <Tag tone="red">{t('editorial.review.rejected')}</Tag>} {t('editorial.review.decidedBy', values)}
      {s.decisionReason && <Prose>{s.decisionReason}</Prose>}
    </>
  )
}

/** What the submission proposes, compared with the practice as it is now. */
function Proposal({ ctx, view }: { ctx: PageContext; view: ReviewView }) {
  const { t } = ctx
  const { submission, practice, vocabulary } = view
  const payload = submission.payload
  const sides = { beforeLabel: t('editorial.diff.current'), afterLabel: t('editorial.diff.proposed') }
  switch (payload.kind) {
    case 'text_change':
      return (
        <>
          <h2>{t('editorial.review.differences')}</h2>
          <DiffView ctx={ctx} diffs={practiceDiff(practice ? practiceText(practice) : null, payload.practice, vocabulary)} {...sides} />
        </>
      )
    case 'new_practice':
      return (
        <>
          <h2>{t('editorial.review.proposedPractice')}</h2>
          <DiffView ctx={ctx} diffs={practiceDiff(payload.practice, payload.practice, vocabulary)} {...sides} compare={false} />
          <h2>{t('editorial.review.proposedEntry', { municipality: view.municipalityName ?? '–' })}</h2>
          <DiffView ctx={ctx} diffs={entryDiff(payload.entry, payload.entry)} {...sides} compare={false} />
        </>
      )
    case 'join':
    case 'entry_update':
      return (
        <>
          <h2>{t('editorial.review.proposedEntry', { municipality: view.municipalityName ?? '–' })}</h2>
          <DiffView ctx={ctx} diffs={entryDiff(view.currentEntry, payload.entry)} {...sides} />
        </>
      )
    case 'photo':
      return (
        <>
          <h2>{t('editorial.review.proposedPhoto')}</h2>
          <figure class="editorial-photo">
            <img src={paths.practiceImage(payload.imageId)} alt={payload.alt} />
            <figcaption>
              {t('editorial.review.altText', { alt: payload.alt })}
              {payload.credit && <> · {t('editorial.review.credit', { credit: payload.credit })}</>}
            </figcaption>
          </figure>
          {practice?.image && (
            <p>
              {t('editorial.review.currentPhoto')} <a href={paths.practiceImage(practice.image.id)}>{practice.image.alt || t('editorial.review.currentPhotoLink')}</a>
            </p>
          )}
        </>
      )
    case 'remark':
      return (
        <>
          <h2>{t('editorial.review.remark')}</h2>
          <blockquote class="editorial-remark">
            <Prose>{payload.text}</Prose>
          </blockquote>
        </>
      )
  }
}

function AcceptFields({ ctx, view, edit }: { ctx: PageContext; view: ReviewView; edit: EditState }) {
  const { t } = ctx
  switch (view.submission.kind) {
    case 'text_change':
      return (
        <>
          <p>{t('editorial.accept.editHint')}</p>
          <PracticeFields ctx={ctx} state={edit} vocabulary={view.vocabulary} />
        </>
      )
    case 'new_practice':
      return (
        <>
          <p>{t('editorial.accept.editHint')}</p>
          <PracticeFields ctx={ctx} state={edit} vocabulary={view.vocabulary} />
          <h3>{t('editorial.review.proposedEntry', { municipality: view.municipalityName ?? '–' })}</h3>
          <EntryFields ctx={ctx} values={edit.values} errors={edit.errors} />
        </>
      )
    case 'join':
    case 'entry_update':
      return (
        <>
          <p>{t('editorial.accept.editHint')}</p>
          <EntryFields ctx={ctx} values={edit.values} errors={edit.errors} />
        </>
      )
    case 'photo':
      return (
        <>
          <Field ctx={ctx} name="alt" label="editorial.field.alt" value={edit.values.alt} errors={edit.errors} />
          <Field ctx={ctx} name="credit" label="editorial.field.credit" value={edit.values.credit} errors={edit.errors} />
        </>
      )
    case 'remark':
      return <p>{t('editorial.accept.remarkHint')}</p>
  }
}
