// Every migration, in order. Add new ones at the end; never edit or reorder shipped ones.
import type { Migration } from 'kysely'
import * as platform from './2026_11_26_0001_platform.ts'
import * as practices from './2026_11_26_0002_practices.ts'
import * as practiceVocabulary from './2026_11_26_0003_practice_vocabulary.ts'
import * as practiceCatalogGeneration from './2026_11_26_0004_practice_catalog_generation.ts'
import * as editions from './2026_11_26_0005_editions.ts'
import * as invitees from './2026_11_26_0006_invitees.ts'
import * as inviteeList from './2026_11_27_0007_invitee_list.ts'
import * as invitations from './2026_11_27_0008_invitations.ts'
import * as replySeatsIndex from './2026_11_27_0009_reply_seats_index.ts'

export const migrations: Record<string, Migration> = {
  '2026_11_26_0001_platform': platform,
  '2026_11_26_0002_practices': practices,
  '2026_11_26_0003_practice_vocabulary': practiceVocabulary,
  '2026_11_26_0004_practice_catalog_generation': practiceCatalogGeneration,
  '2026_11_26_0005_editions': editions,
  '2026_11_26_0006_invitees': invitees,
  '2026_11_27_0007_invitee_list': inviteeList,
  '2026_11_27_0008_invitations': invitations,
  '2026_11_27_0009_reply_seats_index': replySeatsIndex,
}
