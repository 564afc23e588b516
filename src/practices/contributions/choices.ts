// What the contribution forms offer: categories, target groups and every municipality.
import { listMunicipalities } from '../../municipalities/municipalities-queries.ts'
import type { AnyDb } from '../../platform/db/transaction.ts'
import { listCategories, listTargetGroups } from '../practices-queries.ts'
import type { Choices } from './contribution-fields.tsx'
import type { FormContext } from './contribution-forms.ts'
import type { CurrentUser } from '../../accounts/accounts.ts'

export async function loadChoices(db: AnyDb, user: CurrentUser | null): Promise<{ choices: Choices; context: FormContext }> {
  const [categories, targetGroups, municipalities] = await Promise.all([listCategories(db), listTargetGroups(db), listMunicipalities(db)])
  return {
    choices: {
      categories: categories.map((c) => ({ value: c.slug, label: c.name })),
      targetGroups: targetGroups.map((g) => ({ value: g.slug, label: g.name })),
      municipalities: municipalities.map((m) => ({ value: m.id, label: m.name })),
    },
    context: { vocabulary: { categories: categories.map((c) => c.slug), targetGroups: targetGroups.map((g) => g.slug) }, municipalityIds: municipalities.map((m) => m.id), user },
  }
}
