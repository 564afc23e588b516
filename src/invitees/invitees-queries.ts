// Queries of invitees. They are reached through their edition, which the caller found within its
// scope; the national number exists here only as its keyed hash.
import { randomUUID } from 'node:crypto'
import { CompiledQuery, type Generated, type Insertable } from 'kysely'
import type { Executor } from '../platform/db/transaction.ts'
import type { ExistingInvitee, ImportPlan, Incoming, StoredField, StoredPerson } from './import/reconcile.ts'

export type InviteeSource = 'import' | 'manual' | 'carry_over'
export const EXCLUSION_REASONS = ['moved_away', 'no_contact', 'deceased', 'other'] as const
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number]

export interface InviteesTables {
  invitees: {
    id: string
    edition_id: string
    national_number_hash: string | null
    last_name: string
    first_name: string
    birth_date: string | null
    street: string | null
    house_number: string | null
    box: string | null
    postcode: string | null
    city: string | null
    email: string | null
    phone: string | null
    language: string | null
    certificate_date: string | null
    warnings_json: { column: string; message: string }[]
    /** How the person came on the list */
    source: Generated<InviteeSource>
    household_id: string | null
    excluded_reason: ExclusionReason | null
    excluded_at: Date | null
    /** The outcome of the latest selection under capacity; null when none was made */
    selection: 'selected' | 'not_selected' | null
    carried_from_edition_id: string | null
    has_asked_next_time: Generated<boolean>
    created_at: Date
    updated_at: Date
  }
}

type Db = Executor<InviteesTables>
type Row = InviteesTables['invitees']
type InsertRow = Insertable<Row>

const COLUMN = {
  lastName: 'last_name',
  firstName: 'first_name',
  birthDate: 'birth_date',
  street: 'street',
  houseNumber: 'house_number',
  box: 'box',
  postcode: 'postcode',
  city: 'city',
  email: 'email',
  phone: 'phone',
  language: 'language',
  certificateDate: 'certificate_date',
} as const satisfies Record<StoredField, keyof Row>

export async function existingInvitees(db: Db, editionId: string): Promise<ExistingInvitee[]> {
  const rows = await db.selectFrom('invitees').selectAll().where('edition_id', '=', editionId).execute()
  return rows.map((r) => ({ id: r.id, nationalNumberHash: r.national_number_hash, ...personOf(r) }))
}

/** The stored person of a row (the reverse of `columnsOf`). */
export function personOf(r: Pick<Row, (typeof COLUMN)[StoredField]>): StoredPerson {
  return {
    lastName: r.last_name,
    firstName: r.first_name,
    birthDate: r.birth_date,
    street: r.street,
    houseNumber: r.house_number,
    box: r.box,
    postcode: r.postcode,
    city: r.city,
    email: r.email,
    phone: r.phone,
    language: r.language,
    certificateDate: r.certificate_date,
  }
}

/** Writes what the plan inserts and updates; the caller runs it in one transaction. */
export async function applyImportPlan(db: Db, editionId: string, plan: ImportPlan, now: Date): Promise<void> {
  const statements = new Map<number, string>()
  // Chunks stay under SQLite's limit of bound parameters per statement. A list of 100,000 people
  // is 200 chunks of one shape: the statement is built once per shape and only the values change,
  // which halves the time the query builder would spend on 1.9 million values.
  for (let i = 0; i < plan.inserts.length; i += INSERT_CHUNK) {
    const chunk = plan.inserts.slice(i, i + INSERT_CHUNK)
    let statement = statements.get(chunk.length)
    if (!statement) statements.set(chunk.length, (statement = insertStatement(db, chunk.length)))
    const parameters: unknown[] = []
    for (const incoming of chunk) {
      const row: Row = { id: randomUUID(), edition_id: editionId, national_number_hash: incoming.nationalNumberHash, ...columnsOf(incoming.person), warnings_json: incoming.warnings, created_at: now, updated_at: now } as Row
      for (const column of INSERT_COLUMNS) parameters.push(row[column])
    }
    await db.executeQuery(CompiledQuery.raw(statement, parameters))
  }
  for (const update of plan.updates) {
    const changed = Object.fromEntries(update.fields.map((field) => [COLUMN[field], update.incoming.person[field]]))
    await db
      .updateTable('invitees')
      .set({ ...changed, national_number_hash: update.incoming.nationalNumberHash ?? undefined, warnings_json: update.incoming.warnings, updated_at: now })
      .where('id', '=', update.id)
      .where('edition_id', '=', editionId)
      .execute()
  }
}

const INSERT_CHUNK = 500
const INSERT_COLUMNS = ['id', 'edition_id', 'national_number_hash', ...Object.values(COLUMN), 'warnings_json', 'created_at', 'updated_at'] as const satisfies readonly (keyof Row)[]

/** The insert of `rows` people, its values as placeholders in INSERT_COLUMNS order. */
function insertStatement(db: Db, rows: number): string {
  const blank = Object.fromEntries(INSERT_COLUMNS.map((column) => [column, null])) as unknown as InsertRow
  const compiled = db.insertInto('invitees').values(Array.from({ length: rows }, () => blank)).compile()
  if (compiled.parameters.length !== rows * INSERT_COLUMNS.length) throw new Error('the insert statement does not bind every value')
  return compiled.sql
}

function columnsOf(p: Incoming['person']) {
  return { last_name: p.lastName, first_name: p.firstName, birth_date: p.birthDate, street: p.street, house_number: p.houseNumber, box: p.box, postcode: p.postcode, city: p.city, email: p.email, phone: p.phone, language: p.language, certificate_date: p.certificateDate }
}

export async function countInvitees(db: Db, editionId: string): Promise<number> {
  return Number((await db.selectFrom('invitees').select((eb) => eb.fn.countAll<number>().as('n')).where('edition_id', '=', editionId).executeTakeFirstOrThrow()).n)
}
