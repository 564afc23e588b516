// Loads the demo data into an empty database (demo mode only). Marked as demo by its
// `.example` addresses, which can never receive mail.
import { insertUser } from '../accounts/accounts-queries.ts'
import { hashPassword } from '../accounts/passwords.ts'
import { updateMunicipalitySettings } from '../municipalities/municipalities-queries.ts'
import { ensureMunicipalities } from '../practices/reference-data.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts'

/** True when nobody has been set up yet (reference municipalities and practices don't count). */
export async function isEmptyDatabase(db: AnyDb): Promise<boolean> {
  return !(await db.selectFrom('users').select('id').limit(1).executeTakeFirst())
}

export async function seedDemo(db: AnyDb): Promise<{ municipalities: number; users: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  return db.transaction().execute(async (trx) => {
    // The reference data may already hold these municipalities (they are on the seed practice).
    const ids = await ensureMunicipalities(trx, DEMO_MUNICIPALITIES)
    for (const m of DEMO_MUNICIPALITIES) {
      await updateMunicipalitySettings(trx, ids.get(m.nisCode)!, { name: m.name, themeColor: m.themeColor, contactEmail: m.contactEmail, contactPhone: m.contactPhone, website: m.website, address: null, retentionDays: 90 })
    }
    for (const u of DEMO_USERS) {
      await insertUser(trx, { email: u.email, name: u.name, passwordHash, role: u.role, municipalityId: u.nisCode ? ids.get(u.nisCode)! : null })
    }
    return { municipalities: DEMO_MUNICIPALITIES.length, users: DEMO_USERS.length }
  })
}
