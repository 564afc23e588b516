// Reference content every installation has: the practice the project started from (the seed
// page, ../shared/seed), with all twelve municipalities and exactly the lines the seed gives them.
// Entries the seed leaves empty stay empty, so they show up as incomplete for the editors.
import { sql } from 'kysely'
import { isPostgres } from '../platform/db/migration-helpers.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import { findMunicipalityByNis, insertMunicipality } from '../municipalities/municipalities-queries.ts'
import { insertPublishedPractice, practiceSlugExists } from './practices-queries.ts'

export const SEED_MUNICIPALITIES = [
  { nisCode: '11002', name: 'Antwerpen' },
  { nisCode: '23002', name: 'Asse' },
  // Bilzen merged with Hoeselt on 1 January 2025 into Bilzen-Hoeselt, which received a new NIS
  // code after the last one of arrondissement Tongeren. To be confirmed against Statbel's list.
  { nisCode: '73110', name: 'Bilzen-Hoeselt' },
  { nisCode: '11008', name: 'Brasschaat' },
  { nisCode: '13008', name: 'Geel' },
  { nisCode: '13011', name: 'Herentals' },
  { nisCode: '11057', name: 'Malle' },
  { nisCode: '12025', name: 'Mechelen' },
  { nisCode: '12035', name: 'Sint-Katelijne-Waver' },
  { nisCode: '13025', name: 'Mol' },
  { nisCode: '11040', name: 'Schoten' },
  { nisCode: '24107', name: 'Tienen' },
] as const

export const CEREMONY_SLUG = 'inburgeringsceremonie'

const ENTRIES: Record<string, { blurb: string; since?: string }> = {
  '11002': { blurb: 'Atlas Antwerpen organiseert jaarlijks een inburgeringsceremonie.', since: 'jaarlijks' },
  '73110': { blurb: 'Bilzen organiseerde in 2018 de eerste inburgeringsceremonie in Limburg.', since: 'sinds 2018' },
  '11008': {
    blurb: 'Samen met het Agentschap voor Integratie en Inburgering organiseert de gemeente Brasschaat om de twee jaar een inburgeringsceremonie. De eerste vond plaats in 2014.',
    since: 'sinds 2014, om de twee jaar',
  },
  '13008': { blurb: 'Onthaaldag voor nieuwe inwoners.' },
  '11040': { blurb: 'In het Kasteel van Schoten ontvangt de gemeente alle inwoners die gedurende een welbepaalde periode hun inburgeringsattest behaalden.' },
  '24107': {
    blurb:
      "Tijdens 'Voel je thuis in Tienen' krijgen inburgeraars allerlei informatie op een infomarkt. Ze vinden er infostanden van diensten met een vrijetijdsaanbod of opleidingen, zoals het CVO, CBE, de VDAB, de Kringwinkel, de jeugddienst, oefenkansen Nederlands, het buddyproject, de bibliotheek en het cultuurcentrum. De trajectbegeleider van het Agentschap Integratie en Inburgering is ook aanwezig.",
  },
}

/** Ensures the seed municipalities exist (by NIS code) and returns their ids. */
export async function ensureMunicipalities(db: AnyDb, list: readonly { nisCode: string; name: string }[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  for (const m of list) {
    const existing = await findMunicipalityByNis(db, m.nisCode)
    ids.set(m.nisCode, existing?.id ?? (await insertMunicipality(db, m)))
  }
  return ids
}

/** Loads the reference content once; running it again changes nothing. */
export async function loadReferenceData(db: AnyDb): Promise<{ practices: number }> {
  return db.transaction().execute(async (trx) => {
    // Several instances may start at once: on PostgreSQL, one loads while the others wait.
    if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext('welkom-reference-data'))`.execute(trx)
    const municipalities = await ensureMunicipalities(trx, SEED_MUNICIPALITIES)
    if (await practiceSlugExists(trx, CEREMONY_SLUG)) return { practices: 0 }
    await insertPublishedPractice(
      trx,
      {
        slug: CEREMONY_SLUG,
        title: 'Inburgeringsceremonie',
        summary: 'Met een inburgeringsceremonie kan je nieuwe inwoners die het inburgeringstraject hebben afgerond in de bloemetjes zetten.',
        categories: ['onthaalbeleid'],
        targetGroups: ['inburgeraars'],
        goals: [
          'De inspanningen van inburgeraars erkennen',
          'Hen uitnodigen om verder deel te nemen aan het leven in de gemeente',
          'Het draagvlak voor diversiteit in de gemeente vergroten',
          'Het vertrouwen in de gemeentelijke dienstverlening versterken',
        ],
        targetGroup: 'Alle inburgeraars die tijdens een bepaalde periode een inburgeringsattest haalden bij het Agentschap Integratie en Inburgering',
        description:
          "Een inburgeringsceremonie is een warm gebeuren. De burgemeester of schepen geeft een speech, de gemeente zorgt vaak voor een aandenken, neemt individuele en groepsfoto's, en organiseert soms een infomarkt. Vaak dragen de (ex-)inburgeraars ook bij aan de organisatie, met muziek, hapjes of kunst. Tijdens de receptie maken bestuurders en medewerkers van de gemeente kennis met de genodigden, en bouwen de nieuwkomers verder hun netwerk uit.",
        partners: "Een inburgeringsceremonie organiseer je samen met de Agentschappen Integratie en Inburgering. Je vindt meer inspiratie in hun 'Draaiboek Inburgeringsceremonie'.",
        resources: [{ label: 'Draaiboek Inburgeringsceremonie (Agentschap Integratie en Inburgering)', url: null }],
        successFactors: null,
        challenges: null,
        isDemo: false,
        entries: SEED_MUNICIPALITIES.map((m) => ({
          municipalityId: municipalities.get(m.nisCode)!,
          blurb: ENTRIES[m.nisCode]?.blurb ?? null,
          since: ENTRIES[m.nisCode]?.since ?? null,
          contactName: null,
          contactEmail: null,
          contactPhone: null,
          website: null,
        })),
      },
      null,
    )
    return { practices: 1 }
  })
}
