// A practice as editors see it: its status with the allowed moves, its history of versions,
// and one stored version compared with the current text, with the way to restore it.
import type { PageContext } from '../../platform/views/context.ts'
import { Button, Form, SummaryList, Table } from '../../platform/views/components.tsx'
import { Layout } from '../../platform/views/layout.tsx'
import { paths, withQuery } from '../../paths.ts'
import type { Practice } from '../practices.ts'
import type { SubmissionKind } from '../submissions.ts'
import { allowedTransitions, KIND_LABELS, practiceDiff, TRANSITION_LABELS, type RestorableVersion, type Vocabulary } from './editorial.ts'
import { practiceText } from '../submissions.ts'
import type { VersionRow } from './editorial-queries.ts'
import { EditorialNav, StatusTag } from './editorial-pages.tsx'
import { DiffView } from './editorial-views.tsx'

export const VERSION_PARAM = 'versie'

export function EditorialPracticePage({ ctx, practice, pending, notice }: { ctx: PageContext; practice: Practice; pending: { id: string; kind: SubmissionKind; createdAt: Date }[]; notice: string | null }) {
  const { t } = ctx
  const transitions = allowedTransitions(practice.status)
  return (
    <Layout ctx={ctx} title={practice.title}>
      <h1>{practice.title}</h1>
      <EditorialNav ctx={ctx} current="practices" />
      {notice && (
        <div class="notice notice--warning" role="alert">
          <p>{t(notice)}</p>
        </div>
      )}
      <SummaryList
        rows={[
          { key: t('editorial.practice.status'), value: <StatusTag ctx={ctx} status={practice.status} /> },
          {
            key: t('editorial.practice.publicPage'),
            value: practice.status === 'published' ? <a href={paths.practice(practice.slug)}>{paths.practice(practice.slug)}</a> : t('editorial.practice.notPublic'),
          },
          { key: t('editorial.practice.version'), value: practice.version },
          { key: t('editorial.practice.updated'), value: ctx.formatDateTime(practice.updatedAt) },
          { key: t('editorial.practice.firstPublished'), value: practice.publishedAt ? ctx.formatDateTime(practice.publishedAt) : t('editorial.practice.neverPublished') },
          { key: t('editorial.practice.municipalities'), value: practice.entries.length },
        ]}
      />
      <p>
        <a href={paths.editorialHistory(practice.id)}>{t('editorial.practice.history')}</a>
      </p>
      <h2>{t('editorial.practice.changeStatus')}</h2>
      <p>{t('editorial.practice.statusHint')}</p>
      <div class="editorial-actions">
        {transitions.map((to) => (
          <Form ctx={ctx} action={paths.editorialPractice(practice.id)}>
            <input type="hidden" name="status" value={to} />
            <Button variant={to === 'archived' ? 'warning' : 'secondary'}>{t(TRANSITION_LABELS[to])}</Button>
          </Form>
        ))}
      </div>
      <h2>{t('editorial.practice.pendingTitle')}</h2>
      {pending.length === 0 ? (
        <p>{t('editorial.practice.noPending')}</p>
      ) : (
        <ul>
          {pending.map((s) => (
            <li>
              <a href={paths.editorialSubmission(s.id)}>{t(KIND_LABELS[s.kind])}</a> ({ctx.formatDateTime(s.createdAt)})
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}

export function HistoryPage({ ctx, practice, versions }: { ctx: PageContext; practice: Practice; versions: VersionRow[] }) {
  const { t } = ctx
  const title = t('editorial.history.title', { title: practice.title })
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={paths.editorialPractice(practice.id)}>{t('editorial.history.back', { title: practice.title })}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('editorial.history.intro')}</p>
      <Table
        caption={t('editorial.history.caption')}
        columns={[
          { header: t('editorial.history.version'), cell: (v: VersionRow) => <a href={withQuery(paths.editorialHistory(practice.id), { [VERSION_PARAM]: v.version })}>{t('editorial.history.versionN', { version: v.version })}</a> },
          { header: t('editorial.history.when'), cell: (v) => ctx.formatDateTime(v.createdAt) },
          { header: t('editorial.history.who'), cell: (v) => v.publishedByName ?? t('editorial.history.system') },
          { header: t('editorial.history.current'), cell: (v) => (v.version === practice.version ? t('editorial.history.isCurrent') : '') },
        ]}
        rows={versions}
      />
    </Layout>
  )
}

export function VersionPage({ ctx, practice, version, restorable, vocabulary }: { ctx: PageContext; practice: Practice; version: VersionRow; restorable: RestorableVersion | null; vocabulary: Vocabulary }) {
  const { t } = ctx
  const title = t('editorial.version.title', { version: version.version, title: practice.title })
  const isCurrent = version.version === practice.version
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={paths.editorialHistory(practice.id)}>{t('editorial.version.back')}</a>
      </p>
      <h1>{title}</h1>
      <SummaryList
        rows={[
          { key: t('editorial.history.when'), value: ctx.formatDateTime(version.createdAt) },
          { key: t('editorial.history.who'), value: version.publishedByName ?? t('editorial.history.system') },
        ]}
      />
      {!restorable ? (
        <div class="notice notice--warning">
          <p>{t('editorial.version.notRestorable')}</p>
        </div>
      ) : (
        <>
          {isCurrent && (
            <div class="notice">
              <p>{t('editorial.version.isCurrent')}</p>
            </div>
          )}
          <h2>{isCurrent ? t('editorial.version.text') : t('editorial.version.compared')}</h2>
          <DiffView
            ctx={ctx}
            diffs={practiceDiff(practiceText(practice), restorable.text, vocabulary)}
            beforeLabel={t('editorial.version.currentSide')}
            afterLabel={t('editorial.version.thisSide', { version: version.version })}
            compare={!isCurrent}
          />
          {!isCurrent && (
            <>
              <h2>{t('editorial.version.restoreTitle')}</h2>
              <p>{t('editorial.version.restoreHint')}</p>
              <Form ctx={ctx} action={paths.editorialHistory(practice.id)}>
                <input type="hidden" name={VERSION_PARAM} value={String(version.version)} />
                <Button>{t('editorial.version.restore', { version: version.version })}</Button>
              </Form>
            </>
          )}
        </>
      )}
    </Layout>
  )
}
