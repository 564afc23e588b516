// Queries of the partner link: staff set or revoke a stand's link; the partner, who has no
// account, is found by the hash of the token in the link alone. That hash is the only key, so
// these lookups carry no scope: the token is the partner's proof.
import type { Executor } from '../../platform/db/transaction.ts'
import type { StandFill } from './stands.ts'
import type { PartnersTables } from './stands-queries.ts'

interface LinkTables extends PartnersTables {
  editions: { id: string; municipality_id: string; name: string; starts_at: Date; venue_name: string; venue_address: string; venue_room: string | null }
}

type Db = Executor<LinkTables>

/** A new link replaces the old one, which stops working at once. */
export async function setStandLink(db: Db, standId: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void> {
  await db.updateTable('edition_stands').set({ link_token_hash: tokenHash, link_expires_at: expiresAt, updated_at: now }).where('id', '=', standId).execute()
}

/** True when there was a link to revoke. */
export async function revokeStandLink(db: Db, standId: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('edition_stands').set({ link_token_hash: null, link_expires_at: null, updated_at: now }).where('id', '=', standId).where('link_token_hash', 'is not', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** What the partner sees: their own stand and the edition's public facts, nothing else. */
export interface LinkedStand {
  standId: string
  partnerName: string
  partnerMunicipalityId: string
  offer: string | null
  tables: number
  needsPower: boolean
  notes: string | null
  filledInAt: Date | null
  expiresAt: Date | null
  edition: { id: string; name: string; startsAt: Date; venueName: string; venueAddress: string; venueRoom: string | null }
}

export async function findStandByLink(db: Db, tokenHash: string): Promise<LinkedStand | null> {
  const r = await db
    .selectFrom('edition_stands as s')
    .innerJoin('partners as p', 'p.id', 's.partner_id')
    .innerJoin('editions as e', 'e.id', 's.edition_id')
    .select(['s.id', 'p.name as partner_name', 'p.municipality_id', 's.offer', 'p.offer as partner_offer', 's.tables', 's.needs_power', 's.notes', 's.filled_in_at', 's.link_expires_at'])
    .select(['e.id as edition_id', 'e.name as edition_name', 'e.starts_at', 'e.venue_name', 'e.venue_address', 'e.venue_room'])
    .where('s.link_token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (!r) return null
  return {
    standId: r.id,
    partnerName: r.partner_name,
    partnerMunicipalityId: r.municipality_id,
    offer: r.offer ?? r.partner_offer,
    tables: r.tables,
    needsPower: Boolean(r.needs_power),
    notes: r.notes,
    filledInAt: r.filled_in_at,
    expiresAt: r.link_expires_at,
    edition: { id: r.edition_id, name: r.edition_name, startsAt: r.starts_at, venueName: r.venue_name, venueAddress: r.venue_address, venueRoom: r.venue_room },
  }
}

/** Saves what the partner filled in, only while the link is the same one (not revoked or renewed meanwhile). */
export async function fillInStand(db: Db, standId: string, tokenHash: string, fill: StandFill, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('edition_stands')
    .set({ offer: fill.offer, tables: fill.tables, needs_power: fill.needsPower, notes: fill.notes, filled_in_at: now, updated_at: now })
    .where('id', '=', standId)
    .where('link_token_hash', '=', tokenHash)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
