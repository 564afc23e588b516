// Tokens, hashes and encryption at rest. Random tokens go to users; only their hashes are stored.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** A random token for a link or cookie: 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** How a token is stored: SHA-256 is enough for 256-bit random input (no guessing possible). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A keyed hash for low-entropy identifiers (national register numbers): HMAC-SHA-256 with HASH_KEY. */
export function keyedHash(key: string, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex')
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function aesKey(secret: string): Buffer {
  return createHash('sha256').update(`welkom-encryption:${secret}`).digest()
}

/** AES-256-GCM; the output holds IV, tag and ciphertext as base64url, dot-separated. */
export function encrypt(secret: string, plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', aesKey(secret), iv)
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.')
}

export function decrypt(secret: string, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unreadable encrypted value')
  const decipher = createDecipheriv('aes-256-gcm', aesKey(secret), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
}
