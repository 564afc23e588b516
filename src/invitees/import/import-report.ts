// What an import did, as the command line prints it (and, later, the web wizard shows it).
// Messages are translated; values are left out of anything that could reach a log.
import type { Translate } from '../../platform/i18n/i18n.ts'
import type { ImportPlan } from './reconcile.ts'
import type { RowIssue } from './types.ts'

export function importReport(plan: ImportPlan, t: Translate) {
  const issue = (i: RowIssue) => ({ row: i.row, column: i.column, message: t(i.message, { row: i.row, column: i.column, ...i.values }) })
  return {
    rows: plan.rows,
    imported: plan.inserts.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    duplicates: plan.duplicates,
    skipped: plan.skipped,
    notInvited: plan.notInvited,
    warnings: plan.warnings.map(issue),
    errors: plan.errors.map(issue),
  }
}
