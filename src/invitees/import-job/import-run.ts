// An import running in the background, as the page and the status address show it: the pure
// rules for its phase, its progress (an estimate while the file is still being read) and when the
// job writes its progress down.
import type { ResultCounts } from '../wizard/counts-list.tsx'
import type { ImportPlan } from '../import/reconcile.ts'

export type ImportRunStatus = 'queued' | 'running' | 'done' | 'failed'

/** The counts the result shows; not personal data. */
export type RunCounts = ResultCounts

/** Why an import failed: a translation key and its values, and which file when it was a file. */
export interface RunProblem {
  message: string
  values?: Record<string, string | number>
  file?: 'list' | 'register'
}

export interface ImportRun {
  id: string
  editionId: string
  municipalityId: string
  uploadId: string | null
  createdBy: string | null
  status: ImportRunStatus
  rowsDone: number
  /** While reading: an estimate from the share of the file read; exact once reading is done. */
  rowsTotal: number | null
  counts: RunCounts | null
  problem: RunProblem | null
  createdAt: Date
  finishedAt: Date | null
}

/** The job kind, and the key that ties one job to one upload: a second click queues nothing. */
export const IMPORT_JOB = 'invitees.import'
export const importJobKey = (uploadId: string) => `${IMPORT_JOB}:${uploadId}`

/** The problem shown when the worker kept stopping during the import and the job gave up. */
export const STOPPED: RunProblem = { message: 'invitee-import.run.stopped' }

export type RunPhase = 'queued' | 'reading' | 'saving' | 'done' | 'failed'

export interface RunView {
  phase: RunPhase
  rowsDone: number
  rowsTotal: number | null
  /** Whether rowsTotal is still an estimate */
  estimated: boolean
  /** 0–100 */
  percent: number
  problem: RunProblem | null
  counts: RunCounts | null
}

/**
 * What to show. Reading is done when the rows read reach the total (the job then writes the exact
 * total; while reading, its estimate stays above the rows read). A dead job whose import never
 * ended is shown as failed: the list was not changed.
 */
export function runView(run: ImportRun, jobDead: boolean): RunView {
  const base = { rowsDone: run.rowsDone, rowsTotal: run.rowsTotal, counts: run.counts, problem: run.problem }
  if (run.status === 'done') return { ...base, phase: 'done', estimated: false, percent: 100 }
  if (run.status === 'failed') return { ...base, phase: 'failed', estimated: false, percent: 0 }
  if (jobDead) return { ...base, phase: 'failed', problem: STOPPED, estimated: false, percent: 0 }
  if (run.status === 'queued') return { ...base, phase: 'queued', estimated: true, percent: 0 }
  if (run.rowsTotal === null) return { ...base, phase: 'reading', estimated: true, percent: 0 }
  const saving = run.rowsDone >= run.rowsTotal
  return { ...base, phase: saving ? 'saving' : 'reading', estimated: !saving, percent: run.rowsTotal > 0 ? Math.min(100, Math.floor((run.rowsDone / run.rowsTotal) * 100)) : 100 }
}

/** The rows a file holds, estimated from the rows read in the share of it read so far. */
export function estimateRows(rowsRead: number, share: number): number | null {
  if (share <= 0 || rowsRead === 0) return null
  // Never at or below the rows read: equal means "reading is done" to the page.
  return Math.max(rowsRead + 1, Math.round(rowsRead / share))
}

/** The job writes progress every so many rows or so much time, whichever comes first. */
export const PROGRESS_EVERY_ROWS = 2000
export const PROGRESS_EVERY_MS = 500

export function progressDue(rows: number, lastRows: number, elapsedMs: number): boolean {
  return rows - lastRows >= PROGRESS_EVERY_ROWS || elapsedMs >= PROGRESS_EVERY_MS
}

export function countsOf(plan: ImportPlan): RunCounts {
  return { rows: plan.rows, imported: plan.inserts.length, updated: plan.updates.length, unchanged: plan.unchanged, duplicates: plan.duplicates, skipped: plan.skipped, ...plan.notInvited }
}
