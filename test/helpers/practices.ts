// Practices for tests: every field filled with plain defaults, overridable per test.
import type { NewPractice } from '../../src/practices/practices-queries.ts'

export const XSS = '<img src=x onerror=alert(1)>'

let counter = 0

export function newPractice(overrides: Partial<NewPractice> = {}): NewPractice {
  counter++
  return {
    slug: `praktijk-${counter}`,
    title: `Praktijk ${counter}`,
    summary: 'Een korte samenvatting.',
    categories: ['taal'],
    targetGroups: ['anderstaligen'],
    goals: ['Nederlands oefenen'],
    targetGroup: 'Iedereen die Nederlands leert',
    description: 'Elke week in de bibliotheek.',
    partners: null,
    resources: [],
    successFactors: null,
    challenges: null,
    isDemo: false,
    entries: [],
    ...overrides,
  }
}

export function noContact(municipalityId: string, blurb: string | null = null) {
  return { municipalityId, blurb, since: null, contactName: null, contactEmail: null, contactPhone: null, website: null }
}
