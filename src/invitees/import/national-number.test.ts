import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { normaliseNationalNumber } from './national-number.ts'
import { SAMPLES_DIR } from '../../../test/helpers/samples.ts'

const samples = SAMPLES_DIR

/** The first column of a sample file's data rows. */
function firstColumn(file: string): string[] {
  const lines = readFileSync(join(samples, file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1)
  return lines.filter((line) => line.trim() !== '').map((line) => line.split(';')[0]!)
}

describe('national register number', () => {
  test('accepts the punctuated and the bare notation of a number and yields the same 11 digits', () => {
    for (const raw of ['05.09.15-517.06', '05091551706', ' 050915 517 06 ', '05-09-15 517-06']) {
      assert.deepEqual(normaliseNationalNumber(raw), { ok: true, digits: '05091551706' }, raw)
    }
  })

  test('accepts a number of someone born before 2000 by the plain checksum', () => {
    assert.deepEqual(normaliseNationalNumber('72.07.22-623.84'), { ok: true, digits: '72072262384' })
    assert.deepEqual(normaliseNationalNumber('12.03.04-123.30'), { ok: true, digits: '12030412330' })
  })

  test('accepts a number of someone born in 2000 or later only through the checksum with a leading 2', () => {
    // 97 - (120304123 mod 97) = 30, 97 - (2120304123 mod 97) = 59: 59 is right only for a 2012 birth.
    assert.deepEqual(normaliseNationalNumber('12.03.04-123.59'), { ok: true, digits: '12030412359' })
  })

  test('refuses a number whose checksum is wrong', () => {
    assert.deepEqual(normaliseNationalNumber('05.09.15-517.07'), { ok: false, reason: 'checksum' })
    assert.deepEqual(normaliseNationalNumber('72072262385'), { ok: false, reason: 'checksum' })
  })

  test('refuses anything that is not 11 digits as a format problem', () => {
    for (const raw of ['', '050915517', '05.09.15-517.0 6 7', '050915517061', '05.09.15-517.0', '05/09/15-517.06', 'RRN 05091551706', '5.09155E+09']) {
      assert.deepEqual(normaliseNationalNumber(raw), { ok: false, reason: 'format' }, raw)
    }
  })

  test('restores the leading zero Excel drops from a number stored as a number, when the checksum holds', () => {
    assert.deepEqual(normaliseNationalNumber('5091551706'), { ok: true, digits: '05091551706' })
    assert.deepEqual(normaliseNationalNumber('5091551707'), { ok: false, reason: 'checksum' })
  })

  test('a refused number is not repeated in the result', () => {
    assert.ok(!JSON.stringify(normaliseNationalNumber('05.09.15-517.07')).includes('517'))
  })

  test('every number in the joined sample list is valid, 34 of them for people born in 2000 or later', () => {
    const numbers = firstColumn('attesten-2026-q1.csv')
    assert.equal(numbers.length, 240)
    assert.ok(numbers.every((raw) => normaliseNationalNumber(raw).ok))
    assert.equal(numbers.filter((raw) => raw.startsWith('0') || raw.startsWith('1') || raw.startsWith('2')).length, 34)
  })

  test('the agency list and the register extract hold the same valid numbers, plus two invented ones each that fail the checksum', () => {
    const joined = new Set(firstColumn('attesten-2026-q1.csv').map((raw) => (normaliseNationalNumber(raw) as { digits: string }).digits))
    for (const file of ['agentschap-lijst-2026-q1.csv', 'bevolkingsregister-uittreksel.csv']) {
      const results = firstColumn(file).map(normaliseNationalNumber)
      const refused = results.filter((result) => !result.ok)
      assert.deepEqual(refused, [{ ok: false, reason: 'checksum' }, { ok: false, reason: 'checksum' }], file)
      for (const result of results) if (result.ok) assert.ok(joined.has(result.digits), file)
    }
  })
})
