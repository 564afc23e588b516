// The funnel as staff read it: each stage with its number and its share of the invited. The bar
// beside a share only repeats the number (hidden from screen readers); the text carries it.
import type { ComponentChildren } from 'preact'
import { Table } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { share, type Funnel } from './funnel.ts'

/** "45 %", or a dash when there is nothing to divide by. */
export function percent(ctx: PageContext, part: number, whole: number): string {
  const ratio = share(part, whole)
  return ratio === null ? '–' : ctx.t('replies.percent', { share: ratio })
}

/** A number with its share of a whole: "12 (40 %)". */
export function countWithShare(ctx: PageContext, part: number, whole: number): string {
  const ratio = share(part, whole)
  return ratio === null ? String(part) : ctx.t('replies.countWithShare', { count: part, share: ratio })
}

interface Stage {
  label: string
  count: number
  note?: ComponentChildren
}

export function FunnelTable({ ctx, funnel }: { ctx: PageContext; funnel: Funnel }) {
  const { t } = ctx
  const stages: Stage[] = [
    { label: t('replies.stage.invited'), count: funnel.invited },
    { label: t('replies.stage.reached'), count: funnel.reached },
    { label: t('replies.stage.replied'), count: funnel.replied },
    { label: t('replies.stage.coming'), count: funnel.coming.people, note: t('replies.stage.comingGuests', { guests: funnel.coming.adults + funnel.coming.children }) },
    { label: t('replies.stage.waiting'), count: funnel.waiting.people, note: funnel.waiting.people > 0 ? t('replies.stage.waitingSeats', { seats: funnel.waiting.seats }) : undefined },
    { label: t('replies.stage.notComing'), count: funnel.notComing },
    { label: t('replies.stage.notSure'), count: funnel.notSure },
    { label: t('replies.stage.notReached'), count: funnel.notReached.total },
  ]
  return (
    <Table
      caption={t('replies.funnel.caption')}
      columns={[
        { header: t('replies.column.stage'), cell: (s: Stage) => (s.note ? <>{s.label} <span class="hint">({s.note})</span></> : s.label) },
        { header: t('replies.column.people'), cell: (s) => s.count, numeric: true },
        {
          header: t('replies.column.shareOfInvited'),
          numeric: true,
          cell: (s) => (
            <>
              {percent(ctx, s.count, funnel.invited)}
              {funnel.invited > 0 && (
                <>
                  {' '}
                  <meter aria-hidden="true" min={0} max={funnel.invited} value={s.count} />
                </>
              )}
            </>
          ),
        },
      ]}
      rows={stages}
    />
  )
}

/** "84 personen + 61 gasten = 145 plaatsen van 200", and whether places are left. */
export function SeatsLine({ ctx, funnel, capacity }: { ctx: PageContext; funnel: Funnel; capacity: number }) {
  const { t } = ctx
  const { coming } = funnel
  const free = capacity - coming.seats
  return (
    <p>
      <strong>{t('replies.funnel.seats', { people: coming.people, guests: coming.adults + coming.children, seats: coming.seats, capacity })}</strong>{' '}
      {free > 0 ? t('replies.funnel.free', { count: free }) : t('replies.funnel.full')}
    </p>
  )
}

/** The compact block on the edition's own overview page: the stages in one list, and the way to the full overview. */
export function FunnelSummary({ ctx, funnel, capacity, href }: { ctx: PageContext; funnel: Funnel; capacity: number; href: string }) {
  const { t } = ctx
  if (funnel.invited === 0) {
    return (
      <p>
        {t('replies.summary.none')} <a href={href}>{t('replies.summary.link')}</a>
      </p>
    )
  }
  return (
    <>
      <ol class="plain-list">
        <li>{t('replies.summary.invited', { count: funnel.invited })}</li>
        <li>{t('replies.summary.reached', { count: funnel.reached, share: share(funnel.reached, funnel.invited) ?? 0 })}</li>
        <li>{t('replies.summary.replied', { count: funnel.replied, share: share(funnel.replied, funnel.invited) ?? 0 })}</li>
        <li>{t('replies.funnel.seats', { people: funnel.coming.people, guests: funnel.coming.adults + funnel.coming.children, seats: funnel.coming.seats, capacity })}</li>
        <li>{t('replies.summary.waiting', { count: funnel.waiting.people })}</li>
        {funnel.notReached.total > 0 && <li>{t('replies.summary.notReached', { count: funnel.notReached.total })}</li>}
      </ol>
      <p>
        <a href={href}>{t('replies.summary.link')}</a>
      </p>
    </>
  )
}
