// The contribution forms, parsed once at the edge into the shapes of ../submissions.ts. Pure: no
// database, no sharp. Markup is not stripped: text is stored as typed and escaped wherever shown.
import type { CurrentUser } from '../../accounts/accounts.ts'
import { isPhoneNumber, isWebsite } from '../../municipalities/municipalities.ts'
import { FormParser, formValues, text, type Parsed } from '../../platform/http/forms.ts'
import type { FormState } from '../../platform/views/context.ts'
import type { Practice } from '../practices.ts'
import { LIMITS, practiceText, type EntryText, type PracticeText } from '../submissions.ts'
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

export interface Vocabulary {
  categories: string[]
  targetGroups: string[]
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

export function parsePracticeText(form: FormParser, vocabulary: Vocabulary): PracticeText {
  const title = form.required('title', 'contributions.practice.titleRequired', { max: LIMITS.title })
  const summary = multiline(form.required('summary', 'contributions.practice.summaryRequired', { max: LIMITS.summary }))
  const chosen = new Set(list(form.body, 'categories'))
  const categories = vocabulary.categories.filter((slug) => chosen.has(slug))
  form.check(categories.length > 0, 'categories', 'contributions.practice.categoriesRequired')
  const chosenGroups = new Set(list(form.body, 'targetGroups'))
  const targetGroups = vocabulary.targetGroups.filter((slug) => chosenGroups.has(slug))
  const goals = parseGoals(form)
  const targetGroup = multiline(form.required('targetGroup', 'contributions.practice.targetGroupRequired', { max: LIMITS.shortText }))
  const description = multiline(form.required('description', 'contributions.practice.descriptionRequired', { max: LIMITS.longText }))
  const partners = multilineOrNull(form.optional('partners', { max: LIMITS.longText }))
  const resources = parseResources(form)
  const successFactors = multilineOrNull(form.optional('successFactors', { max: LIMITS.longText }))
  const challenges = multilineOrNull(form.optional('challenges', { max: LIMITS.longText }))
  return { title, summary, categories, targetGroups, goals, targetGroup, description, partners, resources, successFactors, challenges }
}

function parseGoals(form: FormParser): string[] {
  const goals = lines(text(form.body, 'goals'))
  if (goals.length === 0) form.errors.push({ field: 'goals', message: 'contributions.practice.goalsRequired' })
  else if (goals.length > LIMITS.goals) form.errors.push({ field: 'goals', message: 'contributions.practice.tooManyGoals', values: { max: LIMITS.goals } })
  else {
    const long = goals.findIndex((goal) => goal.length > LIMITS.goal)
    if (long >= 0) form.errors.push({ field: 'goals', message: 'contributions.practice.goalTooLong', values: { line: long + 1, max: LIMITS.goal } })
  }
  return goals
}

/** One resource per line: "label | https://…", a bare web address, or a label alone. */
function parseResources(form: FormParser): PracticeText['resources'] {
  const rows = lines(text(form.body, 'resources'))
  if (rows.length > LIMITS.resources) {
    form.errors.push({ field: 'resources', message: 'contributions.practice.tooManyResources', values: { max: LIMITS.resources } })
    return []
  }
  const resources: PracticeText['resources'] = []
  for (const [i, row] of rows.entries()) {
    const bar = row.lastIndexOf('|')
    const label = (bar >= 0 ? row.slice(0, bar) : row).trim()
    const url = bar >= 0 ? row.slice(bar + 1).trim() || null : /^https?:\/\//i.test(row) ? row : null
    if (url !== null && (url.length > LIMITS.url || !isWebsite(url))) {
      form.errors.push({ field: 'resources', message: 'contributions.practice.resourceUrlInvalid', values: { line: i + 1 } })
      return resources
    }
    if (label.length > LIMITS.shortText) {
      form.errors.push({ field: 'resources', message: 'contributions.practice.resourceTooLong', values: { line: i + 1, max: LIMITS.shortText } })
      return resources
    }
    resources.push({ label: label || url || '', url })
  }
  return resources
}

export function parseEntryText(form: FormParser, options: { blurbRequired: boolean }): EntryText {
  const blurb = options.blurbRequired ? form.required('entryBlurb', 'contributions.entry.blurbRequired', { max: LIMITS.shortText }) : form.optional('entryBlurb', { max: LIMITS.shortText })
  const since = form.optional('entrySince', { max: LIMITS.name })
  const contactName = form.optional('entryContactName', { max: LIMITS.name })
  const contactEmail = form.email('entryContactEmail', { required: false }) || null
  const contactPhone = form.optional('entryContactPhone', { max: 40 })
  form.check(contactPhone === null || isPhoneNumber(contactPhone), 'entryContactPhone', 'contributions.entry.phoneInvalid')
  const website = form.optional('entryWebsite', { max: LIMITS.url })
  form.check(website === null || isWebsite(website), 'entryWebsite', 'contributions.entry.websiteInvalid')
  return { blurb: multilineOrNull(blurb), since, contactName, contactEmail, contactPhone, website }
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

/** A field that may be sent several times (checkboxes): always a list of trimmed strings. */
export function list(body: unknown, name: string): string[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return values.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean)
}

function lines(value: string): string[] {
  return value
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
}

function multiline(value: string): string {
  return value.replace(/\r\n?/g, '\n')
}

function multilineOrNull(value: string | null): string | null {
  return value === null ? null : multiline(value)
}
