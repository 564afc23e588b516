// Practices: the types and the pure rules of the practice database (praktijkendatabank).

export const PRACTICE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number]

export interface Resource {
  label: string
  url: string | null
}

export interface PracticeEntry {
  id: string
  municipalityId: string
  municipalityName: string
  nisCode: string
  blurb: string | null
  since: string | null
  contactName: string | null
  contactEmail: string | null
  contactPhone: string | null
  website: string | null
  updatedAt: Date
}

export interface Practice {
  id: string
  slug: string
  status: PracticeStatus
  title: string
  summary: string
  categories: { slug: string; name: string }[]
  targetGroups: { slug: string; name: string }[]
  goals: string[]
  targetGroup: string
  description: string
  partners: string | null
  resources: Resource[]
  successFactors: string | null
  challenges: string | null
  image: { id: string; alt: string; credit: string | null } | null
  isDemo: boolean
  version: number
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
  entries: PracticeEntry[]
}

/** A municipality entry is incomplete without its own line or without a way to reach someone. */
export function isEntryComplete(entry: Pick<PracticeEntry, 'blurb' | 'contactEmail' | 'contactPhone' | 'website'>): boolean {
  return Boolean(entry.blurb?.trim()) && Boolean(entry.contactEmail || entry.contactPhone || entry.website)
}

/** "Inburgeringsceremonie in Mol" → "inburgeringsceremonie-in-mol" (accents dropped, ASCII only). */
export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'praktijk'
  )
}

/** The text full-text search sees: title first (weighted), then everything a reader might look for. */
export function searchText(practice: Pick<Practice, 'title' | 'summary' | 'goals' | 'targetGroup' | 'description' | 'partners' | 'successFactors' | 'challenges' | 'categories' | 'targetGroups' | 'entries'>): { title: string; body: string } {
  const body = [
    practice.summary,
    ...practice.categories.map((c) => c.name),
    ...practice.targetGroups.map((g) => g.name),
    ...practice.goals,
    practice.targetGroup,
    practice.description,
    practice.partners,
    practice.successFactors,
    practice.challenges,
    ...practice.entries.flatMap((e) => [e.municipalityName, e.blurb]),
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n')
  return { title: practice.title, body }
}

export const SEARCH_KIND = 'practice'
export const PAGE_SIZE = 20
