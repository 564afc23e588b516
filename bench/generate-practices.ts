// Generated practices for the benchmark: many municipalities and thousands of published practices
// with varied Dutch-ish text, so search has realistic selectivity (common words match many
// practices, rare ones a few). Deterministic (seeded), so runs compare. Bulk inserts in one
// transaction; the search index is filled directly, in bulk, with the same text indexPractice uses.
import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { MunicipalitiesTables } from '../src/municipalities/municipalities-queries.ts'
import type { SearchTables } from '../src/platform/db/search.ts'
import type { AnyDb } from '../src/platform/db/transaction.ts'
import { SEARCH_KIND, searchText, slugify, type PracticeEntry } from '../src/practices/practices.ts'
import type { PracticesTables } from '../src/practices/practices-queries.ts'

type Tables = Omit<PracticesTables, 'municipalities'> & MunicipalitiesTables & SearchTables

// Each practice draws most of its words from the themes of its categories and a few from the
// general lists, so a theme word ("huurwaarborg") matches a slice of the practices, as in real data.
const THEMES: Record<string, { topics: string[]; nouns: string[] }> = {
  onthaalbeleid: { topics: ['onthaaldag', 'welkomstmoment', 'inburgeringsceremonie', 'onthaalbrochure', 'welkomstpakket', 'kennismakingsronde'], nouns: ['onthaal', 'burgemeester', 'gemeentehuis', 'infomarkt', 'receptie', 'stadsbezoek', 'busrit', 'uitnodiging', 'welkomstbrief', 'inburgeringsattest', 'aandenken', 'groepsfoto'] },
  taal: { topics: ['taalcafé', 'praatgroep', 'taalwandeling', 'voorleesuur', 'conversatietafel', 'taalmaatje'], nouns: ['Nederlands', 'oefenkansen', 'taalniveau', 'woordenschat', 'uitspraak', 'taalcoach', 'leesclub', 'eenvoudig Nederlands', 'taalbad', 'spreekdurf', 'taalles', 'gesprekstafel'] },
  participatie: { topics: ['buddyproject', 'vrijwilligersvacaturebank', 'adviesraad', 'buurtcomité', 'vrijwilligersbeurs'], nouns: ['vrijwilligerswerk', 'buddy', 'vereniging', 'engagement', 'inspraak', 'netwerk', 'duo', 'coördinator', 'vrijwilligerspunt', 'burgerbudget', 'buurtinitiatief'] },
  'werk-en-opleiding': { topics: ['jobbeurs', 'sollicitatietraining', 'werkervaringstraject', 'jobclub', 'opleidingsbeurs'], nouns: ['VDAB', 'werkgever', 'stage', 'sollicitatie', 'cv', 'diploma', 'gelijkwaardigheid', 'werkvloer', 'loopbaan', 'uitzendkantoor', 'arbeidsmarkt', 'werkervaring'] },
  onderwijs: { topics: ['brugfiguur', 'huiswerkklas', 'ouderavond', 'schoolpoortcafé', 'onthaalklas', 'kleuterparticipatie'], nouns: ['school', 'leerkracht', 'kleuter', 'inschrijving', 'schoolfactuur', 'CLB', 'kinderopvang', 'huiswerk', 'oudercontact', 'schoolloopbaan', 'leerplicht'] },
  'welzijn-en-gezondheid': { topics: ['gezondheidsinfosessie', 'spreekuur', 'sociale kruidenier', 'voedselbedeling', 'welzijnsbabbel'], nouns: ['huisarts', 'mutualiteit', 'apotheek', 'vaccinatie', 'wachtpost', 'Kind en Gezin', 'geestelijke gezondheid', 'voedselbank', 'armoede', 'sociaal huis', 'schuldbemiddeling', 'tolk'] },
  'vrije-tijd': { topics: ['sportkennismaking', 'vrijetijdspas', 'speelpleinwerking', 'zwemlessen', 'fietslessen', 'kookatelier'], nouns: ['sportclub', 'kansentarief', 'UiTPAS', 'jeugdbeweging', 'cultuurcentrum', 'zwembadbrevet', 'sportdienst', 'kamp', 'lidgeld', 'fietsbieb', 'museumbezoek', 'speelstraat'] },
  wonen: { topics: ['woonbegeleiding', 'huurdersinfosessie', 'woonloket', 'energiescan', 'woonzoekcafé'], nouns: ['huurcontract', 'huurwaarborg', 'plaatsbeschrijving', 'verhuurder', 'sociale woning', 'energiepremie', 'huurpremie', 'woningkwaliteit', 'inschrijvingsregister', 'verhuis', 'huurdersbond'] },
  samenleven: { topics: ['dialoogtafel', 'buurtfeest', 'moestuin', 'repaircafé', 'stadswandeling', 'ontmoetingsavond'], nouns: ['dialoog', 'buurt', 'wijk', 'diversiteit', 'vooroordelen', 'buren', 'ontmoeting', 'samenleven', 'wijkagent', 'buurtwerking', 'levensbeschouwing', 'verbinding'] },
}
const PLACES = ['de bibliotheek', 'het buurthuis', 'het gemeentehuis', 'het sociaal huis', 'de sporthal', 'het cultuurcentrum', 'de school', 'het dienstencentrum', 'het park', 'het jeugdhuis', 'het woonzorgcentrum', 'de kringwinkel', 'het zwembad', 'de markt', 'het station', 'de parochiezaal']
const GROUPS = ['nieuwkomers', 'inburgeraars', 'anderstaligen', 'jongeren', 'kinderen', 'ouders', 'gezinnen', 'werkzoekenden', 'vrouwen', 'senioren', 'studenten', 'vluchtelingen', 'buren', 'vrijwilligers', 'alleenstaanden', 'mantelzorgers']
const VERBS = ['oefenen', 'ontmoeten', 'begeleiden', 'leren', 'organiseren', 'verbinden', 'ontdekken', 'kennismaken', 'ondersteunen', 'uitnodigen', 'samenwerken', 'doorverwijzen', 'informeren', 'bereiken', 'versterken', 'vieren', 'opvolgen', 'aanmoedigen']
const ADJECTIVES = ['laagdrempelig', 'gratis', 'meertalig', 'eenvoudig', 'wekelijks', 'maandelijks', 'warm', 'persoonlijk', 'praktisch', 'toegankelijk', 'kleinschalig', 'flexibel', 'duurzaam', 'creatief', 'jaarlijks', 'vertrouwd']
const PARTNERS = ['VDAB', 'het Agentschap Integratie en Inburgering', 'het OCMW', 'het CVO', 'het Centrum voor Basiseducatie', 'Kind en Gezin', 'de sportdienst', 'de jeugddienst', 'de cultuurdienst', 'het woonloket', 'de politie', 'het CAW', 'de mutualiteiten', 'de scholen', 'lokale verenigingen', 'het Rode Kruis', 'de huisartsenkring']
const CATEGORIES = Object.keys(THEMES)
const TARGET_GROUPS = ['inburgeraars', 'nieuwkomers', 'anderstaligen', 'kinderen-en-jongeren', 'ouders-en-gezinnen', 'werkzoekenden', 'alle-inwoners', 'medewerkers-en-vrijwilligers']
const NAME_START = ['Ooster', 'Wester', 'Noord', 'Zuid', 'Hoog', 'Laag', 'Oud', 'Nieuw', 'Groot', 'Klein', 'Sint-', 'Over', 'Neder', 'Berg', 'Heide', 'Bos', 'Ham', 'Lo', 'Mer', 'Ter']
const NAME_STEM = ['bra', 'dil', 'ever', 'gel', 'her', 'kal', 'lier', 'mal', 'nijl', 'op', 'pel', 'rum', 'ste', 'ton', 'ur', 'vor', 'wil', 'zel', 'bee', 'dor']
const NAME_END = ['gem', 'kerke', 'hout', 'beek', 'rode', 'dijk', 'donk', 'lo', 'zele', 'hoven', 'laar', 'mere', 'sel', 'broek', 'heim', 'ingen']

/** Mulberry32: a small, fast, seeded random generator. */
export function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface GeneratedData {
  practices: number
  municipalities: number
  /** Names of the generated municipalities, for realistic queries. */
  municipalityNames: string[]
  ms: number
}

export async function generatePractices(db: AnyDb, options: { practices: number; municipalities: number; seed?: number }): Promise<GeneratedData> {
  const started = performance.now()
  const rnd = random(options.seed ?? 20261126)
  // Favours the start of a list (skew > 1), so some words and places are common and others rare.
  const pick = <T>(list: readonly T[], skew = 1.4): T => list[Math.floor(list.length * rnd() ** skew)]!
  const some = <T>(list: readonly T[], min: number, max: number, skew?: number): T[] => {
    const wanted = min + Math.floor(rnd() * (max - min + 1))
    const chosen = new Set<T>()
    while (chosen.size < wanted) chosen.add(pick(list, skew))
    return [...chosen]
  }
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
  // The words of one practice: its themes' nouns, one or two groups and places it is about.
  let nouns: string[] = []
  let groups: string[] = []
  let places: string[] = []
  const word = () => (rnd() < 0.8 ? pick(nouns) : pick(places))
  const sentence = () => {
    const forms = [
      () => `${capital(pick(groups))} ${pick(VERBS)} samen in ${pick(places)}, ${pick(ADJECTIVES)} en met aandacht voor ${word()}.`,
      () => `De gemeente wil ${pick(groups)} ${pick(VERBS)} rond ${word()} en ${word()}.`,
      () => `Het aanbod is ${pick(ADJECTIVES)}: iedereen is welkom, ook wie nog weinig weet over ${word()}.`,
      () => `Een vaste begeleider helpt bij ${word()}, zodat ${pick(groups)} sneller de weg vinden naar ${pick(places)}.`,
      () => `Samen met ${pick(PARTNERS)} ${pick(VERBS)} we ${pick(groups)} over ${word()}.`,
      () => `Elke deelnemer krijgt uitleg over ${word()} en kan terecht bij een vaste contactpersoon.`,
    ]
    return pick(forms, 1)()
  }

  const names = new Set<string>()
  while (names.size < options.municipalities) names.add(capital(`${pick(NAME_START)}${pick(NAME_STEM)}${pick(NAME_END)}`.replace(/-(.)/, (_, c: string) => '-' + c.toUpperCase())))
  const now = Date.now()
  const municipalities = [...names].map((name, i) => ({ id: randomUUID(), nis_code: String(90000 + i), name }))

  await (db as import('kysely').Kysely<Tables>).transaction().execute(async (trx) => {
    const stamp = new Date(now)
    const categoryNames = new Map((await trx.selectFrom('practice_categories').select(['slug', 'name']).execute()).map((c) => [c.slug, c.name]))
    const groupNames = new Map((await trx.selectFrom('practice_target_groups').select(['slug', 'name']).execute()).map((g) => [g.slug, g.name]))
    await insertChunked(trx, 'municipalities', municipalities.map((m) => ({ ...m, theme_color: '#1d4f91', logo: null, logo_type: null, contact_email: null, contact_phone: null, website: null, address: null, retention_days: 90, created_at: stamp, updated_at: stamp })))
    const practices: Tables['practices'][] = []
    const categoryLinks: Tables['practice_category_links'][] = []
    const groupLinks: Tables['practice_target_group_links'][] = []
    const entries: Tables['practice_entries'][] = []
    const documents: Tables['search_documents'][] = []
    for (let i = 0; i < options.practices; i++) {
      const id = randomUUID()
      const categories = some(CATEGORIES, 1, 2)
      const themes = categories.map((c) => THEMES[c]!)
      nouns = themes.flatMap((t) => t.nouns)
      groups = some(GROUPS, 1, 2)
      places = some(PLACES, 1, 2)
      const title = `${capital(pick(themes.flatMap((t) => t.topics)))} voor ${groups[0]} in ${places[0]}`
      // Spread over three years, so "newest first" sorts a real range.
      const published = new Date(now - Math.floor(rnd() * 3 * 365 * 86_400_000))
      const practice = {
        title,
        summary: sentence(),
        goals: Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => `${capital(pick(groups))} ${pick(VERBS)} rond ${word()}`),
        targetGroup: `${capital(groups.join(' en '))} die meer willen weten over ${word()}`,
        description: Array.from({ length: 3 + Math.floor(rnd() * 4) }, sentence).join(' '),
        partners: rnd() < 0.8 ? `Samen met ${pick(PARTNERS)} en ${pick(PARTNERS)}.` : null,
        successFactors: rnd() < 0.4 ? sentence() : null,
        challenges: rnd() < 0.3 ? sentence() : null,
      }
      const targetGroups = some(TARGET_GROUPS, 1, 3)
      const where = some(municipalities, 1, 4, 2)
      practices.push({
        id,
        slug: `${slugify(title)}-${i}`,
        status: 'published',
        title: practice.title,
        summary: practice.summary,
        goals_json: practice.goals,
        target_group: practice.targetGroup,
        description: practice.description,
        partners: practice.partners,
        resources_json: [],
        success_factors: practice.successFactors,
        challenges: practice.challenges,
        image_id: null,
        image_alt: null,
        image_credit: null,
        is_demo: true,
        version: 1,
        created_at: published,
        updated_at: published,
        published_at: published,
      })
      categoryLinks.push(...categories.map((slug) => ({ practice_id: id, category_slug: slug })))
      groupLinks.push(...targetGroups.map((slug) => ({ practice_id: id, target_group_slug: slug })))
      const practiceEntries: PracticeEntry[] = where.map((m) => ({
        id: randomUUID(),
        municipalityId: m.id,
        municipalityName: m.name,
        nisCode: m.nis_code,
        blurb: rnd() < 0.85 ? sentence() : null,
        since: null,
        contactName: null,
        contactEmail: rnd() < 0.7 ? `contact@${slugify(m.name)}.example` : null,
        contactPhone: null,
        website: null,
        updatedAt: published,
      }))
      for (const e of practiceEntries) {
        entries.push({ id: e.id, practice_id: id, municipality_id: e.municipalityId, blurb: e.blurb, since: null, contact_name: null, contact_email: e.contactEmail, contact_phone: null, website: null, created_at: published, updated_at: published })
      }
      const text = searchText({
        ...practice,
        categories: categories.map((slug) => ({ slug, name: categoryNames.get(slug)! })),
        targetGroups: targetGroups.map((slug) => ({ slug, name: groupNames.get(slug)! })),
        entries: practiceEntries,
      })
      // Same id scheme as indexDocument, so a later indexPractice updates this row.
      documents.push({ id: `${SEARCH_KIND}:${id}`, kind: SEARCH_KIND, record_id: id, municipality_id: null, title: text.title, body: text.body, updated_at: published })
    }
    await insertChunked(trx, 'practices', practices)
    await insertChunked(trx, 'practice_category_links', categoryLinks)
    await insertChunked(trx, 'practice_target_group_links', groupLinks)
    await insertChunked(trx, 'practice_entries', entries)
    await insertChunked(trx, 'search_documents', documents)
  })
  return { practices: options.practices, municipalities: municipalities.length, municipalityNames: municipalities.map((m) => m.name), ms: performance.now() - started }
}

/** Multi-row inserts, kept under SQLite's limit of bound parameters per statement. */
async function insertChunked<T extends keyof Tables & string>(trx: Transaction<Tables>, table: T, rows: Tables[T][]): Promise<void> {
  if (rows.length === 0) return
  const size = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]!).length))
  for (let i = 0; i < rows.length; i += size) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await trx.insertInto(table).values(rows.slice(i, i + size) as any).execute()
  }
}
