// After sending: "check your mailbox" (or "thank you" for signed-in staff), and the page the
// e-mailed link opens, where the submitter sees what they sent and confirms it.
import { Button, Form, SummaryList } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import { CONFIRM_DAYS, type Submission, type SubmissionKind } from '../submissions.ts'
import type { SubmitOutcome } from './contribution-submit.ts'

const KIND_LABELS: Record<SubmissionKind, string> = {
  new_practice: 'contributions.kind.newPractice',
  text_change: 'contributions.kind.textChange',
  photo: 'contributions.kind.photo',
  remark: 'contributions.kind.remark',
  join: 'contributions.kind.join',
  entry_update: 'contributions.kind.entryUpdate',
}

export function SentPage({ ctx, outcome, back }: { ctx: PageContext; outcome: SubmitOutcome; back: { href: string; label: string } }) {
  const { t } = ctx
  const title = outcome === 'confirm_by_mail' ? t('contributions.sent.mailTitle') : t('contributions.sent.receivedTitle')
  return (
    <Layout ctx={ctx} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        {outcome === 'confirm_by_mail' ? (
          <>
            <p class="lead">{t('contributions.sent.mailBody', { days: CONFIRM_DAYS })}</p>
            <p>{t('contributions.sent.mailMissing')}</p>
          </>
        ) : (
          <p class="lead">{t('contributions.sent.receivedBody')}</p>
        )}
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      </div>
    </Layout>
  )
}

/** What the submitter sent, as text (escaped like everything preact renders). */
function SubmissionSummary({ ctx, submission, practiceTitle }: { ctx: PageContext; submission: Submission; practiceTitle: string | null }) {
  const { t } = ctx
  const p = submission.payload
  const rows: { key: string; value: string }[] = [{ key: t('contributions.summary.kind'), value: t(KIND_LABELS[p.kind]) }]
  if (practiceTitle) rows.push({ key: t('contributions.summary.practice'), value: practiceTitle })
  if (p.kind === 'new_practice' || p.kind === 'text_change') rows.push({ key: t('contributions.practice.title'), value: p.practice.title }, { key: t('contributions.practice.summary'), value: p.practice.summary })
  if (p.kind === 'remark') rows.push({ key: t('contributions.remark.label'), value: p.text })
  if (p.kind === 'photo') rows.push({ key: t('contributions.photo.alt'), value: p.alt })
  if ((p.kind === 'join' || p.kind === 'entry_update' || p.kind === 'new_practice') && p.entry.blurb) rows.push({ key: t('contributions.entry.blurb'), value: p.entry.blurb })
  rows.push({ key: t('contributions.summary.sentBy'), value: submission.submitterName })
  return <SummaryList rows={rows.map((r) => ({ key: r.key, value: <span class="contribution-text">{r.value}</span> }))} />
}

export function ConfirmPage({ ctx, token, submission, practiceTitle }: { ctx: PageContext; token: string; submission: Submission; practiceTitle: string | null }) {
  const { t } = ctx
  const done = submission.status !== 'unconfirmed'
  const title = done ? t('contributions.confirm.doneTitle') : t('contributions.confirm.title')
  return (
    <Layout ctx={ctx} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <p class="lead">{done ? t('contributions.confirm.doneBody') : t('contributions.confirm.body')}</p>
        <h2>{t('contributions.confirm.yourProposal')}</h2>
        <SubmissionSummary ctx={ctx} submission={submission} practiceTitle={practiceTitle} />
        {done ? (
          <p>
            <a href={paths.practices()}>{t('contributions.backToPractices')}</a>
          </p>
        ) : (
          <Form ctx={ctx} action={paths.submissionConfirm(token)}>
            <Button>{t('contributions.confirm.submit')}</Button>
          </Form>
        )}
      </div>
    </Layout>
  )
}

export function ConfirmGonePage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('contributions.confirm.goneTitle')}>
      <div class="narrow">
        <h1>{t('contributions.confirm.goneTitle')}</h1>
        <p>{t('contributions.confirm.goneBody', { days: CONFIRM_DAYS })}</p>
        <ul>
          <li>
            <a href={paths.practiceSubmit()}>{t('contributions.confirm.submitAgain')}</a>
          </li>
          <li>
            <a href={paths.practices()}>{t('contributions.backToPractices')}</a>
          </li>
        </ul>
      </div>
    </Layout>
  )
}
