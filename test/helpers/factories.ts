// Test data with overrides inside each test; no shared global seed.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Role } from '../../src/accounts/accounts.ts'
import { insertUser } from '../../src/accounts/accounts-queries.ts'
import { hashPassword } from '../../src/accounts/passwords.ts'
import { insertMunicipality } from '../../src/municipalities/municipalities-queries.ts'
import type { AnyDb } from '../../src/platform/db/transaction.ts'
import { Client } from './client.ts'

let nis = 90000

export async function createMunicipality(db: AnyDb, overrides: { name?: string; nisCode?: string; themeColor?: string } = {}) {
  const nisCode = overrides.nisCode ?? String(++nis)
  const name = overrides.name ?? `Gemeente ${nisCode}`
  const id = await insertMunicipality(db, { nisCode, name, themeColor: overrides.themeColor })
  return { id, nisCode, name }
}

export const TEST_PASSWORD = 'correct horse battery staple'
let passwordHash: Promise<string> | null = null

export async function createUser(db: AnyDb, overrides: { role?: Role; municipalityId?: string | null; email?: string; name?: string; locale?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const email = overrides.email ?? `user-${randomUUID().slice(0, 8)}@example.org`
  const role = overrides.role ?? 'staff'
  const id = await insertUser(db, {
    email,
    name: overrides.name ?? 'Test Medewerker',
    passwordHash: await passwordHash,
    role,
    municipalityId: overrides.municipalityId === undefined ? null : overrides.municipalityId,
    locale: overrides.locale,
  })
  return { id, email, password: TEST_PASSWORD, role }
}

/** A signed-in client for the user. */
export async function signIn(app: FastifyInstance, user: { email: string; password: string }): Promise<Client> {
  const client = new Client(app)
  const response = await client.post('/aanmelden', { email: user.email, password: user.password })
  if (response.statusCode !== 303 || response.headers.location !== '/') throw new Error(`sign-in failed: ${response.statusCode} ${response.headers.location ?? ''}`)
  return client
}

/** A municipality with an admin and a staff member, each signed in. */
export async function createMunicipalityWithPeople(app: FastifyInstance, db: AnyDb, overrides: { name?: string } = {}) {
  const municipality = await createMunicipality(db, overrides)
  const admin = await createUser(db, { role: 'municipality_admin', municipalityId: municipality.id, name: `Beheerder ${municipality.name}` })
  const staff = await createUser(db, { role: 'staff', municipalityId: municipality.id, name: `Medewerker ${municipality.name}` })
  return { municipality, admin, staff, adminClient: await signIn(app, admin), staffClient: await signIn(app, staff) }
}
