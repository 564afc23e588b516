// What runs behind the scenes, for admins: background jobs (and retrying a dead one) and the
// outbox of every e-mail Welkom sent or will send.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../accounts/accounts.ts'
import { requireRole, scopeOf } from '../accounts/session.ts'
import { recordAudit } from '../audit/audit-queries.ts'
import { NotFound } from '../platform/errors.ts'
import { setFlash } from '../platform/http/flash.ts'
import type { JobStatus } from '../platform/jobs/jobs.ts'
import { countJobsByStatus, findJob, listJobs, retryDeadJob } from '../platform/jobs/jobs-queries.ts'
import { findMail, listMail, type MailRow } from '../platform/mail/mail-queries.ts'
import { sendPage } from '../platform/views/render.ts'
import { paths, withQuery } from '../paths.ts'
import type { Services } from '../services.ts'
import { pageContext } from '../shell/page-context.ts'
import { JOB_STATUSES, JobsPage, MailMessagePage, OutboxPage, PAGE_SIZE, type MailListItem } from './operations-pages.tsx'

/** A municipality admin works on their own municipality; a platform admin on all (null). */
function operateScope(request: FastifyRequest) {
  const user = requireRole(request, can.operate)
  return { user, municipalityId: user.role === 'platform_admin' ? null : scopeOf(user).municipalityId }
}

function queryParam(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : ''
}

function pageParam(request: FastifyRequest): number {
  const page = Number(queryParam(request, 'pagina'))
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1
}

export function operationsRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get('/beheer/taken', async (request, reply) => {
    const { municipalityId } = operateScope(request)
    const requested = queryParam(request, 'status')
    const status = (JOB_STATUSES as readonly string[]).includes(requested) ? (requested as JobStatus) : undefined
    const page = pageParam(request)
    const [{ jobs, total }, counts] = await Promise.all([
      listJobs(db, { municipalityId, status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      countJobsByStatus(db, municipalityId),
    ])
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <JobsPage ctx={ctx} jobs={jobs} total={total} counts={counts} status={status ?? null} page={page} pageHref={(n) => withQuery(paths.jobs(), { status, pagina: n })} />)
  })

  app.post<{ Params: { id: string } }>('/beheer/taken/:id/opnieuw', async (request, reply) => {
    const { user, municipalityId } = operateScope(request)
    await db.transaction().execute(async (trx) => {
      // Out of scope and not dead look the same: there is nothing here to retry.
      const job = await findJob(trx, municipalityId, request.params.id)
      if (!job || job.status !== 'dead' || !(await retryDeadJob(trx, municipalityId, job.id))) throw new NotFound('job')
      await recordAudit(trx, { municipalityId: job.municipalityId, actor: user, action: 'job.retried', record: { type: 'job', id: job.id }, details: { kind: job.kind } })
    })
    setFlash(reply, { kind: 'success', message: 'operations.jobs.retried' })
    // All jobs, newest change first: the retried job is at the top.
    return reply.redirect(paths.jobs(), 303)
  })

  app.get('/beheer/uitgaande-post', async (request, reply) => {
    const { user, municipalityId } = operateScope(request)
    const page = pageParam(request)
    const { messages, total } = await listMail(db, municipalityId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
    const ctx = await pageContext(services, request, reply)
    // Where the files land on the server is for whoever runs the platform, not for municipalities.
    const outboxDir = services.mail.kind === 'outbox' && user.role === 'platform_admin' ? `${services.config.dataDir}/outbox` : null
    return sendPage(
      reply,
      <OutboxPage ctx={ctx} transport={services.mail.kind} outboxDir={outboxDir} messages={messages.map(toListItem)} total={total} page={page} pageHref={(n) => withQuery(paths.outbox(), { pagina: n })} />,
    )
  })

  app.get<{ Params: { id: string } }>('/beheer/uitgaande-post/:id', async (request, reply) => {
    const { user, municipalityId } = operateScope(request)
    const mail = await findMail(db, municipalityId, request.params.id)
    if (!mail) throw new NotFound('mail')
    // An e-mail holds personal data (address, name, contents): reading it is recorded.
    await recordAudit(db, { municipalityId: mail.municipality_id, actor: user, action: 'mail.viewed', record: { type: 'mail', id: mail.id } })
    const ctx = await pageContext(services, request, reply)
    return sendPage(
      reply,
      <MailMessagePage
        ctx={ctx}
        mail={{
          ...toListItem(mail),
          messageId: mail.message_id,
          text: mail.text_body,
          hasHtml: mail.html_body !== null,
          // Names and types only: the content stays in the database.
          attachments: (mail.attachments_json ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType })),
        }}
      />,
    )
  })
}

function toListItem(m: Pick<MailRow, 'id' | 'to_address' | 'subject' | 'status' | 'created_at' | 'sent_at' | 'error'>): MailListItem {
  return { id: m.id, to: m.to_address, subject: m.subject, status: m.status, createdAt: m.created_at, sentAt: m.sent_at, error: m.error }
}
