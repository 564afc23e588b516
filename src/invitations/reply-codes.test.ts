import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatShortCode, newReplyToken, newShortCode, normaliseShortCode, SHORT_CODE_ALPHABET } from './reply-codes.ts'

test('a reply token carries 144 random bits in 24 URL-safe characters, never twice the same', () => {
  const tokens = new Set(Array.from({ length: 1000 }, newReplyToken))
  assert.equal(tokens.size, 1000)
  for (const token of tokens) assert.match(token, /^[A-Za-z0-9_-]{24}$/)
})

test('a short code has eight characters from the alphabet without look-alikes', () => {
  for (let i = 0; i < 500; i++) {
    const code = newShortCode()
    assert.equal(code.length, 8)
    for (const ch of code) assert.ok(SHORT_CODE_ALPHABET.includes(ch), ch)
  }
  for (const ch of '0O1IL2Z5S8BUV') assert.ok(!SHORT_CODE_ALPHABET.includes(ch), `${ch} is left out`)
})

test('a typed code is read in lower case, with spaces or dashes, and from Cyrillic, Arabic and Persian keyboards', () => {
  assert.equal(normaliseShortCode('acde-fg34'), 'ACDEFG34')
  assert.equal(normaliseShortCode(' ACDE FG34 '), 'ACDEFG34')
  assert.equal(normaliseShortCode(formatShortCode('ACDEFG34')), 'ACDEFG34')
  assert.equal(normaliseShortCode('АСЕН-КМ34'), 'ACEHKM34', 'Cyrillic capitals that look Latin')
  assert.equal(normaliseShortCode('ACDEFG٣٤'), 'ACDEFG34', 'Arabic-Indic digits')
  assert.equal(normaliseShortCode('ACDEFG۳۴'), 'ACDEFG34', 'Persian digits')
})

test('a typed code with a character outside the alphabet or the wrong length is no code', () => {
  assert.equal(normaliseShortCode('ACDEFG30'), null, '0 is not in the alphabet')
  assert.equal(normaliseShortCode('ACDEFG3'), null)
  assert.equal(normaliseShortCode('ACDEFG344'), null)
  assert.equal(normaliseShortCode(''), null)
  assert.equal(normaliseShortCode('<script>'), null)
})
