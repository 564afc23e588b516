// The tables the overview and the person's invitation read, typed for this folder only: each
// feature types its own view of the schema.
import type { Executor } from '../../platform/db/transaction.ts'
import type { Attending, Place, ReplyChannel } from '../reply.ts'

export interface OverviewTables {
  edition_organisers: { edition_id: string; municipality_id: string }
  invitees: { id: string; edition_id: string; first_name: string; last_name: string; language: string | null; household_id: string | null; excluded_reason: string | null; selection: string | null }
  invitations: {
    id: string
    municipality_id: string
    edition_id: string
    invitee_id: string
    token_sealed: string
    code_sealed: string
    letter_printed_at: Date | null
    letter_returned_at: Date | null
    created_at: Date
  }
  invitee_messages: {
    id: string
    edition_id: string
    invitee_id: string
    kind: string
    channel: string
    mail_id: string | null
    status: string
    created_at: Date
    sent_at: Date | null
  }
  mail_messages: { id: string; status: string; sent_at: Date | null }
  replies: {
    invitee_id: string
    edition_id: string
    attending: Attending
    place: Place | null
    waitlisted_at: Date | null
    adults: number
    children: number
    needs_json: unknown
    phonetic_name: string | null
    has_photo_consent: boolean
    has_group_photo_consent: boolean
    has_publication_consent: boolean
    has_children_photo_consent: boolean
    interests_json: unknown
    contribution_kinds_json: unknown
    contribution_text: string | null
    channel: ReplyChannel
    recorded_by: string | null
    language: string | null
    replied_at: Date
    updated_at: Date
  }
  reply_recordings: { invitee_id: string; edition_id: string; bytes: number; created_at: Date }
  edition_stands: { id: string; edition_id: string; partner_id: string }
  partners: { id: string; name: string }
  users: { id: string; name: string }
}

export type Db = Executor<OverviewTables>
