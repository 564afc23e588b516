import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { progressLine } from './progress-line.ts'

function stream(isTTY: boolean) {
  const written: string[] = []
  return { isTTY, written, write: (text: string) => written.push(text) > 0 }
}

describe('the import’s progress on standard error', () => {
  test('on a terminal one line rewrites itself at each new percent, and ends with a line break', () => {
    const out = stream(true)
    const line = progressLine(out, 'Reading lijst.csv', { saving: true })
    line.update({ rows: 256, share: 0.014, done: false })
    line.update({ rows: 512, share: 0.015, done: false })
    line.update({ rows: 5000, share: 0.5, done: false })
    line.update({ rows: 10_000, share: 1, done: true })
    line.end()
    assert.deepEqual(out.written, ['\r\x1b[2KReading lijst.csv: 1% (256 rows)', '\r\x1b[2KReading lijst.csv: 50% (5000 rows)', '\r\x1b[2KReading lijst.csv: all 10000 rows read, saving', '\n'])
  })

  test('in a log or a pipe, a line every tenth of the way, never 100% before every row is read', () => {
    const out = stream(false)
    const line = progressLine(out, 'Reading lijst.csv', { saving: false })
    for (let rows = 500; rows <= 9500; rows += 500) line.update({ rows, share: Math.min(1, rows / 9000), done: false })
    line.update({ rows: 10_000, share: 1, done: true })
    line.end()
    assert.equal(out.written.length, 10)
    assert.equal(out.written[0], 'Reading lijst.csv: 11% (1000 rows)\n')
    assert.equal(out.written.at(-2), 'Reading lijst.csv: 94% (8500 rows)\n')
    assert.ok(out.written.every((text) => !text.includes('100%')), 'the bytes run ahead of the rows: never 100% early')
    assert.equal(out.written.at(-1), 'Reading lijst.csv: all 10000 rows read\n')
  })
})
