// What a message to an invitee says, loaded once per request: the edition (with its municipality's
// name and phone number and the programme's length) and each person with their invitation and
// current answer.
import { prepared } from '../../platform/db/prepared.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { InviteeLanguage } from '../../platform/i18n/languages.ts'
import type { Attending, Needs, Place } from '../reply.ts'

export interface RecipientsTables {
  invitees: { id: string; edition_id: string; first_name: string; email: string | null; phone: string | null; language: string | null; excluded_reason: string | null; selection: 'selected' | 'not_selected' | null }
  invitations: { id: string; invitee_id: string; edition_id: string; token_sealed: string; code_sealed: string }
  replies: { invitee_id: string; edition_id: string; attending: Attending; place: Place | null; adults: number; children: number; needs_json: Needs }
  editions: {
    id: string
    municipality_id: string
    name: string
    starts_at: Date
    venue_name: string | null
    venue_address: string | null
    venue_room: string | null
    reply_by: string | null
    guests_per_invitee: number
    languages_json: InviteeLanguage[]
    status: string
    purged_at: Date | null
  }
  municipalities: { id: string; name: string; contact_phone: string | null }
  programme_items: { edition_id: string; duration_minutes: number }
}

type Db = Executor<RecipientsTables>

const CHUNK = 500

/** The edition as a message speaks of it. */
export interface MessageEdition {
  id: string
  municipalityId: string
  name: string
  startsAt: Date
  place: string | null
  replyBy: string | null
  guestsPerInvitee: number
  languages: InviteeLanguage[]
  status: string
  purgedAt: Date | null
  municipalityName: string
  municipalityPhone: string | null
  programmeMinutes: number[]
}

// Read for every message queued, a confirmation after each saved answer too: compiled once (prepared.ts).
const editionRow = prepared((db, editionId: string) =>
  (db as Db)
    .selectFrom('editions as e')
    .innerJoin('municipalities as m', 'm.id', 'e.municipality_id')
    .select(['e.id', 'e.municipality_id', 'e.name', 'e.starts_at', 'e.venue_name', 'e.venue_address', 'e.venue_room', 'e.reply_by', 'e.guests_per_invitee', 'e.languages_json', 'e.status', 'e.purged_at', 'm.name as municipality_name', 'm.contact_phone'])
    .where('e.id', '=', editionId),
)
const programmeMinutes = prepared((db, editionId: string) => (db as Db).selectFrom('programme_items').select('duration_minutes').where('edition_id', '=', editionId))

export async function messageEdition(db: Db, editionId: string): Promise<MessageEdition | null> {
  const row = (await editionRow(db, editionId)).rows[0]
  if (!row) return null
  const programme = (await programmeMinutes(db, editionId)).rows
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    name: row.name,
    startsAt: row.starts_at,
    place: [row.venue_name, row.venue_room, row.venue_address].filter((part): part is string => !!part).join(', ') || null,
    replyBy: row.reply_by,
    guestsPerInvitee: row.guests_per_invitee,
    languages: row.languages_json,
    status: row.status,
    purgedAt: row.purged_at,
    municipalityName: row.municipality_name,
    municipalityPhone: row.contact_phone,
    programmeMinutes: programme.map((p) => p.duration_minutes),
  }
}

export interface MessageRecipient {
  id: string
  firstName: string
  email: string | null
  phone: string | null
  language: string | null
  excludedReason: string | null
  selection: 'selected' | 'not_selected' | null
  invitation: { id: string; token_sealed: string; code_sealed: string } | null
  reply: { attending: Attending; place: Place | null; adults: number; children: number; needs: Needs } | null
}

/** The people of the edition among `inviteeIds`, with their invitation and answer. */
export async function messageRecipients(db: Db, editionId: string, inviteeIds: string[]): Promise<MessageRecipient[]> {
  const out: MessageRecipient[] = []
  for (let i = 0; i < inviteeIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('invitees as p')
      .leftJoin('invitations as inv', 'inv.invitee_id', 'p.id')
      .leftJoin('replies as r', 'r.invitee_id', 'p.id')
      .select(['p.id', 'p.first_name', 'p.email', 'p.phone', 'p.language', 'p.excluded_reason', 'p.selection'])
      .select(['inv.id as invitation_id', 'inv.token_sealed', 'inv.code_sealed'])
      .select(['r.attending', 'r.place', 'r.adults', 'r.children', 'r.needs_json'])
      .where('p.edition_id', '=', editionId)
      .where('p.id', 'in', inviteeIds.slice(i, i + CHUNK))
      .execute()
    for (const r of rows) {
      out.push({
        id: r.id,
        firstName: r.first_name,
        email: r.email,
        phone: r.phone,
        language: r.language,
        excludedReason: r.excluded_reason,
        selection: r.selection,
        invitation: r.invitation_id && r.token_sealed && r.code_sealed ? { id: r.invitation_id, token_sealed: r.token_sealed, code_sealed: r.code_sealed } : null,
        reply: r.attending ? { attending: r.attending, place: r.place ?? null, adults: r.adults ?? 0, children: r.children ?? 0, needs: r.needs_json! } : null,
      })
    }
  }
  return out
}
