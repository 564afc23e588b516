// The form of one task of an edition: title, description, due date, owner, status and notes. The
// due date is typed as a date and kept as an offset from the ceremony, so it moves with it. Pure.
import { brusselsDate, isDate } from '../../platform/calendar.ts'
import { FormParser, text, type Parsed } from '../../platform/http/forms.ts'
import { MAX_OFFSET_DAYS, offsetForDueDate, TASK_STATUSES, type TaskStatus } from './playbook.ts'

export const TASK_LIMITS = { title: 200, description: 2000, notes: 4000 } as const

export interface TaskInput {
  title: string
  description: string | null
  offsetDays: number
  ownerId: string | null
  status: TaskStatus
  notes: string | null
}

export interface TaskFormContext {
  ceremony: Date
  now: Date
  /** The people a task may be given to: active staff of the organising municipalities. */
  ownerIds: string[]
  /** The task as stored, when editing: its due date and owner may stay as they are. */
  current?: { dueOn: string; ownerId: string | null }
}

/**
 * Reads the task form. A new due date must not be in the past (a date already stored may stay),
 * and must lie within a year of the ceremony. The owner must be one of the organisers' staff, or
 * nobody; an owner who has left may stay on a task until someone changes it.
 */
export function parseTask(body: unknown, context: TaskFormContext): Parsed<TaskInput> {
  const form = new FormParser(body)
  const title = form.required('title', 'playbook.task.titleRequired', { max: TASK_LIMITS.title })
  const description = form.optional('description', { max: TASK_LIMITS.description })
  const notes = form.optional('notes', { max: TASK_LIMITS.notes })
  const dueOn = text(body, 'dueOn')
  let offsetDays = 0
  if (!isDate(dueOn)) form.check(false, 'dueOn', 'playbook.task.dueOnInvalid')
  else {
    offsetDays = offsetForDueDate(context.ceremony, dueOn)
    const unchanged = context.current?.dueOn === dueOn
    if (!unchanged) form.check(dueOn >= brusselsDate(context.now), 'dueOn', 'playbook.task.dueOnInPast')
    if (!unchanged) form.check(Math.abs(offsetDays) <= MAX_OFFSET_DAYS, 'dueOn', 'playbook.task.dueOnTooFar')
  }
  const owner = text(body, 'ownerId')
  const ownerId = owner === '' ? null : owner
  const keptOwner = ownerId !== null && ownerId === context.current?.ownerId
  form.check(ownerId === null || keptOwner || context.ownerIds.includes(ownerId), 'ownerId', 'playbook.task.ownerInvalid')
  const status = form.oneOf('status', TASK_STATUSES, 'playbook.task.statusInvalid')
  return form.result({ title, description, offsetDays, ownerId, status, notes })
}

/** The form's values for a stored task. */
export function taskFormValues(task: { title: string; description: string | null; dueOn: string; ownerId: string | null; status: TaskStatus; notes: string | null }): Record<string, string> {
  return { title: task.title, description: task.description ?? '', dueOn: task.dueOn, ownerId: task.ownerId ?? '', status: task.status, notes: task.notes ?? '' }
}

/** The fields of a stored task that a change touches, by name (for the audit log: never values). */
export function changedFields(before: TaskInput, after: TaskInput): string[] {
  return (Object.keys(after) as (keyof TaskInput)[]).filter((key) => before[key] !== after[key])
}
