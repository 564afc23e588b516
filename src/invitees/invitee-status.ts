// Where a person on the list stands, from the columns every later step reads. One rule for every
// step (selection, households, carry-over, invitations, reminders): an excluded person is never
// invited, counted or carried over, and a person not selected under capacity is not invited.
import type { ExclusionReason } from './invitees-queries.ts'

export type InviteeStatus = 'invitable' | 'excluded' | 'not_selected'
export const INVITEE_STATUSES: readonly InviteeStatus[] = ['invitable', 'not_selected', 'excluded']

export interface StatusColumns {
  excludedReason: ExclusionReason | null
  selection: 'selected' | 'not_selected' | null
}

export function inviteeStatus(p: StatusColumns): InviteeStatus {
  if (p.excludedReason) return 'excluded'
  if (p.selection === 'not_selected') return 'not_selected'
  return 'invitable'
}

/** Whether later steps (invitations, reminders) reach this person. */
export function isInvitable(p: StatusColumns): boolean {
  return inviteeStatus(p) === 'invitable'
}
