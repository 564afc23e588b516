// Saving a municipality's own playbook template. Its rows replace the previous ones as a whole;
// without rows the shipped default applies again. Editions already made keep their tasks.
import { randomUUID } from 'node:crypto'
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { TemplateTask } from './playbook.ts'
import type { PlaybookTables } from './playbook-queries.ts'

type Db = Executor<PlaybookTables>

export async function replaceTemplate(db: Db, scope: Scope, tasks: TemplateTask[]): Promise<void> {
  await db.deleteFrom('playbook_template_tasks').where('municipality_id', '=', scope.municipalityId).execute()
  if (tasks.length === 0) return
  await db
    .insertInto('playbook_template_tasks')
    .values(tasks.map((task, position) => ({ id: randomUUID(), municipality_id: scope.municipalityId, position, title: task.title, description: task.description, offset_days: task.offsetDays })))
    .execute()
}

/** Back to the shipped default; true when there was an own template to remove. */
export async function resetTemplate(db: Db, scope: Scope): Promise<boolean> {
  const result = await db.deleteFrom('playbook_template_tasks').where('municipality_id', '=', scope.municipalityId).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
