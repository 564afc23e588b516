// Queries of an edition's programme. Items are reached through their edition, which the caller
// found within its scope.
import { randomUUID } from 'node:crypto'
import type { AnyDb, Executor } from '../../platform/db/transaction.ts'
import type { ProgrammeItem, ProgrammeItemInput, ProgrammeKind } from './programme.ts'

export interface ProgrammeTables {
  programme_items: { id: string; edition_id: string; position: number; kind: ProgrammeKind; title: string; duration_minutes: number; performer: string | null; updated_at: Date }
}

type Db = Executor<ProgrammeTables>

type Row = ProgrammeTables['programme_items']

const toItem = (r: Row): ProgrammeItem => ({ id: r.id, position: r.position, kind: r.kind, title: r.title, durationMinutes: r.duration_minutes, performer: r.performer })

export async function listProgrammeItems(db: Db, editionId: string): Promise<ProgrammeItem[]> {
  const rows = await db.selectFrom('programme_items').selectAll().where('edition_id', '=', editionId).orderBy('position').orderBy('id').execute()
  return rows.map(toItem)
}

/** One item of the edition; an item of another edition is not found. */
export async function findProgrammeItem(db: Db, editionId: string, itemId: string): Promise<ProgrammeItem | null> {
  const row = await db.selectFrom('programme_items').selectAll().where('edition_id', '=', editionId).where('id', '=', itemId).executeTakeFirst()
  return row ? toItem(row) : null
}

/** Appends items at the end of the programme, in the given order; returns their ids. */
export async function addProgrammeItems(db: Db, editionId: string, inputs: readonly ProgrammeItemInput[], now: Date): Promise<string[]> {
  const last = await db.selectFrom('programme_items').select((eb) => eb.fn.max('position').as('position')).where('edition_id', '=', editionId).executeTakeFirst()
  const start = Number(last?.position ?? 0) + 1
  const rows = inputs.map((input, i) => ({ id: randomUUID(), edition_id: editionId, position: start + i, kind: input.kind, title: input.title, duration_minutes: input.durationMinutes, performer: input.performer, updated_at: now }))
  if (rows.length > 0) await db.insertInto('programme_items').values(rows).execute()
  return rows.map((r) => r.id)
}

export async function updateProgrammeItem(db: Db, editionId: string, itemId: string, input: ProgrammeItemInput, now: Date): Promise<void> {
  await db
    .updateTable('programme_items')
    .set({ kind: input.kind, title: input.title, duration_minutes: input.durationMinutes, performer: input.performer, updated_at: now })
    .where('edition_id', '=', editionId)
    .where('id', '=', itemId)
    .execute()
}

/** Numbers the items 1, 2, 3… in the given order, writing only the positions that change. */
export async function reorderProgramme(db: Db, editionId: string, current: ProgrammeItem[], orderedIds: string[], now: Date): Promise<void> {
  const positions = new Map(current.map((item) => [item.id, item.position]))
  for (const [i, id] of orderedIds.entries()) {
    if (positions.get(id) === i + 1) continue
    await db.updateTable('programme_items').set({ position: i + 1, updated_at: now }).where('edition_id', '=', editionId).where('id', '=', id).execute()
  }
}

export async function deleteProgrammeItem(db: Db, editionId: string, itemId: string): Promise<boolean> {
  const result = await db.deleteFrom('programme_items').where('edition_id', '=', editionId).where('id', '=', itemId).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Copies a programme to a new edition ("start from last edition"). */
export async function copyProgramme(db: AnyDb, fromEditionId: string, toEditionId: string, now: Date): Promise<void> {
  const d = db as Db
  const items = await listProgrammeItems(d, fromEditionId)
  if (items.length === 0) return
  await d
    .insertInto('programme_items')
    .values(items.map((item) => ({ id: randomUUID(), edition_id: toEditionId, position: item.position, kind: item.kind, title: item.title, duration_minutes: item.durationMinutes, performer: item.performer, updated_at: now })))
    .execute()
}
