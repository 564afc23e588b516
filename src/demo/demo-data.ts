// Loads the demo data into an empty database (demo mode only). Marked as demo by its
// `.example` addresses, which can never receive mail.
import { insertUser } from '../accounts/accounts-queries.ts'
import { hashPassword } from '../accounts/passwords.ts'
import { insertMunicipality, updateMunicipalitySettings } from '../municipalities/municipalities-queries.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts'

/** True when nothing has been set up yet: no municipality and no user. */
export async function isEmptyDatabase(db: AnyDb): Promise<boolean> {
  const [m, u] = await Promise.all([
    db.selectFrom('municipalities').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('users').select('id').limit(1).executeTakeFirst(),
  ])
  return !m && !u
}

export async function seedDemo(db: AnyDb): Promise<{ municipalities: number; users: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  return db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>()
    for (const m of DEMO_MUNICIPALITIES) {
      const id = await insertMunicipality(trx, { nisCode: m.nisCode, name: m.name, themeColor: m.themeColor })
      await updateMunicipalitySettings(trx, id, { name: m.name, themeColor: m.themeColor, contactEmail: m.contactEmail, contactPhone: m.contactPhone, website: m.website, address: null, retentionDays: 90 })
      ids.set(m.nisCode, id)
    }
    for (const u of DEMO_USERS) {
      await insertUser(trx, { email: u.email, name: u.name, passwordHash, role: u.role, municipalityId: u.nisCode ? ids.get(u.nisCode)! : null })
    }
    return { municipalities: DEMO_MUNICIPALITIES.length, users: DEMO_USERS.length }
  })
}
