// The practice text and a municipality's entry as forms: one set of rules for everyone who
// writes them (the public fiche, change requests, staff editing their entry, editors before
// accepting), so what an editor may publish is what a contributor may propose. Pure, parsed at the
// edge; markup is not stripped: text is stored as typed and escaped wherever shown.
// Each audience has its own labels and hints (contributions/contribution-fields.tsx,
// editorial/editorial-views.tsx); the field names and these rules are shared.
import { isPhoneNumber, isWebsite } from '../municipalities/municipalities.ts'
import { FormParser, text } from '../platform/http/forms.ts'
import { LIMITS, type EntryText, type PracticeText } from './submissions.ts'

export interface Vocabulary {
  categories: string[]
  targetGroups: string[]
}

export function parsePracticeText(form: FormParser, vocabulary: Vocabulary): PracticeText {
  const title = form.required('title', 'practices.form.titleRequired', { max: LIMITS.title })
  const summary = multiline(form.required('summary', 'practices.form.summaryRequired', { max: LIMITS.summary }))
  const chosen = new Set(list(form.body, 'categories'))
  const categories = vocabulary.categories.filter((slug) => chosen.has(slug))
  form.check(categories.length > 0, 'categories', 'practices.form.categoriesRequired')
  const chosenGroups = new Set(list(form.body, 'targetGroups'))
  const targetGroups = vocabulary.targetGroups.filter((slug) => chosenGroups.has(slug))
  const goals = parseGoals(form)
  const targetGroup = multiline(form.required('targetGroup', 'practices.form.targetGroupRequired', { max: LIMITS.shortText }))
  const description = multiline(form.required('description', 'practices.form.descriptionRequired', { max: LIMITS.longText }))
  const partners = multilineOrNull(form.optional('partners', { max: LIMITS.longText }))
  const resources = parseResources(form)
  const successFactors = multilineOrNull(form.optional('successFactors', { max: LIMITS.longText }))
  const challenges = multilineOrNull(form.optional('challenges', { max: LIMITS.longText }))
  return { title, summary, categories, targetGroups, goals, targetGroup, description, partners, resources, successFactors, challenges }
}

function parseGoals(form: FormParser): string[] {
  const goals = lines(text(form.body, 'goals'))
  if (goals.length === 0) form.errors.push({ field: 'goals', message: 'practices.form.goalsRequired' })
  else if (goals.length > LIMITS.goals) form.errors.push({ field: 'goals', message: 'practices.form.tooManyGoals', values: { max: LIMITS.goals } })
  else {
    const long = goals.findIndex((goal) => goal.length > LIMITS.goal)
    if (long >= 0) form.errors.push({ field: 'goals', message: 'practices.form.goalTooLong', values: { line: long + 1, max: LIMITS.goal } })
  }
  return goals
}

/** One resource per line: "label | https://…", a bare web address, or a label alone. */
function parseResources(form: FormParser): PracticeText['resources'] {
  const rows = lines(text(form.body, 'resources'))
  if (rows.length > LIMITS.resources) {
    form.errors.push({ field: 'resources', message: 'practices.form.tooManyResources', values: { max: LIMITS.resources } })
    return []
  }
  const resources: PracticeText['resources'] = []
  for (const [i, row] of rows.entries()) {
    const bar = row.lastIndexOf('|')
    const label = (bar >= 0 ? row.slice(0, bar) : row).trim()
    const address = bar >= 0 ? row.slice(bar + 1).trim() || null : /^https?:\/\//i.test(row) ? row : null
    const url = address === null ? null : webAddress(address)
    if (address !== null && (address.length > LIMITS.url || url === null)) {
      form.errors.push({ field: 'resources', message: 'practices.form.resourceUrlInvalid', values: { line: i + 1 } })
      return resources
    }
    if (label.length > LIMITS.shortText) {
      form.errors.push({ field: 'resources', message: 'practices.form.resourceTooLong', values: { line: i + 1, max: LIMITS.shortText } })
      return resources
    }
    resources.push({ label: label || address || '', url })
  }
  return resources
}

export function parseEntryText(form: FormParser, options: { blurbRequired: boolean }): EntryText {
  const blurb = options.blurbRequired ? form.required('entryBlurb', 'practices.form.blurbRequired', { max: LIMITS.shortText }) : form.optional('entryBlurb', { max: LIMITS.shortText })
  const since = form.optional('entrySince', { max: LIMITS.name })
  const contactName = form.optional('entryContactName', { max: LIMITS.name })
  const contactEmail = form.email('entryContactEmail', { required: false }) || null
  const contactPhone = form.optional('entryContactPhone', { max: 40 })
  form.check(contactPhone === null || isPhoneNumber(contactPhone), 'entryContactPhone', 'practices.form.phoneInvalid')
  const typed = form.optional('entryWebsite', { max: LIMITS.url })
  const website = typed === null ? null : webAddress(typed)
  form.check(typed === null || website !== null, 'entryWebsite', 'practices.form.websiteInvalid')
  return { blurb: multilineOrNull(blurb), since, contactName, contactEmail, contactPhone, website }
}

/**
 * A web address as people type it: "www.mol.be" becomes "https://www.mol.be". Anything but http(s)
 * (javascript:, data:) is refused, since the public page turns it into a link.
 */
export function webAddress(value: string): string | null {
  const url = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`
  return isWebsite(url) && !/\s/.test(url) ? url : null
}

/** Form values for a practice text, as the forms show it. */
export function practiceFormValues(practice: PracticeText): Record<string, string> {
  return {
    title: practice.title,
    summary: practice.summary,
    goals: practice.goals.join('\n'),
    targetGroup: practice.targetGroup,
    description: practice.description,
    partners: practice.partners ?? '',
    resources: practice.resources.map((r) => (r.url ? `${r.label} | ${r.url}` : r.label)).join('\n'),
    successFactors: practice.successFactors ?? '',
    challenges: practice.challenges ?? '',
  }
}

/** Form values for an entry (empty when the municipality has none yet). */
export function entryFormValues(entry: EntryText | null): Record<string, string> {
  return {
    entryBlurb: entry?.blurb ?? '',
    entrySince: entry?.since ?? '',
    entryContactName: entry?.contactName ?? '',
    entryContactEmail: entry?.contactEmail ?? '',
    entryContactPhone: entry?.contactPhone ?? '',
    entryWebsite: entry?.website ?? '',
  }
}

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

export function multiline(value: string): string {
  return value.replace(/\r\n?/g, '\n')
}

function multilineOrNull(value: string | null): string | null {
  return value === null ? null : multiline(value)
}
