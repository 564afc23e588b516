// A consistent online copy of the SQLite database, taken while the app keeps running.
import Sqlite from 'better-sqlite3'
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { isPostgresUrl, sqlitePath } from './database.ts'

export class BackupRefused extends Error {}

export async function backupSqlite(databaseUrl: string, target: string): Promise<{ file: string; bytes: number }> {
  if (isPostgresUrl(databaseUrl)) {
    throw new BackupRefused('DATABASE_URL points at PostgreSQL: use pg_dump (e.g. `pg_dump --format=custom "$DATABASE_URL" > welkom.dump`).')
  }
  const source = sqlitePath(databaseUrl)
  if (!existsSync(source)) throw new BackupRefused(`There is no database at ${source} yet.`)
  const file = resolve(target)
  if (file === source) throw new BackupRefused('The backup file must differ from the database file.')
  if (existsSync(file)) throw new BackupRefused(`${file} already exists; choose a new file name.`)
  mkdirSync(dirname(file), { recursive: true })
  // better-sqlite3's backup uses SQLite's online backup API: other connections may keep writing.
  const db = new Sqlite(source, { readonly: true, fileMustExist: true })
  try {
    await db.backup(file)
  } finally {
    db.close()
  }
  return { file, bytes: statSync(file).size }
}
