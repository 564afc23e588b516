// Staff accounts: roles, what each may do, and the pure rules of signing in.

export const ROLES = ['platform_admin', 'municipality_admin', 'staff', 'practice_editor'] as const
export type Role = (typeof ROLES)[number]

/** Roles a municipality admin may give within their own municipality. */
export const MUNICIPALITY_ROLES = ['municipality_admin', 'staff'] as const satisfies readonly Role[]

export interface CurrentUser {
  id: string
  email: string
  name: string
  role: Role
  municipalityId: string | null
  locale: string
  hasSecondFactor: boolean
}

/** Which municipality's data a request may touch. Every query on municipality data takes one. */
export interface Scope {
  municipalityId: string
}

export const can = {
  manageStaff: (u: CurrentUser) => u.role === 'municipality_admin' && u.municipalityId !== null,
  manageMunicipality: (u: CurrentUser) => u.role === 'municipality_admin' && u.municipalityId !== null,
  manageMunicipalities: (u: CurrentUser) => u.role === 'platform_admin',
  /** Admins read the audit log, the jobs and the outbox: their municipality's, or (platform) all. */
  operate: (u: CurrentUser) => u.role === 'platform_admin' || u.role === 'municipality_admin',
  manageApiTokens: (u: CurrentUser) => u.role === 'municipality_admin' && u.municipalityId !== null,
  /** Plan their municipality's editions: playbook, programme, partners, contributions. */
  planEditions: (u: CurrentUser) => (u.role === 'staff' || u.role === 'municipality_admin') && u.municipalityId !== null,
  /** Adapt the municipality's playbook template. */
  managePlaybook: (u: CurrentUser) => u.role === 'municipality_admin' && u.municipalityId !== null,
  /** Review submissions and change requests, publish, archive and restore practices. */
  editPractices: (u: CurrentUser) => u.role === 'practice_editor' || u.role === 'platform_admin',
}

export const LOCK_AFTER_FAILURES = 5
export const LOCK_MINUTES = 15
export const SESSION_IDLE_HOURS = 12
export const SESSION_MAX_DAYS = 7
export const RESET_LINK_HOURS = 2
export const INVITATION_LINK_DAYS = 7
export const MIN_PASSWORD_LENGTH = 12

export type SignInDecision =
  | { outcome: 'signed_in' }
  | { outcome: 'second_factor' }
  | { outcome: 'refused'; reason: 'invalid' | 'locked'; lockUntil?: Date }

export interface SignInAccount {
  disabled: boolean
  lockedUntil: Date | null
  failedSignIns: number
  hasSecondFactor: boolean
}

/**
 * Decides a sign-in from the account (or none: unknown address) and whether the password matched.
 * A locked or disabled account is refused the same way as a wrong password, except that a locked
 * account says it is locked: that tells an attacker nothing they did not cause themselves.
 */
export function decideSignIn(account: SignInAccount | null, passwordMatches: boolean, now: Date): SignInDecision {
  if (!account || account.disabled) return { outcome: 'refused', reason: 'invalid' }
  if (account.lockedUntil && account.lockedUntil > now) return { outcome: 'refused', reason: 'locked' }
  if (!passwordMatches) {
    const failures = account.failedSignIns + 1
    if (failures >= LOCK_AFTER_FAILURES) return { outcome: 'refused', reason: 'locked', lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) }
    return { outcome: 'refused', reason: 'invalid' }
  }
  return account.hasSecondFactor ? { outcome: 'second_factor' } : { outcome: 'signed_in' }
}

/** Returns a translation key for what is wrong with a new password, or null. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'accounts.password.tooShort'
  if (password.length > 256) return 'accounts.password.tooLong'
  if (password.toLowerCase() === email.toLowerCase()) return 'accounts.password.isEmail'
  if (/^(.)\1+$/.test(password)) return 'accounts.password.tooSimple'
  return null
}

/** A session ends after some idle hours, and in any case a week after signing in. */
export function sessionExpiry(createdAt: Date, now: Date): Date {
  const idle = now.getTime() + SESSION_IDLE_HOURS * 3600_000
  const max = createdAt.getTime() + SESSION_MAX_DAYS * 86400_000
  return new Date(Math.min(idle, max))
}

/** Where to go after signing in: only a local path, never another site. */
export function safeReturnPath(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/'
  return value
}
