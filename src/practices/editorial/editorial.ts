// The editorial workflow's pure rules: which status changes are allowed, how a practice reads as
// the fields a submission proposes, the word-level difference an editor reviews, unique slugs,
// what a stored version can restore, and the reminder's calendar.
import type { PracticeEntry, PracticeStatus } from '../practices.ts'
import type { EntryText, PracticeText, SubmissionKind } from '../submissions.ts'
import { wordDiff, type DiffPart } from './word-diff.ts'

export type { DiffPart } from './word-diff.ts'

// ---------------------------------------------------------------------------------------------
// Status of a practice: draft → in_review → published → archived, and back from the archive.

const TRANSITIONS: Record<PracticeStatus, readonly PracticeStatus[]> = {
  draft: ['in_review'],
  // An editor who finds a practice not ready yet sends it back to draft.
  in_review: ['published', 'draft'],
  published: ['archived'],
  archived: ['published'],
}

export function allowedTransitions(from: PracticeStatus): readonly PracticeStatus[] {
  return TRANSITIONS[from]
}

export function canTransition(from: PracticeStatus, to: PracticeStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

// Translation keys written out (not built), so the catalog test sees every one of them.
export const STATUS_LABELS: Record<PracticeStatus, string> = {
  draft: 'editorial.status.draft',
  in_review: 'editorial.status.in_review',
  published: 'editorial.status.published',
  archived: 'editorial.status.archived',
}

/** The button that moves a practice to this status. */
export const TRANSITION_LABELS: Record<PracticeStatus, string> = {
  draft: 'editorial.transition.draft',
  in_review: 'editorial.transition.in_review',
  published: 'editorial.transition.published',
  archived: 'editorial.transition.archived',
}

export const KIND_LABELS: Record<SubmissionKind, string> = {
  new_practice: 'editorial.kind.new_practice',
  text_change: 'editorial.kind.text_change',
  photo: 'editorial.kind.photo',
  remark: 'editorial.kind.remark',
  join: 'editorial.kind.join',
  entry_update: 'editorial.kind.entry_update',
}

// ---------------------------------------------------------------------------------------------
// A practice as the fields a submission proposes.

export function entryText(entry: Pick<PracticeEntry, keyof EntryText> | null | undefined): EntryText {
  return {
    blurb: entry?.blurb ?? null,
    since: entry?.since ?? null,
    contactName: entry?.contactName ?? null,
    contactEmail: entry?.contactEmail ?? null,
    contactPhone: entry?.contactPhone ?? null,
    website: entry?.website ?? null,
  }
}

/** True when the practice has had a new version since the submitter wrote their proposal. */
export function changedSinceBase(baseVersion: number | null, currentVersion: number): boolean {
  return baseVersion !== null && currentVersion > baseVersion
}

// ---------------------------------------------------------------------------------------------
// Differences: per field, and word by word inside a field.

export const PRACTICE_FIELDS = ['title', 'summary', 'categories', 'targetGroups', 'goals', 'targetGroup', 'description', 'partners', 'resources', 'successFactors', 'challenges'] as const
export type PracticeField = (typeof PRACTICE_FIELDS)[number]
export const ENTRY_FIELDS = ['blurb', 'since', 'contactName', 'contactEmail', 'contactPhone', 'website'] as const
export type EntryField = (typeof ENTRY_FIELDS)[number]

export interface FieldDiff<F extends string = string> {
  field: F
  before: string
  after: string
  changed: boolean
  /** Word-level parts when both sides have text and differ; null otherwise. */
  parts: DiffPart[] | null
}

/** Category and target-group names by slug, to show names instead of slugs. */
export interface Vocabulary {
  categories: Map<string, string>
  targetGroups: Map<string, string>
}

/** A field as the text an editor compares: lists one item per line, empty as ''. */
export function practiceFieldText(text: PracticeText, field: PracticeField, vocabulary: Vocabulary): string {
  switch (field) {
    case 'categories':
      return text.categories.map((slug) => vocabulary.categories.get(slug) ?? slug).join(', ')
    case 'targetGroups':
      return text.targetGroups.map((slug) => vocabulary.targetGroups.get(slug) ?? slug).join(', ')
    case 'goals':
      return text.goals.join('\n')
    case 'resources':
      return text.resources.map((r) => (r.url ? `${r.label} | ${r.url}` : r.label)).join('\n')
    default:
      return text[field] ?? ''
  }
}

export function practiceDiff(current: PracticeText | null, proposed: PracticeText, vocabulary: Vocabulary): FieldDiff<PracticeField>[] {
  return PRACTICE_FIELDS.map((field) => fieldDiff(field, current ? practiceFieldText(current, field, vocabulary) : '', practiceFieldText(proposed, field, vocabulary)))
}

export function entryDiff(current: EntryText, proposed: EntryText): FieldDiff<EntryField>[] {
  return ENTRY_FIELDS.map((field) => fieldDiff(field, current[field] ?? '', proposed[field] ?? ''))
}

function fieldDiff<F extends string>(field: F, before: string, after: string): FieldDiff<F> {
  const changed = before !== after
  return { field, before, after, changed, parts: changed && before && after ? wordDiff(before, after) : null }
}

// ---------------------------------------------------------------------------------------------
// Slugs, versions, the reminder's calendar.

/**
 * The slug itself if free, else the first free "slug-2", "slug-3", … (kept within 80 characters).
 * Words that are pages under /praktijken/ themselves are never free.
 */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base) && !RESERVED_SLUGS.has(base)) return base
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const candidate = `${base.slice(0, 80 - suffix.length).replace(/-+$/, '')}${suffix}`
    if (!taken.has(candidate)) return candidate
  }
}

/** Paths under /praktijken/ that a practice's own pages would shadow or be shadowed by. */
const RESERVED_SLUGS = new Set(['indienen', 'bevestigen', 'afbeelding', 'gemeente'])

/** What restoring a stored version brings back: the text, categories, target groups and image. */
export interface RestorableVersion {
  text: PracticeText
  image: { id: string; alt: string; credit: string | null } | null
}

/**
 * Reads a stored snapshot (a Practice as JSON). Snapshots are old data: anything missing or of
 * the wrong type makes the version not restorable rather than restoring half of it.
 */
export function restorableVersion(snapshot: unknown): RestorableVersion | null {
  if (!snapshot || typeof snapshot !== 'object') return null
  const s = snapshot as Record<string, unknown>
  const str = (v: unknown): v is string => typeof v === 'string'
  const optional = (v: unknown): string | null => (str(v) ? v : null)
  const slugs = (v: unknown): string[] | null => (Array.isArray(v) && v.every((x) => x && typeof x === 'object' && str((x as { slug?: unknown }).slug)) ? v.map((x) => (x as { slug: string }).slug) : null)
  const categories = slugs(s.categories)
  const targetGroups = slugs(s.targetGroups)
  const goals = Array.isArray(s.goals) && s.goals.every(str) ? (s.goals as string[]) : null
  const resources = Array.isArray(s.resources) && s.resources.every((r) => r && typeof r === 'object' && str((r as { label?: unknown }).label)) ? (s.resources as { label: string; url?: unknown }[]).map((r) => ({ label: r.label, url: optional(r.url) })) : null
  if (!str(s.title) || !str(s.summary) || !str(s.targetGroup) || !str(s.description) || !categories || !targetGroups || !goals || !resources) return null
  const image = s.image && typeof s.image === 'object' && str((s.image as { id?: unknown }).id) ? (s.image as { id: string; alt?: unknown; credit?: unknown }) : null
  return {
    text: {
      title: s.title,
      summary: s.summary,
      categories,
      targetGroups,
      goals,
      targetGroup: s.targetGroup,
      description: s.description,
      partners: optional(s.partners),
      resources,
      successFactors: optional(s.successFactors),
      challenges: optional(s.challenges),
    },
    image: image ? { id: image.id, alt: optional(image.alt) ?? '', credit: optional(image.credit) } : null,
  }
}

/** Whole days between two moments, for "3 days ago" in the queue. */
export function ageInDays(createdAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / 86400_000))
}

const brusselsMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit' })

/** "2026-11": the calendar month in Brussels, which limits reminders to one per month. */
export function monthKey(date: Date): string {
  const parts = brusselsMonth.formatToParts(date)
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`
}

/** The next monthly run: the first day of next month, at 08:00 UTC (morning in Belgium). */
export function nextReminderRun(now: Date): Date {
  const candidate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 8))
  return candidate > now ? candidate : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 8))
}
