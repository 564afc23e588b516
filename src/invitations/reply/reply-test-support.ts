// Test set-up for the reply page: an edition open for
// replies with people who have an invitation (their token and short code revealed as a letter
// would print them).
import { randomUUID } from 'node:crypto'
import type { EditionInput } from '../../editions/editions.ts'
import type { TestApp } from '../../../test/helpers/app.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { ensureInvitations, invitationKeys } from '../invitations-queries.ts'

export interface Person {
  id: string
  firstName: string
  token: string
  code: string
}

export interface PersonInput {
  firstName: string
  lastName?: string
  language?: string | null
  email?: string | null
  phone?: string | null
}

/** A municipality with staff, an edition open for replies, and people with an invitation each. */
export async function openEditionWithPeople(t: TestApp, people: PersonInput[], overrides: Partial<EditionInput> = {}, municipalityName?: string) {
  const organiser = await createMunicipalityWithPeople(t.app, t.db, municipalityName ? { name: municipalityName } : {})
  const edition = await createEdition(t.db, organiser.municipality.id, { languages: ['ar', 'en'], ...overrides })
  await t.db.updateTable('editions').set({ status: 'invitations_open' }).where('id', '=', edition.id).execute()
  const ids: string[] = []
  const now = new Date()
  for (const p of people) {
    const id = randomUUID()
    ids.push(id)
    await t.db
      .insertInto('invitees')
      .values({ id, edition_id: edition.id, first_name: p.firstName, last_name: p.lastName ?? 'Test', language: p.language ?? null, email: p.email ?? null, phone: p.phone ?? null, warnings_json: '[]', created_at: now, updated_at: now })
      .execute()
  }
  await ensureInvitations(t.db, t.config, edition.id, now)
  const rows = await t.db.selectFrom('invitations').select(['invitee_id', 'token_sealed', 'code_sealed']).where('edition_id', '=', edition.id).execute()
  const persons: Person[] = ids.map((id, i) => {
    const row = rows.find((r: { invitee_id: string }) => r.invitee_id === id)!
    const keys = invitationKeys(t.config, row)
    return { id, firstName: people[i]!.firstName, token: keys.token, code: keys.code }
  })
  return { organiser, edition, people: persons }
}

/** The form of a plain "yes" with the given guests, as a browser posts it. */
export function yesAnswer(adults = 0, children = 0, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return { attending: 'yes', adults: String(adults), children: String(children), ...extra }
}
