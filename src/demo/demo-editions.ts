// Demo editions (demo mode only): Mol plans its ceremony alone, about ten weeks from the day the
// demo is loaded, with the default programme, its partners at the info market and the first
// tasks done; Mechelen and
// Sint-Katelijne-Waver organise one together, about five months away, with no venue booked yet.
import { createEdition } from '../editions/edition-creation.ts'
import type { EditionInput } from '../editions/editions.ts'
import { insertPartner } from '../editions/partners/partners-queries.ts'
import { addStand, type PartnersTables } from '../editions/partners/stands-queries.ts'
import type { PlaybookTables } from '../editions/playbook/playbook-queries.ts'
import { addProgrammeItems, type ProgrammeTables } from '../editions/programme/programme-queries.ts'
import { DEFAULT_PROGRAMME } from '../editions/programme/programme.ts'
import { addDays, brusselsDate, fromBrussels } from '../platform/calendar.ts'
import type { AnyDb, Executor } from '../platform/db/transaction.ts'

const MOL_PARTNERS = [
  { name: 'Bibliotheek Mol', offer: 'Gratis lidkaart en een rondleiding', contactEmail: 'bibliotheek@mol.example' },
  { name: 'VDAB', offer: 'Hulp bij werk zoeken en opleidingen', contactEmail: 'vdab@mol.example' },
  { name: 'Buddyproject', offer: 'Word gekoppeld aan een buddy', contactEmail: 'buddy@mol.example' },
  { name: 'CVO Kempen', offer: 'Nederlands blijven leren', contactEmail: 'cvo@mol.example' },
  { name: 'Jeugddienst Mol', offer: 'Vrije tijd voor kinderen en jongeren', contactEmail: 'jeugd@mol.example' },
]

export async function loadDemoEditions(db: AnyDb, municipalityIds: Map<string, string>, now = new Date()): Promise<number> {
  const today = brusselsDate(now)
  const year = Number(today.slice(0, 4))
  const base: Omit<EditionInput, 'name' | 'startsAt' | 'capacity'> = {
    venueName: null,
    venueAddress: null,
    venueRoom: null,
    accessibility: null,
    // Certificates of this calendar year, so the sample lists (first quarter of 2026) import into
    // the demo's editions.
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
    replyBy: null,
    guestsPerInvitee: 2,
    languages: ['nl', 'ar', 'prs', 'ti', 'uk'],
    retentionDays: 90,
    coOrganiserIds: [],
  }
  const molDate = addDays(today, 70)
  const mol = await createEdition(db, {
    user: null,
    scope: { municipalityId: municipalityIds.get('13025')! },
    input: { ...base, name: `Welkomstceremonie Mol ${molDate.slice(0, 4)}`, startsAt: fromBrussels(molDate, '19:00'), capacity: 160, venueName: 'Cultuurcentrum ’t Getouw', venueAddress: 'Molenstraat 1, 2400 Mol', venueRoom: 'Theaterzaal', accessibility: 'Rolstoeltoegankelijk via de hoofdingang; ringleiding in de zaal.', replyBy: addDays(molDate, -14) },
    source: null,
    now,
  })
  await addProgrammeItems(db as Executor<ProgrammeTables>, mol, DEFAULT_PROGRAMME, now)
  // The first steps of the playbook are behind them.
  await (db as Executor<PlaybookTables>).updateTable('edition_tasks').set({ status: 'done', done_at: now }).where('edition_id', '=', mol).where('position', '<', 3).execute()
  // Mol's usual partners, four of them with a stand at this edition's info market.
  const scope = { municipalityId: municipalityIds.get('13025')! }
  const d = db as Executor<PartnersTables>
  for (const partner of MOL_PARTNERS) {
    const id = await insertPartner(d, scope, { contactName: null, contactPhone: null, ...partner }, now)
    if (partner.name !== 'Jeugddienst Mol') await addStand(d, mol, id, now)
  }
  const pairDate = addDays(today, 150)
  await createEdition(db, {
    user: null,
    scope: { municipalityId: municipalityIds.get('12025')! },
    input: { ...base, name: `Welkomstceremonie Mechelen en Sint-Katelijne-Waver ${pairDate.slice(0, 4)}`, startsAt: fromBrussels(pairDate, '14:00'), capacity: 300, coOrganiserIds: [municipalityIds.get('12035')!] },
    source: null,
    now,
  })
  return 2
}
