// An edition's playbook: every task by due date, with its status and owner; late tasks are
// counted at the top and marked in words. Filters are a GET form, so they work without script.
import { Button, Checkbox, EmptyState, LinkButton, Table } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../editions.ts'
import type { EditionTask } from './playbook-queries.ts'
import { DueOn, TaskStatusTag } from './task-bits.tsx'

export interface TaskFilters {
  openOnly: boolean
  mineOnly: boolean
}

export interface TasksView {
  edition: Edition
  /** The tasks the filters let through. */
  tasks: EditionTask[]
  owners: Map<string, string>
  counts: { total: number; done: number; overdue: number }
  filters: TaskFilters
  canAdaptTemplate: boolean
}

export function TasksPage({ ctx, view }: { ctx: PageContext; view: TasksView }) {
  const { t } = ctx
  const { edition, counts, filters } = view
  const filtered = filters.openOnly || filters.mineOnly
  return (
    <Layout ctx={ctx} title={t('playbook.tasks.title', { name: edition.name })}>
      <h1>{t('playbook.tasks.title', { name: edition.name })}</h1>
      <p class="lead">{t('playbook.tasks.intro', { date: ctx.formatDateTime(edition.startsAt, 'long') })}</p>
      <p>{t('playbook.tasks.progress', { done: counts.done, total: counts.total })}</p>
      {counts.overdue > 0 && (
        <div class="notice notice--warning">
          <p>{t('playbook.tasks.overdue', { count: counts.overdue })}</p>
        </div>
      )}
      <p class="button-group">
        <LinkButton href={paths.editionTaskNew(edition.id)} variant="primary">
          {t('playbook.tasks.add')}
        </LinkButton>
      </p>
      <form method="get" action={paths.editionTasks(edition.id)} class="filters" role="search" aria-labelledby="task-filters-title">
        <h2 id="task-filters-title" class="visually-hidden">
          {t('playbook.tasks.filterTitle')}
        </h2>
        <Checkbox ctx={ctx} name="open" label="playbook.tasks.openOnly" checked={filters.openOnly} />
        <Checkbox ctx={ctx} name="mijn" label="playbook.tasks.mineOnly" checked={filters.mineOnly} />
        <Button variant="secondary">{t('playbook.tasks.filter')}</Button>
        {filtered && <a href={paths.editionTasks(edition.id)}>{t('playbook.tasks.showAll')}</a>}
      </form>
      {view.tasks.length === 0 ? (
        <EmptyState title={t(filtered ? 'playbook.tasks.noneFiltered' : 'playbook.tasks.none')} />
      ) : (
        <Table
          caption={t('playbook.tasks.caption', { count: view.tasks.length })}
          columns={[
            { header: t('playbook.field.title'), cell: (task: EditionTask) => <a href={paths.editionTask(edition.id, task.id)}>{task.title}</a> },
            { header: t('playbook.field.dueOn'), cell: (task) => <DueOn ctx={ctx} task={task} /> },
            { header: t('playbook.field.status'), cell: (task) => <TaskStatusTag ctx={ctx} status={task.status} /> },
            { header: t('playbook.field.owner'), cell: (task) => (task.ownerId ? (view.owners.get(task.ownerId) ?? t('playbook.owner.unknown')) : t('playbook.owner.nobody')) },
          ]}
          rows={view.tasks}
        />
      )}
      <h2>{t('playbook.tasks.moreTitle')}</h2>
      <ul>
        <li>
          <a href={paths.editionCalendar(edition.id)}>{t('playbook.tasks.toCalendar')}</a>
        </li>
        <li>
          <a href={paths.myTasks()}>{t('playbook.tasks.toMyTasks')}</a>
        </li>
        {view.canAdaptTemplate && (
          <li>
            <a href={paths.playbookTemplate()}>{t('playbook.tasks.toTemplate')}</a>
          </li>
        )}
        <li>
          <a href={paths.edition(edition.id)}>{t('playbook.backToEdition')}</a>
        </li>
      </ul>
    </Layout>
  )
}

