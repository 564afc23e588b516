// Where a person stands and how they came on the list, in words. The keys are spelled out (no
// template literals) so that the catalog test finds each one; status-labels.test.ts checks that
// every status, reason and source has its label.
import { Tag } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import type { InviteeStatus } from '../invitee-status.ts'
import type { ExclusionReason, InviteeSource } from '../invitees-queries.ts'

export const STATUS_LABELS: Record<InviteeStatus, string> = {
  invitable: 'invitee-list.status.invitable',
  not_selected: 'invitee-list.status.notSelected',
  excluded: 'invitee-list.status.excluded',
}

export const REASON_LABELS: Record<ExclusionReason, string> = {
  moved_away: 'invitee-list.reason.movedAway',
  no_contact: 'invitee-list.reason.noContact',
  deceased: 'invitee-list.reason.deceased',
  other: 'invitee-list.reason.other',
}

/** What each reason means for staff choosing one. */
export const REASON_HINTS: Record<ExclusionReason, string> = {
  moved_away: 'invitee-list.reason.movedAwayHint',
  no_contact: 'invitee-list.reason.noContactHint',
  deceased: 'invitee-list.reason.deceasedHint',
  other: 'invitee-list.reason.otherHint',
}

export const SOURCE_LABELS: Record<InviteeSource, string> = {
  import: 'invitee-list.source.import',
  manual: 'invitee-list.source.manual',
  carry_over: 'invitee-list.source.carryOver',
}

const TONES: Record<InviteeStatus, 'green' | 'yellow' | 'red'> = { invitable: 'green', not_selected: 'yellow', excluded: 'red' }

/** The status as a tag, and the reason of an exclusion in words beside it: never colour alone. */
export function StatusTag({ ctx, invitee }: { ctx: PageContext; invitee: { status: InviteeStatus; excludedReason: ExclusionReason | null } }) {
  return (
    <>
      <Tag tone={TONES[invitee.status]}>{ctx.t(STATUS_LABELS[invitee.status])}</Tag>
      {invitee.status === 'excluded' && invitee.excludedReason && <> {ctx.t('invitee-list.status.because', { reason: ctx.t(REASON_LABELS[invitee.excludedReason]) })}</>}
    </>
  )
}
