// For the tests of messages, sending and reminders: an edition open for invitations with people on
// its list, and readers for the text messages the file transport wrote.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AnyDb } from '../../platform/db/transaction.ts'
import { NO_NEEDS, type Needs } from '../reply.ts'

/** Puts the edition in the state where invitations go out, with the municipality's phone number. */
export async function openInvitations(db: AnyDb, edition: { id: string; municipalityId: string }, phone = '014 33 08 00'): Promise<void> {
  await db.updateTable('editions').set({ status: 'invitations_open' }).where('id', '=', edition.id).execute()
  await db.updateTable('municipalities').set({ contact_phone: phone }).where('id', '=', edition.municipalityId).execute()
}

export interface WrittenSms {
  to: string
  reference: string
  text: string
}

/** The text messages the file transport wrote, oldest first. */
export function writtenSms(dataDir: string): WrittenSms[] {
  const dir = join(dataDir, 'sms')
  let files: string[]
  try {
    files = readdirSync(dir).sort()
  } catch {
    return []
  }
  return files.map((file) => {
    const [head = '', ...body] = readFileSync(join(dir, file), 'utf8').split('\n\n')
    const header = Object.fromEntries(head.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]))
    return { to: header.To ?? '', reference: header.Reference ?? '', text: body.join('\n\n').replace(/\n$/, '') }
  })
}

/** An answer as the reply page stores it, with overrides. */
export async function insertReply(
  db: AnyDb,
  edition: { id: string; municipalityId: string },
  inviteeId: string,
  overrides: { attending: 'yes' | 'no' | 'maybe'; place?: 'confirmed' | 'waiting' | null; adults?: number; children?: number; needs?: Partial<Needs> },
): Promise<void> {
  const now = new Date()
  await db
    .insertInto('replies')
    .values({
      invitee_id: inviteeId,
      municipality_id: edition.municipalityId,
      edition_id: edition.id,
      attending: overrides.attending,
      place: overrides.place ?? (overrides.attending === 'yes' ? 'confirmed' : null),
      waitlisted_at: overrides.place === 'waiting' ? now : null,
      adults: overrides.adults ?? 0,
      children: overrides.children ?? 0,
      needs_json: { ...NO_NEEDS, ...overrides.needs },
      phonetic_name: null,
      has_photo_consent: false,
      has_group_photo_consent: false,
      has_publication_consent: false,
      has_children_photo_consent: false,
      interests_json: [],
      contribution_kinds_json: [],
      contribution_text: null,
      channel: 'web',
      recorded_by: null,
      language: null,
      replied_at: now,
      updated_at: now,
    })
    .execute()
}
