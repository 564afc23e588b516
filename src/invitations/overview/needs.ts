// What the people who are coming need, summed for the caterer and the venue, and what every
// answer asked for: info-market stands and contributions. Pure; counts only, never who.
import { isInviteeLanguage, type InviteeLanguage } from '../../platform/i18n/languages.ts'
import { CONTRIBUTION_KINDS, NO_NEEDS, type ContributionKind, type Needs } from '../reply.ts'

/** A stored answer's needs, read defensively: anything that is not clearly asked for is not counted. */
export function readNeeds(json: unknown): Needs {
  if (!json || typeof json !== 'object') return NO_NEEDS
  const raw = json as Record<string, unknown>
  const flag = (name: keyof Needs) => raw[name] === true
  const interpreter = typeof raw.interpreter === 'string' && isInviteeLanguage(raw.interpreter) ? raw.interpreter : null
  const allergies = typeof raw.allergies === 'string' && raw.allergies.trim() !== '' ? raw.allergies.trim() : null
  return {
    wheelchair: flag('wheelchair'),
    interpreter,
    signLanguage: flag('signLanguage'),
    childcare: flag('childcare'),
    halal: flag('halal'),
    vegetarian: flag('vegetarian'),
    vegan: flag('vegan'),
    allergies,
    noHandshake: flag('noHandshake'),
  }
}

export interface ConfirmedAnswer {
  needs: unknown
  adults: number
  children: number
}

export interface NeedsSummary {
  /** Answers with a confirmed place: the invitees who are coming */
  people: number
  adults: number
  children: number
  seats: number
  catering: {
    halal: number
    vegetarian: number
    vegan: number
    allergies: number
    /** The allergies as typed, alike ones together, in alphabetical order so no order betrays who */
    allergyTexts: { text: string; count: number }[]
  }
  access: {
    wheelchair: number
    signLanguage: number
    interpreters: { language: InviteeLanguage; count: number }[]
    childcare: number
    /** Children in the answers that ask for childcare */
    childcareChildren: number
    noHandshake: number
  }
}

/** Sums the needs of the answers with a confirmed place (each answer: a person and their guests). */
export function summariseNeeds(answers: readonly ConfirmedAnswer[]): NeedsSummary {
  const summary: NeedsSummary = {
    people: 0,
    adults: 0,
    children: 0,
    seats: 0,
    catering: { halal: 0, vegetarian: 0, vegan: 0, allergies: 0, allergyTexts: [] },
    access: { wheelchair: 0, signLanguage: 0, interpreters: [], childcare: 0, childcareChildren: 0, noHandshake: 0 },
  }
  const allergies = new Map<string, { text: string; count: number }>()
  const interpreters = new Map<InviteeLanguage, number>()
  for (const answer of answers) {
    const needs = readNeeds(answer.needs)
    summary.people++
    summary.adults += answer.adults
    summary.children += answer.children
    summary.seats += 1 + answer.adults + answer.children
    const { catering, access } = summary
    if (needs.halal) catering.halal++
    if (needs.vegetarian) catering.vegetarian++
    if (needs.vegan) catering.vegan++
    if (needs.allergies) {
      catering.allergies++
      const text = needs.allergies.replace(/\s+/g, ' ')
      const key = text.toLocaleLowerCase('nl')
      const seen = allergies.get(key)
      allergies.set(key, { text: seen?.text ?? text, count: (seen?.count ?? 0) + 1 })
    }
    if (needs.wheelchair) access.wheelchair++
    if (needs.signLanguage) access.signLanguage++
    if (needs.interpreter) interpreters.set(needs.interpreter, (interpreters.get(needs.interpreter) ?? 0) + 1)
    if (needs.childcare) {
      access.childcare++
      access.childcareChildren += answer.children
    }
    if (needs.noHandshake) access.noHandshake++
  }
  summary.catering.allergyTexts = [...allergies.values()].sort((a, b) => a.text.localeCompare(b.text, 'nl'))
  summary.access.interpreters = [...interpreters].map(([language, count]) => ({ language, count })).sort((a, b) => b.count - a.count || a.language.localeCompare(b.language))
  return summary
}

const stringList = (json: unknown): string[] => (Array.isArray(json) ? json.filter((v): v is string => typeof v === 'string') : [])

/**
 * How many answers asked to hear from each stand of the info market, every stand listed (also
 * those nobody chose), the most asked first. A stand removed since is no longer counted.
 */
export function countInterests(interestLists: readonly unknown[], stands: readonly { id: string; name: string }[]): { standId: string; name: string; count: number }[] {
  const counts = new Map(stands.map((s) => [s.id, 0]))
  for (const list of interestLists) for (const id of new Set(stringList(list))) if (counts.has(id)) counts.set(id, counts.get(id)! + 1)
  return stands.map((s) => ({ standId: s.id, name: s.name, count: counts.get(s.id)! })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'nl'))
}

/** How many answers offered each kind of contribution. */
export function countContributions(kindLists: readonly unknown[]): Record<ContributionKind, number> {
  const counts = Object.fromEntries(CONTRIBUTION_KINDS.map((k) => [k, 0])) as Record<ContributionKind, number>
  for (const list of kindLists) for (const kind of new Set(stringList(list))) if ((CONTRIBUTION_KINDS as readonly string[]).includes(kind)) counts[kind as ContributionKind]++
  return counts
}
