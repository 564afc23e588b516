// The editor's forms, parsed at the edge: the proposed practice text and entry (editable before
// accepting, with the same rules as the contribution forms), the photo's alt text and credit, and
// the reason for a rejection.
import { FormParser, type Parsed } from '../../platform/http/forms.ts'
import { entryFormValues, parseEntryText, parsePracticeText, practiceFormValues, type Vocabulary } from '../practice-form.ts'
import { LIMITS, type SubmissionKind, type SubmissionPayload } from '../submissions.ts'
import type { Acceptance } from './editorial-decisions.ts'

export const REASON_MAX = 1000

export function parsePhoto(form: FormParser): { alt: string; credit: string | null } {
  const alt = form.required('alt', 'editorial.form.altRequired', { max: LIMITS.alt })
  const credit = form.optional('credit', { max: LIMITS.name })
  return { alt, credit }
}

export function parseRejection(body: unknown): Parsed<{ reason: string }> {
  const form = new FormParser(body)
  const reason = form.required('reason', 'editorial.reject.reasonRequired', { max: REASON_MAX })
  return form.result({ reason })
}

/** The editor's accept form, for the kind of submission under review. */
export function parseAcceptance(kind: SubmissionKind, body: unknown, vocabulary: Vocabulary): Parsed<Acceptance> {
  const form = new FormParser(body)
  let acceptance: Acceptance
  switch (kind) {
    case 'new_practice':
      acceptance = { kind, practice: parsePracticeText(form, vocabulary), entry: parseEntryText(form, { blurbRequired: false }) }
      break
    case 'text_change':
      acceptance = { kind, practice: parsePracticeText(form, vocabulary) }
      break
    case 'photo':
      acceptance = { kind, ...parsePhoto(form) }
      break
    case 'join':
    case 'entry_update':
      // A municipality that joins says what it does; an update may leave the line out.
      acceptance = { kind, entry: parseEntryText(form, { blurbRequired: kind === 'join' }) }
      break
    case 'remark':
      acceptance = { kind }
      break
  }
  return form.result(acceptance)
}

/** The accept form as first shown: filled with what the submitter proposed. */
export function proposalFormValues(payload: SubmissionPayload): { values: Record<string, string>; checked: { categories: string[]; targetGroups: string[] } } {
  const none = { categories: [], targetGroups: [] }
  switch (payload.kind) {
    case 'new_practice':
      return { values: { ...practiceFormValues(payload.practice), ...entryFormValues(payload.entry) }, checked: { categories: payload.practice.categories, targetGroups: payload.practice.targetGroups } }
    case 'text_change':
      return { values: practiceFormValues(payload.practice), checked: { categories: payload.practice.categories, targetGroups: payload.practice.targetGroups } }
    case 'join':
    case 'entry_update':
      return { values: entryFormValues(payload.entry), checked: none }
    case 'photo':
      return { values: { alt: payload.alt, credit: payload.credit ?? '' }, checked: none }
    case 'remark':
      return { values: {}, checked: none }
  }
}
