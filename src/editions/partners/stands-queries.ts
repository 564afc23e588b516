// Queries of partners (a municipality's, reused across editions) and their stands at an
// edition's info market. Stands are reached through their edition, which the caller found within
// its scope; partners through the scope.
import { randomUUID } from 'node:crypto'
import type { AnyDb, Executor } from '../../platform/db/transaction.ts'
import type { StandInput } from './stands.ts'

export interface PartnersTables {
  partners: { id: string; municipality_id: string; name: string; offer: string | null; contact_name: string | null; contact_email: string | null; contact_phone: string | null; created_at: Date; updated_at: Date }
  edition_stands: {
    id: string
    edition_id: string
    partner_id: string
    offer: string | null
    tables: number
    needs_power: boolean
    place: string | null
    notes: string | null
    link_token_hash: string | null
    link_expires_at: Date | null
    filled_in_at: Date | null
    created_at: Date
    updated_at: Date
  }
}

type Db = Executor<PartnersTables>

export interface Stand {
  id: string
  partnerId: string
  partnerName: string
  /** This edition's offer, or else the partner's usual one */
  offer: string | null
  tables: number
  needsPower: boolean
  place: string | null
  notes: string | null
  linkExpiresAt: Date | null
  filledInAt: Date | null
}

export async function listStands(db: Db, editionId: string): Promise<Stand[]> {
  const rows = await standsQuery(db).where('s.edition_id', '=', editionId).orderBy('p.name').orderBy('s.id').execute()
  return rows.map(toStand)
}

/** A stand with what its edit page needs besides: the raw offers and the partner's contact. */
export interface StandDetail extends Stand {
  /** This edition's own offer, null when it falls back to the partner's usual one */
  standOffer: string | null
  partnerOffer: string | null
  partnerMunicipalityId: string
  contactName: string | null
  contactEmail: string | null
}

/** The stand only if it belongs to this edition: a stand id of another edition is not found. */
export async function findStand(db: Db, editionId: string, standId: string): Promise<StandDetail | null> {
  const row = await standsQuery(db).where('s.edition_id', '=', editionId).where('s.id', '=', standId).executeTakeFirst()
  return row ? { ...toStand(row), standOffer: row.offer, partnerOffer: row.partner_offer, partnerMunicipalityId: row.municipality_id, contactName: row.contact_name, contactEmail: row.contact_email } : null
}

function standsQuery(db: Db) {
  return db
    .selectFrom('edition_stands as s')
    .innerJoin('partners as p', 'p.id', 's.partner_id')
    .select(['s.id', 's.partner_id', 'p.name', 's.offer', 'p.offer as partner_offer', 's.tables', 's.needs_power', 's.place', 's.notes', 's.link_expires_at', 's.filled_in_at', 'p.municipality_id', 'p.contact_name', 'p.contact_email'])
}

function toStand(r: { id: string; partner_id: string; name: string; offer: string | null; partner_offer: string | null; tables: number; needs_power: boolean | number; place: string | null; notes: string | null; link_expires_at: Date | null; filled_in_at: Date | null }): Stand {
  return {
    id: r.id,
    partnerId: r.partner_id,
    partnerName: r.name,
    offer: r.offer ?? r.partner_offer,
    tables: r.tables,
    // SQLite keeps booleans as 0/1 unless the column is named is_* or has_*.
    needsPower: Boolean(r.needs_power),
    place: r.place,
    notes: r.notes,
    linkExpiresAt: r.link_expires_at,
    filledInAt: r.filled_in_at,
  }
}

/** Whether the partner already has a stand at this edition (one stand per partner). */
export async function hasStand(db: Db, editionId: string, partnerId: string): Promise<boolean> {
  return (await db.selectFrom('edition_stands').select('id').where('edition_id', '=', editionId).where('partner_id', '=', partnerId).executeTakeFirst()) !== undefined
}

/** A new stand: one table, no power, the partner's usual offer until someone writes another. */
export async function addStand(db: Db, editionId: string, partnerId: string, now: Date): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('edition_stands')
    .values({ id, edition_id: editionId, partner_id: partnerId, offer: null, tables: 1, needs_power: false, place: null, notes: null, link_token_hash: null, link_expires_at: null, filled_in_at: null, created_at: now, updated_at: now })
    .execute()
  return id
}

export async function updateStand(db: Db, editionId: string, standId: string, input: StandInput, now: Date): Promise<void> {
  await db
    .updateTable('edition_stands')
    .set({ offer: input.offer, tables: input.tables, needs_power: input.needsPower, place: input.place, notes: input.notes, updated_at: now })
    .where('id', '=', standId)
    .where('edition_id', '=', editionId)
    .execute()
}

export async function removeStand(db: Db, editionId: string, standId: string): Promise<void> {
  await db.deleteFrom('edition_stands').where('id', '=', standId).where('edition_id', '=', editionId).execute()
}

export interface EditionOffer {
  standId: string
  partnerName: string
  offer: string
}

/**
 * What the edition's partners offer (this edition's offer, else the partner's usual one): the
 * interests invitees will be able to tick in their reply. Stands without any offer are left out.
 */
export async function editionOffers(db: Db, editionId: string): Promise<EditionOffer[]> {
  const stands = await listStands(db, editionId)
  return stands.flatMap((s) => (s.offer ? [{ standId: s.id, partnerName: s.partnerName, offer: s.offer }] : []))
}

/** Copies the stands to a new edition ("start from last edition"), without their links. */
export async function copyStands(db: AnyDb, fromEditionId: string, toEditionId: string, now: Date): Promise<void> {
  const d = db as Db
  const stands = await d.selectFrom('edition_stands').selectAll().where('edition_id', '=', fromEditionId).execute()
  if (stands.length === 0) return
  await d
    .insertInto('edition_stands')
    .values(stands.map((s) => ({ id: randomUUID(), edition_id: toEditionId, partner_id: s.partner_id, offer: s.offer, tables: s.tables, needs_power: s.needs_power, place: s.place, notes: s.notes, link_token_hash: null, link_expires_at: null, filled_in_at: null, created_at: now, updated_at: now })))
    .execute()
}
