// Everything the overview of an edition shows, in one place: the playbook's progress and what is
// due next, the programme with its times, the info-market stands, the contributions and the
// replies so far (counts only; the names are on the reply overview).
import type { Funnel } from '../invitations/overview/funnel.ts'
import { replyFunnel } from '../invitations/overview/reply-overview.ts'
import { countInvitees } from '../invitees/invitees-queries.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import type { Edition } from './editions.ts'
import { listContributions } from './partners/contributions-queries.ts'
import type { Contribution } from './partners/contributions.ts'
import { listStands, type Stand } from './partners/stands-queries.ts'
import { listTasks, type EditionTask } from './playbook/playbook-queries.ts'
import { listProgrammeItems } from './programme/programme-queries.ts'
import { schedule, type ScheduledItem } from './programme/programme.ts'

export interface EditionOverview {
  tasks: { total: number; done: number; overdue: EditionTask[]; next: EditionTask[] }
  programme: ScheduledItem[]
  stands: Stand[]
  contributions: Contribution[]
  invitees: number
  replies: Funnel
}

/** How many open tasks the overview lists as coming next. */
const NEXT_TASKS = 5

export async function editionOverview(db: AnyDb, edition: Edition, now: Date): Promise<EditionOverview> {
  const [tasks, items, stands, contributions, invitees, replies] = await Promise.all([
    listTasks(db, edition, now),
    listProgrammeItems(db, edition.id),
    listStands(db, edition.id),
    listContributions(db, edition.id),
    countInvitees(db, edition.id),
    // The edition was found within the request's scope; its creating municipality organises it.
    replyFunnel(db, { municipalityId: edition.municipalityId }, edition.id),
  ])
  const open = tasks.filter((t) => t.status !== 'done')
  return {
    tasks: { total: tasks.length, done: tasks.length - open.length, overdue: open.filter((t) => t.overdue), next: open.filter((t) => !t.overdue).slice(0, NEXT_TASKS) },
    programme: schedule(edition.startsAt, items),
    stands,
    contributions,
    invitees,
    replies,
  }
}
