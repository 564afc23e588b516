// The form of a municipality's playbook template: one group of fields per task ("title-3",
// "amount-3", …), a "remove" box on each, and an empty group ("title-new", …) to add one. Offsets
// are typed as people say them: a number, weeks or days, before or after the ceremony. Pure.
import { FormParser, text, type Parsed } from '../../platform/http/forms.ts'
import { MAX_OFFSET_DAYS, OFFSET_DIRECTIONS, OFFSET_UNITS, offsetToParts, partsToOffset, type TemplateTask } from './playbook.ts'
import { TASK_LIMITS } from './task-form.ts'

export const TEMPLATE_MAX_TASKS = 100
/** The row for adding a task. */
export const NEW_ROW = 'new'

/** The field names of one row: an index for an existing task, "new" for the empty row. */
export function rowFields(row: number | typeof NEW_ROW) {
  return { title: `title-${row}`, description: `description-${row}`, amount: `amount-${row}`, unit: `unit-${row}`, direction: `direction-${row}`, remove: `remove-${row}` }
}

/**
 * Reads the template form into the tasks to keep, ordered by offset (ties keep the order of the
 * form). An empty "new" row is ignored; a template cannot be emptied, since an empty template
 * means the shipped default.
 */
export function parseTemplate(body: unknown): Parsed<TemplateTask[]> {
  const form = new FormParser(body)
  const count = Math.min(Math.max(Number.parseInt(text(body, 'count'), 10) || 0, 0), TEMPLATE_MAX_TASKS)
  const tasks: TemplateTask[] = []
  for (let i = 0; i < count; i++) {
    const fields = rowFields(i)
    if (text(body, fields.remove) === 'yes') continue
    tasks.push(parseRow(form, fields))
  }
  const added = rowFields(NEW_ROW)
  if (text(body, added.title) !== '' || text(body, added.description) !== '') tasks.push(parseRow(form, added))
  form.check(tasks.length > 0, rowFields(0).title, 'playbook.template.empty')
  form.check(tasks.length <= TEMPLATE_MAX_TASKS, added.title, 'playbook.template.tooMany')
  return form.result(tasks.sort((a, b) => a.offsetDays - b.offsetDays))
}

function parseRow(form: FormParser, fields: ReturnType<typeof rowFields>): TemplateTask {
  const title = form.required(fields.title, 'playbook.template.titleRequired', { max: TASK_LIMITS.title })
  const description = form.optional(fields.description, { max: TASK_LIMITS.description })
  const direction = form.oneOf(fields.direction, OFFSET_DIRECTIONS, 'playbook.template.directionInvalid')
  const unit = form.oneOf(fields.unit, OFFSET_UNITS, 'playbook.template.unitInvalid')
  // On the day itself the number does not matter, and may be left empty.
  if (direction === 'on') return { title, description, offsetDays: 0 }
  const max = unit === 'weeks' ? Math.floor(MAX_OFFSET_DAYS / 7) : MAX_OFFSET_DAYS
  const amount = form.integer(fields.amount, { min: 0, max }, unit === 'weeks' ? 'playbook.template.weeksInvalid' : 'playbook.template.daysInvalid')
  return { title, description, offsetDays: Number.isInteger(amount) ? partsToOffset({ amount, unit, direction }) : 0 }
}

/** The form's values for the tasks of a template, plus sensible defaults for the empty row. */
export function templateFormValues(tasks: TemplateTask[]): Record<string, string> {
  const values: Record<string, string> = { count: String(tasks.length) }
  tasks.forEach((task, i) => {
    const fields = rowFields(i)
    const parts = offsetToParts(task.offsetDays)
    values[fields.title] = task.title
    values[fields.description] = task.description ?? ''
    values[fields.amount] = parts.direction === 'on' ? '' : String(parts.amount)
    values[fields.unit] = parts.unit
    values[fields.direction] = parts.direction
  })
  const added = rowFields(NEW_ROW)
  Object.assign(values, { [added.amount]: '1', [added.unit]: 'weeks', [added.direction]: 'before' })
  return values
}
