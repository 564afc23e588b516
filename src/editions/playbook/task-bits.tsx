// Small pieces the playbook's pages share: a task's status and its due date, with "late" said in
// words and not only in colour.
import { Tag } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import type { TaskStatus } from './playbook.ts'

const STATUS_TONE: Record<TaskStatus, 'grey' | 'blue' | 'green'> = { todo: 'grey', doing: 'blue', done: 'green' }

export function statusLabel(ctx: PageContext, status: TaskStatus): string {
  const labels: Record<TaskStatus, string> = { todo: ctx.t('playbook.status.todo'), doing: ctx.t('playbook.status.doing'), done: ctx.t('playbook.status.done') }
  return labels[status]
}

export function TaskStatusTag({ ctx, status }: { ctx: PageContext; status: TaskStatus }) {
  return <Tag tone={STATUS_TONE[status]}>{statusLabel(ctx, status)}</Tag>
}

/** "1 maart 2027", or for a late task "Te laat" before it. */
export function DueOn({ ctx, task }: { ctx: PageContext; task: { dueOn: string; overdue: boolean } }) {
  if (!task.overdue) return <>{ctx.formatDate(task.dueOn)}</>
  return (
    <>
      <Tag tone="red">{ctx.t('playbook.late')}</Tag> {ctx.formatDate(task.dueOn)}
    </>
  )
}
