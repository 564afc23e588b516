// Queries of a municipality's partners. Every query takes the scope, so another municipality's
// partner is simply not found (and the route answers 404).
import { randomUUID } from 'node:crypto'
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { Partner, PartnerInput } from './partners.ts'
import type { PartnersTables } from './stands-queries.ts'

type Db = Executor<PartnersTables>
type Row = PartnersTables['partners']

function toPartner(r: Row): Partner {
  return { id: r.id, municipalityId: r.municipality_id, name: r.name, offer: r.offer, contactName: r.contact_name, contactEmail: r.contact_email, contactPhone: r.contact_phone }
}

function columns(input: PartnerInput) {
  return { name: input.name, offer: input.offer, contact_name: input.contactName, contact_email: input.contactEmail, contact_phone: input.contactPhone }
}

export async function listPartners(db: Db, scope: Scope): Promise<Partner[]> {
  const rows = await db.selectFrom('partners').selectAll().where('municipality_id', '=', scope.municipalityId).orderBy('name').orderBy('id').execute()
  return rows.map(toPartner)
}

export async function findPartner(db: Db, scope: Scope, id: string): Promise<Partner | null> {
  const row = await db.selectFrom('partners').selectAll().where('id', '=', id).where('municipality_id', '=', scope.municipalityId).executeTakeFirst()
  return row ? toPartner(row) : null
}

export async function insertPartner(db: Db, scope: Scope, input: PartnerInput, now: Date): Promise<string> {
  const id = randomUUID()
  await db.insertInto('partners').values({ id, municipality_id: scope.municipalityId, ...columns(input), created_at: now, updated_at: now }).execute()
  return id
}

export async function updatePartner(db: Db, scope: Scope, id: string, input: PartnerInput, now: Date): Promise<void> {
  await db.updateTable('partners').set({ ...columns(input), updated_at: now }).where('id', '=', id).where('municipality_id', '=', scope.municipalityId).execute()
}

/** How many editions' info markets the partner stands at: such a partner cannot be removed. */
export async function countPartnerStands(db: Db, partnerId: string): Promise<number> {
  const row = await db.selectFrom('edition_stands').select((eb) => eb.fn.countAll<number>().as('n')).where('partner_id', '=', partnerId).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function deletePartner(db: Db, scope: Scope, id: string): Promise<void> {
  await db.deleteFrom('partners').where('id', '=', id).where('municipality_id', '=', scope.municipalityId).execute()
}

/**
 * The partners an edition may give a stand: those of every organising municipality, so that
 * co-organisers share their partners, with the name of the municipality that keeps each one.
 */
export async function partnersOfOrganisers(db: Executor<PartnersTables & { municipalities: { id: string; name: string } }>, organiserIds: string[]): Promise<(Partner & { municipalityName: string })[]> {
  if (organiserIds.length === 0) return []
  const rows = await db
    .selectFrom('partners as p')
    .innerJoin('municipalities as m', 'm.id', 'p.municipality_id')
    .selectAll('p')
    .select('m.name as municipality_name')
    .where('p.municipality_id', 'in', organiserIds)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute()
  return rows.map((r) => ({ ...toPartner(r), municipalityName: r.municipality_name }))
}
