// Creating an edition: from the municipality's playbook template, or "from last edition", which
// copies its settings (a year later), playbook, programme and info-market stands.
import type { CurrentUser, Scope } from '../accounts/accounts.ts'
import { recordAudit } from '../audit/audit-queries.ts'
import { addDays } from '../platform/calendar.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import { editionFormValues, nextPeriod, type Edition, type EditionInput } from './editions.ts'
import { insertEdition } from './editions-queries.ts'
import { copyStands } from './partners/stands-queries.ts'
import { addTasks, editionTaskTemplates, templateFor } from './playbook/playbook-queries.ts'
import { copyProgramme } from './programme/programme-queries.ts'

/** Same weekday, a year later. */
const YEAR_LATER = 364

/** The new-edition form's first values: empty with sensible defaults, or the source a year on. */
export function startingValues(source: Edition | null, retentionDays: number, ownMunicipalityId: string): { values: Record<string, string>; checked: Record<string, string[]> } {
  if (!source) return { values: { time: '19:00', guestsPerInvitee: '2', retentionDays: String(retentionDays) }, checked: { languages: ['nl'], coOrganisers: [] } }
  const values = editionFormValues(source)
  const period = nextPeriod(source)
  return {
    values: {
      ...values,
      name: source.name.replace(/\b(20\d\d)\b/g, (year) => String(Number(year) + 1)),
      date: addDays(values.date!, YEAR_LATER),
      periodFrom: period.from,
      periodTo: period.to,
      replyBy: source.replyBy ? addDays(source.replyBy, YEAR_LATER) : '',
      copyFrom: source.id,
    },
    // The same organisers, whoever of them starts the new edition.
    checked: { languages: source.languages, coOrganisers: source.organisers.filter((o) => o.id !== ownMunicipalityId).map((o) => o.id) },
  }
}

export async function createEdition(db: AnyDb, args: { user: CurrentUser | null; scope: Scope; input: EditionInput; source: Edition | null; now: Date }): Promise<string> {
  const { user, scope, input, source, now } = args
  const id = await insertEdition(db, scope, input, { createdBy: user?.id ?? null, copiedFromId: source?.id ?? null, now })
  const tasks = source ? await editionTaskTemplates(db, source.id) : (await templateFor(db, scope)).tasks
  await addTasks(db, id, tasks, now)
  if (source) {
    await copyProgramme(db, source.id, id, now)
    await copyStands(db, source.id, id, now)
  }
  await recordAudit(db, { municipalityId: scope.municipalityId, actor: user, action: 'edition.created', record: { type: 'edition', id }, details: source ? { copiedFrom: source.id } : undefined })
  return id
}
