// The weekly digest: on Monday morning each planner hears which of their tasks are late or due in
// the coming week, and which tasks of their editions nobody has taken yet. Pure.
import { addDays, brusselsDate, fromBrussels } from '../../platform/calendar.ts'
import type { Translator } from '../../platform/i18n/i18n.ts'
import type { TaskStatus } from './playbook.ts'

/** How far ahead the digest looks: today and the six days after it, up to Sunday. */
export const DIGEST_DAYS = 7

export interface DigestTask {
  id: string
  title: string
  dueOn: string
  status: TaskStatus
  ownerId: string | null
  edition: { id: string; name: string; startsAt: Date }
}

export interface DigestEdition {
  id: string
  name: string
  startsAt: Date
  late: DigestTask[]
  dueSoon: DigestTask[]
  unassigned: DigestTask[]
}

/**
 * Picks a person's digest from the open tasks of their editions: their own tasks that are late or
 * due within the week, and unowned ones in the same window. Editions with nothing to say are left
 * out; an empty list means no e-mail.
 */
export function selectDigest(tasks: DigestTask[], userId: string, today: string): DigestEdition[] {
  const horizon = addDays(today, DIGEST_DAYS)
  const byEdition = new Map<string, DigestEdition>()
  const sorted = [...tasks].sort((a, b) => a.dueOn.localeCompare(b.dueOn))
  for (const task of sorted) {
    if (task.status === 'done' || task.dueOn >= horizon) continue
    if (task.ownerId !== null && task.ownerId !== userId) continue
    let edition = byEdition.get(task.edition.id)
    if (!edition) {
      edition = { ...task.edition, late: [], dueSoon: [], unassigned: [] }
      byEdition.set(task.edition.id, edition)
    }
    if (task.ownerId === null) edition.unassigned.push(task)
    else if (task.dueOn < today) edition.late.push(task)
    else edition.dueSoon.push(task)
  }
  return [...byEdition.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
}

export function digestSize(digest: DigestEdition[]): number {
  return digest.reduce((sum, e) => sum + e.late.length + e.dueSoon.length + e.unassigned.length, 0)
}

/** The e-mail, in the recipient's language; links are absolute. */
export function digestMail(translator: Translator, args: { name: string; digest: DigestEdition[]; taskUrl: (task: DigestTask) => string; myTasksUrl: string }): { subject: string; text: string } {
  const { t, formatDate } = translator
  const section = (heading: string, tasks: DigestTask[]) =>
    tasks.length === 0 ? [] : ['', heading, ...tasks.map((task) => t('playbook.digest.line', { title: task.title, date: formatDate(task.dueOn), url: args.taskUrl(task) }))]
  const body = [t('playbook.digest.greeting', { name: args.name }), '', t('playbook.digest.intro')]
  for (const edition of args.digest) {
    body.push('', '', t('playbook.digest.edition', { name: edition.name, date: formatDate(edition.startsAt) }))
    body.push(...section(t('playbook.digest.late'), edition.late), ...section(t('playbook.digest.dueSoon'), edition.dueSoon), ...section(t('playbook.digest.unassigned'), edition.unassigned))
  }
  body.push('', '', t('playbook.digest.allTasks', { url: args.myTasksUrl }), '', t('playbook.digest.footer'))
  return { subject: t('playbook.digest.subject', { count: digestSize(args.digest) }), text: body.join('\n') + '\n' }
}

/** The next Monday at 07:00 in Brussels, strictly after `now`. */
export function nextDigestRun(now: Date): Date {
  const today = brusselsDate(now)
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay()
  const candidate = fromBrussels(addDays(today, (8 - weekday) % 7), '07:00')
  return candidate > now ? candidate : fromBrussels(addDays(today, 7), '07:00')
}

/** The Monday (a Brussels date) of the week `now` falls in: one digest per person per week. */
export function digestWeek(now: Date): string {
  const today = brusselsDate(now)
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay()
  return addDays(today, -((weekday + 6) % 7))
}
