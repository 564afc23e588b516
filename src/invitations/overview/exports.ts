// The lists for the caterer and the venue: numbers only. They leave the municipality, so they
// carry no names and no free text a person typed (an allergy can say who it is about).
import type { Translate } from '../../platform/i18n/i18n.ts'
import { LANGUAGE_LABELS } from './labels.ts'
import type { NeedsSummary } from './needs.ts'

export const EXPORT_LISTS = ['catering', 'venue'] as const
export type ExportList = (typeof EXPORT_LISTS)[number]

type Rows = [string, string][]

function rows(t: Translate, pairs: [string, number, Record<string, string>?][]): Rows {
  return [[t('replies.export.item'), t('replies.export.count')], ...pairs.map(([key, n, values]): [string, string] => [t(key, values), String(n)])]
}

/** For the caterer: places, who they are (adults, children), and the diets (per answer). */
export function cateringRows(t: Translate, needs: NeedsSummary): Rows {
  return rows(t, [
    ['replies.export.seats', needs.seats],
    ['replies.export.people', needs.people],
    ['replies.export.adults', needs.adults],
    ['replies.export.children', needs.children],
    ['replies.needs.halal', needs.catering.halal],
    ['replies.needs.vegetarian', needs.catering.vegetarian],
    ['replies.needs.vegan', needs.catering.vegan],
    ['replies.needs.allergies', needs.catering.allergies],
  ])
}

/** For the venue: places, wheelchair places, sign language, interpreters per language, childcare. */
export function venueRows(t: Translate, needs: NeedsSummary): Rows {
  const { access } = needs
  return rows(t, [
    ['replies.export.seats', needs.seats],
    ['replies.needs.wheelchair', access.wheelchair],
    ['replies.needs.signLanguage', access.signLanguage],
    ...access.interpreters.map(({ language, count }): [string, number, Record<string, string>] => ['replies.export.interpreter', count, { language: t(LANGUAGE_LABELS[language]) }]),
    ['replies.needs.childcare', access.childcare],
    ['replies.needs.childcareChildren', access.childcareChildren],
  ])
}

export function exportFilename(list: ExportList, editionId: string, today: string): string {
  return `${list === 'catering' ? 'catering' : 'zaal'}-${today}-${editionId.slice(0, 8)}.csv`
}
