// Pre-filling the contribution forms from what is published now.
import { practiceFormValues } from '../practice-form.ts'
import type { PracticeText } from '../submissions.ts'
import type { ContributionState } from './contribution-forms.ts'

export function practiceState(practice: PracticeText): ContributionState {
  return { errors: [], values: practiceFormValues(practice), checked: { categories: practice.categories, targetGroups: practice.targetGroups } }
}
