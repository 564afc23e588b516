// Everything the reply overview shows, gathered in one place: the queries count and list, the pure
// rules (funnel.ts, needs.ts) decide what the counts mean.
import type { Scope } from '../../accounts/accounts.ts'
import type { ContributionKind } from '../reply.ts'
import { funnelByLanguage, funnelOf, needsAnotherChannel, reachByChannel, repliesByChannel, type Funnel, type PeopleGroup, type ReachRow, type ReplyChannelRow } from './funnel.ts'
import { countContributions, countInterests, summariseNeeds, type NeedsSummary } from './needs.ts'
import { listApproachFailures, listChoices, listConfirmedNeeds, listPeopleGroups, listStandNames, listWaiting, type ApproachedPerson, type WaitingPerson } from './overview-queries.ts'
import type { Db } from './overview-tables.ts'

/** How many people needing another channel the overview lists by name; the count is always complete. */
export const ANOTHER_CHANNEL_LIST_LIMIT = 200

export interface ReplyOverview {
  funnel: Funnel
  byLanguage: { language: string | null; funnel: Funnel }[]
  reach: ReachRow[]
  replyChannels: ReplyChannelRow[]
  needs: NeedsSummary
  interests: { standId: string; name: string; count: number }[]
  contributions: Record<ContributionKind, number>
  waiting: WaitingPerson[]
  /** People something did not reach and nothing else did, by name (at most ANOTHER_CHANNEL_LIST_LIMIT) */
  anotherChannel: ApproachedPerson[]
  anotherChannelTotal: number
}

/** The counts alone, for the edition's own overview page: no names, nothing to audit. */
export async function replyFunnel(db: Db, scope: Scope, editionId: string): Promise<Funnel> {
  return funnelOf(await listPeopleGroups(db, scope, editionId))
}

export async function replyOverview(db: Db, scope: Scope, editionId: string): Promise<ReplyOverview> {
  const [groups, confirmed, choices, stands, waiting, failures] = await Promise.all([
    listPeopleGroups(db, scope, editionId),
    listConfirmedNeeds(db, scope, editionId),
    listChoices(db, scope, editionId),
    listStandNames(db, scope, editionId),
    listWaiting(db, scope, editionId),
    listApproachFailures(db, scope, editionId),
  ])
  const anotherChannel = failures.filter(needsAnotherChannel)
  return overviewOf(groups, { confirmed, choices, stands, waiting, anotherChannel })
}

function overviewOf(
  groups: PeopleGroup[],
  lists: { confirmed: Parameters<typeof summariseNeeds>[0]; choices: { interests: unknown[]; contributions: unknown[] }; stands: { id: string; name: string }[]; waiting: WaitingPerson[]; anotherChannel: ApproachedPerson[] },
): ReplyOverview {
  return {
    funnel: funnelOf(groups),
    byLanguage: funnelByLanguage(groups),
    reach: reachByChannel(groups),
    replyChannels: repliesByChannel(groups),
    needs: summariseNeeds(lists.confirmed),
    interests: countInterests(lists.choices.interests, lists.stands),
    contributions: countContributions(lists.choices.contributions),
    waiting: lists.waiting,
    anotherChannel: lists.anotherChannel.slice(0, ANOTHER_CHANNEL_LIST_LIMIT),
    anotherChannelTotal: lists.anotherChannel.length,
  }
}
