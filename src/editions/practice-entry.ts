// The practices link: a municipality that holds an edition adds or refreshes its line on the
// "Inburgeringsceremonie" practice page in one click. What it already wrote is kept; only what is
// missing is filled in from its editions and its contact details. The editors still review it.
import type { EntryText } from '../practices/submissions.ts'
import { brusselsDate } from '../platform/calendar.ts'
import type { Translate } from '../platform/i18n/i18n.ts'

export interface EntrySources {
  municipalityName: string
  contact: { email: string | null; phone: string | null; website: string | null }
  /** Every edition the municipality organises, any order */
  editions: { startsAt: Date; venueName: string | null; organisers: string[] }[]
}

/** The entry to propose, or null when the current one already says everything this could add. */
export function proposedEntry(current: EntryText | null, sources: EntrySources, t: Translate): EntryText | null {
  const years = sources.editions.map((e) => Number(brusselsDate(e.startsAt).slice(0, 4))).sort((a, b) => a - b)
  if (years.length === 0) return null
  const partners = [...new Set(sources.editions.flatMap((e) => e.organisers))].filter((name) => name !== sources.municipalityName)
  const blurb = partners.length
    ? t('editions.practice.blurbTogether', { municipality: sources.municipalityName, partners: partners.join(', ') })
    : t('editions.practice.blurb', { municipality: sources.municipalityName })
  const proposed: EntryText = {
    blurb: current?.blurb?.trim() ? current.blurb : blurb,
    since: current?.since?.trim() ? current.since : t('editions.practice.since', { year: years[0]!, count: years.length }),
    contactName: current?.contactName ?? null,
    contactEmail: current?.contactEmail ?? sources.contact.email,
    contactPhone: current?.contactPhone ?? sources.contact.phone,
    website: current?.website ?? sources.contact.website,
  }
  const same = current !== null && (Object.keys(proposed) as (keyof EntryText)[]).every((k) => proposed[k] === current[k])
  return same ? null : proposed
}
