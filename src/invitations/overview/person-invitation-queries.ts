// One person's invitation as staff see it on the person page: the invitation and its letter, the
// messages sent, the current answer and whether a recording of their name exists. The person was
// found within the scope; every query checks the edition against the scope again all the same.
import { sql } from 'kysely'
import type { Scope } from '../../accounts/accounts.ts'
import type { Config } from '../../config.ts'
import { invitationKeys } from '../invitations-queries.ts'
import type { Attending, Place, ReplyChannel } from '../reply.ts'
import type { ReachFacts } from './funnel.ts'
import type { Db } from './overview-tables.ts'

export interface SentMessage {
  kind: string
  channel: string
  /** queued, sent or failed; for an e-mail the outbox's own status */
  status: string
  createdAt: Date
  sentAt: Date | null
}

export interface PersonAnswer {
  attending: Attending
  place: Place | null
  waitingSince: Date | null
  adults: number
  children: number
  needs: unknown
  phoneticName: string | null
  consents: { photo: boolean; groupPhoto: boolean; publication: boolean; childrenPhoto: boolean }
  /** The names of the stands chosen that still exist */
  interests: string[]
  contributionKinds: unknown
  contributionText: string | null
  channel: ReplyChannel
  /** The staff member who recorded it, when still known */
  recordedBy: string | null
  language: string | null
  repliedAt: Date
  updatedAt: Date
}

export interface PersonInvitation {
  /** The short code, to read out over the phone */
  code: string
  createdAt: Date
  letterPrintedAt: Date | null
  letterReturnedAt: Date | null
  messages: SentMessage[]
  answer: PersonAnswer | null
  recording: { bytes: number; createdAt: Date } | null
  facts: ReachFacts
}

const inScope = (scope: Scope) => sql<boolean>`${sql.ref('edition_id')} in (select edition_id from edition_organisers where municipality_id = ${scope.municipalityId})`

/** The person's invitation with everything sent and answered, or null when they have none yet. */
export async function findPersonInvitation(db: Db, secrets: Pick<Config, 'hashKey' | 'encryptionKey' | 'baseUrl'>, scope: Scope, editionId: string, inviteeId: string): Promise<PersonInvitation | null> {
  const invitation = await db.selectFrom('invitations').selectAll().where('edition_id', '=', editionId).where('invitee_id', '=', inviteeId).where(inScope(scope)).executeTakeFirst()
  if (!invitation) return null
  const [messages, reply, recording] = await Promise.all([
    db
      .selectFrom('invitee_messages as m')
      .leftJoin('mail_messages as mm', 'mm.id', 'm.mail_id')
      .select(['m.kind', 'm.channel', 'm.created_at', sql<string>`coalesce(${sql.ref('mm.status')}, ${sql.ref('m.status')})`.as('status'), sql<Date | null>`coalesce(${sql.ref('mm.sent_at')}, ${sql.ref('m.sent_at')})`.as('sent_at')])
      .where('m.edition_id', '=', editionId)
      .where('m.invitee_id', '=', inviteeId)
      .orderBy('m.created_at')
      .orderBy('m.id')
      .execute(),
    db
      .selectFrom('replies as r')
      .leftJoin('users as u', 'u.id', 'r.recorded_by')
      .selectAll('r')
      .select('u.name as recorded_by_name')
      .where('r.edition_id', '=', editionId)
      .where('r.invitee_id', '=', inviteeId)
      .executeTakeFirst(),
    db.selectFrom('reply_recordings').select(['bytes', 'created_at']).where('edition_id', '=', editionId).where('invitee_id', '=', inviteeId).executeTakeFirst(),
  ])
  const stands = reply ? await standNames(db, editionId, reply.interests_json) : []
  const email = messages.filter((m) => m.channel === 'email')
  const sms = messages.filter((m) => m.channel === 'sms')
  return {
    code: invitationKeys(secrets, invitation).code,
    createdAt: invitation.created_at,
    letterPrintedAt: invitation.letter_printed_at,
    letterReturnedAt: invitation.letter_returned_at,
    messages: messages.map((m) => ({ kind: m.kind, channel: m.channel, status: m.status, createdAt: m.created_at, sentAt: m.sent_at })),
    answer: reply
      ? {
          attending: reply.attending,
          place: reply.place,
          waitingSince: reply.waitlisted_at,
          adults: Number(reply.adults),
          children: Number(reply.children),
          needs: reply.needs_json,
          phoneticName: reply.phonetic_name,
          consents: { photo: reply.has_photo_consent, groupPhoto: reply.has_group_photo_consent, publication: reply.has_publication_consent, childrenPhoto: reply.has_children_photo_consent },
          interests: stands,
          contributionKinds: reply.contribution_kinds_json,
          contributionText: reply.contribution_text,
          channel: reply.channel,
          recordedBy: reply.recorded_by_name,
          language: reply.language,
          repliedAt: reply.replied_at,
          updatedAt: reply.updated_at,
        }
      : null,
    recording: recording ? { bytes: Number(recording.bytes), createdAt: recording.created_at } : null,
    facts: {
      emailDelivered: email.some((m) => m.status !== 'failed'),
      emailFailed: email.some((m) => m.status === 'failed'),
      smsSent: sms.some((m) => m.status === 'sent'),
      smsFailed: sms.some((m) => m.status === 'failed'),
      letterPrinted: invitation.letter_printed_at !== null,
      letterReturned: invitation.letter_returned_at !== null,
      replied: reply !== undefined,
    },
  }
}

/** The partner names of the chosen stands of this edition, in alphabetical order. */
async function standNames(db: Db, editionId: string, interests: unknown): Promise<string[]> {
  const ids = Array.isArray(interests) ? interests.filter((v): v is string => typeof v === 'string') : []
  if (ids.length === 0) return []
  const rows = await db.selectFrom('edition_stands as s').innerJoin('partners as p', 'p.id', 's.partner_id').select('p.name').where('s.edition_id', '=', editionId).where('s.id', 'in', ids).orderBy('p.name').execute()
  return rows.map((r) => r.name)
}
