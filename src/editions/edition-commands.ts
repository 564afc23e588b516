// Creating and listing editions outside the browser: the command line and the API give the same
// few fields, which go through the same rules as the form (parseEdition), with municipalities
// named by NIS code.
import type { Scope } from '../accounts/accounts.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import type { FieldError } from '../platform/views/context.ts'
import { createEdition } from './edition-creation.ts'
import { parseEdition, type Edition } from './editions.ts'
import { municipalityRetentionDays, otherMunicipalities } from './editions-queries.ts'

export interface EditionCommand {
  name: string
  /** YYYY-MM-DDTHH:MM in Brussels time */
  startsAt: string
  periodFrom: string
  periodTo: string
  capacity: number
  /** NIS codes of the co-organising municipalities */
  with?: string[]
  venueName?: string
  venueAddress?: string
  replyBy?: string
  guestsPerInvitee?: number
  languages?: string[]
  retentionDays?: number
}

export type CommandOutcome = { ok: true; id: string } | { ok: false; errors: FieldError[] }

const FIELD_NAMES: Record<string, string> = { date: 'startsAt', time: 'startsAt', coOrganisers: 'with' }

/** Creates a draft edition with the playbook; errors name the command's own field names. */
export async function createEditionFromCommand(db: AnyDb, scope: Scope, command: EditionCommand, now: Date): Promise<CommandOutcome> {
  const municipalities = await otherMunicipalities(db, scope)
  const unknown = (command.with ?? []).filter((nis) => !municipalities.some((m) => m.nisCode === nis))
  if (unknown.length) return { ok: false, errors: [{ field: 'with', message: 'editions.command.unknownMunicipality', values: { nis: unknown.join(', ') } }] }
  const [date = '', time = ''] = command.startsAt.split('T')
  const body = {
    name: command.name,
    date,
    time,
    periodFrom: command.periodFrom,
    periodTo: command.periodTo,
    capacity: String(command.capacity),
    venueName: command.venueName ?? '',
    venueAddress: command.venueAddress ?? '',
    replyBy: command.replyBy ?? '',
    guestsPerInvitee: String(command.guestsPerInvitee ?? 2),
    retentionDays: String(command.retentionDays ?? (await municipalityRetentionDays(db, scope))),
    languages: command.languages ?? [],
    coOrganisers: (command.with ?? []).map((nis) => municipalities.find((m) => m.nisCode === nis)!.id),
  }
  const parsed = parseEdition(body, { now, municipalityIds: municipalities.map((m) => m.id) })
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => ({ ...e, field: FIELD_NAMES[e.field] ?? e.field })) }
  const id = await db.transaction().execute((trx) => createEdition(trx, { user: null, scope, input: parsed.value, source: null, now }))
  return { ok: true, id }
}

/** An edition as the command line and the API show it. */
export function editionSummary(edition: Edition) {
  return {
    id: edition.id,
    name: edition.name,
    startsAt: edition.startsAt.toISOString(),
    status: edition.status,
    capacity: edition.capacity,
    periodFrom: edition.periodFrom,
    periodTo: edition.periodTo,
    replyBy: edition.replyBy,
    venueName: edition.venueName,
    organisers: edition.organisers.map((o) => o.nisCode),
  }
}
