// The contribution forms, parsed once at the edge into the shapes of ../submissions.ts. Pure: no
// database, no sharp. Markup is not stripped: text is stored as typed and escaped wherever shown.
import type { CurrentUser } from '../../accounts/accounts.ts'
import { FormParser, formValues, text, type Parsed } from '../../platform/http/forms.ts'
import type { FormState } from '../../platform/views/context.ts'
import type { Practice } from '../practices.ts'
import { LIMITS, practiceText, type EntryText, type PracticeText } from '../submissions.ts'
import { list, multiline, parseEntryText, parsePracticeText, type Vocabulary } from '../practice-form.ts'
import { PHOTO_MAX_BYTES, sniffPhotoType, type PhotoType } from './images.ts'

/** A visually hidden field that people never fill in and form-filling robots do. */
export const HONEYPOT = 'homepage'

export function isHoneypotFilled(body: unknown): boolean {
  return text(body, HONEYPOT) !== ''
}

/** The kinds of change request, with the value of `?soort=` that chooses each (Dutch, like the paths). */
export const CHANGE_KINDS = ['text_change', 'photo', 'remark', 'join'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]
export const KIND_PARAMS: Record<ChangeKind, string> = { text_change: 'tekst', photo: 'foto', remark: 'opmerking', join: 'ook-bij-ons' }

export function kindFromParam(value: string | undefined): ChangeKind | null {
  return CHANGE_KINDS.find((kind) => KIND_PARAMS[kind] === value) ?? null
}

/** A form shown again: errors, the typed text, and which checkboxes were ticked. */
export interface ContributionState extends FormState {
  checked: { categories: string[]; targetGroups: string[] }
}

export function emptyState(values: Record<string, string> = {}, checked: ContributionState['checked'] = { categories: [], targetGroups: [] }): ContributionState {
  return { errors: [], values, checked }
}

/** The typed form, without errors: shown again when it could not be stored for another reason. */
export function keptState(body: unknown): ContributionState {
  return { errors: [], values: formValues(body), checked: { categories: list(body, 'categories'), targetGroups: list(body, 'targetGroups') } }
}

/** The state to show again after `parsed` failed. */
export function failedState(parsed: Extract<Parsed<unknown>, { ok: false }>, body: unknown): ContributionState {
  return { errors: parsed.errors, values: parsed.values, checked: { categories: list(body, 'categories'), targetGroups: list(body, 'targetGroups') } }
}

export interface Submitter {
  name: string
  email: string
  municipalityId: string | null
  userId: string | null
}

export interface FormContext {
  vocabulary: Vocabulary
  municipalityIds: string[]
  user: CurrentUser | null
}

export function parseFiche(body: unknown, context: FormContext): Parsed<{ practice: PracticeText; entry: EntryText; submitter: Submitter }> {
  const form = new FormParser(body)
  const practice = parsePracticeText(form, context.vocabulary)
  const submitter = parseSubmitter(form, context, { municipalityRequired: true })
  const entry = parseEntryText(form, { blurbRequired: false })
  return form.result({ practice, entry, submitter })
}

/** What a change request carries before its photo (if any) is processed and stored. */
export type ChangeInput =
  | { kind: 'text_change'; practice: PracticeText }
  | { kind: 'photo'; upload: { bytes: Buffer; type: PhotoType }; alt: string; credit: string | null }
  | { kind: 'remark'; text: string }
  | { kind: 'join'; entry: EntryText }

export function parseChangeRequest(kind: ChangeKind, body: unknown, context: FormContext & { current: Practice }): Parsed<{ change: ChangeInput; submitter: Submitter }> {
  const form = new FormParser(body)
  let change: ChangeInput
  if (kind === 'text_change') {
    const practice = parsePracticeText(form, context.vocabulary)
    if (form.errors.length === 0 && JSON.stringify(practice) === JSON.stringify(practiceText(context.current))) form.errors.push({ field: 'title', message: 'contributions.change.nothingChanged' })
    change = { kind, practice }
  } else if (kind === 'photo') {
    const upload = parsePhotoUpload(form)
    const alt = form.required('alt', 'contributions.photo.altRequired', { max: LIMITS.alt })
    const credit = form.optional('credit', { max: LIMITS.name })
    change = { kind, upload: upload ?? { bytes: Buffer.alloc(0), type: 'image/jpeg' }, alt, credit }
  } else if (kind === 'remark') {
    change = { kind, text: multiline(form.required('remark', 'contributions.remark.required', { max: LIMITS.remark })) }
  } else {
    change = { kind, entry: parseEntryText(form, { blurbRequired: true }) }
  }
  const submitter = parseSubmitter(form, context, { municipalityRequired: kind === 'join' })
  return form.result({ change, submitter })
}

/** Staff editing their own entry; `current` is null when their municipality is not listed yet. */
export function parseEntryUpdate(body: unknown, current: EntryText | null): Parsed<EntryText> {
  const form = new FormParser(body)
  const entry = parseEntryText(form, { blurbRequired: current === null })
  if (form.errors.length === 0 && current && JSON.stringify(entry) === JSON.stringify(current)) form.errors.push({ field: 'entryBlurb', message: 'contributions.change.nothingChanged' })
  return form.result(entry)
}

/** Signed-in people are who their account says; everyone else tells us their name and address. */
function parseSubmitter(form: FormParser, context: FormContext, options: { municipalityRequired: boolean }): Submitter {
  const municipality = text(form.body, 'municipality')
  const known = context.municipalityIds.includes(municipality)
  if (municipality ? !known : options.municipalityRequired) form.errors.push({ field: 'municipality', message: 'contributions.submitter.municipalityRequired' })
  const municipalityId = known ? municipality : null
  if (context.user) return { name: context.user.name, email: context.user.email, municipalityId, userId: context.user.id }
  const name = form.required('submitterName', 'contributions.submitter.nameRequired', { max: LIMITS.name })
  const email = form.email('submitterEmail', { required: true })
  return { name, email, municipalityId, userId: null }
}

function parsePhotoUpload(form: FormParser): { bytes: Buffer; type: PhotoType } | null {
  const file = form.body && typeof form.body === 'object' ? (form.body as Record<string, unknown>).photo : undefined
  // A browser sends an empty file part when no file was chosen.
  if (!Buffer.isBuffer(file) || file.length === 0) {
    form.errors.push({ field: 'photo', message: 'contributions.photo.required' })
    return null
  }
  // The upload limit lets one byte more through than allowed, so a longer file shows up here.
  if (file.length > PHOTO_MAX_BYTES) {
    form.errors.push({ field: 'photo', message: 'contributions.photo.tooLarge', values: { mb: PHOTO_MAX_BYTES / 1024 / 1024 } })
    return null
  }
  const type = sniffPhotoType(file)
  if (!type) {
    form.errors.push({ field: 'photo', message: 'contributions.photo.notAnImage' })
    return null
  }
  return { bytes: file, type }
}

// Small helpers for raw bodies.
