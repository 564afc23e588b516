// Adding a task to an edition's playbook, and a task's own page where it is changed: title,
// description, due date, owner, status and notes.
import { Button, ErrorSummary, Field, Form, Radios, Select, SummaryList, Textarea } from '../../platform/views/components.tsx'
import type { FormState, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../editions.ts'
import { describeOffset, TASK_STATUSES } from './playbook.ts'
import type { EditionTask, TaskOwner } from './playbook-queries.ts'
import { DueOn, statusLabel, TaskStatusTag } from './task-bits.tsx'

export interface TaskFormView {
  edition: Edition
  /** The task being changed; none when adding one. */
  task?: EditionTask & { ownerName: string | null }
  owners: TaskOwner[]
}

export function TaskFormPage({ ctx, view, state }: { ctx: PageContext; view: TaskFormView; state: FormState }) {
  const { t } = ctx
  const { edition, task } = view
  const { values, errors } = state
  const title = task ? task.title : t('playbook.task.newTitle')
  const action = task ? paths.editionTask(edition.id, task.id) : paths.editionTaskNew(edition.id)
  return (
    <Layout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={errors} />
        <p class="hint">{edition.name}</p>
        <h1>{title}</h1>
        {task && (
          <SummaryList
            rows={[
              { key: t('playbook.field.dueOn'), value: <DueOn ctx={ctx} task={task} /> },
              { key: t('playbook.task.relative'), value: relative(ctx, task.offsetDays) },
              { key: t('playbook.field.status'), value: <TaskStatusTag ctx={ctx} status={task.status} /> },
              { key: t('playbook.field.owner'), value: task.ownerName ?? t('playbook.owner.nobody') },
            ]}
          />
        )}
        {task && <h2>{t('playbook.task.changeTitle')}</h2>}
        <Form ctx={ctx} action={action}>
          <Field ctx={ctx} name="title" label="playbook.field.title" value={values.title} errors={errors} />
          <Textarea ctx={ctx} name="description" label="playbook.field.description" hint="playbook.field.optional" value={values.description} errors={errors} rows={3} />
          <Field ctx={ctx} name="dueOn" type="date" label="playbook.field.dueOn" hint="playbook.task.dueOnHint" hintValues={{ date: ctx.formatDate(edition.startsAt) }} value={values.dueOn} errors={errors} width="medium" />
          <Select ctx={ctx} name="ownerId" label="playbook.field.owner" hint="playbook.task.ownerHint" options={ownerOptions(ctx, view)} value={values.ownerId} errors={errors} />
          <Radios ctx={ctx} name="status" legend="playbook.field.status" value={values.status} errors={errors} options={TASK_STATUSES.map((status) => ({ value: status, label: statusLabel(ctx, status) }))} />
          {task && <Textarea ctx={ctx} name="notes" label="playbook.field.notes" hint="playbook.task.notesHint" value={values.notes} errors={errors} rows={5} />}
          <Button>{t(task ? 'playbook.task.save' : 'playbook.task.add')}</Button>
        </Form>
        <p>
          <a href={paths.editionTasks(edition.id)}>{t('playbook.backToTasks')}</a>
        </p>
      </div>
    </Layout>
  )
}

/** Nobody, then the organisers' staff by name; an owner who has left stays listed as such. */
function ownerOptions(ctx: PageContext, view: TaskFormView): { value: string; label: string }[] {
  const { t } = ctx
  const several = new Set(view.owners.map((o) => o.municipalityName)).size > 1
  const options = [{ value: '', label: t('playbook.owner.nobody') }, ...view.owners.map((o) => ({ value: o.id, label: several ? t('playbook.owner.withMunicipality', { name: o.name, municipality: o.municipalityName }) : o.name }))]
  const current = view.task
  if (current?.ownerId && !view.owners.some((o) => o.id === current.ownerId)) options.push({ value: current.ownerId, label: t('playbook.owner.left', { name: current.ownerName ?? t('playbook.owner.unknown') }) })
  return options
}

function relative(ctx: PageContext, offsetDays: number): string {
  const { key, values } = describeOffset(offsetDays)
  return ctx.t(key, values)
}
