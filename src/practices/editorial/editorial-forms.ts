// The editor's forms, parsed at the edge: the proposed practice text and entry (editable before
// accepting), the photo's alt text and credit, and the reason for a rejection.
import { FormParser, isEmail, text, type Parsed } from '../../platform/http/forms.ts'
import { LIMITS, type EntryText, type PracticeText, type SubmissionKind, type SubmissionPayload } from '../submissions.ts'
import type { Acceptance } from './editorial-decisions.ts'

export const REASON_MAX = 1000

/** All values of a field that may repeat (checkboxes), trimmed, without empties. */
export function list(body: unknown, name: string): string[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  const values = Array.isArray(value) ? value : [value]
  return values.filter((v): v is string => typeof v === 'string').map((v) => v.normalize('NFC').trim()).filter(Boolean)
}

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
}

/**
 * A web address as people type it: "www.mol.be" becomes "https://www.mol.be"; any scheme other
 * than http(s) (javascript:, data:) is refused, since the public page turns it into a link.
 */
export function webAddress(value: string): string | null {
  if (/^https?:\/\/[^\s]+$/i.test(value)) return value
  if (/^[\w-]+(\.[\w-]+)+(\/[^\s]*)?$/i.test(value)) return `https://${value}`
  return null
}

export function parsePracticeText(form: FormParser, vocabulary: { categories: string[]; targetGroups: string[] }): PracticeText {
  const body = form.body
  const title = form.required('title', 'editorial.form.titleRequired', { max: LIMITS.title })
  const summary = form.required('summary', 'editorial.form.summaryRequired', { max: LIMITS.summary })
  const categories = list(body, 'categories')
  form.check(categories.length > 0, 'categories', 'editorial.form.categoriesRequired')
  form.check(categories.every((c) => vocabulary.categories.includes(c)), 'categories', 'editorial.form.unknownChoice')
  const targetGroups = list(body, 'targetGroups')
  form.check(targetGroups.every((g) => vocabulary.targetGroups.includes(g)), 'targetGroups', 'editorial.form.unknownChoice')
  const goals = lines(text(body, 'goals'))
  form.check(goals.length <= LIMITS.goals, 'goals', 'editorial.form.tooManyLines')
  form.check(goals.every((g) => g.length <= LIMITS.goal), 'goals', 'editorial.form.lineTooLong')
  const targetGroup = form.required('targetGroup', 'editorial.form.targetGroupRequired', { max: LIMITS.shortText })
  const description = form.required('description', 'editorial.form.descriptionRequired', { max: LIMITS.longText })
  const partners = form.optional('partners', { max: LIMITS.longText })
  const resources = parseResources(form)
  const successFactors = form.optional('successFactors', { max: LIMITS.longText })
  const challenges = form.optional('challenges', { max: LIMITS.longText })
  return { title, summary, categories, targetGroups, goals, targetGroup, description, partners, resources, successFactors, challenges }
}

/** One resource per line: "Label" or "Label | https://…". */
function parseResources(form: FormParser): PracticeText['resources'] {
  const raw = lines(text(form.body, 'resources'))
  form.check(raw.length <= LIMITS.resources, 'resources', 'editorial.form.tooManyLines')
  const resources = raw.map((line) => {
    const bar = line.lastIndexOf('|')
    const label = (bar >= 0 ? line.slice(0, bar) : line).trim()
    const address = bar >= 0 ? line.slice(bar + 1).trim() : ''
    return { label, url: address ? webAddress(address) : null, valid: label.length > 0 && label.length <= LIMITS.shortText && (!address || (webAddress(address) !== null && address.length <= LIMITS.url)) }
  })
  form.check(resources.every((r) => r.valid), 'resources', 'editorial.form.resourceInvalid')
  return resources.map(({ label, url }) => ({ label, url }))
}

export function parseEntryText(form: FormParser): EntryText {
  const blurb = form.optional('blurb', { max: LIMITS.longText })
  const since = form.optional('since', { max: LIMITS.name })
  const contactName = form.optional('contactName', { max: LIMITS.name })
  const contactEmail = text(form.body, 'contactEmail').toLowerCase() || null
  form.check(!contactEmail || isEmail(contactEmail), 'contactEmail', 'common.emailInvalid')
  const contactPhone = form.optional('contactPhone', { max: 40 })
  const websiteRaw = form.optional('website', { max: LIMITS.url })
  const website = websiteRaw ? webAddress(websiteRaw) : null
  form.check(!websiteRaw || website !== null, 'website', 'editorial.form.websiteInvalid')
  return { blurb, since, contactName, contactEmail, contactPhone, website }
}

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

/** Form values for a practice text, as the edit form shows them. */
export function practiceFormValues(text: PracticeText): Record<string, string> {
  return {
    title: text.title,
    summary: text.summary,
    goals: text.goals.join('\n'),
    targetGroup: text.targetGroup,
    description: text.description,
    partners: text.partners ?? '',
    resources: text.resources.map((r) => (r.url ? `${r.label} | ${r.url}` : r.label)).join('\n'),
    successFactors: text.successFactors ?? '',
    challenges: text.challenges ?? '',
  }
}

export function entryFormValues(entry: EntryText): Record<string, string> {
  return {
    blurb: entry.blurb ?? '',
    since: entry.since ?? '',
    contactName: entry.contactName ?? '',
    contactEmail: entry.contactEmail ?? '',
    contactPhone: entry.contactPhone ?? '',
    website: entry.website ?? '',
  }
}

/** The editor's accept form, for the kind of submission under review. */
export function parseAcceptance(kind: SubmissionKind, body: unknown, vocabulary: { categories: string[]; targetGroups: string[] }): Parsed<Acceptance> {
  const form = new FormParser(body)
  let acceptance: Acceptance
  switch (kind) {
    case 'new_practice':
      acceptance = { kind, practice: parsePracticeText(form, vocabulary), entry: parseEntryText(form) }
      break
    case 'text_change':
      acceptance = { kind, practice: parsePracticeText(form, vocabulary) }
      break
    case 'photo':
      acceptance = { kind, ...parsePhoto(form) }
      break
    case 'join':
    case 'entry_update':
      acceptance = { kind, entry: parseEntryText(form) }
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
