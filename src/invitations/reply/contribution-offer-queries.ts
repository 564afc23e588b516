// A reply that offers music, food, art or a testimony appears on the edition's contributions list
// (one row per person, linked by invitee_id), so staff see it beside the contributions they asked
// for themselves. A changed answer updates that row; a withdrawn offer removes it.
import { randomUUID } from 'node:crypto'
import { prepared } from '../../platform/db/prepared.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { ContributionKind } from '../reply.ts'
import type { ReplyTables } from './reply-queries.ts'

type Db = Executor<Pick<ReplyTables, 'edition_contributions'>>

export interface ContributionOffer {
  kinds: ContributionKind[]
  /** The person's first name: how staff know whom the offer is from. */
  name: string
  description: string | null
}

// Looked up by every saved answer: compiled once (prepared.ts).
const offerOf = prepared((db, editionId: string, inviteeId: string) => (db as Db).selectFrom('edition_contributions').select('id').where('edition_id', '=', editionId).where('invitee_id', '=', inviteeId))

export async function syncContributionOffer(db: Db, editionId: string, inviteeId: string, offer: ContributionOffer | null, now: Date): Promise<void> {
  const existing = (await offerOf(db, editionId, inviteeId)).rows[0]
  const kind = offer?.kinds[0]
  if (!offer || !kind) {
    if (existing) await db.deleteFrom('edition_contributions').where('id', '=', existing.id).where('edition_id', '=', editionId).execute()
    return
  }
  if (existing) {
    // The status is staff's: a contribution they confirmed stays confirmed when the text changes.
    await db.updateTable('edition_contributions').set({ kind, name: offer.name, description: offer.description, updated_at: now }).where('id', '=', existing.id).where('edition_id', '=', editionId).execute()
    return
  }
  // "asked": still to be agreed with staff, as for a contribution staff asked for themselves.
  await db
    .insertInto('edition_contributions')
    .values({ id: randomUUID(), edition_id: editionId, invitee_id: inviteeId, kind, name: offer.name, contact: null, description: offer.description, status: 'asked', created_at: now, updated_at: now })
    .execute()
}
