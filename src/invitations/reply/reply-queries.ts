// Queries of the reply page: what one invitation opens (the person, the edition, the current
// answer), the seats taken and the waiting list of an edition, and writing an answer. A token is
// looked up by its hash and only while the edition has not been purged.
import { prepared } from '../../platform/db/prepared.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { InviteeLanguage } from '../../platform/i18n/languages.ts'
import { isInvitable } from '../../invitees/invitee-status.ts'
import type { ExclusionReason } from '../../invitees/invitees-queries.ts'
import { replyTokenHash } from '../reply-codes.ts'
import type { Attending, ContributionKind, Needs, Place, ReplyChannel, ReplyInput } from '../reply.ts'

interface ReplyRow {
  invitee_id: string
  municipality_id: string
  edition_id: string
  attending: Attending
  place: Place | null
  waitlisted_at: Date | null
  adults: number
  children: number
  needs_json: Needs
  phonetic_name: string | null
  has_photo_consent: boolean
  has_group_photo_consent: boolean
  has_publication_consent: boolean
  has_children_photo_consent: boolean
  interests_json: string[]
  contribution_kinds_json: ContributionKind[]
  contribution_text: string | null
  channel: ReplyChannel
  recorded_by: string | null
  language: string | null
  replied_at: Date
  updated_at: Date
}

export interface ReplyTables {
  replies: ReplyRow
  invitations: { id: string; edition_id: string; invitee_id: string; token_hash: string }
  invitees: { id: string; edition_id: string; first_name: string; last_name: string; language: string | null; has_asked_next_time: boolean; excluded_reason: ExclusionReason | null; selection: 'selected' | 'not_selected' | null }
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
    reply_by: string | null
    guests_per_invitee: number
    languages_json: InviteeLanguage[]
    status: string
    purged_at: Date | null
    help_token_hash: string | null
  }
  municipalities: { id: string; name: string; contact_phone: string | null; contact_email: string | null }
  reply_recordings: { invitee_id: string }
  edition_contributions: { id: string; edition_id: string; invitee_id: string | null; kind: ContributionKind; name: string; contact: string | null; description: string | null; status: string; created_at: Date; updated_at: Date }
}

export type Db = Executor<ReplyTables>

/** An answer as stored: what the person said, and where it stands. */
export interface StoredReply extends ReplyInput {
  place: Place | null
  waitingSince: Date | null
  channel: ReplyChannel
  language: string | null
  repliedAt: Date
  updatedAt: Date
}

export interface ReplyEdition {
  id: string
  municipalityId: string
  name: string
  startsAt: Date
  venueName: string | null
  venueAddress: string | null
  venueRoom: string | null
  capacity: number
  accessibility: string | null
  replyBy: string | null
  guestsPerInvitee: number
  languages: InviteeLanguage[]
  status: string
  purgedAt: Date | null
}

/** Everything a reply page shows, for one person. */
export interface ReplySubject {
  invitee: { id: string; firstName: string; lastName: string; language: string | null }
  edition: ReplyEdition
  municipality: { name: string; contactPhone: string | null; contactEmail: string | null }
  reply: StoredReply | null
  /** Whether the person recorded how to say their name. */
  hasRecording: boolean
}

const subjectByTokenHash = prepared((db, tokenHash: string) => subjectQuery(db as Db).innerJoin('invitations', 'invitations.invitee_id', 'invitees.id').where('invitations.token_hash', '=', tokenHash))

/**
 * What a reply token opens, in one query (the person, the edition, the municipality, the answer and
 * whether a recording exists); null for an unknown token, a purged edition, or a person staff
 * excluded or did not select (invitee-status.ts): their link opens nothing until they are
 * included again. The reply page is the most visited page, so its query is compiled once.
 */
export async function findReplySubjectByToken(db: Db, token: string): Promise<ReplySubject | null> {
  const row = (await subjectByTokenHash(db, replyTokenHash(token))).rows[0]
  return row && isInvitable({ excludedReason: row.excluded_reason, selection: row.selection }) ? toSubject(row) : null
}

/** The same for staff: a person of an edition already found within the staff member's scope. */
export async function findReplySubject(db: Db, editionId: string, inviteeId: string): Promise<ReplySubject | null> {
  const row = await subjectQuery(db).where('invitees.edition_id', '=', editionId).where('invitees.id', '=', inviteeId).executeTakeFirst()
  return row ? toSubject(row) : null
}

function subjectQuery(db: Db) {
  return db
    .selectFrom('invitees')
    .innerJoin('editions', 'editions.id', 'invitees.edition_id')
    .innerJoin('municipalities', 'municipalities.id', 'editions.municipality_id')
    .leftJoin('replies', 'replies.invitee_id', 'invitees.id')
    .where('editions.purged_at', 'is', null)
    .select([
      'invitees.id as invitee_id_',
      'invitees.first_name',
      'invitees.last_name',
      'invitees.language as invitee_language',
      'invitees.has_asked_next_time',
      'invitees.excluded_reason',
      'invitees.selection',
      'editions.id as e_id',
      'editions.municipality_id as e_municipality_id',
      'editions.name as e_name',
      'editions.starts_at',
      'editions.venue_name',
      'editions.venue_address',
      'editions.venue_room',
      'editions.capacity',
      'editions.accessibility',
      'editions.reply_by',
      'editions.guests_per_invitee',
      'editions.languages_json',
      'editions.status as e_status',
      'editions.purged_at',
      'municipalities.name as m_name',
      'municipalities.contact_phone',
      'municipalities.contact_email',
      'replies.attending',
      'replies.place',
      'replies.waitlisted_at',
      'replies.adults',
      'replies.children',
      'replies.needs_json',
      'replies.phonetic_name',
      'replies.has_photo_consent',
      'replies.has_group_photo_consent',
      'replies.has_publication_consent',
      'replies.has_children_photo_consent',
      'replies.interests_json',
      'replies.contribution_kinds_json',
      'replies.contribution_text',
      'replies.channel',
      'replies.language',
      'replies.replied_at',
      'replies.updated_at as reply_updated_at',
    ])
    .select((eb) => eb.exists(eb.selectFrom('reply_recordings').select('reply_recordings.invitee_id').whereRef('reply_recordings.invitee_id', '=', 'invitees.id')).as('has_recording'))
}

type SubjectRow = Awaited<ReturnType<ReturnType<typeof subjectQuery>['executeTakeFirstOrThrow']>>

function toSubject(r: SubjectRow): ReplySubject {
  const reply: StoredReply | null =
    r.attending === null
      ? null
      : {
          attending: r.attending,
          nextTime: r.has_asked_next_time,
          adults: Number(r.adults),
          children: Number(r.children),
          needs: r.needs_json!,
          phoneticName: r.phonetic_name,
          consents: { photo: !!r.has_photo_consent, groupPhoto: !!r.has_group_photo_consent, publication: !!r.has_publication_consent, childrenPhoto: !!r.has_children_photo_consent },
          interests: r.interests_json ?? [],
          contributionKinds: r.contribution_kinds_json ?? [],
          contributionText: r.contribution_text,
          place: r.place,
          waitingSince: r.waitlisted_at,
          channel: r.channel!,
          language: r.language,
          repliedAt: r.replied_at!,
          updatedAt: r.reply_updated_at!,
        }
  return {
    invitee: { id: r.invitee_id_, firstName: r.first_name, lastName: r.last_name, language: r.invitee_language },
    edition: {
      id: r.e_id,
      municipalityId: r.e_municipality_id,
      name: r.e_name,
      startsAt: r.starts_at,
      venueName: r.venue_name,
      venueAddress: r.venue_address,
      venueRoom: r.venue_room,
      capacity: Number(r.capacity),
      accessibility: r.accessibility,
      replyBy: r.reply_by,
      guestsPerInvitee: Number(r.guests_per_invitee),
      languages: r.languages_json,
      status: r.e_status,
      purgedAt: r.purged_at,
    },
    municipality: { name: r.m_name, contactPhone: r.contact_phone, contactEmail: r.contact_email },
    reply,
    hasRecording: Boolean(r.has_recording),
  }
}

/** The edition whose partner help page carries this token (for the per-edition rate limit). */
export async function findEditionIdByHelpToken(db: Db, helpTokenHash: string): Promise<string | null> {
  const row = await db.selectFrom('editions').select('id').where('help_token_hash', '=', helpTokenHash).where('purged_at', 'is', null).executeTakeFirst()
  return row?.id ?? null
}

/** The answer as it is now, read inside the saving transaction. */
const replyOf = prepared((db, inviteeId: string) => (db as Db).selectFrom('replies').innerJoin('invitees', 'invitees.id', 'replies.invitee_id').selectAll('replies').select('invitees.has_asked_next_time').where('replies.invitee_id', '=', inviteeId))

export async function currentReply(db: Db, inviteeId: string): Promise<(StoredReply & { recordedBy: string | null }) | null> {
  const r = (await replyOf(db, inviteeId)).rows[0]
  if (!r) return null
  return {
    attending: r.attending,
    nextTime: r.has_asked_next_time,
    adults: Number(r.adults),
    children: Number(r.children),
    needs: r.needs_json,
    phoneticName: r.phonetic_name,
    consents: { photo: r.has_photo_consent, groupPhoto: r.has_group_photo_consent, publication: r.has_publication_consent, childrenPhoto: r.has_children_photo_consent },
    interests: r.interests_json,
    contributionKinds: r.contribution_kinds_json,
    contributionText: r.contribution_text,
    place: r.place,
    waitingSince: r.waitlisted_at,
    channel: r.channel,
    language: r.language,
    recordedBy: r.recorded_by,
    repliedAt: r.replied_at,
    updatedAt: r.updated_at,
  }
}

export interface ReplyWrite {
  municipalityId: string
  editionId: string
  inviteeId: string
  input: ReplyInput
  place: Place | null
  waitingSince: Date | null
  channel: ReplyChannel
  recordedBy: string | null
  language: string | null
  now: Date
}

export async function writeReply(db: Db, w: ReplyWrite, existing: boolean): Promise<void> {
  const i = w.input
  const c = i.consents
  const values = [i.attending, w.place, w.waitingSince, i.adults, i.children, i.needs, i.phoneticName, c.photo, c.groupPhoto, c.publication, c.childrenPhoto, i.interests, i.contributionKinds, i.contributionText, w.channel, w.recordedBy, w.language, w.now] as const
  if (existing) await updateReply(db, ...values, w.inviteeId, w.editionId)
  else await insertReply(db, ...values, w.inviteeId, w.municipalityId, w.editionId)
  await setAskedNextTime(db, i.nextTime, w.inviteeId, w.editionId)
}

// Saving an answer is the busiest write: its statements are compiled once (prepared.ts).
type ReplyValues = [Attending, Place | null, Date | null, number, number, Needs, string | null, boolean, boolean, boolean, boolean, string[], ContributionKind[], string | null, ReplyChannel, string | null, string | null, Date]

const replyColumns = (v: ReplyValues) => ({
  attending: v[0],
  place: v[1],
  waitlisted_at: v[2],
  adults: v[3],
  children: v[4],
  needs_json: v[5],
  phonetic_name: v[6],
  has_photo_consent: v[7],
  has_group_photo_consent: v[8],
  has_publication_consent: v[9],
  has_children_photo_consent: v[10],
  interests_json: v[11],
  contribution_kinds_json: v[12],
  contribution_text: v[13],
  channel: v[14],
  recorded_by: v[15],
  language: v[16],
  updated_at: v[17],
})

const updateReply = prepared((db, ...v: [...ReplyValues, string, string]) =>
  (db as Db)
    .updateTable('replies')
    .set(replyColumns(v.slice(0, 18) as ReplyValues))
    .where('invitee_id', '=', v[18])
    .where('edition_id', '=', v[19]),
)

const insertReply = prepared((db, ...v: [...ReplyValues, string, string, string]) =>
  (db as Db).insertInto('replies').values({ ...replyColumns(v.slice(0, 18) as ReplyValues), invitee_id: v[18], municipality_id: v[19], edition_id: v[20], replied_at: v[17] }),
)

const setAskedNextTime = prepared((db, nextTime: boolean, inviteeId: string, editionId: string) =>
  (db as Db).updateTable('invitees').set({ has_asked_next_time: nextTime }).where('id', '=', inviteeId).where('edition_id', '=', editionId),
)
