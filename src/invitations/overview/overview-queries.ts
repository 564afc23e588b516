// Queries of the reply overview. The funnel is counted on the database: one row per combination
// of the facts it looks at, so an edition of 100,000 people returns a few hundred rows. Lists of
// people (the waiting list, who needs another channel) and the needs of those coming are bounded
// by the capacity or by what went wrong, not by the size of the list.
import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely'
import type { Scope } from '../../accounts/accounts.ts'
import type { PeopleGroup, ReachFacts } from './funnel.ts'
import type { ConfirmedAnswer } from './needs.ts'
import type { Db, OverviewTables } from './overview-tables.ts'

type Eb = ExpressionBuilder<OverviewTables, 'invitees'>

/**
 * The edition's people, only if the scope organises the edition (so a mistake in a route still
 * cannot reach another municipality's people), and only those who may be invited: not excluded,
 * not left out by a selection.
 */
function invitablePeopleOf(scope: Scope, editionId: string) {
  return (eb: Eb) =>
    eb.and([
      eb('invitees.edition_id', '=', editionId),
      eb('invitees.edition_id', 'in', eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId)),
      eb('invitees.excluded_reason', 'is', null),
      eb.or([eb('invitees.selection', 'is', null), eb('invitees.selection', '<>', 'not_selected')]),
    ])
}

/**
 * Per person of the edition, 1 or 0: an e-mail that did not fail, one that failed, a text message
 * sent, one that failed. One pass over the edition's messages, grouped, rather than a lookup per
 * person: an edition of 100,000 people is counted in well under a second.
 */
function messageFacts(db: Db, editionId: string) {
  // An e-mail's status lives with the mail (the outbox updates it); a text message keeps its own.
  // Once old mail is cleaned up the message row's own status is all there is.
  const status = sql<string>`coalesce(${sql.ref('mm.status')}, ${sql.ref('m.status')})`
  const any = (channel: 'email' | 'sms', test: RawBuilder<boolean>) => sql<number>`max(case when ${sql.ref('m.channel')} = ${channel} and ${test} then 1 else 0 end)`
  return db
    .selectFrom('invitee_messages as m')
    .leftJoin('mail_messages as mm', 'mm.id', 'm.mail_id')
    .where('m.edition_id', '=', editionId)
    .groupBy('m.invitee_id')
    .select([
      'm.invitee_id',
      any('email', sql<boolean>`${status} <> 'failed'`).as('email_delivered'),
      any('email', sql<boolean>`${status} = 'failed'`).as('email_failed'),
      any('sms', sql<boolean>`${status} = 'sent'`).as('sms_sent'),
      any('sms', sql<boolean>`${status} = 'failed'`).as('sms_failed'),
    ])
}

/** Invited people (an invitation, still invitable) with their answer and the facts of how they were reached. */
function invitedWithFacts(db: Db, scope: Scope, editionId: string) {
  return db
    .selectFrom('invitees')
    .where(invitablePeopleOf(scope, editionId))
    .innerJoin('invitations', 'invitations.invitee_id', 'invitees.id')
    .leftJoin('replies', 'replies.invitee_id', 'invitees.id')
    .leftJoin(messageFacts(db, editionId).as('msg'), 'msg.invitee_id', 'invitees.id')
    .where('invitations.edition_id', '=', editionId)
    .select((eb) => [
      eb.fn.coalesce('msg.email_delivered', sql.lit(0)).as('email_delivered'),
      eb.fn.coalesce('msg.email_failed', sql.lit(0)).as('email_failed'),
      eb.fn.coalesce('msg.sms_sent', sql.lit(0)).as('sms_sent'),
      eb.fn.coalesce('msg.sms_failed', sql.lit(0)).as('sms_failed'),
      eb.case().when('invitations.letter_printed_at', 'is not', null).then(1).else(0).end().as('letter_printed'),
      eb.case().when('invitations.letter_returned_at', 'is not', null).then(1).else(0).end().as('letter_returned'),
      eb.case().when('replies.invitee_id', 'is not', null).then(1).else(0).end().as('replied'),
    ])
}

const FACT_COLUMNS = ['email_delivered', 'email_failed', 'sms_sent', 'sms_failed', 'letter_printed', 'letter_returned', 'replied'] as const
type FactRow = Record<(typeof FACT_COLUMNS)[number], number | string | boolean>

function factsOf(row: FactRow): ReachFacts {
  // PostgreSQL returns these as integers, SQLite too; Number() also reads a bigint as text.
  const on = (v: number | string | boolean) => Number(v) === 1
  return {
    emailDelivered: on(row.email_delivered),
    emailFailed: on(row.email_failed),
    smsSent: on(row.sms_sent),
    smsFailed: on(row.sms_failed),
    letterPrinted: on(row.letter_printed),
    letterReturned: on(row.letter_returned),
    replied: on(row.replied),
  }
}

/** Everyone invited to the edition, counted per combination of language, answer and reach. */
export async function listPeopleGroups(db: Db, scope: Scope, editionId: string): Promise<PeopleGroup[]> {
  const facts = invitedWithFacts(db, scope, editionId).select((eb) => [
    'invitees.language',
    'replies.attending',
    'replies.place',
    'replies.channel as reply_channel',
    eb.fn.coalesce('replies.adults', sql.lit(0)).as('adults'),
    eb.fn.coalesce('replies.children', sql.lit(0)).as('children'),
  ])
  const keys = ['f.language', 'f.attending', 'f.place', 'f.reply_channel', ...FACT_COLUMNS.map((c) => `f.${c}` as const)] as const
  const rows = await db
    .selectFrom(facts.as('f'))
    .select(keys)
    .select((eb) => [eb.fn.countAll<number>().as('people'), eb.fn.sum<number>('f.adults').as('guest_adults'), eb.fn.sum<number>('f.children').as('guest_children')])
    .groupBy([...keys])
    .execute()
  return rows.map((r) => ({
    ...factsOf(r),
    language: r.language,
    attending: r.attending,
    place: r.place,
    replyChannel: r.reply_channel,
    people: Number(r.people),
    adults: Number(r.guest_adults ?? 0),
    children: Number(r.guest_children ?? 0),
  }))
}

/** Answers of invited people, for the needs and interests. */
function answers(db: Db, scope: Scope, editionId: string) {
  return db
    .selectFrom('invitees')
    .where(invitablePeopleOf(scope, editionId))
    .innerJoin('invitations', 'invitations.invitee_id', 'invitees.id')
    .innerJoin('replies', 'replies.invitee_id', 'invitees.id')
    .where('replies.edition_id', '=', editionId)
}

/** The needs of the people with a confirmed place. */
export async function listConfirmedNeeds(db: Db, scope: Scope, editionId: string): Promise<ConfirmedAnswer[]> {
  const rows = await answers(db, scope, editionId).select(['replies.needs_json', 'replies.adults', 'replies.children']).where('replies.attending', '=', 'yes').where('replies.place', '=', 'confirmed').execute()
  return rows.map((r) => ({ needs: r.needs_json, adults: Number(r.adults), children: Number(r.children) }))
}

// Stored as JSON text on SQLite and jsonb on PostgreSQL; both print an empty list as "[]".
const notEmpty = (column: 'replies.interests_json' | 'replies.contribution_kinds_json') => sql<boolean>`cast(${sql.ref(column)} as text) <> '[]'`

/** The stands and contributions chosen in every answer that chose any (any answer: someone who cannot come may still want to hear from the library). */
export async function listChoices(db: Db, scope: Scope, editionId: string): Promise<{ interests: unknown[]; contributions: unknown[] }> {
  const rows = await answers(db, scope, editionId)
    .select(['replies.interests_json', 'replies.contribution_kinds_json'])
    .where((eb) => eb.or([notEmpty('replies.interests_json'), notEmpty('replies.contribution_kinds_json')]))
    .execute()
  return { interests: rows.map((r) => r.interests_json), contributions: rows.map((r) => r.contribution_kinds_json) }
}

/** The stands of the edition's info market with their partner's name. */
export async function listStandNames(db: Db, scope: Scope, editionId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('edition_stands as s')
    .innerJoin('partners as pa', 'pa.id', 's.partner_id')
    .select(['s.id', 'pa.name'])
    .where('s.edition_id', '=', editionId)
    .where('s.edition_id', 'in', (eb) => eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId))
    .orderBy('pa.name')
    .execute()
}

export interface WaitingPerson {
  inviteeId: string
  firstName: string
  lastName: string
  seats: number
  since: Date
}

/** The waiting list in its order: who answered "yes" first is offered a place first. */
export async function listWaiting(db: Db, scope: Scope, editionId: string): Promise<WaitingPerson[]> {
  const rows = await answers(db, scope, editionId)
    .select(['invitees.id', 'invitees.first_name', 'invitees.last_name', 'replies.adults', 'replies.children', 'replies.waitlisted_at', 'replies.replied_at'])
    .where('replies.attending', '=', 'yes')
    .where('replies.place', '=', 'waiting')
    .orderBy((eb) => eb.fn.coalesce('replies.waitlisted_at', 'replies.replied_at'))
    .orderBy('invitees.id')
    .execute()
  return rows.map((r) => ({ inviteeId: r.id, firstName: r.first_name, lastName: r.last_name, seats: 1 + Number(r.adults) + Number(r.children), since: r.waitlisted_at ?? r.replied_at }))
}

export interface ApproachedPerson extends ReachFacts {
  inviteeId: string
  firstName: string
  lastName: string
}

/**
 * People for whom something went wrong: a letter came back, an e-mail or text message failed. The
 * caller keeps those not reached otherwise (needsAnotherChannel); it is the same rule as the funnel.
 */
export async function listApproachFailures(db: Db, scope: Scope, editionId: string): Promise<ApproachedPerson[]> {
  // Only people with a failure are looked at: a returned letter, or a failed message.
  const failedMessage = sql<boolean>`coalesce(${sql.ref('fmm.status')}, ${sql.ref('fm.status')}) = 'failed'`
  const rows = await invitedWithFacts(db, scope, editionId)
    .select(['invitees.id', 'invitees.first_name', 'invitees.last_name'])
    .where((eb) =>
      eb.or([
        eb('invitations.letter_returned_at', 'is not', null),
        eb('invitees.id', 'in', eb.selectFrom('invitee_messages as fm').leftJoin('mail_messages as fmm', 'fmm.id', 'fm.mail_id').select('fm.invitee_id').where('fm.edition_id', '=', editionId).where(failedMessage)),
      ]),
    )
    .orderBy('invitees.last_name')
    .orderBy('invitees.first_name')
    .orderBy('invitees.id')
    .execute()
  return rows.map((r) => ({ ...factsOf(r), inviteeId: r.id, firstName: r.first_name, lastName: r.last_name }))
}
