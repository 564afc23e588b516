import type { Kysely, Transaction } from 'kysely'

/** Either the database or an open transaction: query functions accept both. */
export type Executor<DB> = Kysely<DB> | Transaction<DB>

/**
 * Runs `work` in a transaction, or inside the caller's transaction when given one, so that a
 * route or job owns the transaction and the functions it calls simply take part in it.
 */
export async function inTransaction<DB, T>(db: Executor<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<DB>)
  return (db as Kysely<DB>).transaction().execute(work)
}

/**
 * The whole schema, for code that combines several features' queries (a route, a job). Each query
 * file types only its own tables (`Executor<MailTables>`); `any` here lets one handle serve them all.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Executor<any>
