// Queries on the busiest paths (the reply page and saving an answer, the audit trail) are built and
// compiled by Kysely once per dialect instead of on every call: building and compiling cost about
// 15 µs a query, as much as SQLite takes to run most of them.
//
// The builder runs once, with placeholders in place of its arguments, so it must not look at them
// (no `if`, no list whose length depends on them): the SQL it compiles is reused for every call,
// with the real values bound where the placeholders were.
import type { CompiledQuery, QueryResult } from 'kysely'
import { isPostgres } from './migration-helpers.ts'
import type { AnyDb } from './transaction.ts'

const PLACEHOLDER = '\u0000prepared-argument:'

interface Prepared {
  compiled: CompiledQuery
  /** For each compiled parameter: the argument it takes, or null for a constant of the builder. */
  arguments: (number | null)[]
}

export function prepared<Args extends unknown[], Row>(build: (db: AnyDb, ...args: Args) => { compile(): CompiledQuery<Row> }): (db: AnyDb, ...args: Args) => Promise<QueryResult<Row>> {
  const byDialect = new Map<'sqlite' | 'postgres', Prepared>()
  return async (db, ...args) => {
    const dialect = isPostgres(db) ? 'postgres' : 'sqlite'
    let entry = byDialect.get(dialect)
    if (!entry) {
      const placeholders = args.map((_, i) => `${PLACEHOLDER}${i}`) as Args
      const compiled = build(db, ...placeholders).compile()
      const taken = compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(PLACEHOLDER) ? Number(p.slice(PLACEHOLDER.length)) : null))
      if (new Set(taken.filter((i) => i !== null)).size !== args.length) throw new Error('a prepared query must use each of its arguments as a value')
      byDialect.set(dialect, (entry = { compiled, arguments: taken }))
    }
    const { compiled, arguments: taken } = entry
    const parameters = compiled.parameters.map((constant, i) => (taken[i] === null ? constant : args[taken[i]!]))
    return db.executeQuery<Row>({ ...compiled, parameters })
  }
}
