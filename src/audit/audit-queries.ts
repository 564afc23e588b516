import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { prepared } from '../platform/db/prepared.ts'
import type { Executor } from '../platform/db/transaction.ts'
import { sanitizeDetails, type AuditEntry } from './audit.ts'

export interface AuditTables {
  audit_events: {
    id: string
    occurred_at: Date
    municipality_id: string | null
    actor_user_id: string | null
    actor_name: string | null
    action: string
    record_type: string | null
    record_id: string | null
    details_json: Record<string, unknown> | null
  }
}

type Db = Executor<AuditTables>
export type AuditRow = AuditTables['audit_events']

/** Records an event; pass the transaction of the change it describes so both commit or neither. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(db, {
    id: randomUUID(),
    occurred_at: new Date(),
    municipality_id: entry.municipalityId,
    actor_user_id: entry.actor?.id ?? null,
    actor_name: entry.actor?.name ?? null,
    action: entry.action,
    record_type: entry.record?.type ?? null,
    record_id: entry.record?.id ?? null,
    details_json: sanitizeDetails(entry.details) ?? null,
  })
}

// Every change records an event: compiled once (prepared.ts).
const insertAuditRow = prepared((db, ...v: [string, Date, string | null, string | null, string | null, string, string | null, string | null, Record<string, unknown> | null]) =>
  db.insertInto('audit_events').values({ id: v[0], occurred_at: v[1], municipality_id: v[2], actor_user_id: v[3], actor_name: v[4], action: v[5], record_type: v[6], record_id: v[7], details_json: v[8] }),
)

function insertAuditEvent(db: Db, r: AuditRow) {
  return insertAuditRow(db, r.id, r.occurred_at, r.municipality_id, r.actor_user_id, r.actor_name, r.action, r.record_type, r.record_id, r.details_json)
}

export interface AuditFilter {
  /** null: every municipality (platform admins only). */
  municipalityId: string | null
  action?: string
  actorUserId?: string
  recordType?: string
  recordId?: string
  from?: Date
  to?: Date
  limit: number
  offset: number
}

export async function listAuditEvents(db: Db, filter: AuditFilter): Promise<{ events: AuditRow[]; total: number }> {
  let query = db.selectFrom('audit_events')
  if (filter.municipalityId !== null) query = query.where('municipality_id', '=', filter.municipalityId)
  // A prefix match ("account." finds every account action). Codes contain "_", a LIKE wildcard,
  // so wildcards are escaped rather than dropped.
  if (filter.action) query = query.where(sql<boolean>`action like ${filter.action.replace(/[\\%_]/g, '\\$&') + '%'} escape '\\'`)
  if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId)
  if (filter.recordType) query = query.where('record_type', '=', filter.recordType)
  if (filter.recordId) query = query.where('record_id', '=', filter.recordId)
  if (filter.from) query = query.where('occurred_at', '>=', filter.from)
  if (filter.to) query = query.where('occurred_at', '<', filter.to)
  const [events, count] = await Promise.all([
    query.selectAll().orderBy('occurred_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { events, total: Number(count.n) }
}

/** The distinct actions recorded in scope, for the filter's choices. */
export async function listAuditActions(db: Db, municipalityId: string | null): Promise<string[]> {
  let query = db.selectFrom('audit_events').select('action').distinct()
  if (municipalityId !== null) query = query.where('municipality_id', '=', municipalityId)
  return (await query.orderBy('action').execute()).map((r) => r.action)
}

/** The distinct record types in scope, for the filter's choices. */
export async function listAuditRecordTypes(db: Db, municipalityId: string | null): Promise<string[]> {
  let query = db.selectFrom('audit_events').select('record_type').distinct().where('record_type', 'is not', null)
  if (municipalityId !== null) query = query.where('municipality_id', '=', municipalityId)
  return (await query.orderBy('record_type').execute()).map((r) => r.record_type!)
}
