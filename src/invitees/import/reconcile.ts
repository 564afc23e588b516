// From rows read to what an import changes: join the agency's list with the population register
// (two-file shape), leave out who is not to be invited (and count why), merge people listed
// twice, and match everyone against the edition's current list, so that importing the same
// file twice changes nothing. Pure: the national number is hashed by the function passed in.
import type { PersonRow, RowIssue, RowOutcome } from './types.ts'

/** The stored fields of an invitee that an import can set. */
export const STORED_FIELDS = ['lastName', 'firstName', 'birthDate', 'street', 'houseNumber', 'box', 'postcode', 'city', 'email', 'phone', 'language', 'certificateDate'] as const
export type StoredField = (typeof STORED_FIELDS)[number]
export type StoredPerson = Record<StoredField, string | null> & { lastName: string; firstName: string }

export interface ExistingInvitee extends StoredPerson {
  id: string
  nationalNumberHash: string | null
}

export interface Incoming {
  row: number
  nationalNumberHash: string | null
  person: StoredPerson
  /** Columns an import left out for this person, with why (no values). */
  warnings: { column: string; message: string }[]
}

export interface NotInvited {
  /** The agency says: no certificate (yet). */
  noCertificate: number
  /** Certificate outside the edition's period. */
  outsidePeriod: number
  /** On the agency's list but not in the population register: moved away? */
  notInRegister: number
}

export interface ImportPlan {
  /** Data rows read (not blank or footer lines); in the two-file shape, the agency's rows. */
  rows: number
  inserts: Incoming[]
  updates: { id: string; incoming: Incoming; fields: StoredField[] }[]
  unchanged: number
  /** Rows that repeated a person already in the file */
  duplicates: number
  /** Rows that could not be imported (errors) */
  skipped: number
  notInvited: NotInvited
  warnings: RowIssue[]
  errors: RowIssue[]
}

export interface PlanContext {
  period: { from: string; to: string }
  existing: ExistingInvitee[]
  hashNationalNumber: (digits: string) => string
  /** Whether the file says who has a certificate (a certificate column is mapped) */
  hasCertificateColumns: boolean
  /**
   * Rows whose certificate column says "no": not invited, whatever else is wrong with them (the
   * agency lists people with a contract whose number or dates are still incomplete).
   */
  withoutCertificate: ReadonlySet<number>
}

/** The one-file shape: a list the municipality already joined. */
export function planImport(all: RowOutcome[], context: PlanContext): ImportPlan {
  const notInvited: NotInvited = { noCertificate: 0, outsidePeriod: 0, notInRegister: 0 }
  const outcomes = withoutUncertified(all, context, notInvited)
  const people: PersonRow[] = []
  for (const outcome of outcomes) {
    if (!outcome.person) continue
    const reason = invitationProblem(outcome.person, context)
    if (reason) notInvited[reason]++
    else people.push(outcome.person)
  }
  return finish(all.length, outcomes, people, notInvited, [], context)
}

/** Leaves out the rows whose certificate column says no, and counts them. */
function withoutUncertified(outcomes: RowOutcome[], context: PlanContext, notInvited: NotInvited): RowOutcome[] {
  const kept = outcomes.filter((o) => !context.withoutCertificate.has(rowOf(o)))
  notInvited.noCertificate += outcomes.length - kept.length
  return kept
}

function rowOf(outcome: RowOutcome): number {
  return outcome.person?.row ?? outcome.errors[0]?.row ?? outcome.warnings[0]?.row ?? -1
}

/**
 * The two-file shape: the agency's rows (national number, contract and certificate) joined with
 * the register's (same number: names, birth date, address) by national number. Register rows
 * without an agency row are residents who are not concerned: ignored.
 */
export function planJoinedImport(all: RowOutcome[], register: RowOutcome[], context: PlanContext): ImportPlan {
  const notInvited: NotInvited = { noCertificate: 0, outsidePeriod: 0, notInRegister: 0 }
  const agency = withoutUncertified(all, context, notInvited)
  const byNumber = new Map<string, PersonRow>()
  for (const r of register) if (r.person?.nationalNumber) byNumber.set(r.person.nationalNumber, r.person)
  const people: PersonRow[] = []
  const missing: RowIssue[] = []
  for (const outcome of agency) {
    const a = outcome.person
    if (!a?.nationalNumber) continue
    const resident = byNumber.get(a.nationalNumber)
    if (!resident) {
      notInvited.notInRegister++
      missing.push({ row: outcome.person!.row, column: '', value: '', message: 'invitees.import.notInRegister', values: { row: outcome.person!.row } })
      continue
    }
    const joined: PersonRow = { ...resident, row: a.row, certificateDate: a.certificateDate, certificateObtained: a.certificateObtained, contractSigned: a.contractSigned }
    const reason = invitationProblem(joined, { ...context, hasCertificateColumns: true })
    if (reason) notInvited[reason]++
    else people.push(joined)
  }
  return finish(all.length, agency, people, notInvited, missing, context)
}

function invitationProblem(person: PersonRow, context: PlanContext): 'noCertificate' | 'outsidePeriod' | null {
  if (context.hasCertificateColumns && (person.certificateObtained === false || (person.certificateObtained !== true && !person.certificateDate))) return 'noCertificate'
  if (person.certificateDate && (person.certificateDate < context.period.from || person.certificateDate > context.period.to)) return 'outsidePeriod'
  return null
}

function finish(rows: number, outcomes: RowOutcome[], people: PersonRow[], notInvited: NotInvited, extraWarnings: RowIssue[], context: PlanContext): ImportPlan {
  const warnings = [...outcomes.flatMap((o) => o.warnings), ...extraWarnings]
  const errors = outcomes.flatMap((o) => o.errors)
  const warningsByRow = new Map<number, { column: string; message: string }[]>()
  for (const w of outcomes.flatMap((o) => o.warnings)) warningsByRow.set(w.row, [...(warningsByRow.get(w.row) ?? []), { column: w.column, message: w.message }])

  // People listed twice in the file: the first row counts; later ones fill what it left empty.
  const merged = new Map<string, Incoming>()
  let duplicates = 0
  for (const p of people) {
    const incoming: Incoming = { row: p.row, nationalNumberHash: p.nationalNumber ? context.hashNationalNumber(p.nationalNumber) : null, person: stored(p), warnings: warningsByRow.get(p.row) ?? [] }
    const key = incoming.nationalNumberHash ?? nameKey(incoming.person)
    const first = merged.get(key)
    if (!first) {
      merged.set(key, incoming)
      continue
    }
    duplicates++
    for (const field of STORED_FIELDS) if (first.person[field] === null) (first.person as Record<StoredField, string | null>)[field] = incoming.person[field]
  }

  const byHash = new Map(context.existing.filter((e) => e.nationalNumberHash).map((e) => [e.nationalNumberHash!, e]))
  const byName = new Map(context.existing.map((e) => [nameKey(e), e]))
  const plan: ImportPlan = { rows, inserts: [], updates: [], unchanged: 0, duplicates, skipped: outcomes.filter((o) => !o.person).length, notInvited, warnings, errors }
  for (const incoming of merged.values()) {
    const current = (incoming.nationalNumberHash ? byHash.get(incoming.nationalNumberHash) : undefined) ?? byName.get(nameKey(incoming.person))
    if (!current) {
      plan.inserts.push(incoming)
      continue
    }
    // A later list may lack what an earlier one gave (an e-mail address): it never erases it.
    const fields = STORED_FIELDS.filter((f) => incoming.person[f] !== null && incoming.person[f] !== current[f])
    if (fields.length) plan.updates.push({ id: current.id, incoming, fields })
    else plan.unchanged++
  }
  return plan
}

function stored(p: PersonRow): StoredPerson {
  return { lastName: p.lastName, firstName: p.firstName, birthDate: p.birthDate, street: p.street, houseNumber: p.houseNumber, box: p.box, postcode: p.postcode, city: p.city, email: p.email, phone: p.phone, language: p.language, certificateDate: p.certificateDate }
}

/** Same name and birth date: the same person when no national number tells. */
function nameKey(p: Pick<StoredPerson, 'lastName' | 'firstName' | 'birthDate'>): string {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
  return `${fold(p.lastName)}|${fold(p.firstName)}|${p.birthDate ?? ''}`
}
