// Rows for the overview's tests: people with invitations, messages (an e-mail with its outbox
// row), printed and returned letters, answers and recordings, written straight into the tables
// the way the messages, letters and reply parts write them.
import { randomUUID } from 'node:crypto'
import type { Config } from '../../config.ts'
import { insertPeople, type PersonOverrides } from '../../invitees/households/people-test-support.ts'
import type { AnyDb } from '../../platform/db/transaction.ts'
import { ensureInvitations } from '../invitations-queries.ts'
import { NO_NEEDS, type Needs } from '../reply.ts'

/** Puts the people on the edition's list and gives every invitable one an invitation. */
export async function invitePeople(db: AnyDb, config: Config, editionId: string, people: PersonOverrides[]): Promise<string[]> {
  const ids = await insertPeople(db, editionId, people)
  await ensureInvitations(db, config, editionId, new Date())
  return ids
}

export async function markLetters(db: AnyDb, inviteeIds: string[], state: { printed?: Date; returned?: Date }): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ letter_printed_at: state.printed ?? new Date(), letter_returned_at: state.returned ?? null })
    .where('invitee_id', 'in', inviteeIds)
    .execute()
}

/** A message to a person; an e-mail gets an outbox row whose status is the one that counts. */
export async function insertMessage(
  db: AnyDb,
  where: { municipalityId: string; editionId: string; inviteeId: string },
  message: { kind?: string; channel: 'email' | 'sms'; status: 'queued' | 'sent' | 'failed'; at?: Date },
): Promise<void> {
  const at = message.at ?? new Date()
  let mailId: string | null = null
  if (message.channel === 'email') {
    mailId = randomUUID()
    await db
      .insertInto('mail_messages')
      .values({
        id: mailId,
        municipality_id: where.municipalityId,
        to_address: 'someone@example.org',
        subject: 'Uitnodiging',
        text_body: 'Tekst',
        html_body: null,
        attachments_json: null,
        message_id: `<${mailId}@example.org>`,
        status: message.status,
        error: message.status === 'failed' ? '550 mailbox unavailable' : null,
        created_at: at,
        sent_at: message.status === 'sent' ? at : null,
      })
      .execute()
  }
  await db
    .insertInto('invitee_messages')
    .values({
      id: randomUUID(),
      municipality_id: where.municipalityId,
      edition_id: where.editionId,
      invitee_id: where.inviteeId,
      kind: message.kind ?? 'invitation',
      channel: message.channel,
      unique_key: randomUUID(),
      mail_id: mailId,
      body: message.channel === 'sms' ? 'Sms-tekst' : null,
      // The outbox keeps an e-mail's status; the message row keeps its own for a text message.
      status: message.channel === 'email' ? 'queued' : message.status,
      error: null,
      created_at: at,
      sent_at: message.channel === 'sms' && message.status === 'sent' ? at : null,
    })
    .execute()
}

export interface ReplyOverrides {
  attending?: 'yes' | 'no' | 'maybe'
  place?: 'confirmed' | 'waiting' | null
  waitlisted_at?: Date | null
  adults?: number
  children?: number
  needs?: Partial<Needs>
  phonetic_name?: string | null
  consents?: { photo?: boolean; groupPhoto?: boolean; publication?: boolean; childrenPhoto?: boolean }
  interests?: string[]
  contribution_kinds?: string[]
  contribution_text?: string | null
  channel?: 'web' | 'phone' | 'letter' | 'desk'
  recorded_by?: string | null
  language?: string | null
  replied_at?: Date
}

export async function insertReply(db: AnyDb, where: { municipalityId: string; editionId: string; inviteeId: string }, r: ReplyOverrides = {}): Promise<void> {
  const at = r.replied_at ?? new Date()
  const attending = r.attending ?? 'yes'
  const place = r.place === undefined ? (attending === 'yes' ? 'confirmed' : null) : r.place
  await db
    .insertInto('replies')
    .values({
      invitee_id: where.inviteeId,
      municipality_id: where.municipalityId,
      edition_id: where.editionId,
      attending,
      place,
      waitlisted_at: r.waitlisted_at ?? (place === 'waiting' ? at : null),
      adults: r.adults ?? 0,
      children: r.children ?? 0,
      needs_json: { ...NO_NEEDS, ...r.needs },
      phonetic_name: r.phonetic_name ?? null,
      has_photo_consent: r.consents?.photo ?? false,
      has_group_photo_consent: r.consents?.groupPhoto ?? false,
      has_publication_consent: r.consents?.publication ?? false,
      has_children_photo_consent: r.consents?.childrenPhoto ?? false,
      interests_json: r.interests ?? [],
      contribution_kinds_json: r.contribution_kinds ?? [],
      contribution_text: r.contribution_text ?? null,
      channel: r.channel ?? 'web',
      recorded_by: r.recorded_by ?? null,
      language: r.language ?? null,
      replied_at: at,
      updated_at: at,
    })
    .execute()
}

export async function insertRecording(db: AnyDb, editionId: string, inviteeId: string): Promise<void> {
  await db.insertInto('reply_recordings').values({ invitee_id: inviteeId, edition_id: editionId, content_type: 'audio/webm', audio: Buffer.from('not really audio'), bytes: 16, created_at: new Date() }).execute()
}

/** A partner and its stand at the edition's info market; returns the stand's id. */
export async function insertStand(db: AnyDb, municipalityId: string, editionId: string, partnerName: string): Promise<string> {
  const now = new Date()
  const partnerId = randomUUID()
  const standId = randomUUID()
  await db.insertInto('partners').values({ id: partnerId, municipality_id: municipalityId, name: partnerName, offer: null, contact_name: null, contact_email: null, contact_phone: null, created_at: now, updated_at: now }).execute()
  await db
    .insertInto('edition_stands')
    .values({ id: standId, edition_id: editionId, partner_id: partnerId, offer: null, tables: 1, needs_power: false, place: null, notes: null, link_token_hash: null, link_expires_at: null, filled_in_at: null, created_at: now, updated_at: now })
    .execute()
  return standId
}
