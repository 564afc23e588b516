import { randomUUID } from 'node:crypto'
import type { Executor } from '../platform/db/transaction.ts'
import { DEFAULT_THEME_COLOR, type LetterWindow, type Municipality } from './municipalities.ts'

export interface MunicipalitiesTables {
  municipalities: {
    id: string
    nis_code: string
    name: string
    theme_color: string
    logo: Buffer | null
    logo_type: string | null
    contact_email: string | null
    contact_phone: string | null
    website: string | null
    address: string | null
    retention_days: number
    created_at: Date
    updated_at: Date
  }
}

type Db = Executor<MunicipalitiesTables>

const COLUMNS = ['id', 'nis_code', 'name', 'theme_color', 'contact_email', 'contact_phone', 'website', 'address', 'retention_days', 'logo_type'] as const

function toMunicipality(row: Pick<MunicipalitiesTables['municipalities'], (typeof COLUMNS)[number]>): Municipality {
  return {
    id: row.id,
    nisCode: row.nis_code,
    name: row.name,
    themeColor: row.theme_color,
    hasLogo: row.logo_type !== null,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    website: row.website,
    address: row.address,
    retentionDays: row.retention_days,
  }
}

export async function findMunicipality(db: Db, id: string): Promise<Municipality | null> {
  const row = await db.selectFrom('municipalities').select(COLUMNS).where('id', '=', id).executeTakeFirst()
  return row ? toMunicipality(row) : null
}

export async function findMunicipalityByNis(db: Db, nisCode: string): Promise<Municipality | null> {
  const row = await db.selectFrom('municipalities').select(COLUMNS).where('nis_code', '=', nisCode).executeTakeFirst()
  return row ? toMunicipality(row) : null
}

export async function listMunicipalities(db: Db): Promise<Municipality[]> {
  const rows = await db.selectFrom('municipalities').select(COLUMNS).orderBy('name').execute()
  return rows.map(toMunicipality)
}

export async function insertMunicipality(db: Db, m: { nisCode: string; name: string; themeColor?: string; retentionDays?: number }): Promise<string> {
  const now = new Date()
  const id = randomUUID()
  await db
    .insertInto('municipalities')
    .values({ id, nis_code: m.nisCode, name: m.name, theme_color: m.themeColor ?? DEFAULT_THEME_COLOR, retention_days: m.retentionDays ?? 90, created_at: now, updated_at: now })
    .execute()
  return id
}

export interface MunicipalitySettings {
  name: string
  themeColor: string
  contactEmail: string | null
  contactPhone: string | null
  website: string | null
  address: string | null
  retentionDays: number
}

export async function updateMunicipalitySettings(db: Db, id: string, s: MunicipalitySettings): Promise<void> {
  await db
    .updateTable('municipalities')
    .set({
      name: s.name,
      theme_color: s.themeColor,
      contact_email: s.contactEmail,
      contact_phone: s.contactPhone,
      website: s.website,
      address: s.address,
      retention_days: s.retentionDays,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute()
}

/**
 * The envelope window columns (issue 6), typed apart from the rest: the schema gives them a
 * default, so code that inserts municipalities need not name them.
 */
interface LetterWindowTables {
  municipalities: { id: string; letter_address_top_mm: number; letter_address_left_mm: number; updated_at: Date }
}

export async function findLetterWindow(db: Executor<LetterWindowTables>, id: string): Promise<LetterWindow | null> {
  const row = await db.selectFrom('municipalities').select(['letter_address_top_mm', 'letter_address_left_mm']).where('id', '=', id).executeTakeFirst()
  return row ? { topMm: row.letter_address_top_mm, leftMm: row.letter_address_left_mm } : null
}

export async function setLetterWindow(db: Executor<LetterWindowTables>, id: string, window: LetterWindow): Promise<void> {
  await db
    .updateTable('municipalities')
    .set({ letter_address_top_mm: window.topMm, letter_address_left_mm: window.leftMm, updated_at: new Date() })
    .where('id', '=', id)
    .execute()
}

export async function setLogo(db: Db, id: string, logo: { bytes: Buffer; type: string } | null): Promise<void> {
  await db
    .updateTable('municipalities')
    .set({ logo: logo?.bytes ?? null, logo_type: logo?.type ?? null, updated_at: new Date() })
    .where('id', '=', id)
    .execute()
}

export async function findLogo(db: Db, id: string): Promise<{ bytes: Buffer; type: string; updatedAt: Date } | null> {
  const row = await db.selectFrom('municipalities').select(['logo', 'logo_type', 'updated_at']).where('id', '=', id).executeTakeFirst()
  if (!row?.logo || !row.logo_type) return null
  return { bytes: Buffer.from(row.logo), type: row.logo_type, updatedAt: row.updated_at }
}

export interface MunicipalityOverview {
  id: string
  nisCode: string
  name: string
  activeStaff: number
}

/** Every municipality with its number of active accounts (platform admins only). */
export async function listMunicipalityOverview(db: Executor<MunicipalitiesTables & { users: { municipality_id: string | null; disabled_at: Date | null } }>): Promise<MunicipalityOverview[]> {
  const rows = await db
    .selectFrom('municipalities')
    .select(['municipalities.id', 'municipalities.nis_code', 'municipalities.name'])
    .select((eb) =>
      eb
        .selectFrom('users')
        .select((sub) => sub.fn.countAll<number | string>().as('n'))
        .whereRef('users.municipality_id', '=', 'municipalities.id')
        .where('users.disabled_at', 'is', null)
        .as('active_staff'),
    )
    .orderBy('municipalities.name')
    .execute()
  return rows.map((r) => ({ id: r.id, nisCode: r.nis_code, name: r.name, activeStaff: Number(r.active_staff ?? 0) }))
}
