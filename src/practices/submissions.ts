// Submissions to the practice database: a new practice (the "fiche") and change requests on an
// existing one. They wait for an editor; nothing a submitter sends is published unreviewed.
//
//   unconfirmed ──(submitter clicks the e-mailed link)──▶ pending ──▶ accepted | rejected
//   (signed-in municipality staff skip "unconfirmed": their address is known)

import type { Practice } from './practices.ts'

export const SUBMISSION_KINDS = ['new_practice', 'text_change', 'photo', 'remark', 'join', 'entry_update'] as const
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number]

/** Days the e-mailed confirmation link stays valid; unconfirmed submissions are deleted after. */
export const CONFIRM_DAYS = 7

export const SUBMISSION_STATUSES = ['unconfirmed', 'pending', 'accepted', 'rejected'] as const
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number]

/** The text fields of a practice that a submission may set or change. */
export interface PracticeText {
  title: string
  summary: string
  categories: string[]
  targetGroups: string[]
  goals: string[]
  targetGroup: string
  description: string
  partners: string | null
  resources: { label: string; url: string | null }[]
  successFactors: string | null
  challenges: string | null
}

/** A municipality's own entry under "Deze praktijk in". */
export interface EntryText {
  blurb: string | null
  since: string | null
  contactName: string | null
  contactEmail: string | null
  contactPhone: string | null
  website: string | null
}

export type SubmissionPayload =
  /** A whole new practice, with the submitter's municipality as its first entry. */
  | { kind: 'new_practice'; practice: PracticeText; entry: EntryText }
  /** The full proposed text of an existing practice (the editor sees a side-by-side difference). */
  | { kind: 'text_change'; practice: PracticeText }
  /** A new or better photo, already resized and stripped of metadata, stored in `images`. */
  | { kind: 'photo'; imageId: string; alt: string; credit: string | null }
  /** A remark for the editors. */
  | { kind: 'remark'; text: string }
  /** "We do this too": adds the submitter's municipality with its entry. */
  | { kind: 'join'; entry: EntryText }
  /** Signed-in staff update their own municipality's entry (still reviewed). */
  | { kind: 'entry_update'; entry: EntryText }

/** A practice as the fields a submission proposes. */
export function practiceText(practice: Practice): PracticeText {
  return {
    title: practice.title,
    summary: practice.summary,
    categories: practice.categories.map((c) => c.slug),
    targetGroups: practice.targetGroups.map((g) => g.slug),
    goals: practice.goals,
    targetGroup: practice.targetGroup,
    description: practice.description,
    partners: practice.partners,
    // Rebuilt key by key: PostgreSQL's jsonb does not keep the key order, and the text comparison
    // that spots an unchanged proposal depends on it.
    resources: practice.resources.map((r) => ({ label: r.label, url: r.url })),
    successFactors: practice.successFactors,
    challenges: practice.challenges,
  }
}

export interface Submission {
  id: string
  kind: SubmissionKind
  practiceId: string | null
  status: SubmissionStatus
  payload: SubmissionPayload
  /** The practice version the change was written against, to warn about later edits. */
  baseVersion: number | null
  submitterName: string
  submitterEmail: string
  submitterMunicipalityId: string | null
  submitterUserId: string | null
  confirmedAt: Date | null
  decidedBy: string | null
  decidedAt: Date | null
  decisionReason: string | null
  createdAt: Date
}

/** Row shape shared by the contribution and editorial query files. */
export interface SubmissionsTables {
  practice_submissions: {
    id: string
    kind: SubmissionKind
    practice_id: string | null
    status: SubmissionStatus
    payload_json: SubmissionPayload
    base_version: number | null
    submitter_name: string
    submitter_email: string
    submitter_municipality_id: string | null
    submitter_user_id: string | null
    confirm_token_hash: string | null
    confirmed_at: Date | null
    decided_by: string | null
    decided_at: Date | null
    decision_reason: string | null
    created_at: Date
  }
}

export function toSubmission(row: SubmissionsTables['practice_submissions']): Submission {
  return {
    id: row.id,
    kind: row.kind,
    practiceId: row.practice_id,
    status: row.status,
    payload: row.payload_json,
    baseVersion: row.base_version,
    submitterName: row.submitter_name,
    submitterEmail: row.submitter_email,
    submitterMunicipalityId: row.submitter_municipality_id,
    submitterUserId: row.submitter_user_id,
    confirmedAt: row.confirmed_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
    createdAt: row.created_at,
  }
}

/** Field limits shared by the forms and the editor (over-long input gets a field error). */
export const LIMITS = {
  title: 120,
  summary: 300,
  shortText: 500,
  longText: 5000,
  goal: 200,
  goals: 10,
  resources: 10,
  name: 120,
  url: 500,
  remark: 2000,
  alt: 250,
} as const
