// Full-text search behind one function, with two implementations (ADR 0005):
// PostgreSQL tsvector with the 'dutch' configuration (stemming: "inburgeraars" finds
// "inburgeraar") or, for parts of compound words, a trigram match; SQLite FTS5 with the trigram
// tokenizer (any part of a word; no Dutch stemmer exists for FTS5). Every word must match.
// Features index a title and body per record and search within a kind and a municipality.
import { sql } from 'kysely'
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

export async function searchDocuments(db: Executor<SearchTables>, dialect: DialectName, query: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
  const terms = queryTerms(query.text)
  if (terms.length === 0) return { hits: [], total: 0 }
  return dialect === 'postgres' ? searchPostgres(db, terms, query) : searchSqlite(db, terms, query)
}

async function searchPostgres(db: Executor<SearchTables>, terms: string[], q: SearchQuery) {
  // Each term stemmed by the Dutch dictionary and matched as a prefix ("inburger" finds
  // "inburgeraar"); a document also matches when every term occurs inside its text, so a part of a
  // compound word is found ("ceremonie" in "inburgeringsceremonie").
  const tq = sql`to_tsquery('dutch', ${stemmedQuery(terms)})`
  const text = sql`lower(title || ' ' || body)`
  const contained = sql.join(terms.map((t) => sql`${text} like ${'%' + escapeLike(t) + '%'}`), sql` and `)
  const scope = q.municipalityId === null ? sql`municipality_id is null` : sql`municipality_id = ${q.municipalityId}`
  const { rows } = await sql<{ record_id: string; rank: number; snippet: string; total: number }>`
    select record_id, ts_rank(tsv, ${tq}) + case when lower(title) like ${'%' + escapeLike(terms[0]!) + '%'} then 0.1 else 0 end as rank,
      ts_headline('dutch', title || ' — ' || body, ${tq},
        ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, ShortWord=2`}) as snippet,
      count(*) over () as total
    from search_documents
    where kind = ${q.kind} and ${scope} and (tsv @@ ${tq} or (${contained}))
    order by rank desc, record_id
    limit ${q.limit ?? 20} offset ${q.offset ?? 0}`.execute(db)
  return { hits: rows.map(toHit), total: Number(rows[0]?.total ?? 0) }
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => '\\' + c)
}

function stemmedQuery(terms: string[]): string {
  // to_tsquery with the dutch config stems each lexeme; quoting keeps input from being syntax.
  return terms.map((t) => `'${t.replace(/'/g, "''")}':*`).join(' & ')
}

async function searchSqlite(db: Executor<SearchTables>, terms: string[], q: SearchQuery) {
  // The trigram tokenizer cannot match fewer than three characters; such words are left out
  // unless they are all there is (then nothing can match).
  const usable = terms.filter((t) => [...t].length >= 3)
  if (usable.length === 0) return { hits: [], total: 0 }
  const match = usable.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ')
  const scope = q.municipalityId === null ? sql`d.municipality_id is null` : sql`d.municipality_id = ${q.municipalityId}`
  // FTS5's ranking and snippet functions only work in a plain query on the FTS table: match
  // there first, then join the documents for the kind and tenant.
  const { rows } = await sql<{ record_id: string; rank: number; snippet: string; total: number }>`
    select d.record_id, f.rank, f.snippet, count(*) over () as total
    from (
      select rowid, -bm25(search_fts, 5.0, 1.0) as rank,
        snippet(search_fts, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 64) as snippet
      from search_fts where search_fts match ${match}
    ) f join search_documents d on d.rowid = f.rowid
    where d.kind = ${q.kind} and ${scope}
    order by f.rank desc, d.record_id
    limit ${q.limit ?? 20} offset ${q.offset ?? 0}`.execute(db)
  return { hits: rows.map(toHit), total: Number(rows[0]?.total ?? 0) }
}

function toHit(row: { record_id: string; rank: number; snippet: string }): SearchHit {
  return { recordId: row.record_id, rank: Number(row.rank), snippet: row.snippet }
}
