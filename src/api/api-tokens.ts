// API tokens: what a token looks like and the pure rules around it. A token is shown once; the
// database keeps only its SHA-256 and a short prefix that lets an admin recognise it.

export const TOKEN_MARKER = 'wk_'
/** Random characters kept after the marker: 36 bits, enough to tell tokens apart, far too few to guess the rest. */
const PREFIX_CHARS = 6
export const TOKEN_NAME_MAX = 100
/** last_used_at is written at most this often, so a busy client does not turn every read into a write. */
export const TOUCH_EVERY_MS = 60_000
/** Failed bearer attempts per IP address before the API answers 429 to that address. */
export const FAILED_AUTH_LIMIT = { max: 30, windowMs: 15 * 60_000 }

// 'wk_' and 43 base64url characters: newToken()'s 256 random bits.
const TOKEN_FORMAT = /^wk_[A-Za-z0-9_-]{43}$/

export interface IssuedToken {
  /** Shown to the admin once, never stored. */
  token: string
  /** Stored and shown in listings, e.g. "wk_ab12cd". */
  prefix: string
}

/** Builds a token from a random secret (crypto.newToken()), so that the randomness stays at the edge. */
export function issueToken(secret: string): IssuedToken {
  const token = `${TOKEN_MARKER}${secret}`
  if (!TOKEN_FORMAT.test(token)) throw new Error('an API token needs a 256-bit base64url secret')
  return { token, prefix: token.slice(0, TOKEN_MARKER.length + PREFIX_CHARS) }
}

/** How a listing shows a token: its prefix and an ellipsis, e.g. "wk_ab12cd…". */
export function displayPrefix(prefix: string): string {
  return `${prefix}…`
}

/**
 * The token from an `Authorization: Bearer <token>` header, or null when the header is missing or
 * the value cannot be one of our tokens (then no database lookup is needed).
 */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '')
  const token = match?.[1]
  return token && TOKEN_FORMAT.test(token) ? token : null
}

export function isUseWorthRecording(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= TOUCH_EVERY_MS
}
