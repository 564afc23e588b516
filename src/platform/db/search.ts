// Full-text search behind one function, with two implementations (ADR 0005):
// PostgreSQL tsvector with the 'dutch' configuration (stemming: "inburgeraars" finds
// "inburgeraar") or, for parts of compound words, a trigram match; SQLite FTS5 with the trigram
// tokenizer (any part of a word; no Dutch stemmer exists for FTS5). Every word must match.
// Features index a title and body per record and search within a kind and a municipality.
import { sql, type RawBuilder } from 'kysely'
import type { DialectName } from './database.ts'
import type { Executor } from './transaction.ts'

export interface SearchTables {
  search_documents: {
    id: string
    kind: string
    record_id: string
    municipality_id: string | null
    title: string
    body: string
    updated_at: Date
  }
}

export interface SearchDocument {
  kind: string
  recordId: string
  /** The tenant; null for public records such as practices. */
  municipalityId: string | null
  title: string
  body: string
}

export interface SearchHit {
  recordId: string
  rank: number
  /** Text around the matches; matched words sit between HIGHLIGHT_START and HIGHLIGHT_END. */
  snippet: string
}

export const HIGHLIGHT_START = '\u0002'
export const HIGHLIGHT_END = '\u0003'

export async function indexDocument(db: Executor<SearchTables>, doc: SearchDocument): Promise<void> {
  const id = documentId(doc.kind, doc.recordId)
  const row = { id, kind: doc.kind, record_id: doc.recordId, municipality_id: doc.municipalityId, title: doc.title, body: doc.body, updated_at: new Date() }
  await db
    .insertInto('search_documents')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ title: row.title, body: row.body, municipality_id: row.municipality_id, updated_at: row.updated_at }))
    .execute()
}

/** The primary key of a record's document: looking documents up by it uses the index. */
function documentId(kind: string, recordId: string): string {
  return `${kind}:${recordId}`
}

export async function removeDocuments(db: Executor<SearchTables>, kind: string, recordIds: string[]): Promise<void> {
  if (recordIds.length === 0) return
  await db.deleteFrom('search_documents').where('id', 'in', recordIds.map((id) => documentId(kind, id))).execute()
}

export interface SearchQuery {
  kind: string
  /** Required for tenant data; null searches public records (municipality_id is null). */
  municipalityId: string | null
  text: string
  limit?: number
  offset?: number
}

/** The words of a user's query, without operators or punctuation, so no input is a syntax error. */
export function queryTerms(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12)
}

/**
 * The matching documents as SQL `(record_id, rank)`, to use as a subquery: a feature joins it to
 * its own table, filters and pages there, and asks `snippetsFor` only for the page it shows.
 * Null when the text holds no word that can match.
 */
export function rankedMatches(dialect: DialectName, q: Omit<SearchQuery, 'limit' | 'offset'>): RawBuilder<{ record_id: string; rank: number }> | null {
  const terms = queryTerms(q.text)
  if (dialect === 'postgres') {
    if (terms.length === 0) return null
    const { tq, contained } = postgresMatch(terms)
    return sql`select record_id, ts_rank(tsv, ${tq}) + case when lower(title) like ${'%' + escapeLike(terms[0]!) + '%'} then 0.1 else 0 end as rank
      from search_documents where kind = ${q.kind} and ${scopeSql(q.municipalityId, sql`municipality_id`)} and (tsv @@ ${tq} or (${contained}))`
  }
  const match = sqliteMatch(terms)
  if (!match) return null
  // FTS5's ranking and snippet functions only work in a plain query on the FTS table: match
  // there first, then join the documents for the kind and tenant.
  return sql`select d.record_id, f.rank from (select rowid, -bm25(search_fts, 5.0, 1.0) as rank from search_fts where search_fts match ${match}) f
    join search_documents d on d.rowid = f.rowid where d.kind = ${q.kind} and ${scopeSql(q.municipalityId, sql`d.municipality_id`)}`
}

/** Text around the matches for the given records (matched words between the highlight markers). */
export async function snippetsFor(db: Executor<SearchTables>, dialect: DialectName, q: Omit<SearchQuery, 'limit' | 'offset'>, recordIds: string[]): Promise<Map<string, string>> {
  const terms = queryTerms(q.text)
  if (recordIds.length === 0 || terms.length === 0) return new Map()
  const ids = recordIds.map((id) => documentId(q.kind, id))
  let rows: { record_id: string; snippet: string }[]
  if (dialect === 'postgres') {
    const { tq } = postgresMatch(terms)
    rows = (
      await sql<{ record_id: string; snippet: string }>`select record_id, ts_headline('dutch', title || ' — ' || body, ${tq},
        ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, ShortWord=2`}) as snippet
        from search_documents where kind = ${q.kind} and ${scopeSql(q.municipalityId, sql`municipality_id`)} and id in (${sql.join(ids)})`.execute(db)
    ).rows
  } else {
    // FTS5's snippet() re-reads the match for every call; the trigram match is a plain substring
    // test, so the same marks are found here in a fraction of the time.
    const usable = terms.filter((t) => [...t].length >= 3)
    // By primary key only (the id holds the kind); the tenant is checked on the rows, since with
    // it in the query SQLite picks the kind index and reads every document of the kind.
    const docs = await db.selectFrom('search_documents').select(['record_id', 'municipality_id', 'title', 'body']).where('id', 'in', ids).execute()
    rows = docs.filter((d) => d.municipality_id === q.municipalityId).map((d) => ({ record_id: d.record_id, snippet: snippetAround(`${d.title} — ${d.body}`, usable) }))
  }
  return new Map(rows.map((r) => [r.record_id, r.snippet]))
}

/** Ranked hits with snippets, for a search over one kind of record without further filters. */
export async function searchDocuments(db: Executor<SearchTables>, dialect: DialectName, query: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
  const matches = rankedMatches(dialect, query)
  if (!matches) return { hits: [], total: 0 }
  const { rows } = await sql<{ record_id: string; rank: number; total: number }>`select record_id, rank, count(*) over () as total
    from (${matches}) m order by rank desc, record_id limit ${query.limit ?? 20} offset ${query.offset ?? 0}`.execute(db)
  const snippets = await snippetsFor(db, dialect, query, rows.map((r) => r.record_id))
  return {
    hits: rows.map((r) => ({ recordId: r.record_id, rank: Number(r.rank), snippet: snippets.get(r.record_id) ?? '' })),
    total: Number(rows[0]?.total ?? 0),
  }
}

const SNIPPET_WORDS = 30

/**
 * About thirty words around the first match, with every match marked, the way SQLite's trigram
 * index matches: anywhere in a word, ignoring case and accents ("cafe" marks "Café").
 */
export function snippetAround(text: string, terms: string[]): string {
  const { folded, origin } = fold(text)
  const matches: [number, number][] = []
  for (const term of new Set(terms.map((t) => fold(t).folded))) {
    if (!term) continue
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) matches.push([origin[at]!, origin[at + term.length - 1]! + 1])
  }
  matches.sort((a, b) => a[0] - b[0])
  // The words of the text with their offsets; the window starts a few words before the first match.
  const words = [...text.matchAll(/\S+/g)].map((w) => [w.index, w.index + w[0].length] as const)
  const firstMatch = matches[0]?.[0] ?? 0
  const firstWord = Math.max(0, words.findIndex(([, end]) => end > firstMatch) - 5)
  const lastWord = Math.min(words.length, firstWord + SNIPPET_WORDS) - 1
  if (lastWord < firstWord) return ''
  const from = words[firstWord]![0]
  const to = words[lastWord]![1]
  let out = firstWord > 0 ? '…' : ''
  let at = from
  for (const [start, end] of matches) {
    if (start < at || end > to) continue
    out += text.slice(at, start) + HIGHLIGHT_START + text.slice(start, end) + HIGHLIGHT_END
    at = end
  }
  out += text.slice(at, to) + (lastWord < words.length - 1 ? '…' : '')
  return out.replace(/\s+/g, ' ')
}

/** Lower case without accents, and for each of its characters the offset it came from. */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = ''
  const origin: number[] = []
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const part = code < 128 ? text[i]!.toLowerCase() : text[i]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    folded += part
    for (let k = 0; k < part.length; k++) origin.push(i)
  }
  return { folded, origin }
}

function scopeSql(municipalityId: string | null, column: RawBuilder<unknown>) {
  return municipalityId === null ? sql`${column} is null` : sql`${column} = ${municipalityId}`
}

/**
 * PostgreSQL: each term stemmed by the Dutch dictionary and matched as a prefix ("inburger" finds
 * "inburgeraar"); a document also matches when every term occurs inside its text, so a part of a
 * compound word is found ("ceremonie" in "inburgeringsceremonie").
 */
function postgresMatch(terms: string[]) {
  const tq = sql`to_tsquery('dutch', ${stemmedQuery(terms)})`
  const text = sql`lower(title || ' ' || body)`
  const contained = sql.join(terms.map((t) => sql`${text} like ${'%' + escapeLike(t) + '%'}`), sql` and `)
  return { tq, contained }
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => '\\' + c)
}

function stemmedQuery(terms: string[]): string {
  // to_tsquery with the dutch config stems each lexeme; quoting keeps input from being syntax.
  return terms.map((t) => `'${t.replace(/'/g, "''")}':*`).join(' & ')
}

/**
 * SQLite: the trigram tokenizer matches any part of a word but nothing shorter than three
 * characters; such words are left out unless they are all there is (then nothing can match).
 */
function sqliteMatch(terms: string[]): string | null {
  const usable = terms.filter((t) => [...t].length >= 3)
  return usable.length ? usable.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ') : null
}
