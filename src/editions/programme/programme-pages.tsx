// The programme of an edition: the items with their computed times, moving them up and down, and
// the default programme to start from when there is none yet.
import { Button, EmptyState, Form, LinkButton, SummaryList } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths, withQuery } from '../../paths.ts'
import type { Edition } from '../editions.ts'
import { brusselsTime } from '../../platform/calendar.ts'
import { kindLabels, programmeEnd, totalMinutes, type ScheduledItem } from './programme.ts'

export interface ProgrammeProblem {
  /** Translation key */
  message: string
  values: Record<string, string | number>
}

export function ProgrammePage({ ctx, edition, items, problem }: { ctx: PageContext; edition: Edition; items: ScheduledItem[]; problem?: ProgrammeProblem }) {
  const { t } = ctx
  const title = t('programme.list.title', { name: edition.name })
  return (
    <Layout ctx={ctx} title={title} hasErrors={Boolean(problem)}>
      {problem && (
        <div class="notice notice--warning" role="alert">
          <p>{t(problem.message, problem.values)}</p>
        </div>
      )}
      <h1>{title}</h1>
      <p>{t('programme.list.when', { date: ctx.formatDateTime(edition.startsAt, 'long') })}</p>
      <p>{t('programme.list.intro')}</p>
      {items.length === 0 ? <EmptyProgramme ctx={ctx} edition={edition} /> : <ProgrammeList ctx={ctx} edition={edition} items={items} />}
      <p>
        <a href={paths.edition(edition.id)}>{t('editions.backToEdition')}</a>
      </p>
    </Layout>
  )
}

function EmptyProgramme({ ctx, edition }: { ctx: PageContext; edition: Edition }) {
  const { t } = ctx
  return (
    <EmptyState title={t('programme.empty.title')}>
      <p>{t('programme.empty.help')}</p>
      <Form ctx={ctx} action={paths.editionProgramme(edition.id)}>
        <p class="button-group">
          <Button name="add" value="default">
            {t('programme.empty.default')}
          </Button>
          <LinkButton href={paths.programmeItemNew(edition.id)}>{t('programme.empty.own')}</LinkButton>
        </p>
      </Form>
    </EmptyState>
  )
}

/**
 * The items as a list of times and what happens then, rather than a table: a row of five columns
 * cannot be read at 320 px, while each entry here folds under its time.
 */
function ProgrammeList({ ctx, edition, items }: { ctx: PageContext; edition: Edition; items: ScheduledItem[] }) {
  const { t } = ctx
  const labels = kindLabels(t)
  const last = items[items.length - 1]
  return (
    <>
      <h2>{t('programme.list.caption', { count: items.length })}</h2>
      <SummaryList
        rows={items.map((item) => ({
          key: t('programme.timeRange', { start: item.start, end: item.end }),
          value: (
            <>
              <a href={paths.programmeItem(edition.id, item.id)}>{item.title}</a>
              <br />
              <span class="hint">{t('programme.list.kindAndDuration', { kind: labels[item.kind], minutes: item.durationMinutes })}</span>
              {item.performer && (
                <>
                  <br />
                  {t('programme.list.performer', { performer: item.performer })}
                </>
              )}
              <ItemActions ctx={ctx} edition={edition} item={item} first={item.id === items[0]?.id} last={item.id === last?.id} />
            </>
          ),
        }))}
      />
      <p>{t('programme.list.total', { minutes: totalMinutes(items), start: brusselsTime(edition.startsAt), end: brusselsTime(programmeEnd(edition.startsAt, items)) })}</p>
      <p class="button-group">
        <LinkButton href={paths.programmeItemNew(edition.id)} variant="primary">
          {t('programme.list.add')}
        </LinkButton>
        <LinkButton href={paths.runSheet(edition.id)}>{t('programme.list.runSheet')}</LinkButton>
      </p>
    </>
  )
}

/** Up and down post without JavaScript; each button names its item for screen readers. */
function ItemActions({ ctx, edition, item, first, last }: { ctx: PageContext; edition: Edition; item: ScheduledItem; first: boolean; last: boolean }) {
  const { t } = ctx
  const named = (label: string) => (
    <>
      {label}
      <span class="visually-hidden"> – {item.title}</span>
    </>
  )
  return (
    <div class="button-group">
      {(!first || !last) && (
        <Form ctx={ctx} action={paths.editionProgramme(edition.id)} class="button-group">
          <input type="hidden" name="item" value={item.id} />
          {!first && (
            <button type="submit" class="button button--secondary button--small" name="move" value="up">
              {named(t('programme.list.up'))}
            </button>
          )}
          {!last && (
            <button type="submit" class="button button--secondary button--small" name="move" value="down">
              {named(t('programme.list.down'))}
            </button>
          )}
        </Form>
      )}
      <a href={paths.programmeItem(edition.id, item.id)}>{named(t('programme.list.edit'))}</a>
      <a href={withQuery(paths.programmeItem(edition.id, item.id), { verwijderen: 'ja' })}>{named(t('programme.list.delete'))}</a>
    </div>
  )
}
