import type { PageContext } from '../platform/views/context.ts'
import { Button, EmptyState, Form, Pagination, Select, SummaryList, Table, Tag } from '../platform/views/components.tsx'
import { Layout } from '../platform/views/layout.tsx'
import type { Job, JobStatus } from '../platform/jobs/jobs.ts'
import type { MailStatus } from '../platform/mail/mail-queries.ts'
import { paths, withQuery } from '../paths.ts'

export const PAGE_SIZE = 50
export const JOB_STATUSES = ['dead', 'queued', 'running', 'done'] as const satisfies readonly JobStatus[]

type Tone = 'grey' | 'green' | 'red' | 'blue' | 'yellow'
const JOB_TONES: Record<JobStatus, Tone> = { dead: 'red', queued: 'blue', running: 'yellow', done: 'green' }
const MAIL_TONES: Record<MailStatus, Tone> = { queued: 'blue', sent: 'green', failed: 'red' }

/** A translation when there is one, otherwise the raw code: a new kind shows up before its label. */
function labelOr(ctx: PageContext, key: string, fallback: string): string {
  const label = ctx.t(key)
  return label === key ? fallback : label
}

interface JobsPageProps {
  ctx: PageContext
  /** Shown without their payload: the page is about whether work got done, not what it held. */
  jobs: Job[]
  total: number
  counts: Record<JobStatus, number>
  status: JobStatus | null
  page: number
  pageHref: (page: number) => string
}

export function JobsPage({ ctx, jobs, total, counts, status, page, pageHref }: JobsPageProps) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('operations.jobs.title')}>
      <h1>{t('operations.jobs.title')}</h1>
      <p class="lead">{t('operations.jobs.intro')}</p>
      <h2>{t('operations.jobs.summary')}</h2>
      <SummaryList rows={JOB_STATUSES.map((s) => ({ key: t(`operations.status.${s}`), value: <a href={withQuery(paths.jobs(), { status: s })}>{t('operations.jobs.count', { count: counts[s] })}</a> }))} />
      <form method="get" action={paths.jobs()} class="filters" role="search">
        <Select
          ctx={ctx}
          name="status"
          label="operations.jobs.filterStatus"
          options={[{ value: '', label: t('operations.jobs.allStatuses') }, ...JOB_STATUSES.map((s) => ({ value: s, label: t(`operations.status.${s}`) }))]}
          value={status ?? ''}
        />
        <Button variant="secondary">{t('common.filter')}</Button>
      </form>
      {jobs.length === 0 ? (
        <EmptyState title={t('operations.jobs.empty')} />
      ) : (
        <>
          <Table
            caption={t('operations.jobs.caption', { count: total })}
            columns={[
              { header: t('operations.jobs.kind'), cell: (j: Job) => labelOr(ctx, `operations.kind.${j.kind}`, j.kind) },
              { header: t('operations.jobs.status'), cell: (j) => <Tag tone={JOB_TONES[j.status]}>{t(`operations.status.${j.status}`)}</Tag> },
              { header: t('operations.jobs.attempts'), cell: (j) => t('operations.jobs.attemptsOf', { attempts: j.attempts, max: j.maxAttempts }), numeric: true },
              { header: t('operations.jobs.nextRun'), cell: (j) => (j.status === 'queued' ? ctx.formatDateTime(j.runAt) : '–') },
              { header: t('operations.jobs.lastError'), cell: (j) => j.lastError && <span class="break-anywhere">{j.lastError}</span> },
              { header: t('operations.jobs.progress'), cell: (j) => j.progress && (j.progress.total === null ? t('operations.jobs.progressDone', { done: j.progress.done }) : t('operations.jobs.progressOf', { done: j.progress.done, total: j.progress.total })) },
              {
                header: t('operations.jobs.actions'),
                cell: (j) =>
                  j.status === 'dead' && (
                    <Form ctx={ctx} action={paths.jobRetry(j.id)}>
                      <Button variant="secondary">
                        {t('operations.jobs.retry')}
                        <span class="visually-hidden"> {t('operations.jobs.retryWhich', { kind: labelOr(ctx, `operations.kind.${j.kind}`, j.kind), created: ctx.formatDateTime(j.createdAt) })}</span>
                      </Button>
                    </Form>
                  ),
              },
            ]}
            rows={jobs}
          />
          <Pagination ctx={ctx} info={{ page, pageSize: PAGE_SIZE, total }} href={pageHref} />
        </>
      )}
    </Layout>
  )
}

export interface MailListItem {
  id: string
  to: string
  subject: string
  status: MailStatus
  createdAt: Date
  sentAt: Date | null
  error: string | null
}

interface OutboxPageProps {
  ctx: PageContext
  transport: 'smtp' | 'outbox'
  /** Platform admins only: where the .eml files land. */
  outboxDir: string | null
  messages: MailListItem[]
  total: number
  page: number
  pageHref: (page: number) => string
}

export function OutboxPage({ ctx, transport, outboxDir, messages, total, page, pageHref }: OutboxPageProps) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('operations.outbox.title')}>
      <h1>{t('operations.outbox.title')}</h1>
      <div class={`notice notice--${transport === 'outbox' ? 'warning' : 'info'}`}>
        <p>{t(transport === 'outbox' ? 'operations.outbox.viaOutbox' : 'operations.outbox.viaSmtp')}</p>
        {outboxDir && (
          <p>
            {t('operations.outbox.folder')} <code>{outboxDir}</code>
          </p>
        )}
      </div>
      {messages.length === 0 ? (
        <EmptyState title={t('operations.outbox.empty')} />
      ) : (
        <>
          <Table
            caption={t('operations.outbox.caption', { count: total })}
            columns={[
              { header: t('operations.outbox.to'), cell: (m: MailListItem) => m.to },
              { header: t('operations.outbox.subject'), cell: (m) => <a href={paths.outboxMessage(m.id)}>{m.subject}</a> },
              { header: t('operations.outbox.status'), cell: (m) => <MailStatusTag ctx={ctx} status={m.status} /> },
              { header: t('operations.outbox.created'), cell: (m) => ctx.formatDateTime(m.createdAt) },
              { header: t('operations.outbox.sent'), cell: (m) => (m.sentAt ? ctx.formatDateTime(m.sentAt) : '–') },
              { header: t('operations.outbox.error'), cell: (m) => m.error },
            ]}
            rows={messages}
          />
          <Pagination ctx={ctx} info={{ page, pageSize: PAGE_SIZE, total }} href={pageHref} />
        </>
      )}
    </Layout>
  )
}

function MailStatusTag({ ctx, status }: { ctx: PageContext; status: MailStatus }) {
  return <Tag tone={MAIL_TONES[status]}>{ctx.t(`operations.mail.status.${status}`)}</Tag>
}

export interface MailDetail extends MailListItem {
  messageId: string
  text: string
  hasHtml: boolean
  attachments: { filename: string; contentType: string }[]
}

export function MailMessagePage({ ctx, mail }: { ctx: PageContext; mail: MailDetail }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={mail.subject}>
      <p>
        <a href={paths.outbox()}>{t('operations.outbox.back')}</a>
      </p>
      <h1>{mail.subject}</h1>
      <SummaryList
        rows={[
          { key: t('operations.outbox.to'), value: mail.to },
          { key: t('operations.outbox.subject'), value: mail.subject },
          { key: t('operations.outbox.status'), value: <MailStatusTag ctx={ctx} status={mail.status} /> },
          { key: t('operations.outbox.created'), value: ctx.formatDateTime(mail.createdAt) },
          { key: t('operations.outbox.sent'), value: mail.sentAt ? ctx.formatDateTime(mail.sentAt) : '–' },
          ...(mail.error ? [{ key: t('operations.outbox.error'), value: mail.error }] : []),
          { key: t('operations.outbox.messageId'), value: <code class="break-anywhere">{mail.messageId}</code> },
          {
            key: t('operations.outbox.attachments'),
            value:
              mail.attachments.length === 0 ? (
                t('common.none')
              ) : (
                <ul class="plain-list">
                  {mail.attachments.map((a) => (
                    <li>
                      {a.filename} <span class="hint">({a.contentType})</span>
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      <h2>{t('operations.outbox.text')}</h2>
      <pre class="mail-body">{mail.text}</pre>
      {/* The HTML version is never rendered: it is the same message, and markup from a template is not for an admin page. */}
      {mail.hasHtml && <p class="hint">{t('operations.outbox.htmlNotShown')}</p>}
    </Layout>
  )
}
