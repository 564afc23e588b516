// Stored photos. A photo is public only once a published practice shows it; before that (while
// its change request waits) only the editors may see it.
import { randomUUID } from 'node:crypto'
import type { Executor } from '../../platform/db/transaction.ts'
import type { ProcessedPhoto } from './images.ts'

export interface ImagesTables {
  images: { id: string; bytes: Buffer; type: string; width: number; height: number; created_at: Date }
  practices: { id: string; status: string; image_id: string | null }
}

type Db = Executor<ImagesTables>

export async function insertImage(db: Db, photo: ProcessedPhoto, now = new Date()): Promise<string> {
  const id = randomUUID()
  await db.insertInto('images').values({ id, bytes: photo.bytes, type: photo.type, width: photo.width, height: photo.height, created_at: now }).execute()
  return id
}

export interface StoredImage {
  bytes: Buffer
  type: string
  createdAt: Date
  /** Shown on a published practice, so anyone may see it. */
  isPublic: boolean
}

export async function findImage(db: Db, id: string): Promise<StoredImage | null> {
  const row = await db
    .selectFrom('images as i')
    .select(['i.bytes', 'i.type', 'i.created_at'])
    .select((eb) => eb.exists(eb.selectFrom('practices as p').select('p.id').whereRef('p.image_id', '=', 'i.id').where('p.status', '=', 'published')).as('is_public'))
    .where('i.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  // `exists` comes back as 0/1 on SQLite and as a boolean on PostgreSQL.
  return { bytes: Buffer.from(row.bytes), type: row.type, createdAt: row.created_at, isPublic: Boolean(row.is_public) }
}
