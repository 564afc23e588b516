// What an import does (the preview) or did (the result), as counts.
import { SummaryList } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'

export const RESULT_COUNTS = ['rows', 'imported', 'updated', 'unchanged', 'duplicates', 'skipped', 'noCertificate', 'outsidePeriod', 'notInRegister'] as const
export type ResultCounts = Record<(typeof RESULT_COUNTS)[number], number>

/** `tense` picks "will be imported" (preview) or "imported" (result). */
export function CountsList({ ctx, counts, tense }: { ctx: PageContext; counts: ResultCounts; tense: 'preview' | 'result' }) {
  const { t } = ctx
  return <SummaryList rows={RESULT_COUNTS.map((k) => ({ key: t(`invitee-import.${tense}.count.${k}`), value: String(counts[k]) }))} />
}
