// Selection under capacity: when more people hold a certificate than the venue has places, some
// are selected and the others are not (they can be carried over to a later edition). Pure: the
// default number of places, the order (by certificate date, or a draw reproducible from its
// seed), who fits, why someone did not, and the form.
import { createHmac } from 'node:crypto'
import { EDITION_LIMITS } from '../../editions/editions.ts'
import { FormParser, type Parsed } from '../../platform/http/forms.ts'
import { inviteeStatus, type StatusColumns } from '../invitee-status.ts'

export const SELECTION_METHODS = ['certificate_date', 'draw'] as const
export type SelectionMethod = (typeof SELECTION_METHODS)[number]

export interface SelectionCandidate {
  id: string
  householdId: string | null
  certificateDate: string | null
}

/** Who takes part in a selection: everyone on the list who is not excluded (the one rule). */
export function isSelectionCandidate(p: StatusColumns): boolean {
  return inviteeStatus(p) !== 'excluded'
}

/** One place per invitee and one per guest they may bring: the places for invitees. */
export function defaultPlaces(edition: { capacity: number; guestsPerInvitee: number }): number {
  return Math.floor(edition.capacity / (1 + edition.guestsPerInvitee))
}

/** Who is selected together: a household (never split), or one person. */
export interface Unit {
  /** The household's id, or the person's */
  id: string
  memberIds: string[]
  /** A household's earliest certificate date; null when nobody in it has one */
  certificateDate: string | null
}

export function unitsOf(candidates: readonly SelectionCandidate[]): Unit[] {
  const units = new Map<string, Unit>()
  for (const c of candidates) {
    const id = c.householdId ?? c.id
    const unit = units.get(id)
    if (!unit) units.set(id, { id, memberIds: [c.id], certificateDate: c.certificateDate })
    else {
      unit.memberIds.push(c.id)
      if (c.certificateDate && (!unit.certificateDate || c.certificateDate < unit.certificateDate)) unit.certificateDate = c.certificateDate
    }
  }
  return [...units.values()]
}

/** A unit's place in a draw: HMAC-SHA-256 of its id under the seed. Anyone with the seed can redo it. */
export function drawRank(seed: string, unitId: string): string {
  return createHmac('sha256', seed).update(unitId).digest('hex')
}

const byId = (a: Unit, b: Unit) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The order in which units get places. By certificate date: the earliest first, those without a
 * date last, ties by id (arbitrary but the same every time). By draw: ascending rank under the seed.
 */
export function orderUnits(units: readonly Unit[], method: SelectionMethod, seed: string | null): Unit[] {
  if (method === 'draw') {
    if (!seed) throw new Error('a draw needs a seed')
    const ranks = new Map(units.map((u) => [u.id, drawRank(seed, u.id)]))
    return [...units].sort((a, b) => (ranks.get(a.id)! < ranks.get(b.id)! ? -1 : ranks.get(a.id)! > ranks.get(b.id)! ? 1 : byId(a, b)))
  }
  return [...units].sort((a, b) => {
    if (a.certificateDate !== b.certificateDate) {
      if (a.certificateDate === null) return 1
      if (b.certificateDate === null) return -1
      return a.certificateDate < b.certificateDate ? -1 : 1
    }
    return byId(a, b)
  })
}

export type NotSelectedReason =
  | { kind: 'later_certificate'; cutoff: string }
  | { kind: 'no_certificate_date' }
  | { kind: 'household_did_not_fit'; size: number }
  | { kind: 'not_drawn' }

export interface SelectionOutcome {
  selected: string[]
  notSelected: string[]
  /** Places taken by the selected */
  placesUsed: number
  reasons: Map<string, NotSelectedReason>
}

/**
 * Fills the places in order. A unit that no longer fits (a household larger than the places
 * left) is passed over and the next ones may still take the remaining places, so no place stays
 * empty while someone who fits is waiting.
 */
export function decideSelection(candidates: readonly SelectionCandidate[], choice: { method: SelectionMethod; seed: string | null; places: number }): SelectionOutcome {
  let left = choice.places
  const selected = new Set<string>()
  for (const unit of orderUnits(unitsOf(candidates), choice.method, choice.seed)) {
    if (unit.memberIds.length > left) continue
    left -= unit.memberIds.length
    for (const id of unit.memberIds) selected.add(id)
  }
  const outcome = candidates.map((c) => ({ ...c, selection: selected.has(c.id) ? ('selected' as const) : ('not_selected' as const) }))
  return {
    selected: [...selected],
    notSelected: candidates.filter((c) => !selected.has(c.id)).map((c) => c.id),
    placesUsed: choice.places - left,
    reasons: explainNotSelected(outcome, choice.method),
  }
}

/**
 * Why each person who was not selected was not, from the outcome as stored: by certificate date,
 * a later date than the last selected one, no date, or a household too large for the places
 * left; by draw, the places were full when their turn came.
 */
export function explainNotSelected(people: readonly (SelectionCandidate & { selection: 'selected' | 'not_selected' | null })[], method: SelectionMethod): Map<string, NotSelectedReason> {
  const selection = new Map(people.map((p) => [p.id, p.selection]))
  const units = unitsOf(people)
  const isSelected = (u: Unit) => u.memberIds.some((id) => selection.get(id) === 'selected')
  let cutoff: string | null = null
  for (const u of units) if (isSelected(u) && u.certificateDate && (!cutoff || u.certificateDate > cutoff)) cutoff = u.certificateDate
  const reasons = new Map<string, NotSelectedReason>()
  for (const unit of units) {
    const reason: NotSelectedReason =
      method === 'draw'
        ? { kind: 'not_drawn' }
        : unit.certificateDate === null
          ? { kind: 'no_certificate_date' }
          : cutoff !== null && unit.certificateDate > cutoff
            ? { kind: 'later_certificate', cutoff }
            : { kind: 'household_did_not_fit', size: unit.memberIds.length }
    for (const id of unit.memberIds) if (selection.get(id) === 'not_selected') reasons.set(id, reason)
  }
  return reasons
}

export interface SelectionChoice {
  places: number
  method: SelectionMethod
}

/** The selection form (also read from the query string of the preview). */
export function parseSelectionForm(input: unknown, candidates: number): Parsed<SelectionChoice> {
  const form = new FormParser(input)
  const places = form.integer('plaatsen', { min: 1, max: EDITION_LIMITS.capacity }, 'selection.form.placesInvalid')
  const method = form.oneOf('methode', SELECTION_METHODS, 'selection.form.methodRequired')
  // Everyone fits: there is nothing to select, and "selecting" would only record a non-event.
  if (!form.errors.some((e) => e.field === 'plaatsen') && places >= candidates) form.errors.push({ field: 'plaatsen', message: 'selection.form.placesCoverAll', values: { count: candidates } })
  return form.result({ places, method })
}
