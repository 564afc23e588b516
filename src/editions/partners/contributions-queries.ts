// Queries of an edition's contributions, reached through the edition the caller found in scope.
import { randomUUID } from 'node:crypto'
import type { Executor } from '../../platform/db/transaction.ts'
import type { Contribution, ContributionInput, ContributionKind, ContributionStatus } from './contributions.ts'

export interface ContributionsTables {
  edition_contributions: { id: string; edition_id: string; kind: ContributionKind; name: string; contact: string | null; description: string | null; status: ContributionStatus; created_at: Date; updated_at: Date }
}

type Db = Executor<ContributionsTables>

export async function listContributions(db: Db, editionId: string): Promise<Contribution[]> {
  const rows = await db.selectFrom('edition_contributions').selectAll().where('edition_id', '=', editionId).orderBy('kind').orderBy('name').execute()
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, contact: r.contact, description: r.description, status: r.status }))
}

/** The contribution only if it belongs to this edition: an id of another edition is not found. */
export async function findContribution(db: Db, editionId: string, id: string): Promise<Contribution | null> {
  const r = await db.selectFrom('edition_contributions').selectAll().where('edition_id', '=', editionId).where('id', '=', id).executeTakeFirst()
  return r ? { id: r.id, kind: r.kind, name: r.name, contact: r.contact, description: r.description, status: r.status } : null
}

export async function insertContribution(db: Db, editionId: string, input: ContributionInput, now: Date): Promise<string> {
  const id = randomUUID()
  await db.insertInto('edition_contributions').values({ id, edition_id: editionId, ...input, created_at: now, updated_at: now }).execute()
  return id
}

export async function updateContribution(db: Db, editionId: string, id: string, input: ContributionInput, now: Date): Promise<void> {
  await db.updateTable('edition_contributions').set({ ...input, updated_at: now }).where('edition_id', '=', editionId).where('id', '=', id).execute()
}

export async function deleteContribution(db: Db, editionId: string, id: string): Promise<void> {
  await db.deleteFrom('edition_contributions').where('edition_id', '=', editionId).where('id', '=', id).execute()
}
