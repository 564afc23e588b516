// Contributions to a ceremony by (ex-)newcomers: music, food, art or a testimony. Staff enter them
// now; the reply page will add them later. The name and contact are personal data, purged with
// the edition. Pure.
import { FormParser, type Parsed } from '../../platform/http/forms.ts'

export const CONTRIBUTION_KINDS = ['music', 'food', 'art', 'testimony'] as const
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number]

export const CONTRIBUTION_STATUSES = ['asked', 'confirmed', 'declined'] as const
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number]

export interface Contribution {
  id: string
  kind: ContributionKind
  name: string
  contact: string | null
  description: string | null
  status: ContributionStatus
}

export interface ContributionInput {
  kind: ContributionKind
  name: string
  /** Free text: a phone number or an e-mail address */
  contact: string | null
  description: string | null
  status: ContributionStatus
}

export const CONTRIBUTION_LIMITS = { name: 120, contact: 200, description: 1000 } as const

/** Translation keys of the kinds and statuses, spelt out so the type checker sees every one. */
export const CONTRIBUTION_KIND_LABELS: Record<ContributionKind, string> = {
  music: 'partners.contribution.kind.music',
  food: 'partners.contribution.kind.food',
  art: 'partners.contribution.kind.art',
  testimony: 'partners.contribution.kind.testimony',
}

export const CONTRIBUTION_STATUS_LABELS: Record<ContributionStatus, string> = {
  asked: 'partners.contribution.status.asked',
  confirmed: 'partners.contribution.status.confirmed',
  declined: 'partners.contribution.status.declined',
}

export function parseContribution(body: unknown): Parsed<ContributionInput> {
  const form = new FormParser(body)
  const kind = form.oneOf('kind', CONTRIBUTION_KINDS, 'partners.contribution.kindRequired')
  const name = form.required('name', 'partners.contribution.nameRequired', { max: CONTRIBUTION_LIMITS.name })
  const contact = form.optional('contact', { max: CONTRIBUTION_LIMITS.contact })
  const description = form.optional('description', { max: CONTRIBUTION_LIMITS.description })
  const status = form.oneOf('status', CONTRIBUTION_STATUSES, 'partners.contribution.statusRequired')
  return form.result({ kind, name, contact, description, status })
}

export function contributionFormValues(c: Contribution): Record<string, string> {
  return { kind: c.kind, name: c.name, contact: c.contact ?? '', description: c.description ?? '', status: c.status }
}

/** The fields that differ, by name only: the audit log never holds the values. */
export function changedContributionFields(before: Contribution, after: ContributionInput): string[] {
  return (Object.keys(after) as (keyof ContributionInput)[]).filter((key) => before[key] !== after[key])
}
