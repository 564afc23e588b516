// Demo practices (demo mode only): about ten made-up but realistic practices of Flemish
// municipalities, so search, filters and the editors' lists have something to work on. All are
// marked `isDemo`; contacts use `.example` addresses, which can never receive mail. Two entries
// have no contact on purpose, so the editors' "incomplete" list has demo material.
import { insertPublishedPractice, practiceSlugExists, type NewPractice } from '../practices/practices-queries.ts'
import { ensureMunicipalities, SEED_MUNICIPALITIES } from '../practices/reference-data.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import { DEMO_MUNICIPALITIES } from './demo-users.ts'

interface DemoEntry {
  nisCode: string
  blurb: string | null
  since?: string
  contactName?: string
  contactEmail?: string
  website?: string
}

export interface DemoPractice extends Omit<NewPractice, 'entries' | 'isDemo' | 'partners' | 'successFactors' | 'challenges'> {
  partners?: string
  successFactors?: string
  challenges?: string
  /** Published this many days before the seed runs, so "newest first" means something. */
  daysAgo: number
  entries: DemoEntry[]
}

const MOL = '13025'
const MECHELEN = '12025'
const SKW = '12035'
const [ANTWERPEN, ASSE, BILZEN, BRASSCHAAT, GEEL, HERENTALS, MALLE, SCHOTEN, TIENEN] = ['11002', '23002', '73110', '11008', '13008', '13011', '11057', '11040', '24107'] as const

export const DEMO_PRACTICES: DemoPractice[] = [
  {
    slug: 'taalcafe-in-de-bibliotheek',
    title: 'Taalcafé in de bibliotheek',
    summary: 'Elke week Nederlands oefenen bij een kop koffie, met vrijwilligers die graag een babbel slaan.',
    categories: ['taal'],
    targetGroups: ['anderstaligen', 'inburgeraars'],
    goals: ['Anderstaligen krijgen de kans om Nederlands te spreken buiten de les', 'Deelnemers leren mensen uit de buurt kennen', 'Vrijwilligers ontdekken hoe boeiend een gesprek over taalgrenzen heen is'],
    targetGroup: 'Iedereen die Nederlands leert en wil oefenen, van beginner tot gevorderde',
    description:
      'In het taalcafé zitten anderstaligen en Nederlandstalige vrijwilligers samen aan kleine tafels. Ze praten over het weer, het werk, de kinderen of het nieuws van de week. Er is geen leraar en er zijn geen punten: fouten maken mag. Een begeleider van de bibliotheek zorgt voor gespreksonderwerpen en brengt nieuwe deelnemers bij een tafel die bij hun niveau past. Wie wil, leent na afloop een boek in eenvoudig Nederlands.',
    partners: 'De bibliotheek, het Centrum voor Basiseducatie en het Agentschap Integratie en Inburgering, dat vrijwilligers vorming geeft.',
    resources: [
      { label: 'Gespreksonderwerpen voor het taalcafé (voorbeeld)', url: 'https://taalcafe.example/onderwerpen' },
      { label: 'Tips voor vrijwilligers: hoe help je iemand zonder te verbeteren?', url: null },
    ],
    successFactors: 'Een vaste plaats en een vast uur, koffie en thee, en vrijwilligers die elke week terugkomen.',
    challenges: 'Genoeg Nederlandstalige vrijwilligers vinden, vooral overdag.',
    daysAgo: 340,
    entries: [
      { nisCode: MOL, blurb: 'Elke dinsdagnamiddag in de bibliotheek van Mol, ook tijdens de schoolvakanties.', since: 'sinds 2017, wekelijks', contactName: 'Lotte Vermeulen', contactEmail: 'taalcafe@mol.example' },
      { nisCode: GEEL, blurb: 'In Geel wisselt het taalcafé af tussen de bibliotheek en het dienstencentrum.', since: 'tweewekelijks', contactName: 'Bart Goossens', contactEmail: 'bibliotheek@geel.example' },
      // Deliberately incomplete: no contact yet.
      { nisCode: TIENEN, blurb: 'Een taalcafé op zaterdagvoormiddag, voor wie tijdens de week werkt.' },
    ],
  },
  {
    slug: 'buddyproject-voor-nieuwe-inwoners',
    title: 'Buddyproject voor nieuwe inwoners',
    summary: 'Een inwoner van de gemeente wordt een half jaar de buddy van een nieuwkomer en helpt de weg te vinden.',
    categories: ['participatie', 'onthaalbeleid'],
    targetGroups: ['nieuwkomers', 'medewerkers-en-vrijwilligers'],
    goals: ['Nieuwkomers bouwen een netwerk op in de gemeente', 'Nieuwkomers vinden sneller de weg naar diensten, verenigingen en vrije tijd', 'Inwoners leren nieuwkomers kennen als buren'],
    targetGroup: 'Nieuwe inwoners die pas in België wonen, en inwoners die hun gemeente willen laten zien',
    description:
      'Een buddy en een nieuwkomer spreken elkaar een half jaar lang ongeveer om de twee weken. Ze gaan samen naar de markt, de bibliotheek, een voetbalmatch of de jeugdbeweging van de kinderen. De coördinator koppelt de duo’s op basis van interesses en taal, en volgt hen op. Buddy’s krijgen vooraf een korte opleiding en kunnen altijd bij de coördinator terecht. Aan het einde is er een slotmoment voor alle duo’s.',
    partners: 'De dienst Samenleven, de lokale afdeling van het Agentschap Integratie en Inburgering en vrijwilligersorganisaties in de buurt.',
    resources: [{ label: 'Handleiding voor buddy’s (voorbeeld)', url: 'https://buddy.example/handleiding' }],
    successFactors: 'Een goede koppeling op basis van gedeelde interesses en een coördinator die bereikbaar blijft.',
    challenges: 'Mannelijke buddy’s vinden, en duo’s die na enkele weken stilvallen.',
    daysAgo: 300,
    entries: [
      { nisCode: MECHELEN, blurb: 'In Mechelen lopen elk jaar zo’n veertig duo’s.', since: 'sinds 2016', contactName: 'Nadia Bouzid', contactEmail: 'buddy@mechelen.example', website: 'https://mechelen.example/buddy' },
      { nisCode: SKW, blurb: 'Sint-Katelijne-Waver koppelt nieuwkomers aan buddy’s uit de eigen deelgemeente.', since: 'sinds 2021', contactName: 'Youssef Benali', contactEmail: 'welzijn@skw.example' },
      { nisCode: HERENTALS, blurb: 'Het buddyproject start telkens in september en in februari.', contactEmail: 'samenleven@herentals.example' },
    ],
  },
  {
    slug: 'welkomstmoment-voor-nieuwe-inwoners',
    title: 'Welkomstmoment voor nieuwe inwoners',
    summary: 'Twee keer per jaar nodigt de gemeente alle nieuwe inwoners uit voor een kennismaking met het bestuur en de diensten.',
    categories: ['onthaalbeleid'],
    targetGroups: ['nieuwkomers', 'alle-inwoners'],
    goals: ['Nieuwe inwoners voelen zich welkom', 'Nieuwe inwoners weten waar ze terechtkunnen met vragen', 'Verenigingen leren nieuwe leden kennen'],
    targetGroup: 'Alle mensen die het voorbije half jaar in de gemeente zijn komen wonen, ongeacht waar ze vandaan komen',
    description:
      'Elke nieuwe inwoner krijgt een persoonlijke uitnodiging in de bus. Op het welkomstmoment zegt de burgemeester een woord van welkom en stellen de diensten zich voor aan infostanden. Verenigingen, de bibliotheek en de sportdienst zijn er ook. Er is een korte busrit langs de belangrijkste plaatsen van de gemeente. Wie Nederlands nog moeilijk vindt, kan een tolk of een buddy meebrengen.',
    partners: 'Alle gemeentelijke diensten, de verenigingen en de adviesraden.',
    resources: [{ label: 'Voorbeeld van een uitnodiging in eenvoudig Nederlands', url: null }],
    daysAgo: 260,
    entries: [
      { nisCode: SKW, blurb: 'Het welkomstmoment vindt plaats in het gemeentehuis, met een fietstocht langs de deelgemeenten.', since: 'twee keer per jaar', contactName: 'Sofie Wouters', contactEmail: 'onthaal@skw.example' },
      { nisCode: BRASSCHAAT, blurb: 'Brasschaat ontvangt nieuwe inwoners in het park met een ontbijt.', since: 'jaarlijks in mei', contactEmail: 'onthaal@brasschaat.example' },
      { nisCode: MALLE, blurb: 'Een avond met een drankje en een infomarkt van de verenigingen.', contactName: 'Koen Aerts', contactEmail: 'communicatie@malle.example' },
    ],
  },
  {
    slug: 'vrijetijdspas-met-kansentarief',
    title: 'Vrijetijdspas met kansentarief',
    summary: 'Met de vrijetijdspas betalen gezinnen met een klein inkomen maar een deel van de prijs voor sport, cultuur en jeugdwerk.',
    categories: ['vrije-tijd', 'welzijn-en-gezondheid'],
    targetGroups: ['ouders-en-gezinnen', 'kinderen-en-jongeren'],
    goals: ['Vrije tijd betaalbaar maken voor iedereen', 'Kinderen uit kwetsbare gezinnen nemen deel aan kampen en clubs', 'Verenigingen bereiken nieuwe leden'],
    targetGroup: 'Gezinnen en alleenstaanden met een laag inkomen, onder wie veel nieuwkomers',
    description:
      'Inwoners met een laag inkomen krijgen een vrijetijdspas met kansentarief. Daarmee betalen ze twintig procent van de prijs voor een sportkamp, een voorstelling of lidgeld bij een club. De gemeente betaalt het verschil aan de organisator. De pas werkt met één kaart voor alle deelnemende organisaties, dus niemand hoeft aan de kassa uit te leggen waarom hij korting krijgt. Het sociaal huis helpt bij de aanvraag.',
    partners: 'De sportdienst, de cultuurdienst, de jeugddienst, het sociaal huis en de deelnemende verenigingen.',
    resources: [{ label: 'Reglement kansentarief (voorbeeld)', url: 'https://vrijetijdspas.example/reglement' }],
    successFactors: 'Eén pas voor alles en een aanvraag zonder papierwerk voor wie al gekend is bij het sociaal huis.',
    challenges: 'Verenigingen moeten de pas kennen; niet elke club heeft een kaartlezer.',
    daysAgo: 210,
    entries: [
      { nisCode: MECHELEN, blurb: 'Mechelen werkt met de UiTPAS en een kansentarief voor inwoners met een verhoogde tegemoetkoming.', since: 'sinds 2018', contactName: 'Pieter Claes', contactEmail: 'uitpas@mechelen.example', website: 'https://mechelen.example/uitpas' },
      { nisCode: MOL, blurb: 'In Mol kunnen ook kinderen van inburgeraars het kansentarief krijgen tijdens hun traject.', contactEmail: 'vrijetijd@mol.example' },
    ],
  },
  {
    slug: 'brugfiguren-tussen-school-en-gezin',
    title: 'Brugfiguren tussen school en gezin',
    summary: 'Een brugfiguur helpt ouders die de school nog niet goed kennen, en helpt de school die ouders te bereiken.',
    categories: ['onderwijs'],
    targetGroups: ['ouders-en-gezinnen', 'kinderen-en-jongeren'],
    goals: ['Ouders begrijpen hoe de school werkt en wat er van hen verwacht wordt', 'Leerkrachten krijgen contact met ouders die ze anders niet zien', 'Kinderen krijgen meer kansen op school'],
    targetGroup: 'Ouders van kleuters en lagereschoolkinderen, vooral ouders die pas in België wonen of weinig Nederlands spreken',
    description:
      'De brugfiguur is elke ochtend aan de schoolpoort en kent de ouders bij naam. Ouders kunnen bij haar terecht met vragen over brieven, inschrijvingen, de schoolfactuur of de kinderopvang. Ze organiseert koffiemomenten waar ouders elkaar en de leerkrachten leren kennen. Bij moeilijke gesprekken zit ze mee aan tafel. Zo bouwt de school vertrouwen op met gezinnen die ze vroeger niet bereikte.',
    partners: 'De scholen van alle netten, het centrum voor leerlingenbegeleiding en het Huis van het Kind.',
    resources: [{ label: 'Functieprofiel brugfiguur (voorbeeld)', url: null }],
    successFactors: 'Een vaste persoon die lang genoeg blijft om vertrouwen op te bouwen.',
    challenges: 'De financiering loopt vaak maar een paar jaar.',
    daysAgo: 170,
    entries: [
      { nisCode: MECHELEN, blurb: 'Brugfiguren werken in twaalf Mechelse basisscholen.', since: 'sinds 2012', contactName: 'Els De Smet', contactEmail: 'onderwijs@mechelen.example' },
      { nisCode: ANTWERPEN, blurb: 'In Antwerpen zijn brugfiguren actief in scholen in verschillende districten.', contactEmail: 'brugfiguren@antwerpen.example', website: 'https://antwerpen.example/brugfiguren' },
    ],
  },
  {
    slug: 'nederlands-op-de-werkvloer',
    title: 'Nederlands op de werkvloer',
    summary: 'Nieuwe medewerkers leren Nederlands tijdens hun werk, met een taalcoach en een collega als peter of meter.',
    categories: ['werk-en-opleiding', 'taal'],
    targetGroups: ['werkzoekenden', 'anderstaligen'],
    goals: ['Anderstaligen vinden sneller werk, ook als hun Nederlands nog niet perfect is', 'Nieuwe medewerkers leren de woorden die ze op hun werk nodig hebben', 'Werkgevers durven anderstaligen aan te werven'],
    targetGroup: 'Werkzoekenden die Nederlands leren en hun werkgevers',
    description:
      'De werkzoekende start bij een werkgever en krijgt meteen een taalcoach. De coach komt op de werkvloer en oefent de woorden en zinnen die de medewerker elke dag nodig heeft, zoals veiligheidsvoorschriften of een gesprek met een klant. Een collega helpt als peter of meter. De werkgever krijgt tips om duidelijk te communiceren. Na een half jaar bekijken de medewerker, de werkgever en de coach samen wat goed gaat.',
    partners: 'VDAB, het Centrum voor Volwassenenonderwijs en lokale werkgevers.',
    resources: [{ label: 'Woordenlijsten per sector (voorbeeld)', url: 'https://werkvloer.example/woordenlijsten' }],
    successFactors: 'Werkgevers die het taalleren zien als een investering, niet als een gunst.',
    daysAgo: 130,
    entries: [
      { nisCode: GEEL, blurb: 'Geel werkt samen met bedrijven uit de logistiek en de zorg.', contactName: 'An Peeters', contactEmail: 'werk@geel.example' },
      { nisCode: MOL, blurb: 'In Mol leren nieuwe medewerkers van de technische dienst Nederlands op de werkvloer.', since: 'sinds 2022', contactName: 'Jonas Janssens', contactEmail: 'onthaal@mol.example' },
      { nisCode: HERENTALS, blurb: 'Een project met VDAB voor schoonmaak en horeca.', contactEmail: 'werk@herentals.example' },
    ],
  },
  {
    slug: 'sportkennismaking-voor-nieuwkomerskinderen',
    title: 'Sportkennismaking voor kinderen die pas in België zijn',
    summary: 'Kinderen uit de onthaalklas proberen in de vakantie verschillende sporten uit bij de clubs van de gemeente.',
    categories: ['vrije-tijd'],
    targetGroups: ['kinderen-en-jongeren', 'nieuwkomers'],
    goals: ['Kinderen vinden een sport die ze graag doen', 'Kinderen leren leeftijdsgenoten kennen buiten de school', 'Sportclubs bereiken nieuwe leden'],
    targetGroup: 'Kinderen van 6 tot 14 jaar die minder dan twee jaar in België wonen',
    description:
      'Tijdens de paasvakantie en de zomervakantie organiseert de sportdienst een week waarin kinderen elke dag een andere sport uitproberen: voetbal, zwemmen, judo, basketbal en dans. Trainers van de clubs geven de lessen. Ouders krijgen op het einde van de week uitleg over inschrijven bij een club en over het kansentarief. Kinderen die een sport gevonden hebben, krijgen een gratis proefmaand.',
    partners: 'De sportdienst, de sportclubs en de onthaalklassen van de scholen.',
    resources: [],
    daysAgo: 95,
    entries: [
      { nisCode: SCHOTEN, blurb: 'De sportweek in Schoten eindigt met een minitornooi waarop de ouders uitgenodigd worden.', since: 'sinds 2020', contactName: 'Wim Hendrickx', contactEmail: 'sport@schoten.example' },
      // Deliberately incomplete: no contact yet.
      { nisCode: SKW, blurb: 'Een sportkennismaking tijdens de zomervakantie, samen met de speelpleinwerking.' },
    ],
  },
  {
    slug: 'huurdersinfo-en-woonbegeleiding',
    title: 'Huurdersinfo en woonbegeleiding',
    summary: 'Infosessies over huren in eenvoudig Nederlands, en begeleiding voor wie een woning zoekt.',
    categories: ['wonen'],
    targetGroups: ['nieuwkomers', 'anderstaligen'],
    goals: ['Huurders kennen hun rechten en plichten', 'Nieuwkomers vinden sneller een betaalbare en veilige woning', 'Minder conflicten tussen huurders en verhuurders'],
    targetGroup: 'Nieuwkomers en andere huurders die de regels van de huurmarkt nog niet goed kennen',
    description:
      'Het woonloket organiseert elke maand een infosessie over huren: het huurcontract, de huurwaarborg, de plaatsbeschrijving en wat je doet bij problemen. De sessie is in eenvoudig Nederlands, met prenten en voorbeelden. Wie daarna nog hulp nodig heeft, maakt een afspraak voor woonbegeleiding. De woonbegeleider helpt met zoeken, bellen naar verhuurders en het lezen van een contract.',
    partners: 'Het woonloket, het sociaal verhuurkantoor, de huurdersbond en het Agentschap Integratie en Inburgering.',
    resources: [{ label: 'Huren in eenvoudig Nederlands (voorbeeldbrochure)', url: 'https://wonen.example/huren-eenvoudig' }],
    challenges: 'Er zijn te weinig betaalbare woningen, dus begeleiding alleen lost het probleem niet op.',
    daysAgo: 60,
    entries: [
      { nisCode: ANTWERPEN, blurb: 'Atlas en het woonloket geven samen infosessies in verschillende talen.', contactEmail: 'wonen@antwerpen.example' },
      { nisCode: MECHELEN, blurb: 'Woonbegeleiding op afspraak bij het woonloket van Mechelen.', since: 'elke maand', contactName: 'Fatima El Amrani', contactEmail: 'wonen@mechelen.example' },
    ],
  },
  {
    slug: 'vrijwilligerswerk-als-opstap',
    title: 'Vrijwilligerswerk als opstap',
    summary: 'Inburgeraars doen vrijwilligerswerk bij een vereniging of dienst en oefenen zo Nederlands en werkervaring.',
    categories: ['participatie', 'werk-en-opleiding'],
    targetGroups: ['inburgeraars', 'werkzoekenden'],
    goals: ['Inburgeraars bouwen ervaring en een netwerk op', 'Inburgeraars oefenen Nederlands in een echte situatie', 'Verenigingen vinden nieuwe vrijwilligers'],
    targetGroup: 'Inburgeraars die nog geen werk hebben of hun Nederlands willen verbeteren',
    description:
      'Een trajectbegeleider zoekt samen met de inburgeraar naar vrijwilligerswerk dat past bij zijn of haar talenten: in de kringwinkel, het woonzorgcentrum, de sportclub of de bibliotheek. De organisatie krijgt uitleg over vrijwilligerswerk met anderstaligen. Na een paar maanden is er een gesprek over wat de vrijwilliger geleerd heeft. Veel deelnemers gebruiken die ervaring later op hun cv.',
    partners: 'Het vrijwilligerspunt van de gemeente, het Agentschap Integratie en Inburgering en lokale organisaties.',
    resources: [{ label: 'Vrijwilligerswerk met anderstaligen: checklist voor organisaties', url: null }],
    successFactors: 'Een duidelijke taak en een vaste contactpersoon in de organisatie.',
    daysAgo: 30,
    entries: [
      { nisCode: MOL, blurb: 'Het vrijwilligerspunt van Mol bemiddelt voor inburgeraars.', since: 'sinds 2019', contactName: 'Annelies Peeters', contactEmail: 'vrijwilligers@mol.example' },
      { nisCode: BILZEN, blurb: 'Bilzen-Hoeselt werkt samen met de kringwinkel en twee woonzorgcentra.', contactEmail: 'vrijwilligers@bilzen-hoeselt.example' },
    ],
  },
  {
    slug: 'dialoogtafels-samenleven-in-de-wijk',
    title: 'Dialoogtafels: samenleven in de wijk',
    summary: 'Buren van verschillende achtergronden praten aan één tafel over hoe ze samenleven in hun wijk.',
    categories: ['samenleven'],
    targetGroups: ['alle-inwoners'],
    goals: ['Buren leren elkaar kennen', 'Kleine ergernissen worden besproken voor ze conflicten worden', 'Bewoners bedenken zelf acties voor hun wijk'],
    targetGroup: 'Alle bewoners van een wijk, jong en oud, nieuw en al lang gevestigd',
    description:
      'Een getrainde gespreksleider nodigt een tiental buren uit aan een dialoogtafel. Elke deelnemer vertelt iets over zichzelf en over de wijk. Daarna praten ze over een vraag, zoals "Wat maakt dat je je hier thuis voelt?". Er is geen debat: iedereen luistert en stelt vragen. Uit de gesprekken komen vaak kleine acties, zoals een straatfeest of een gedeelde moestuin.',
    partners: 'De buurtwerking, het opbouwwerk en de wijkagenten.',
    resources: [{ label: 'Draaiboek voor gespreksleiders (voorbeeld)', url: 'https://dialoog.example/draaiboek' }],
    challenges: 'Mensen bereiken die niet spontaan naar een bijeenkomst komen.',
    daysAgo: 12,
    entries: [
      { nisCode: MECHELEN, blurb: 'In Mechelen vinden dialoogtafels plaats in buurthuizen en op pleinen.', since: 'jaarlijks tijdens de Week van de Dialoog', contactName: 'Pieter Claes', contactEmail: 'samenleven@mechelen.example' },
      { nisCode: TIENEN, blurb: 'Tienen organiseert dialoogtafels in twee wijken met veel nieuwe inwoners.', contactEmail: 'samenleven@tienen.example' },
      { nisCode: ASSE, blurb: 'Asse houdt dialoogtafels samen met de scholen.', contactName: 'Hilde Maes', contactEmail: 'samenleven@asse.example' },
    ],
  },
  {
    slug: 'gezondheidsinfo-in-eenvoudige-taal',
    title: 'Gezondheidsinfo in eenvoudige taal',
    summary: 'Infosessies over de huisarts, de apotheek en de mutualiteit, voor wie de Belgische gezondheidszorg nog niet kent.',
    categories: ['welzijn-en-gezondheid'],
    targetGroups: ['inburgeraars', 'anderstaligen', 'ouders-en-gezinnen'],
    goals: ['Nieuwkomers weten wanneer ze naar de huisarts, de wachtpost of de spoeddienst gaan', 'Nieuwkomers sluiten zich aan bij een mutualiteit', 'Minder onnodige bezoeken aan de spoeddienst'],
    targetGroup: 'Inburgeraars en andere anderstaligen, vaak in groep met hun lesgroep Nederlands',
    description:
      'Een verpleegkundige van het wijkgezondheidscentrum komt naar de les Nederlands en legt uit hoe de gezondheidszorg werkt. Ze gebruikt prenten, echte voorschriften en een doosje medicijnen. De deelnemers oefenen een telefoontje naar de huisarts. Er is ook informatie over vaccinaties voor kinderen. Na de sessie krijgt iedereen een kaartje met de belangrijkste telefoonnummers.',
    partners: 'Het wijkgezondheidscentrum, de mutualiteiten, Kind en Gezin en het Centrum voor Basiseducatie.',
    resources: [{ label: 'Prentenset "Naar de dokter" (voorbeeld)', url: 'https://gezondheid.example/prenten' }],
    daysAgo: 4,
    entries: [
      { nisCode: GEEL, blurb: 'In Geel gebeurt de infosessie in elke lesgroep van het Centrum voor Basiseducatie.', contactName: 'Sarah Wouters', contactEmail: 'welzijn@geel.example' },
      { nisCode: TIENEN, blurb: 'Tienen koppelt de infosessie aan een bezoek aan de apotheek.', since: 'sinds 2023', contactEmail: 'welzijn@tienen.example' },
    ],
  },
]

/**
 * Loads the demo practices that are not there yet (by slug), so running it twice adds nothing.
 * Returns how many it added.
 */
export async function loadDemoPractices(db: AnyDb, publishedBy: { id: string; name: string } | null, now = new Date()): Promise<number> {
  const ids = await ensureMunicipalities(db, [...SEED_MUNICIPALITIES, ...DEMO_MUNICIPALITIES])
  let added = 0
  for (const { daysAgo, entries, ...practice } of DEMO_PRACTICES) {
    if (await practiceSlugExists(db, practice.slug)) continue
    const published = new Date(now.getTime() - daysAgo * 24 * 60 * 60 * 1000)
    const newPractice: NewPractice = {
      ...practice,
      partners: practice.partners ?? null,
      successFactors: practice.successFactors ?? null,
      challenges: practice.challenges ?? null,
      isDemo: true,
      entries: entries.map((e) => ({
        municipalityId: ids.get(e.nisCode)!,
        blurb: e.blurb,
        since: e.since ?? null,
        contactName: e.contactName ?? null,
        contactEmail: e.contactEmail ?? null,
        contactPhone: null,
        website: e.website ?? null,
      })),
    }
    await insertPublishedPractice(db, newPractice, publishedBy, published)
    added++
  }
  return added
}
