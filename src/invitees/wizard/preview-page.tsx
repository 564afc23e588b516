// Step 3 of the wizard: the first rows as they will be stored, and the full report of a dry run.
// Every value from the file is rendered as text (JSX escapes it); the national number never
// appears: the engine leaves it out of every issue and keeps only its hash.
import { Button, Form, Table } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { LANGUAGE_NAMES } from '../../platform/i18n/i18n.ts'
import { paths } from '../../paths.ts'
import type { Edition } from '../../editions/editions.ts'
import type { ImportPlan, Incoming } from '../import/reconcile.ts'
import type { RowIssue } from '../import/types.ts'
import { CountsList } from './counts-list.tsx'

export function PreviewPage({ ctx, edition, uploadId, plan, people }: { ctx: PageContext; edition: Edition; uploadId: string; plan: ImportPlan; people: Incoming[] }) {
  const { t } = ctx
  const title = t('invitee-import.preview.title')
  const date = (value: string | null) => (value ? ctx.formatDate(value, 'short') : '')
  const counts = { rows: plan.rows, imported: plan.inserts.length, updated: plan.updates.length, unchanged: plan.unchanged, duplicates: plan.duplicates, skipped: plan.skipped, ...plan.notInvited }
  const issueColumns = [
    { header: t('invitee-import.issue.row'), cell: (i: RowIssue) => String(i.row), numeric: true },
    { header: t('invitee-import.issue.column'), cell: (i: RowIssue) => i.column },
    { header: t('invitee-import.issue.value'), cell: (i: RowIssue) => i.value },
    { header: t('invitee-import.issue.message'), cell: (i: RowIssue) => t(i.message, { row: i.row, column: i.column, ...i.values }) },
  ]
  return (
    <Layout ctx={ctx} title={title}>
      <p class="caption">{t('invitee-import.step', { step: 3, steps: 3 })}</p>
      <h1>{title}</h1>
      <p>{t('invitee-import.preview.intro', { name: edition.name })}</p>
      <h2>{t('invitee-import.preview.countsTitle')}</h2>
      <CountsList ctx={ctx} counts={counts} tense="preview" />
      <h2>{t('invitee-import.preview.rowsTitle')}</h2>
      {people.length === 0 ? (
        <p>{t('invitee-import.preview.noRows')}</p>
      ) : (
        <Table
          caption={t('invitee-import.preview.rowsCaption', { n: people.length })}
          rows={people}
          columns={[
            { header: t('invitee-import.issue.row'), cell: (p) => String(p.row), numeric: true },
            { header: t('invitee-import.field.lastName'), cell: (p) => p.person.lastName },
            { header: t('invitee-import.field.firstName'), cell: (p) => p.person.firstName },
            { header: t('invitee-import.field.birthDate'), cell: (p) => date(p.person.birthDate) },
            { header: t('invitee-import.preview.address'), cell: (p) => address(p.person, t) },
            { header: t('invitee-import.field.email'), cell: (p) => p.person.email ?? '' },
            { header: t('invitee-import.field.phone'), cell: (p) => p.person.phone ?? '' },
            { header: t('invitee-import.field.language'), cell: (p) => (p.person.language ? (LANGUAGE_NAMES[p.person.language] ?? p.person.language) : '') },
            { header: t('invitee-import.field.certificateDate'), cell: (p) => date(p.person.certificateDate) },
          ]}
        />
      )}
      <h2>{t('invitee-import.preview.errorsTitle', { n: plan.errors.length })}</h2>
      {plan.errors.length === 0 ? <p>{t('invitee-import.preview.noErrors')}</p> : <Table caption={t('invitee-import.preview.errorsCaption')} rows={plan.errors} columns={issueColumns} />}
      <h2>{t('invitee-import.preview.warningsTitle', { n: plan.warnings.length })}</h2>
      {plan.warnings.length === 0 ? <p>{t('invitee-import.preview.noWarnings')}</p> : <Table caption={t('invitee-import.preview.warningsCaption')} rows={plan.warnings} columns={issueColumns} />}
      <div class="button-group">
        <Form ctx={ctx} action={paths.inviteeImportCommit(edition.id, uploadId)}>
          <Button>{t('invitee-import.preview.submit')}</Button>
        </Form>
        <Form ctx={ctx} action={paths.inviteeImportCancel(edition.id, uploadId)}>
          <Button variant="secondary">{t('invitee-import.cancel')}</Button>
        </Form>
      </div>
      <p>
        <a href={paths.inviteeImportStep(edition.id, uploadId)}>{t('invitee-import.preview.changeMapping')}</a>
      </p>
    </Layout>
  )
}

function address(p: Incoming['person'], t: PageContext['t']): string {
  const street = [p.street, p.houseNumber, p.box ? t('invitee-import.preview.box', { box: p.box }) : null].filter(Boolean).join(' ')
  const place = [p.postcode, p.city].filter(Boolean).join(' ')
  return [street, place].filter(Boolean).join(', ')
}
