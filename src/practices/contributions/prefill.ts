// Pre-filling the contribution forms from what is published now.
import type { EntryText, PracticeText } from '../submissions.ts'
import type { ContributionState } from './contribution-forms.ts'

export function practiceState(practice: PracticeText): ContributionState {
  const values = {
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
  return { errors: [], values, checked: { categories: practice.categories, targetGroups: practice.targetGroups } }
}

export function entryValues(entry: EntryText | null): Record<string, string> {
  return {
    entryBlurb: entry?.blurb ?? '',
    entrySince: entry?.since ?? '',
    entryContactName: entry?.contactName ?? '',
    entryContactEmail: entry?.contactEmail ?? '',
    entryContactPhone: entry?.contactPhone ?? '',
    entryWebsite: entry?.website ?? '',
  }
}
