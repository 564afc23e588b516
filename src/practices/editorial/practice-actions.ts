// What an editor does to a practice itself: move it through its statuses, and restore an
// earlier version as a new one (history is never rewritten).
import type { Kysely } from 'kysely'
import type { CurrentUser } from '../../accounts/accounts.ts'
import { recordAudit } from '../../audit/audit-queries.ts'
import { NotFound } from '../../platform/errors.ts'
import type { PracticeStatus } from '../practices.ts'
import { findPracticeById, indexPractice } from '../practices-queries.ts'
import { canTransition, restorableVersion } from './editorial.ts'
import { existingVocabulary, findVersion, imageExists, listVersions, recordVersion, setPracticeImage, setPracticeStatus, startNewVersion, updatePracticeText } from './editorial-queries.ts'
import { publishVersion } from './editorial-decisions.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>

export type StatusOutcome = 'changed' | 'not_allowed' | 'conflict'

export async function changePracticeStatus(db: Db, editor: CurrentUser, practiceId: string, to: PracticeStatus, now = new Date()): Promise<StatusOutcome> {
  return db.transaction().execute(async (trx) => {
    const practice = await findPracticeById(trx, practiceId)
    if (!practice) throw new NotFound('practice')
    if (!canTransition(practice.status, to)) return 'not_allowed'
    // Conditional on the status just read: if another editor moved it meanwhile, nothing happens.
    if (!(await setPracticeStatus(trx, practiceId, practice.status, to, now))) return 'conflict'
    if (to === 'published') {
      // A practice published for the first time has its first version kept, like every other.
      const versions = await listVersions(trx, practiceId)
      const published = (await findPracticeById(trx, practiceId))!
      if (!versions.some((v) => v.version === published.version)) await recordVersion(trx, published, editor, now)
      await indexPractice(trx, published)
    }
    await recordAudit(trx, { municipalityId: null, actor: editor, action: 'practice.status_changed', record: { type: 'practice', id: practiceId }, details: { from: practice.status, to } })
    return 'changed'
  })
}

export type RestoreOutcome = { ok: true; version: number } | { ok: false; reason: 'not_restorable' }

export async function restoreVersion(db: Db, editor: CurrentUser, practiceId: string, version: number, now = new Date()): Promise<RestoreOutcome> {
  return db.transaction().execute(async (trx) => {
    const stored = await findVersion(trx, practiceId, version)
    if (!stored) throw new NotFound('practice version')
    const restorable = restorableVersion(stored.snapshot)
    if (!restorable) return { ok: false, reason: 'not_restorable' } as const
    // Categories or an image may have been removed since: restore what still exists.
    const vocabulary = await existingVocabulary(trx, restorable.text.categories, restorable.text.targetGroups)
    const image = restorable.image && (await imageExists(trx, restorable.image.id)) ? restorable.image : null
    const newVersion = await startNewVersion(trx, practiceId, now)
    await updatePracticeText(trx, practiceId, { ...restorable.text, ...vocabulary })
    await setPracticeImage(trx, practiceId, image)
    await publishVersion(trx, practiceId, editor, now)
    await recordAudit(trx, { municipalityId: null, actor: editor, action: 'practice.version_restored', record: { type: 'practice', id: practiceId }, details: { restoredVersion: version, newVersion } })
    return { ok: true, version: newVersion } as const
  })
}
