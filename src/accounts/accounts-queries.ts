import { randomUUID } from 'node:crypto'
import type { Executor } from '../platform/db/transaction.ts'
import type { CurrentUser, Role, Scope } from './accounts.ts'

export interface AccountsTables {
  users: {
    id: string
    email: string
    name: string
    password_hash: string
    role: Role
    municipality_id: string | null
    locale: string
    failed_sign_ins: number
    locked_until_at: Date | null
    totp_secret: string | null
    totp_enabled_at: Date | null
    totp_last_step: number | null
    last_sign_in_at: Date | null
    disabled_at: Date | null
    created_at: Date
    updated_at: Date
  }
  sessions: {
    id: string
    user_id: string
    is_pending_second_factor: boolean
    user_agent: string | null
    created_at: Date
    last_seen_at: Date
    expires_at: Date
  }
  password_resets: {
    token_hash: string
    user_id: string
    created_at: Date
    expires_at: Date
    used_at: Date | null
  }
}

type Db = Executor<AccountsTables>
export type UserRow = AccountsTables['users']

export function toCurrentUser(row: UserRow): CurrentUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    municipalityId: row.municipality_id,
    locale: row.locale,
    hasSecondFactor: row.totp_enabled_at !== null,
  }
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  return (await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst()) ?? null
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  return (await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
}

export interface NewUser {
  email: string
  name: string
  passwordHash: string
  role: Role
  municipalityId: string | null
  locale?: string
}

export async function insertUser(db: Db, user: NewUser): Promise<string> {
  const now = new Date()
  const id = randomUUID()
  await db
    .insertInto('users')
    .values({
      id,
      email: user.email.toLowerCase(),
      name: user.name,
      password_hash: user.passwordHash,
      role: user.role,
      municipality_id: user.municipalityId,
      locale: user.locale ?? 'nl',
      failed_sign_ins: 0,
      created_at: now,
      updated_at: now,
    })
    .execute()
  return id
}

export async function recordFailedSignIn(db: Db, userId: string, lockUntil: Date | undefined): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ failed_sign_ins: lockUntil ? 0 : eb('failed_sign_ins', '+', 1), locked_until_at: lockUntil ?? undefined, updated_at: new Date() }))
    .where('id', '=', userId)
    .execute()
}

export async function recordSignIn(db: Db, userId: string): Promise<void> {
  const now = new Date()
  await db.updateTable('users').set({ failed_sign_ins: 0, locked_until_at: null, last_sign_in_at: now, updated_at: now }).where('id', '=', userId).execute()
}

export async function setPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until_at: null, updated_at: new Date() }).where('id', '=', userId).execute()
}

export async function setUserLocale(db: Db, userId: string, locale: string): Promise<void> {
  await db.updateTable('users').set({ locale, updated_at: new Date() }).where('id', '=', userId).execute()
}

export async function setSecondFactor(db: Db, userId: string, sealedSecret: string | null, step: number | null): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: sealedSecret, totp_enabled_at: sealedSecret ? new Date() : null, totp_last_step: step, updated_at: new Date() })
    .where('id', '=', userId)
    .execute()
}

export async function recordTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  // Conditional update: two requests racing with the same code cannot both succeed.
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

// Sessions. The id stored is the SHA-256 of the cookie's token.

export async function insertSession(db: Db, session: AccountsTables['sessions']): Promise<void> {
  await db.insertInto('sessions').values(session).execute()
}

export async function findSessionWithUser(db: Db, sessionId: string) {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.is_pending_second_factor', 'sessions.created_at as session_created_at', 'sessions.last_seen_at', 'sessions.expires_at'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst()
  return row ?? null
}

/** The user behind a session that still waits for its second factor. */
export async function findUserForSession(db: Db, sessionId: string): Promise<UserRow | null> {
  return (await db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id').selectAll('users').where('sessions.id', '=', sessionId).executeTakeFirst()) ?? null
}

export async function touchSession(db: Db, sessionId: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', sessionId).execute()
}

export async function completeSecondFactor(db: Db, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ is_pending_second_factor: false }).where('id', '=', sessionId).execute()
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute()
}

export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function listUserSessions(db: Db, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'user_agent', 'created_at', 'last_seen_at', 'is_pending_second_factor'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date())
    .orderBy('last_seen_at', 'desc')
    .execute()
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', new Date()).executeTakeFirst()
  return Number(result.numDeletedRows)
}

// Password reset and invitation links (one table: both set a password through a one-time link).

export async function insertPasswordReset(db: Db, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
  await db.insertInto('password_resets').values({ token_hash: tokenHash, user_id: userId, created_at: new Date(), expires_at: expiresAt }).execute()
}

export async function findUsableReset(db: Db, tokenHash: string) {
  return (
    (await db
      .selectFrom('password_resets')
      .innerJoin('users', 'users.id', 'password_resets.user_id')
      .select(['password_resets.token_hash', 'users.id as user_id', 'users.email', 'users.disabled_at'])
      .where('password_resets.token_hash', '=', tokenHash)
      .where('password_resets.used_at', 'is', null)
      .where('password_resets.expires_at', '>', new Date())
      .executeTakeFirst()) ?? null
  )
}

/** Uses the link once: false if another request used it first. */
export async function useReset(db: Db, tokenHash: string): Promise<boolean> {
  const now = new Date()
  const result = await db.updateTable('password_resets').set({ used_at: now }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return false
  return true
}

export async function deleteExpiredPasswordLinks(db: Db): Promise<void> {
  await db.deleteFrom('password_resets').where('expires_at', '<=', new Date()).execute()
}

export async function invalidateResets(db: Db, userId: string): Promise<void> {
  await db.updateTable('password_resets').set({ used_at: new Date() }).where('user_id', '=', userId).where('used_at', 'is', null).execute()
}

// Staff of one municipality (for municipality admins). Always scoped.

export async function listStaff(db: Db, scope: Scope) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'last_sign_in_at', 'disabled_at', 'totp_enabled_at'])
    .where('municipality_id', '=', scope.municipalityId)
    .orderBy('name')
    .execute()
}

export async function findStaffMember(db: Db, scope: Scope, userId: string): Promise<UserRow | null> {
  return (await db.selectFrom('users').selectAll().where('id', '=', userId).where('municipality_id', '=', scope.municipalityId).executeTakeFirst()) ?? null
}

export async function updateStaffMember(db: Db, scope: Scope, userId: string, changes: { name: string; role: Role; disabled: boolean }): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      name: changes.name,
      role: changes.role,
      // Keep the original moment a member was disabled; clear it on re-enabling.
      disabled_at: changes.disabled ? eb.fn.coalesce('disabled_at', eb.val(new Date())) : null,
      updated_at: new Date(),
    }))
    .where('id', '=', userId)
    .where('municipality_id', '=', scope.municipalityId)
    .execute()
}

export async function countActiveAdmins(db: Db, scope: Scope): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', scope.municipalityId)
    .where('role', '=', 'municipality_admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
