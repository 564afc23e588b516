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
  const id = `${doc.kind}:${doc.recordId}`
  const row = { id, kind: doc.kind, record_id: doc.recordId, municipality_id: doc.municipalityId, title: doc.title, body: doc.body, updated_at: new Date() }
  await db
    .insertInto('search_documents')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ title: row.title, body: row.body, municipality_id: row.municipality_id, updated_at: row.updated_at }))
    .execute()
}

export async function removeDocuments(db: Executor<SearchTables>, kind: string, recordIds: string[]): Promise<void> {
  if (recordIds.length === 0) return
  await db.deleteFrom('search_documents').where('kind', '=', kind).where('record_id', 'in', recordIds).execute()
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

/**
 * Only the ids of the matching documents, without ranking them: cheaper, for counting and
 * filtering (`id in (...)`). Null when the text holds no word that can match.
 */
export function matchingIds(dialect: DialectName, q: Omit<SearchQuery, 'limit' | 'offset'>): RawBuilder<{ record_id: string }> | null {
  const terms = queryTerms(q.text)
  if (dialect === 'postgres') {
    if (terms.length === 0) return null
    const { tq, contained } = postgresMatch(terms)
    return sql`select record_id from search_documents where kind = ${q.kind} and ${scopeSql(q.municipalityId, sql`municipality_id`)} and (tsv @@ ${tq} or (${contained}))`
  }
  const match = sqliteMatch(terms)
  if (!match) return null
  return sql`select d.record_id from search_fts f join search_documents d on d.rowid = f.rowid
    where search_fts match ${match} and d.kind = ${q.kind} and ${scopeSql(q.municipalityId, sql`d.municipality_id`)}`
}

/** Text around the matches for the given records (matched words between the highlight markers). */
export async function snippetsFor(db: Executor<SearchTables>, dialect: DialectName, q: Omit<SearchQuery, 'limit' | 'offset'>, recordIds: string[]): Promise<Map<string, string>> {
  const terms = queryTerms(q.text)
  if (recordIds.length === 0 || terms.length === 0) return new Map()
  const ids = sql.join(recordIds.map((id) => sql`${id}`))
  let rows: { record_id: string; snippet: string }[]
  if (dialect === 'postgres') {
    const { tq } = postgresMatch(terms)
    rows = (
      await sql<{ record_id: string; snippet: string }>`select record_id, ts_headline('dutch', title || ' — ' || body, ${tq},
        ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, ShortWord=2`}) as snippet
        from search_documents where kind = ${q.kind} and ${scopeSql(q.municipalityId, sql`municipality_id`)} and record_id in (${ids})`.execute(db)
    ).rows
  } else {
    const match = sqliteMatch(terms)
    if (!match) return new Map()
    rows = (
      await sql<{ record_id: string; snippet: string }>`select d.record_id, f.snippet from (
          select rowid, snippet(search_fts, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 64) as snippet from search_fts
          where search_fts match ${match} and rowid in (select rowid from search_documents where kind = ${q.kind} and record_id in (${ids}))
        ) f join search_documents d on d.rowid = f.rowid where ${scopeSql(q.municipalityId, sql`d.municipality_id`)}`.execute(db)
    ).rows
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
