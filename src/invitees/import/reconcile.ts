// From rows read to what an import changes: join the agency's list with the population register
// (two-file shape), leave out who is not to be invited (and count why), merge people listed
// twice, and match everyone against the edition's current list, so that importing the same
// file twice changes nothing. Pure: the national number is hashed by the function passed in.
// A file is read in one pass through an ImportCollector; planAgainst then meets the current list.
import type { PersonRow, RowIssue, RowOutcome } from './types.ts'
import { samePersonKey } from '../identity.ts'

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

/** What reading a file needs to know about the edition, besides its current list. */
export interface CollectContext {
  period: { from: string; to: string }
  hashNationalNumber: (digits: string) => string
  /** Whether the file says who has a certificate (a certificate column is mapped) */
  hasCertificateColumns: boolean
}

export interface PlanContext extends CollectContext {
  existing: ExistingInvitee[]
  /**
   * Rows whose certificate column says "no": not invited, whatever else is wrong with them (the
   * agency lists people with a contract whose number or dates are still incomplete).
   */
  withoutCertificate: ReadonlySet<number>
}

/** What a file brings, before it meets the edition's current list: everything but the matching. */
export interface CollectedImport {
  rows: number
  /** The people to invite, merged when listed twice, in the order of the file */
  people: Incoming[]
  duplicates: number
  skipped: number
  notInvited: NotInvited
  warnings: RowIssue[]
  errors: RowIssue[]
}

/** The one-file shape: a list the municipality already joined. */
export function planImport(all: RowOutcome[], context: PlanContext): ImportPlan {
  const collector = new ImportCollector(context, null)
  for (const outcome of all) collector.add(outcome, context.withoutCertificate.has(rowOf(outcome)))
  return planAgainst(collector.result(), context.existing)
}

/**
 * The two-file shape: the agency's rows (national number, contract and certificate) joined with
 * the register's (same number: names, birth date, address) by national number. Register rows
 * without an agency row are residents who are not concerned: ignored.
 */
export function planJoinedImport(all: RowOutcome[], register: RowOutcome[], context: PlanContext): ImportPlan {
  const residents = new Map<string, PersonRow>()
  for (const r of register) addResident(residents, r)
  const collector = new ImportCollector(context, residents)
  for (const outcome of all) collector.add(outcome, context.withoutCertificate.has(rowOf(outcome)))
  return planAgainst(collector.result(), context.existing)
}

function rowOf(outcome: RowOutcome): number {
  return outcome.person?.row ?? outcome.errors[0]?.row ?? outcome.warnings[0]?.row ?? -1
}

/** A row of the register extract, kept by national number for the join (a later row wins). */
export function addResident(residents: Map<string, PersonRow>, outcome: RowOutcome): void {
  if (outcome.person?.nationalNumber) residents.set(outcome.person.nationalNumber, outcome.person)
}

/**
 * Takes the rows of a list one at a time, in file order, keeping only what planning needs: the
 * people to invite (national number already hashed, digits dropped), counts, and the issues. So a
 * list of any length is read in one pass without holding its rows.
 */
export class ImportCollector {
  private rows = 0
  private duplicates = 0
  private skipped = 0
  private readonly notInvited: NotInvited = { noCertificate: 0, outsidePeriod: 0, notInRegister: 0 }
  private readonly warnings: RowIssue[] = []
  private readonly errors: RowIssue[] = []
  private readonly missing: RowIssue[] = []
  private readonly merged = new Map<string, Incoming>()

  /** `residents`: the register extract by national number, for the two-file shape; null otherwise. */
  constructor(
    private readonly context: CollectContext,
    private readonly residents: ReadonlyMap<string, PersonRow> | null,
  ) {}

  /** One data row; `withoutCertificate` when its certificate column says no (not invited, counted). */
  add(outcome: RowOutcome, withoutCertificate: boolean): void {
    this.rows++
    if (withoutCertificate) {
      this.notInvited.noCertificate++
      return
    }
    if (outcome.warnings.length) this.warnings.push(...outcome.warnings)
    if (outcome.errors.length) this.errors.push(...outcome.errors)
    if (!outcome.person) {
      this.skipped++
      return
    }
    const person = this.residents ? this.joined(outcome.person) : outcome.person
    if (!person) return
    const reason = invitationProblem(person, this.context.period, this.residents !== null || this.context.hasCertificateColumns)
    if (reason) this.notInvited[reason]++
    else this.merge(person, outcome.warnings)
  }

  result(): CollectedImport {
    return { rows: this.rows, people: [...this.merged.values()], duplicates: this.duplicates, skipped: this.skipped, notInvited: { ...this.notInvited }, warnings: [...this.warnings, ...this.missing], errors: this.errors }
  }

  /** The agency's row with the register's names and address; null when the register lacks them. */
  private joined(agency: PersonRow): PersonRow | null {
    if (!agency.nationalNumber) return null
    const resident = this.residents!.get(agency.nationalNumber)
    if (!resident) {
      this.notInvited.notInRegister++
      this.missing.push({ row: agency.row, column: '', value: '', message: 'invitees.import.notInRegister', values: { row: agency.row } })
      return null
    }
    return { ...resident, row: agency.row, certificateDate: agency.certificateDate, certificateObtained: agency.certificateObtained, contractSigned: agency.contractSigned }
  }

  /** People listed twice in the file: the first row counts; later ones fill what it left empty. */
  private merge(p: PersonRow, warnings: RowIssue[]): void {
    const incoming: Incoming = { row: p.row, nationalNumberHash: p.nationalNumber ? this.context.hashNationalNumber(p.nationalNumber) : null, person: stored(p), warnings: warnings.length ? warnings.map((w) => ({ column: w.column, message: w.message })) : [] }
    const key = incoming.nationalNumberHash ?? samePersonKey(incoming.person)
    const first = this.merged.get(key)
    if (!first) {
      this.merged.set(key, incoming)
      return
    }
    this.duplicates++
    this.warnings.push({ row: p.row, column: '', value: '', message: 'invitees.import.duplicateRow', values: { row: p.row, first: first.row } })
    for (const field of STORED_FIELDS) if (first.person[field] === null) (first.person as Record<StoredField, string | null>)[field] = incoming.person[field]
  }
}

function invitationProblem(person: PersonRow, period: CollectContext['period'], hasCertificateColumns: boolean): 'noCertificate' | 'outsidePeriod' | null {
  if (hasCertificateColumns && (person.certificateObtained === false || (person.certificateObtained !== true && !person.certificateDate))) return 'noCertificate'
  if (person.certificateDate && (person.certificateDate < period.from || person.certificateDate > period.to)) return 'outsidePeriod'
  return null
}

/** Matches the file's people against the edition's current list: who is new, who changed. */
export function planAgainst(collected: CollectedImport, existing: ExistingInvitee[]): ImportPlan {
  const byHash = new Map(existing.filter((e) => e.nationalNumberHash).map((e) => [e.nationalNumberHash!, e]))
  const byName = new Map(existing.map((e) => [samePersonKey(e), e]))
  const { people, ...counts } = collected
  const plan: ImportPlan = { ...counts, inserts: [], updates: [], unchanged: 0 }
  for (const incoming of people) {
    const current = (incoming.nationalNumberHash ? byHash.get(incoming.nationalNumberHash) : undefined) ?? (byName.size ? byName.get(samePersonKey(incoming.person)) : undefined)
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
