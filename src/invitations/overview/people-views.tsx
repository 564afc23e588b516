// The parts of the overview that name people: who we did not reach and what to do about it, and
// the waiting list in its order. Viewing them is audited with the page.
import { Table } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { paths } from '../../paths.ts'
import { notReachedReason, type Funnel, type NotReachedReason } from './funnel.ts'
import { NOT_REACHED_LABELS } from './labels.ts'
import type { ApproachedPerson, WaitingPerson } from './overview-queries.ts'

export const personName = (ctx: PageContext, p: { firstName: string; lastName: string }) => ctx.t('replies.name', { first: p.firstName, last: p.lastName })

/** Where to act on a reason, when Welkom has a page for it. */
const ADVICE_LINKS: Partial<Record<NotReachedReason, { href: (editionId: string) => string; label: string }>> = {
  email_failed: { href: paths.editionLetters, label: 'replies.notReached.toLetters' },
  sms_failed: { href: paths.editionLetters, label: 'replies.notReached.toLetters' },
  not_yet: { href: paths.editionInvitations, label: 'replies.notReached.toInvitations' },
}

const REASONS: NotReachedReason[] = ['letter_returned', 'email_failed', 'sms_failed', 'not_yet']

export function NotReachedSection({ ctx, editionId, funnel, people, total }: { ctx: PageContext; editionId: string; funnel: Funnel; people: ApproachedPerson[]; total: number }) {
  const { t } = ctx
  const { notReached } = funnel
  return (
    <>
      <h2>{t('replies.notReached.title')}</h2>
      {notReached.total === 0 ? (
        <p>{t('replies.notReached.none')}</p>
      ) : (
        <ul>
          {REASONS.filter((reason) => notReached[reason] > 0).map((reason) => {
            const link = ADVICE_LINKS[reason]
            return (
              <li>
                <strong>{t(NOT_REACHED_LABELS[reason].count, { count: notReached[reason] })}</strong> {t(NOT_REACHED_LABELS[reason].advice)}
                {link && (
                  <>
                    {' '}
                    <a href={link.href(editionId)}>{t(link.label)}</a>
                  </>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {people.length > 0 && (
        <>
          {total > people.length && <p>{t('replies.anotherChannel.limited', { shown: people.length, total })}</p>}
          <Table
            caption={t('replies.anotherChannel.caption', { count: total })}
            columns={[
              { header: t('replies.column.name'), cell: (p: ApproachedPerson) => <a href={paths.invitee(editionId, p.inviteeId)}>{personName(ctx, p)}</a> },
              { header: t('replies.column.whatWentWrong'), cell: (p) => t(NOT_REACHED_LABELS[notReachedReason(p) ?? 'not_yet'].reason) },
              { header: t('replies.column.whatToDo'), cell: (p) => t(NOT_REACHED_LABELS[notReachedReason(p) ?? 'not_yet'].advice) },
            ]}
            rows={people}
          />
        </>
      )}
    </>
  )
}

export function WaitingList({ ctx, editionId, waiting }: { ctx: PageContext; editionId: string; waiting: WaitingPerson[] }) {
  const { t } = ctx
  const rows = waiting.map((w, i) => ({ ...w, position: i + 1 }))
  return (
    <>
      <h2>{t('replies.waiting.title')}</h2>
      {rows.length === 0 ? (
        <p>{t('replies.waiting.none')}</p>
      ) : (
        <>
          <p class="hint">{t('replies.waiting.intro')}</p>
          <Table
            caption={t('replies.waiting.caption', { count: rows.length })}
            columns={[
              { header: t('replies.column.position'), cell: (w: (typeof rows)[number]) => w.position, numeric: true },
              { header: t('replies.column.name'), cell: (w) => <a href={paths.invitee(editionId, w.inviteeId)}>{personName(ctx, w)}</a> },
              { header: t('replies.column.seats'), cell: (w) => w.seats, numeric: true },
              { header: t('replies.column.since'), cell: (w) => ctx.formatDateTime(w.since) },
            ]}
            rows={rows}
          />
        </>
      )}
    </>
  )
}
