import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { test } from 'node:test'
import { crc32, tableCrc32 } from './crc32.ts'

test('the table gives the same CRC-32 as zlib, also continued over several pieces', () => {
  assert.equal(tableCrc32(Buffer.from('123456789')), 0xcbf43926)
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926)
  const [a, b] = [randomBytes(5000), randomBytes(777)]
  assert.equal(tableCrc32(b, tableCrc32(a)), crc32(Buffer.concat([a, b])))
  assert.equal(crc32(b, crc32(a)), crc32(Buffer.concat([a, b])))
  assert.equal(tableCrc32(Buffer.alloc(0), 0), 0)
})
