// Loads the demo data into an empty database (demo mode only). Marked as demo by its
// `.example` addresses, which can never receive mail, and the demo practices by `is_demo`.
import { insertUser } from '../accounts/accounts-queries.ts'
import { hashPassword } from '../accounts/passwords.ts'
import { updateMunicipalitySettings } from '../municipalities/municipalities-queries.ts'
import { ensureMunicipalities } from '../practices/reference-data.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import { loadDemoEditions } from './demo-editions.ts'
import { loadDemoPractices } from './demo-practices.ts'
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts'

/** True when nobody has been set up yet (reference municipalities and practices don't count). */
export async function isEmptyDatabase(db: AnyDb): Promise<boolean> {
  return !(await db.selectFrom('users').select('id').limit(1).executeTakeFirst())
}

export async function seedDemo(db: AnyDb): Promise<{ municipalities: number; users: number; practices: number; editions: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  return db.transaction().execute(async (trx) => {
    // The reference data may already hold these municipalities (they are on the seed practice).
    const ids = await ensureMunicipalities(trx, DEMO_MUNICIPALITIES)
    for (const m of DEMO_MUNICIPALITIES) {
      await updateMunicipalitySettings(trx, ids.get(m.nisCode)!, { name: m.name, themeColor: m.themeColor, contactEmail: m.contactEmail, contactPhone: m.contactPhone, website: m.website, address: null, retentionDays: 90 })
    }
    let editor: { id: string; name: string } | null = null
    for (const u of DEMO_USERS) {
      const id = await insertUser(trx, { email: u.email, name: u.name, passwordHash, role: u.role, municipalityId: u.nisCode ? ids.get(u.nisCode)! : null })
      if (u.role === 'practice_editor') editor = { id, name: u.name }
    }
    // The demo editor "published" the demo practices, so their history shows a name.
    const practices = await loadDemoPractices(trx, editor)
    const editions = await loadDemoEditions(trx, ids)
    return { municipalities: DEMO_MUNICIPALITIES.length, users: DEMO_USERS.length, practices, editions }
  })
}
