// The categories and target groups practices are filed under. Reference data, frozen like any
// migration: add or rename them in a new migration.
import type { Kysely } from 'kysely'

const CATEGORIES = [
  ['onthaalbeleid', 'Onthaalbeleid'],
  ['taal', 'Taal en Nederlands oefenen'],
  ['participatie', 'Participatie en vrijwilligerswerk'],
  ['werk-en-opleiding', 'Werk en opleiding'],
  ['onderwijs', 'Onderwijs en kinderopvang'],
  ['welzijn-en-gezondheid', 'Welzijn en gezondheid'],
  ['vrije-tijd', 'Vrije tijd, sport en cultuur'],
  ['wonen', 'Wonen'],
  ['samenleven', 'Samenleven en diversiteit'],
] as const

const TARGET_GROUPS = [
  ['inburgeraars', 'Inburgeraars'],
  ['nieuwkomers', 'Nieuwe inwoners'],
  ['anderstaligen', 'Anderstaligen'],
  ['kinderen-en-jongeren', 'Kinderen en jongeren'],
  ['ouders-en-gezinnen', 'Ouders en gezinnen'],
  ['werkzoekenden', 'Werkzoekenden'],
  ['alle-inwoners', 'Alle inwoners'],
  ['medewerkers-en-vrijwilligers', 'Medewerkers en vrijwilligers'],
] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  const d = db as Kysely<{ practice_categories: { slug: string; name: string; position: number }; practice_target_groups: { slug: string; name: string; position: number } }>
  await d.insertInto('practice_categories').values(CATEGORIES.map(([slug, name], position) => ({ slug, name, position }))).execute()
  await d.insertInto('practice_target_groups').values(TARGET_GROUPS.map(([slug, name], position) => ({ slug, name, position }))).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const d = db as Kysely<{ practice_categories: { slug: string }; practice_target_groups: { slug: string } }>
  await d.deleteFrom('practice_target_groups').execute()
  await d.deleteFrom('practice_categories').execute()
}
