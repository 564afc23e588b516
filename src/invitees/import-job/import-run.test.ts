import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { estimateRows, progressDue, runView, type ImportRun } from './import-run.ts'

const run = (overrides: Partial<ImportRun>): ImportRun => ({
  id: 'i1',
  editionId: 'e1',
  municipalityId: 'm1',
  uploadId: 'u1',
  createdBy: null,
  status: 'running',
  rowsDone: 0,
  rowsTotal: null,
  counts: null,
  problem: null,
  createdAt: new Date(),
  finishedAt: null,
  ...overrides,
})

describe('an import’s phase and progress', () => {
  test('queued, reading before and after an estimate, saving once the rows read reach the total, done and failed', () => {
    assert.equal(runView(run({ status: 'queued' }), false).phase, 'queued')
    assert.deepEqual([runView(run({}), false).phase, runView(run({}), false).percent], ['reading', 0])
    const reading = runView(run({ rowsDone: 250, rowsTotal: 1000 }), false)
    assert.deepEqual([reading.phase, reading.percent, reading.estimated], ['reading', 25, true])
    const saving = runView(run({ rowsDone: 1000, rowsTotal: 1000 }), false)
    assert.deepEqual([saving.phase, saving.percent, saving.estimated], ['saving', 100, false])
    assert.equal(runView(run({ status: 'done', rowsDone: 1000, rowsTotal: 1000 }), true).phase, 'done', 'a done import stays done')
    assert.deepEqual(runView(run({ status: 'failed', problem: { message: 'invitees.import.empty' } }), false).problem, { message: 'invitees.import.empty' })
  })

  test('an unfinished import whose job gave up is failed, with the problem that says so', () => {
    const view = runView(run({ rowsDone: 10, rowsTotal: 100 }), true)
    assert.deepEqual([view.phase, view.problem], ['failed', { message: 'invitee-import.run.stopped' }])
  })

  test('the estimated total follows the share of the file read and always stays above the rows read', () => {
    assert.equal(estimateRows(0, 0.5), null)
    assert.equal(estimateRows(100, 0), null)
    assert.equal(estimateRows(2500, 0.25), 10_000)
    assert.equal(estimateRows(990, 0.999), 991, 'never equal to the rows read: that would mean reading is done')
  })

  test('progress is written every 2,000 rows or every half second, whichever comes first', () => {
    assert.equal(progressDue(1999, 0, 100), false)
    assert.equal(progressDue(2000, 0, 100), true)
    assert.equal(progressDue(300, 0, 500), true)
  })
})
