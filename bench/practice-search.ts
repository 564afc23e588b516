// Practice search latency, in-process: a fixed set of realistic queries run round-robin against
// searchPractices (what the /praktijken?zoek= page calls), timed one call at a time.
import type { DialectName } from '../src/platform/db/database.ts'
import type { AnyDb } from '../src/platform/db/transaction.ts'
import { searchPractices } from '../src/practices/practices-queries.ts'

export interface SearchLatency {
  calls: number
  queries: number
  p50: number
  p95: number
  max: number
  /** Median number of matching practices per query, to show how selective the set is. */
  medianTotal: number
}

/** ~50 queries a visitor might type: common and rare words, two words, prefixes, place names. */
export function practiceQueries(municipalityNames: string[]): string[] {
  return [
    // single words, common to rare
    'taal', 'Nederlands', 'buddy', 'vrijwilligers', 'onthaal', 'bibliotheek', 'sport', 'wonen', 'gezondheid', 'jongeren',
    'ouders', 'werk', 'opleiding', 'dialoog', 'ceremonie', 'taalcafé', 'kinderopvang', 'brugfiguur', 'huurwaarborg', 'moestuin',
    'mutualiteit', 'jobbeurs', 'repaircafé', 'zwembadbrevet', 'voedselbank', 'kansentarief', 'senioren', 'stadswandeling',
    // prefixes
    'inburg', 'vrijwill', 'taalc', 'sollicit', 'huisart', 'speelplein',
    // two words
    'taal oefenen', 'buddy nieuwkomers', 'sport kinderen', 'wonen huurcontract', 'werk opleiding', 'ouders school',
    'dialoog buurt', 'gratis fietslessen', 'VDAB stage', 'wekelijks praatgroep',
    // municipality names: generated ones and those of the reference and demo practices
    ...municipalityNames.slice(0, 4), 'Mol', 'Tienen', 'Mechelen',
    // nothing matches
    'xylofoonorkest',
  ]
}

export async function measurePracticeSearch(db: AnyDb, dialect: DialectName, queries: string[], options: { calls: number; maxMs: number }): Promise<SearchLatency> {
  const run = (text: string) => searchPractices(db, dialect, { text, categories: [], targetGroups: [], municipalities: [], page: 1 })
  const totals: number[] = []
  // One warm-up pass: prepared statements and SQLite's page cache, as on a running server.
  for (const q of queries) totals.push((await run(q)).total)
  const timings: number[] = []
  const deadline = performance.now() + options.maxMs
  for (let i = 0; i < options.calls && performance.now() < deadline; i++) {
    const started = performance.now()
    await run(queries[i % queries.length]!)
    timings.push(performance.now() - started)
  }
  return { calls: timings.length, queries: queries.length, p50: percentile(timings, 0.5), p95: percentile(timings, 0.95), max: Math.max(...timings), medianTotal: percentile(totals, 0.5) }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0
}
