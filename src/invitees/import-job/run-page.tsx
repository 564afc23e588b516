// The page of an import running in the background: a progress bar with the rows read while it
// runs, then the counts (done) or the problem (failed). It works without JavaScript (a refresh
// link, no meta refresh); with JavaScript, import-progress.js polls the status address and
// updates the bar and the status line, then loads the page again when the import ends.
import { LinkButton } from '../../platform/views/components.tsx'
import { ExitLinks } from '../wizard/exit-links.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../../editions/editions.ts'
import { ResultPage } from '../wizard/result-page.tsx'
import type { ImportRun, RunView } from './import-run.ts'

interface Props {
  ctx: PageContext
  edition: Edition
  run: ImportRun
  view: RunView
}

export function RunPage(props: Props) {
  const { view } = props
  if (view.phase === 'done' && view.counts) return <ResultPage ctx={props.ctx} edition={props.edition} counts={view.counts} />
  if (view.phase === 'failed') return <FailedPage {...props} />
  return <ProgressPage {...props} />
}

function ProgressPage({ ctx, edition, run, view }: Props) {
  const { t } = ctx
  const title = t('invitee-import.run.title')
  return (
    <Layout ctx={ctx} title={title} head={<script type="module" src="/static/js/import-progress.js" />}>
      <div class="narrow">
        <h1>{title}</h1>
        <p>{t('invitee-import.run.intro', { name: edition.name })}</p>
        <div data-import-progress data-status-url={paths.inviteeImportRunStatus(edition.id, run.id)}>
          <label for="import-progress">{t('invitee-import.run.progressLabel')}</label>
          <br />
          {/* Without a value the bar shows that something happens, not how much: while queued. */}
          <progress id="import-progress" max={100} value={view.phase === 'queued' ? undefined : view.percent}>
            {t('invitee-import.run.percent', { percent: view.percent })}
          </progress>
          <p data-import-count>{countText(ctx, view)}</p>
          <p role="status" data-import-status>
            {statusText(ctx, view)}
          </p>
        </div>
        <p>{t('invitee-import.run.closeBrowser')}</p>
        <p>
          <LinkButton href={paths.inviteeImportRun(edition.id, run.id)}>{t('invitee-import.run.refresh')}</LinkButton>
        </p>
      </div>
    </Layout>
  )
}

function FailedPage({ ctx, edition, run, view }: Props) {
  const { t } = ctx
  const title = t('invitee-import.run.failedTitle')
  const problem = view.problem ?? { message: 'invitee-import.run.stopped' }
  return (
    <Layout ctx={ctx} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        {problem.file === 'register' && <p>{t('invitee-import.run.inRegister')}</p>}
        <p>{t(problem.message, problem.values)}</p>
        <p>
          <strong>{t('invitee-import.run.listUnchanged')}</strong>
        </p>
        {/* A job that gave up never got to delete the file; the hourly clean-up does, within a day. */}
        <p>{run.status === 'failed' ? t('invitee-import.run.fileDeleted') : t('invitee-import.run.fileDeletedLater')}</p>
        <ExitLinks ctx={ctx} editionId={edition.id} />
      </div>
    </Layout>
  )
}

/** "12.000 of about 100.000 rows read": changes with every poll (the bar's text, not announced). */
export function countText(ctx: Pick<PageContext, 't'>, view: RunView): string {
  const { t } = ctx
  if (view.phase === 'queued') return t('invitee-import.run.countNone')
  // A failed import read nothing that stays: no count to give.
  if (view.phase === 'failed') return ''
  if (view.phase === 'saving' || view.phase === 'done') return t('invitee-import.run.countAll', { total: view.rowsTotal ?? view.rowsDone })
  if (view.rowsTotal === null) return t('invitee-import.run.countSoFar', { done: view.rowsDone })
  return t('invitee-import.run.countOfAbout', { done: view.rowsDone, total: view.rowsTotal })
}

/**
 * The status line screen readers announce (role="status"): it changes with the phase and every
 * tenth of the way, not with every poll, so that it informs rather than chatters.
 */
export function statusText(ctx: Pick<PageContext, 't'>, view: RunView): string {
  const { t } = ctx
  if (view.phase === 'queued') return t('invitee-import.run.statusQueued')
  if (view.phase === 'saving') return t('invitee-import.run.statusSaving')
  if (view.phase === 'done') return t('invitee-import.run.statusDone')
  if (view.phase === 'failed') return t('invitee-import.run.statusFailed')
  return t('invitee-import.run.statusReading', { percent: Math.floor(view.percent / 10) * 10 })
}
