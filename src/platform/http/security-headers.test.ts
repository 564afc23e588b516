import assert from 'node:assert/strict'
import { test } from 'node:test'
import { securityHeaders } from './security-headers.ts'

test('the security headers are worked out once: a strict policy, and HSTS only over https', () => {
  const plain = securityHeaders(false)
  assert.match(plain['content-security-policy']!, /^default-src 'self';script-src 'self';style-src 'self';/)
  assert.match(plain['content-security-policy']!, /frame-ancestors 'none'/)
  assert.doesNotMatch(plain['content-security-policy']!, /upgrade-insecure-requests/)
  assert.equal(plain['x-content-type-options'], 'nosniff')
  assert.equal(plain['referrer-policy'], 'same-origin')
  assert.equal(plain['strict-transport-security'], undefined)
  const secure = securityHeaders(true)
  assert.equal(secure['strict-transport-security'], 'max-age=31536000; includeSubDomains')
  assert.match(secure['content-security-policy']!, /upgrade-insecure-requests/)
})
