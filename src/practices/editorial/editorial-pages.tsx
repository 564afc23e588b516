// The editors' start page: the queue of pending submissions, and the list of all practices.
import type { PageContext } from '../../platform/views/context.ts'
import { Button, EmptyState, Field, Pagination, Table, Tag } from '../../platform/views/components.tsx'
import { Layout } from '../../platform/views/layout.tsx'
import { paths, withQuery } from '../../paths.ts'
import { SUBMISSION_KINDS, type SubmissionKind } from '../submissions.ts'
import { ageInDays, KIND_LABELS, STATUS_LABELS } from './editorial.ts'
import type { PracticeRowForEditors, QueueItem } from './editorial-queries.ts'

export const PRACTICES_VIEW = 'praktijken'
export const EDITOR_PAGE_SIZE = 50

export function EditorialNav({ ctx, current }: { ctx: PageContext; current: 'queue' | 'practices' | 'incomplete' }) {
  const { t } = ctx
  const links = [
    { key: 'queue', href: paths.editorial(), label: t('editorial.nav.queue') },
    { key: 'practices', href: withQuery(paths.editorial(), { weergave: PRACTICES_VIEW }), label: t('editorial.nav.practices') },
    { key: 'incomplete', href: paths.editorialIncomplete(), label: t('editorial.nav.incomplete') },
  ]
  return (
    <nav class="editorial-nav" aria-label={t('editorial.nav.label')}>
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href} aria-current={l.key === current ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function QueuePage({ ctx, items, now }: { ctx: PageContext; items: QueueItem[]; now: Date }) {
  const { t } = ctx
  const counts = new Map<SubmissionKind, number>()
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1)
  return (
    <Layout ctx={ctx} title={t('editorial.queue.title')}>
      <h1>{t('editorial.queue.title')}</h1>
      <EditorialNav ctx={ctx} current="queue" />
      <p>{t('editorial.queue.intro')}</p>
      <h2>{t('editorial.queue.countsTitle')}</h2>
      <ul class="editorial-counts">
        {SUBMISSION_KINDS.map((kind) => (
          <li>
            <span class="editorial-counts__label">{t(KIND_LABELS[kind])}</span> <strong>{counts.get(kind) ?? 0}</strong>
          </li>
        ))}
      </ul>
      <h2>{t('editorial.queue.pendingTitle', { count: items.length })}</h2>
      {items.length === 0 ? (
        <EmptyState title={t('editorial.queue.empty')} />
      ) : (
        <Table
          caption={t('editorial.queue.caption')}
          columns={[
            {
              header: t('editorial.queue.practice'),
              cell: (i: QueueItem) => (
                <>
                  <a href={paths.editorialSubmission(i.id)}>{i.practiceTitle ?? i.proposedTitle ?? t('editorial.queue.untitled')}</a>
                  {i.kind === 'new_practice' && (
                    <>
                      {' '}
                      <Tag tone="blue">{t('editorial.queue.new')}</Tag>
                    </>
                  )}
                </>
              ),
            },
            { header: t('editorial.queue.kind'), cell: (i) => t(KIND_LABELS[i.kind]) },
            { header: t('editorial.queue.submitter'), cell: (i) => (i.municipalityName ? t('editorial.queue.submitterWithMunicipality', { name: i.submitterName, municipality: i.municipalityName }) : i.submitterName) },
            { header: t('editorial.queue.age'), cell: (i) => <span title={ctx.formatDateTime(i.createdAt)}>{t('editorial.queue.ageDays', { days: ageInDays(i.createdAt, now) })}</span> },
          ]}
          rows={items}
        />
      )}
    </Layout>
  )
}

export function PracticesListPage({ ctx, rows, total, page, text }: { ctx: PageContext; rows: PracticeRowForEditors[]; total: number; page: number; text: string }) {
  const { t } = ctx
  const href = (p: number) => withQuery(paths.editorial(), { weergave: PRACTICES_VIEW, zoek: text, pagina: p > 1 ? p : null })
  return (
    <Layout ctx={ctx} title={t('editorial.practices.title')}>
      <h1>{t('editorial.practices.title')}</h1>
      <EditorialNav ctx={ctx} current="practices" />
      <form method="get" action={paths.editorial()} class="filters" role="search" aria-label={t('editorial.practices.searchLabel')}>
        <input type="hidden" name="weergave" value={PRACTICES_VIEW} />
        <Field ctx={ctx} name="zoek" label="editorial.practices.search" value={text} width="medium" />
        <Button variant="secondary">{t('editorial.practices.searchSubmit')}</Button>
      </form>
      <p role="status">{t('common.results', { count: total })}</p>
      {rows.length > 0 && (
        <Table
          caption={t('editorial.practices.caption')}
          columns={[
            { header: t('editorial.practices.practice'), cell: (r: PracticeRowForEditors) => <a href={paths.editorialPractice(r.id)}>{r.title}</a> },
            { header: t('editorial.practices.status'), cell: (r) => <StatusTag ctx={ctx} status={r.status} /> },
            { header: t('editorial.practices.version'), cell: (r) => r.version, numeric: true },
            { header: t('editorial.practices.updated'), cell: (r) => ctx.formatDateTime(r.updatedAt) },
          ]}
          rows={rows}
        />
      )}
      <Pagination ctx={ctx} info={{ page, pageSize: EDITOR_PAGE_SIZE, total }} href={href} />
    </Layout>
  )
}

export function StatusTag({ ctx, status }: { ctx: PageContext; status: PracticeRowForEditors['status'] }) {
  const tone = status === 'published' ? 'green' : status === 'archived' ? 'grey' : 'yellow'
  return <Tag tone={tone}>{ctx.t(STATUS_LABELS[status])}</Tag>
}
