// Queries of editions. An edition belongs to every municipality that organises it: each query
// takes the caller's scope and finds the edition only when that municipality is an organiser,
// so another municipality gets nothing (and the route a 404).
import { randomUUID } from 'node:crypto'
import type { Scope } from '../accounts/accounts.ts'
import type { Executor } from '../platform/db/transaction.ts'
import type { InviteeLanguage } from '../platform/i18n/languages.ts'
import type { Edition, EditionInput, EditionStatus } from './editions.ts'

export interface EditionsTables {
  editions: {
    id: string
    municipality_id: string
    name: string
    starts_at: Date
    venue_name: string | null
    venue_address: string | null
    venue_room: string | null
    capacity: number
    accessibility: string | null
    period_from: string
    period_to: string
    reply_by: string | null
    guests_per_invitee: number
    languages_json: InviteeLanguage[]
    retention_days: number
    status: EditionStatus
    purged_at: Date | null
    calendar_token_hash: string | null
    copied_from_id: string | null
    created_by: string | null
    created_at: Date
    updated_at: Date
  }
  edition_organisers: { edition_id: string; municipality_id: string }
  municipalities: { id: string; name: string; nis_code: string; retention_days: number }
}

type Db = Executor<EditionsTables>
type Row = EditionsTables['editions']

/** The edition if the scope's municipality organises it, else null. */
export async function findEdition(db: Db, scope: Scope, id: string): Promise<Edition | null> {
  const row = await db
    .selectFrom('editions')
    .selectAll()
    .where('id', '=', id)
    .where('id', 'in', (eb) => eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId))
    .executeTakeFirst()
  return row ? (await withOrganisers(db, [row]))[0]! : null
}

/** The editions the scope's municipality organises, the latest ceremony first. */
export async function listEditions(db: Db, scope: Scope): Promise<Edition[]> {
  const rows = await db
    .selectFrom('editions')
    .selectAll()
    .where('id', 'in', (eb) => eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId))
    .orderBy('starts_at', 'desc')
    .execute()
  return withOrganisers(db, rows)
}

/** Every edition of every municipality, for operators on the command line. */
export async function listAllEditions(db: Db): Promise<Edition[]> {
  return withOrganisers(db, await db.selectFrom('editions').selectAll().orderBy('starts_at', 'desc').execute())
}

async function withOrganisers(db: Db, rows: Row[]): Promise<Edition[]> {
  if (rows.length === 0) return []
  const organisers = await db
    .selectFrom('edition_organisers as o')
    .innerJoin('municipalities as m', 'm.id', 'o.municipality_id')
    .select(['o.edition_id', 'm.id', 'm.name', 'm.nis_code'])
    .where('o.edition_id', 'in', rows.map((r) => r.id))
    .orderBy('m.name')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    municipalityId: r.municipality_id,
    name: r.name,
    startsAt: r.starts_at,
    venueName: r.venue_name,
    venueAddress: r.venue_address,
    venueRoom: r.venue_room,
    capacity: r.capacity,
    accessibility: r.accessibility,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    replyBy: r.reply_by,
    guestsPerInvitee: r.guests_per_invitee,
    languages: r.languages_json,
    retentionDays: r.retention_days,
    status: r.status,
    purgedAt: r.purged_at,
    hasCalendarFeed: r.calendar_token_hash !== null,
    copiedFromId: r.copied_from_id,
    organisers: organisers.filter((o) => o.edition_id === r.id).map((o) => ({ id: o.id, name: o.name, nisCode: o.nis_code })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }))
}

function columns(input: EditionInput) {
  return {
    name: input.name,
    starts_at: input.startsAt,
    venue_name: input.venueName,
    venue_address: input.venueAddress,
    venue_room: input.venueRoom,
    capacity: input.capacity,
    accessibility: input.accessibility,
    period_from: input.periodFrom,
    period_to: input.periodTo,
    reply_by: input.replyBy,
    guests_per_invitee: input.guestsPerInvitee,
    languages_json: input.languages,
    retention_days: input.retentionDays,
  }
}

/** A new draft edition organised by the scope's municipality and the co-organisers. */
export async function insertEdition(db: Db, scope: Scope, input: EditionInput, options: { createdBy: string | null; copiedFromId?: string | null; now: Date }): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('editions')
    .values({ id, municipality_id: scope.municipalityId, ...columns(input), status: 'draft', calendar_token_hash: null, copied_from_id: options.copiedFromId ?? null, created_by: options.createdBy, created_at: options.now, updated_at: options.now })
    .execute()
  await setOrganisers(db, id, scope.municipalityId, input.coOrganiserIds)
  return id
}

export async function updateEdition(db: Db, edition: Edition, input: EditionInput, now: Date): Promise<void> {
  await db.updateTable('editions').set({ ...columns(input), updated_at: now }).where('id', '=', edition.id).execute()
  await setOrganisers(db, edition.id, edition.municipalityId, input.coOrganiserIds)
}

/** The creating municipality always organises; the others are as chosen. */
async function setOrganisers(db: Db, editionId: string, creatorId: string, coOrganiserIds: string[]): Promise<void> {
  const ids = [...new Set([creatorId, ...coOrganiserIds])]
  await db.deleteFrom('edition_organisers').where('edition_id', '=', editionId).where('municipality_id', 'not in', ids).execute()
  const existing = new Set((await db.selectFrom('edition_organisers').select('municipality_id').where('edition_id', '=', editionId).execute()).map((r) => r.municipality_id))
  const added = ids.filter((id) => !existing.has(id))
  if (added.length) await db.insertInto('edition_organisers').values(added.map((municipality_id) => ({ edition_id: editionId, municipality_id }))).execute()
}

/** Moves the status only if it still is `from` (two people clicking at once change it once). */
export async function setEditionStatus(db: Db, id: string, from: EditionStatus, to: EditionStatus, now: Date): Promise<boolean> {
  const result = await db.updateTable('editions').set({ status: to, updated_at: now }).where('id', '=', id).where('status', '=', from).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Every municipality but the scope's own, by name: the possible co-organisers. */
export async function otherMunicipalities(db: Db, scope: Scope): Promise<{ id: string; name: string; nisCode: string }[]> {
  const rows = await db.selectFrom('municipalities').select(['id', 'name', 'nis_code']).where('id', '!=', scope.municipalityId).orderBy('name').execute()
  return rows.map((r) => ({ id: r.id, name: r.name, nisCode: r.nis_code }))
}

export async function municipalityRetentionDays(db: Db, scope: Scope): Promise<number> {
  return (await db.selectFrom('municipalities').select('retention_days').where('id', '=', scope.municipalityId).executeTakeFirstOrThrow()).retention_days
}
