// "My tasks": the signed-in person's open tasks across the editions of their municipality, the
// late ones first.
import { EmptyState, Table } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { MyTask } from './my-tasks-queries.ts'
import { DueOn, TaskStatusTag } from './task-bits.tsx'

export function MyTasksPage({ ctx, tasks }: { ctx: PageContext; tasks: MyTask[] }) {
  const { t } = ctx
  const overdue = tasks.filter((task) => task.overdue).length
  return (
    <Layout ctx={ctx} title={t('playbook.mine.title')}>
      <h1>{t('playbook.mine.title')}</h1>
      <p class="lead">{t('playbook.mine.intro')}</p>
      {overdue > 0 && (
        <div class="notice notice--warning">
          <p>{t('playbook.mine.overdue', { count: overdue })}</p>
        </div>
      )}
      {tasks.length === 0 ? (
        <EmptyState title={t('playbook.mine.none')}>
          <p>
            <a href={paths.editions()}>{t('playbook.mine.toEditions')}</a>
          </p>
        </EmptyState>
      ) : (
        <Table
          caption={t('playbook.mine.caption', { count: tasks.length })}
          columns={[
            { header: t('playbook.field.title'), cell: (task: MyTask) => <a href={paths.editionTask(task.edition.id, task.id)}>{task.title}</a> },
            { header: t('playbook.field.edition'), cell: (task) => <a href={paths.editionTasks(task.edition.id)}>{task.edition.name}</a> },
            { header: t('playbook.field.dueOn'), cell: (task) => <DueOn ctx={ctx} task={task} /> },
            { header: t('playbook.field.status'), cell: (task) => <TaskStatusTag ctx={ctx} status={task.status} /> },
          ]}
          rows={tasks}
        />
      )}
    </Layout>
  )
}
