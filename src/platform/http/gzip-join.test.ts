import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { test } from 'node:test'
import { gunzipSync } from 'node:zlib'
import { acceptsGzip, deflatePiece, gzipJoin, storedPiece } from './gzip-join.ts'

test('pieces deflated apart join into one gzip stream that standard gunzip reads back', () => {
  const page = Buffer.from('<p>Beste ' + 'x'.repeat(50) + ', welkom in Mol. مرحبا ' + 'tekst '.repeat(400) + '</p>')
  const name = Buffer.from('Ioana & <Amal>')
  // Larger than one stored block, and random so that it does not compress.
  const large = randomBytes(70_000)
  const pieces = [deflatePiece(page), storedPiece(name), deflatePiece(Buffer.alloc(0)), storedPiece(Buffer.alloc(0)), storedPiece(large), deflatePiece(page)]
  const joined = gzipJoin(pieces)
  assert.deepEqual(gunzipSync(joined), Buffer.concat([page, name, large, page]))
  assert.ok(deflatePiece(page).deflated.length < page.length / 5, 'the repeated text compresses')
  assert.deepEqual(gunzipSync(gzipJoin([])), Buffer.alloc(0))
})

test('gzip is used when the browser takes it, and not when it refuses it', () => {
  assert.equal(acceptsGzip('gzip, deflate, br'), true)
  assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.8, *;q=0.1'), true)
  assert.equal(acceptsGzip('*'), true)
  assert.equal(acceptsGzip(undefined), false)
  assert.equal(acceptsGzip(''), false)
  assert.equal(acceptsGzip('identity'), false)
  assert.equal(acceptsGzip('gzip;q=0'), false)
  assert.equal(acceptsGzip('br, deflate'), false)
  assert.equal(acceptsGzip('*;q=0.5, gzip;q=0'), false)
  assert.equal(acceptsGzip('GZIP'), true)
})
