// The playbook (draaiboek): tasks dated from the ceremony. A task stores its offset in days from
// the ceremony's date, so its due date moves when the ceremony moves. The shipped default follows
// the timeline in PRODUCT.md (16 weeks before to 3 months after); a municipality adapts its own
// copy. Pure.
import { addDays, brusselsDate, daysBetween } from '../../platform/calendar.ts'

export const TASK_STATUSES = ['todo', 'doing', 'done'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export interface TemplateTask {
  title: string
  description: string | null
  offsetDays: number
}

const WEEK = 7

/** The shipped default, in Dutch (the staff's working language), in the order of the timeline. */
export const DEFAULT_PLAYBOOK: TemplateTask[] = [
  { offsetDays: -16 * WEEK, title: 'Beslissing van het college of de gemeenteraad', description: 'Leg de datum, de locatie, de periode van de attesten en het budget vast.' },
  { offsetDays: -16 * WEEK, title: 'Protocol voor gegevensdeling met het Agentschap nakijken', description: 'Is het protocol nog geldig? Zonder geldig protocol mag u de lijst niet opvragen.' },
  { offsetDays: -12 * WEEK, title: 'De lijst opvragen bij het Agentschap Integratie en Inburgering', description: 'Vraag de lijst van wie in de gekozen periode een inburgeringsattest haalde.' },
  { offsetDays: -10 * WEEK, title: 'De lijst koppelen aan het bevolkingsregister', description: 'Haal wie verhuisd is van de lijst.' },
  { offsetDays: -8 * WEEK, title: 'De zaal reserveren', description: 'Denk aan toegankelijkheid, parkeren en openbaar vervoer.' },
  { offsetDays: -8 * WEEK, title: 'Partners uitnodigen voor de infomarkt', description: 'Bibliotheek, VDAB, CVO, buddyproject, jeugddienst, cultuurcentrum…' },
  { offsetDays: -7 * WEEK, title: '(Ex-)inburgeraars vragen voor muziek, hapjes, kunst of een getuigenis', description: null },
  { offsetDays: -6 * WEEK, title: 'De spreker briefen', description: 'Burgemeester of schepen: duur van de speech, wat de nieuwkomers gedaan hebben, enkel totalen.' },
  { offsetDays: -6 * WEEK, title: 'De uitnodigingen versturen', description: 'Een brief moet er minstens een week voor de antwoorddatum zijn.' },
  { offsetDays: -4 * WEEK, title: 'Herinneringen sturen via een ander kanaal', description: 'Volg teruggekomen brieven op. Partners en taalleerkrachten helpen mensen antwoorden.' },
  { offsetDays: -2 * WEEK, title: 'De lijst afsluiten', description: null },
  { offsetDays: -2 * WEEK, title: 'Namen nakijken voor attesten en naamkaartjes', description: null },
  { offsetDays: -2 * WEEK, title: 'Aantallen doorgeven aan de catering', description: null },
  { offsetDays: -1 * WEEK, title: 'Laatste herinnering, draaiboek van de dag en taken aan de deur en op het podium', description: 'Druk het programma af en leg het materiaal voor de toestemming voor foto’s klaar.' },
  { offsetDays: 0, title: 'De ceremonie', description: 'Aanmelden aan de deur, programma van 1 à 1,5 uur, overhandiging bij naam, foto’s, receptie en infomarkt.' },
  { offsetDays: WEEK, title: 'Bedanken en foto’s bezorgen', description: 'Enkel aan wie toestemming gaf. Bied wie niet kwam de volgende editie aan.' },
  { offsetDays: WEEK, title: 'Korte bevraging versturen', description: null },
  { offsetDays: 6 * WEEK, title: 'Evaluatie voor het college of de gemeenteraad', description: null },
  { offsetDays: 8 * WEEK, title: 'De praktijkpagina bijwerken', description: 'Vul aan wat uw gemeente doet op de pagina “Inburgeringsceremonie”.' },
  { offsetDays: 13 * WEEK, title: 'De persoonsgegevens wissen', description: 'Welkom wist ze automatisch na de bewaartermijn en geeft een bewijs.' },
]

/** The date a task is due: its offset from the ceremony's date in Brussels. */
export function dueDate(ceremony: Date, offsetDays: number): string {
  return addDays(brusselsDate(ceremony), offsetDays)
}

/** A task is late once its due date has passed and it is not done. */
export function isOverdue(task: { status: TaskStatus; dueOn: string }, now: Date): boolean {
  return task.status !== 'done' && task.dueOn < brusselsDate(now)
}

// Offsets as people say them: "6 weeks before the ceremony", "3 days after", "on the day".

export const OFFSET_DIRECTIONS = ['before', 'on', 'after'] as const
export type OffsetDirection = (typeof OFFSET_DIRECTIONS)[number]
export const OFFSET_UNITS = ['weeks', 'days'] as const
export type OffsetUnit = (typeof OFFSET_UNITS)[number]

export interface OffsetParts {
  amount: number
  unit: OffsetUnit
  direction: OffsetDirection
}

/** From about 16 weeks before to 3 months after the ceremony, with room to spare: a year each way. */
export const MAX_OFFSET_DAYS = 365

/** Whole weeks when the offset is a multiple of seven, else days. */
export function offsetToParts(offsetDays: number): OffsetParts {
  if (offsetDays === 0) return { amount: 0, unit: 'weeks', direction: 'on' }
  const days = Math.abs(offsetDays)
  const direction = offsetDays < 0 ? 'before' : 'after'
  return days % WEEK === 0 ? { amount: days / WEEK, unit: 'weeks', direction } : { amount: days, unit: 'days', direction }
}

export function partsToOffset(parts: OffsetParts): number {
  if (parts.direction === 'on') return 0
  const days = parts.amount * (parts.unit === 'weeks' ? WEEK : 1)
  return parts.direction === 'before' ? -days : days
}

/** The offset of a task due on `dueOn` (a Brussels date) from the ceremony's Brussels date. */
export function offsetForDueDate(ceremony: Date, dueOn: string): number {
  return daysBetween(brusselsDate(ceremony), dueOn)
}

/** A translation key and its values that say when a template task falls: "6 weeks before". */
export function describeOffset(offsetDays: number): { key: string; values: { count: number } } {
  const parts = offsetToParts(offsetDays)
  const values = { count: parts.amount }
  if (parts.direction === 'on') return { key: 'playbook.offset.onTheDay', values }
  if (parts.unit === 'weeks') return { key: parts.direction === 'before' ? 'playbook.offset.weeksBefore' : 'playbook.offset.weeksAfter', values }
  return { key: parts.direction === 'before' ? 'playbook.offset.daysBefore' : 'playbook.offset.daysAfter', values }
}
