// Editions for tests: a draft edition of a municipality (and co-organisers), with the default
// playbook's tasks, created the way the app creates one.
import type { AnyDb } from '../../src/platform/db/transaction.ts'
import type { TestApp } from './app.ts'
import { createMunicipalityWithPeople } from './factories.ts'
import { createEdition as create } from '../../src/editions/edition-creation.ts'
import type { EditionInput } from '../../src/editions/editions.ts'
import { findEdition } from '../../src/editions/editions-queries.ts'
import { addDays, brusselsDate, fromBrussels } from '../../src/platform/calendar.ts'

/** The form fields of a valid edition about ten weeks from now, as a browser would post them. */
export function editionFields(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const date = addDays(brusselsDate(new Date()), 70)
  return {
    name: 'Welkomstceremonie 2027',
    date,
    time: '19:00',
    venueName: 'Cultuurcentrum',
    venueAddress: 'Kerkstraat 1, 2400 Mol',
    venueRoom: 'Grote zaal',
    capacity: '150',
    accessibility: 'Rolstoeltoegankelijk via de zij-ingang.',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    replyBy: addDays(date, -14),
    guestsPerInvitee: '2',
    retentionDays: '90',
    languages: ['ar', 'en'],
    ...overrides,
  }
}

export async function createEdition(db: AnyDb, municipalityId: string, overrides: Partial<EditionInput> & { date?: string; time?: string } = {}) {
  const fields = editionFields()
  const date = overrides.date ?? (fields.date as string)
  const input: EditionInput = {
    name: 'Welkomstceremonie 2027',
    startsAt: fromBrussels(date, overrides.time ?? '19:00'),
    venueName: 'Cultuurcentrum',
    venueAddress: 'Kerkstraat 1, 2400 Mol',
    venueRoom: null,
    capacity: 150,
    accessibility: null,
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    replyBy: null,
    guestsPerInvitee: 2,
    languages: ['nl', 'ar'],
    retentionDays: 90,
    coOrganiserIds: [],
    ...overrides,
  }
  const scope = { municipalityId }
  const id = await create(db, { user: null, scope, input, source: null, now: new Date() })
  return (await findEdition(db, scope, id))!
}

export type Organiser = Awaited<ReturnType<typeof createMunicipalityWithPeople>>

/**
 * The municipalities edition tests need, each with a signed-in admin and staff member: Mechelen
 * and Sint-Katelijne-Waver, who organise together, and Mol, a third who must see nothing of theirs.
 */
export async function createOrganisers(t: TestApp): Promise<{ mechelen: Organiser; skw: Organiser; mol: Organiser }> {
  return {
    mechelen: await createMunicipalityWithPeople(t.app, t.db, { name: 'Mechelen' }),
    skw: await createMunicipalityWithPeople(t.app, t.db, { name: 'Sint-Katelijne-Waver' }),
    mol: await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' }),
  }
}
