// Queries of the recordings of how people say their name: one per invitee, replaced by a new one,
// deleted on request and purged with the edition (the purge deletes reply_recordings).
// Newcomers reach theirs through their invitation (the token is the key); staff through an edition
// their municipality organises, so every staff query names the edition and the scope.
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { AudioType } from './audio.ts'

export interface RecordingTables {
  reply_recordings: {
    invitee_id: string
    edition_id: string
    content_type: string
    audio: Buffer
    bytes: number
    created_at: Date
  }
  invitees: { id: string; edition_id: string; first_name: string; last_name: string; language: string | null }
  replies: { invitee_id: string; edition_id: string; phonetic_name: string | null }
  editions: { id: string; status: string; starts_at: Date; reply_by: string | null; purged_at: Date | null; languages_json: string[] }
  edition_organisers: { edition_id: string; municipality_id: string }
}

type Db = Executor<RecordingTables>

/** The editions the scope's municipality organises (the creating one and co-organisers). */
function organisedBy(db: Db, scope: Scope) {
  return db.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId)
}

export async function recordingExists(db: Db, inviteeId: string): Promise<boolean> {
  const row = await db.selectFrom('reply_recordings').select('invitee_id').where('invitee_id', '=', inviteeId).executeTakeFirst()
  return row !== undefined
}

/** Keeps the recording, replacing an earlier one; returns whether there was one. */
export async function saveRecording(db: Db, target: { inviteeId: string; editionId: string }, audio: { bytes: Buffer; contentType: AudioType }, now: Date): Promise<boolean> {
  const replaced = await deleteRecording(db, target)
  await db
    .insertInto('reply_recordings')
    .values({ invitee_id: target.inviteeId, edition_id: target.editionId, content_type: audio.contentType, audio: audio.bytes, bytes: audio.bytes.length, created_at: now })
    .execute()
  return replaced
}

/** True when there was a recording to delete. */
export async function deleteRecording(db: Db, target: { inviteeId: string; editionId: string }): Promise<boolean> {
  const result = await db.deleteFrom('reply_recordings').where('invitee_id', '=', target.inviteeId).where('edition_id', '=', target.editionId).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export interface StoredRecording {
  contentType: string
  audio: Buffer
}

/** The sound of one person's recording within an edition; for staff, only of an edition their municipality organises. */
export async function findRecordingAudio(db: Db, scope: Scope | null, editionId: string, inviteeId: string): Promise<StoredRecording | null> {
  let query = db.selectFrom('reply_recordings').select(['content_type', 'audio']).where('edition_id', '=', editionId).where('invitee_id', '=', inviteeId)
  if (scope) query = query.where('edition_id', 'in', organisedBy(db, scope))
  const row = await query.executeTakeFirst()
  return row ? { contentType: row.content_type, audio: Buffer.from(row.audio) } : null
}

/** What the staff page shows: the person, how they spell their name, and whether a recording exists. */
export interface NameSound {
  inviteeId: string
  firstName: string
  lastName: string
  phoneticName: string | null
  recording: { bytes: number; createdAt: Date } | null
}

export async function findNameSound(db: Db, scope: Scope, editionId: string, inviteeId: string): Promise<NameSound | null> {
  const row = await db
    .selectFrom('invitees as i')
    .leftJoin('replies as r', 'r.invitee_id', 'i.id')
    .leftJoin('reply_recordings as rec', 'rec.invitee_id', 'i.id')
    .select(['i.id', 'i.first_name', 'i.last_name', 'r.phonetic_name', 'rec.bytes', 'rec.created_at'])
    .where('i.edition_id', '=', editionId)
    .where('i.edition_id', 'in', organisedBy(db, scope))
    .where('i.id', '=', inviteeId)
    .executeTakeFirst()
  if (!row) return null
  return {
    inviteeId: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    phoneticName: row.phonetic_name,
    recording: row.bytes !== null && row.created_at !== null ? { bytes: row.bytes, createdAt: row.created_at } : null,
  }
}

/** What the newcomer's recording route needs from the edition behind an invitation. */
export interface ReplyEdition {
  status: string
  startsAt: Date
  replyBy: string | null
  purgedAt: Date | null
  languages: string[]
  inviteeLanguage: string | null
}

export async function findReplyEdition(db: Db, invitation: { edition_id: string; invitee_id: string }): Promise<ReplyEdition | null> {
  const row = await db
    .selectFrom('editions as e')
    .innerJoin('invitees as i', 'i.edition_id', 'e.id')
    .select(['e.status', 'e.starts_at', 'e.reply_by', 'e.purged_at', 'e.languages_json', 'i.language'])
    .where('e.id', '=', invitation.edition_id)
    .where('i.id', '=', invitation.invitee_id)
    .executeTakeFirst()
  if (!row) return null
  return { status: row.status, startsAt: row.starts_at, replyBy: row.reply_by, purgedAt: row.purged_at, languages: row.languages_json, inviteeLanguage: row.language }
}
