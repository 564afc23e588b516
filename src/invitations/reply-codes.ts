// The keys to a reply: a personal token for the link and QR code, and a short code to type at
// /r or read out over the phone. Both come from the cryptographic random source; only their
// hashes are looked up, and a sealed copy lets staff print a letter again.
import { randomBytes, randomInt } from 'node:crypto'
import { decrypt, encrypt, hashToken, keyedHash } from '../platform/crypto.ts'

/** 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V). */
export const SHORT_CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679'
export const SHORT_CODE_LENGTH = 8

/** 144 random bits, URL-safe (24 characters). */
export function newReplyToken(): string {
  return randomBytes(18).toString('base64url')
}

export function newShortCode(): string {
  let code = ''
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)]
  return code
}

// Keyboards in the newcomers' scripts type look-alikes: Cyrillic capitals that look like the
// Latin ones of the alphabet, and Arabic-Indic or Persian digits.
const LOOK_ALIKES: Record<string, string> = { А: 'A', С: 'C', Е: 'E', Н: 'H', К: 'K', М: 'M', Р: 'P', Т: 'T', Х: 'X', У: 'Y' }

/**
 * What a person typed, as a code: upper case, without spaces or dashes, with look-alike letters
 * and other digits read as the code's own. Null when it cannot be a code.
 */
export function normaliseShortCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s\-–.]/g, '')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .replace(/./gu, (ch) => LOOK_ALIKES[ch] ?? ch)
  if (code.length !== SHORT_CODE_LENGTH) return null
  for (const ch of code) if (!SHORT_CODE_ALPHABET.includes(ch)) return null
  return code
}

/** As printed and read out: two groups of four, "ACDE-FGHJ". */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

export function replyTokenHash(token: string): string {
  return hashToken(token)
}

/** A short code has about 36 bits, so its stored hash is keyed: a copied database alone cannot be searched. */
export function shortCodeHash(hashKey: string, code: string): string {
  return keyedHash(hashKey, `reply-code:${code}`)
}

export function seal(encryptionKey: string, value: string): string {
  return encrypt(encryptionKey, value)
}

export function unseal(encryptionKey: string, sealed: string): string {
  return decrypt(encryptionKey, sealed)
}
