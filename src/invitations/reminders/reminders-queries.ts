// Queries of reminders: an edition's rules, the editions the hourly run looks at, who is in a
// rule's audience, and how many people each rule reached.
import { sql } from 'kysely'
import type { Scope } from '../../accounts/accounts.ts'
import { isPostgres } from '../../platform/db/migration-helpers.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { ExclusionReason } from '../../invitees/invitees-queries.ts'
import { isInvitable } from '../../invitees/invitee-status.ts'
import type { Attending, Place } from '../reply.ts'
import { inAudience, normaliseRules, ruleOccasion, type ReminderAudience, type ReminderEdition, type ReminderRule } from './reminder-rules.ts'

export interface RemindersTables {
  editions: { id: string; starts_at: Date; reply_by: string | null; status: string; purged_at: Date | null; reminder_rules_json: unknown; updated_at: Date }
  edition_organisers: { edition_id: string; municipality_id: string }
  invitees: { id: string; edition_id: string; excluded_reason: ExclusionReason | null; selection: 'selected' | 'not_selected' | null }
  invitations: { invitee_id: string; edition_id: string }
  replies: { invitee_id: string; attending: Attending; place: Place | null }
  invitee_messages: { edition_id: string; invitee_id: string; kind: string; unique_key: string }
}

type Db = Executor<RemindersTables>

export interface EditionReminders extends ReminderEdition {
  id: string
  rules: ReminderRule[]
}

function toEdition(row: { id: string; starts_at: Date; reply_by: string | null; status: string; purged_at: Date | null; reminder_rules_json: unknown }): EditionReminders {
  return { id: row.id, startsAt: row.starts_at, replyBy: row.reply_by, status: row.status, purgedAt: row.purged_at, rules: normaliseRules(row.reminder_rules_json) }
}

const COLUMNS = ['id', 'starts_at', 'reply_by', 'status', 'purged_at', 'reminder_rules_json'] as const

/**
 * The edition's rules, if the scope's municipality organises it. With `lock`, inside a transaction
 * on PostgreSQL, the row stays locked until the change is saved, so two people adding a rule at
 * once both keep theirs (SQLite serialises writers anyway).
 */
export async function editionReminders(db: Db, scope: Scope, editionId: string, options: { lock?: boolean } = {}): Promise<EditionReminders | null> {
  const row = await db
    .selectFrom('editions')
    .select(COLUMNS)
    .where('id', '=', editionId)
    .where('id', 'in', (eb) => eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId))
    .$if(options.lock === true && isPostgres(db), (qb) => qb.forUpdate())
    .executeTakeFirst()
  return row ? toEdition(row) : null
}

export async function saveRules(db: Db, scope: Scope, editionId: string, rules: ReminderRule[], now: Date): Promise<void> {
  await db
    .updateTable('editions')
    .set({ reminder_rules_json: normaliseRules(rules), updated_at: now })
    .where('id', '=', editionId)
    .where('id', 'in', (eb) => eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId))
    .execute()
}

/** Editions whose reminders may still go out: open or closed for replies, not purged, not begun. */
export async function editionsForReminders(db: Db, now: Date): Promise<EditionReminders[]> {
  const rows = await db
    .selectFrom('editions')
    .select(COLUMNS)
    .where('status', 'in', ['invitations_open', 'replies_closed'])
    .where('purged_at', 'is', null)
    .where('starts_at', '>', now)
    .execute()
  return rows.map(toEdition)
}

/** The people a rule speaks to now (the rule in reminder-rules.ts, applied to the list as it is). */
export async function audienceOf(db: Db, editionId: string, audience: ReminderAudience): Promise<string[]> {
  const rows = await db
    .selectFrom('invitees as p')
    .leftJoin('invitations as inv', 'inv.invitee_id', 'p.id')
    .leftJoin('replies as r', 'r.invitee_id', 'p.id')
    .select(['p.id', 'p.excluded_reason', 'p.selection', 'inv.invitee_id as invitation', 'r.attending', 'r.place'])
    .where('p.edition_id', '=', editionId)
    .execute()
  return rows
    .filter((r) =>
      inAudience(audience, {
        invitable: isInvitable({ excludedReason: r.excluded_reason, selection: r.selection }),
        hasInvitation: r.invitation !== null,
        reply: r.attending ? { attending: r.attending, place: r.place ?? null } : null,
      }),
    )
    .map((r) => r.id)
}

/** How many people each rule reached (by any channel), by the rule's occasion. */
export async function reachedPerRule(db: Db, editionId: string, rules: ReminderRule[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const rule of rules) {
    // unique_key is "reminder:<occasion>:<invitee>:<channel>"; "_" is a LIKE wildcard, so escaped.
    const prefix = `reminder:${ruleOccasion(rule)}:`.replace(/[\\%_]/g, '\\$&')
    const row = await db
      .selectFrom('invitee_messages')
      .select((eb) => eb.fn.count<number>('invitee_id').distinct().as('n'))
      .where('edition_id', '=', editionId)
      .where('kind', '=', 'reminder')
      .where(sql<boolean>`unique_key like ${prefix + '%'} escape '\\'`)
      .executeTakeFirstOrThrow()
    counts.set(ruleOccasion(rule), Number(row.n))
  }
  return counts
}
