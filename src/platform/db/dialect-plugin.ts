// Smooths the differences between SQLite and PostgreSQL so that queries are written once.
//
// Parameters (toDatabaseValue, applied as the driver binds them, see database.ts): SQLite
// (better-sqlite3) throws on booleans and Dates, so they become 0/1 and ISO text there; objects
// and arrays become JSON text on both (pg would turn an array into a PostgreSQL array, which is
// never what we mean).
//
// Results follow a column naming convention (ADR 0004):
//   *_at       timestamps  → Date        (SQLite keeps ISO text)
//   is_*, has_* booleans    → boolean     (SQLite keeps 0/1)
//   *_json     JSON         → parsed value (SQLite keeps text; PostgreSQL jsonb is parsed already)
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely'

type Dialect = 'sqlite' | 'postgres'

export function toDatabaseValue(value: unknown, dialect: Dialect): unknown {
  if (value === null || value === undefined) return value
  if (dialect === 'sqlite') {
    if (typeof value === 'boolean') return value ? 1 : 0
    if (value instanceof Date) return value.toISOString()
  }
  if (value instanceof Date || Buffer.isBuffer(value) || value instanceof Uint8Array) return value
  if (typeof value === 'object') return JSON.stringify(value)
  return value
}

export function fromDatabaseRow(row: UnknownRow, dialect: Dialect): UnknownRow {
  const out: UnknownRow = {}
  for (const key in row) out[key] = fromDatabaseValue(key, row[key], dialect)
  return out
}

type ColumnKind = 'json' | 'timestamp' | 'boolean' | 'plain'

/** What a column name says about its values; worked out once per name, as pages read the same columns over and over. */
const kinds = new Map<string, ColumnKind>()

function kindOf(column: string): ColumnKind {
  let kind = kinds.get(column)
  if (kind === undefined) {
    kind = column.endsWith('_json') ? 'json' : column.endsWith('_at') ? 'timestamp' : column.startsWith('is_') || column.startsWith('has_') ? 'boolean' : 'plain'
    // Column names come from the code, not from data, but bound the map all the same.
    if (kinds.size < 10_000) kinds.set(column, kind)
  }
  return kind
}

function fromDatabaseValue(column: string, value: unknown, dialect: Dialect): unknown {
  if (value === null || value === undefined) return value
  switch (kindOf(column)) {
    case 'json':
      return typeof value === 'string' ? JSON.parse(value) : value
    case 'timestamp':
      return dialect === 'sqlite' && typeof value === 'string' ? new Date(value) : value
    case 'boolean':
      return dialect === 'sqlite' && typeof value === 'number' ? value !== 0 : value
    default:
      return value
  }
}

/** Converts results; parameters are converted as the driver binds them (database.ts). */
export class DialectPlugin implements KyselyPlugin {
  constructor(private readonly dialect: Dialect) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return { ...args.result, rows: args.result.rows.map((row) => fromDatabaseRow(row, this.dialect)) }
  }
}
