// Carry-over: people of an earlier edition who did not get their ceremony there are added to a
// new edition in one step. Pure: who is carried over and why, which earlier editions qualify, and
// who is already on the new list (matched as an import matches: the national-number hash, else
// the same name and birth date).
import { samePersonKey } from '../identity.ts'
import { inviteeStatus, type StatusColumns } from '../invitee-status.ts'

export type CarryOverReason = 'not_selected' | 'asked_next_time'

export interface CarryOverStatus extends StatusColumns {
  hasAskedNextTime: boolean
}

/**
 * Why a person of an earlier edition is carried over, or null when they are not: excluded people
 * never are (the one rule in invitee-status.ts); people not selected under capacity and people
 * who asked to come next time are.
 */
export function carryOverReason(p: CarryOverStatus): CarryOverReason | null {
  if (inviteeStatus(p) === 'excluded') return null
  if (p.selection === 'not_selected') return 'not_selected'
  if (p.hasAskedNextTime) return 'asked_next_time'
  // Issue 6 (attendance) adds the third reason here: invited and selected, but did not come.
  return null
}

export interface EditionMoment {
  id: string
  startsAt: Date
  purgedAt: Date | null
}

/** Why an edition cannot be carried over from (a translation key), or null when it can. */
export function sourceProblem(source: EditionMoment, target: Pick<EditionMoment, 'id' | 'startsAt'>): 'carry-over.form.sameEdition' | 'carry-over.form.purged' | 'carry-over.form.notEarlier' | null {
  if (source.id === target.id) return 'carry-over.form.sameEdition'
  if (source.purgedAt !== null) return 'carry-over.form.purged'
  if (source.startsAt >= target.startsAt) return 'carry-over.form.notEarlier'
  return null
}

export interface Identity {
  nationalNumberHash: string | null
  lastName: string
  firstName: string
  birthDate: string | null
}

export interface CarryOverPlan<T> {
  add: T[]
  /** Already on the new edition's list: skipped, never doubled */
  alreadyOn: T[]
}

/** Splits the candidates into who is added and who is already on the list (or earlier in the batch). */
export function planCarryOver<T extends Identity>(candidates: readonly T[], existing: readonly Identity[]): CarryOverPlan<T> {
  const byHash = new Set(existing.flatMap((e) => (e.nationalNumberHash ? [e.nationalNumberHash] : [])))
  const byName = new Set(existing.map(samePersonKey))
  const plan: CarryOverPlan<T> = { add: [], alreadyOn: [] }
  for (const c of candidates) {
    const known = (c.nationalNumberHash !== null && byHash.has(c.nationalNumberHash)) || byName.has(samePersonKey(c))
    if (known) {
      plan.alreadyOn.push(c)
      continue
    }
    plan.add.push(c)
    if (c.nationalNumberHash) byHash.add(c.nationalNumberHash)
    byName.add(samePersonKey(c))
  }
  return plan
}
