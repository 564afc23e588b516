// The audit log: who did what to which record, and when. It records sign-ins, changes and every
// view or export of personal data. It must never hold secrets or personal data itself: details
// carry ids, counts and field names only, and anything that looks secret is dropped.

export interface AuditActor {
  id: string
  name: string
}

export interface AuditEntry {
  /** The tenant whose data was touched; null for platform-wide events. */
  municipalityId: string | null
  actor: AuditActor | null
  /** A dotted verb, e.g. "account.signed_in", "staff.updated", "mail.viewed". */
  action: string
  record?: { type: string; id: string }
  details?: Record<string, string | number | boolean | null | string[]>
}

const SECRET_KEYS = /pass|token|secret|code|rrn|register|national|hash|cookie/i

/** Drops any detail whose key suggests a secret or identifier; keeps values short. */
export function sanitizeDetails(details: AuditEntry['details']): AuditEntry['details'] | null {
  if (!details) return null
  const out: NonNullable<AuditEntry['details']> = {}
  for (const [key, value] of Object.entries(details)) {
    if (SECRET_KEYS.test(key)) continue
    out[key] = typeof value === 'string' ? value.slice(0, 200) : Array.isArray(value) ? value.slice(0, 50).map((v) => v.slice(0, 100)) : value
  }
  return Object.keys(out).length ? out : null
}
