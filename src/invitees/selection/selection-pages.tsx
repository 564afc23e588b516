// The selection page: whether a selection is needed, the record of the one in effect (when, by
// whom, how, with which seed, how many places), who was not selected and why, and every
// selection made before.
import type { Edition } from '../../editions/editions.ts'
import { Button, Form, LinkButton, Pagination, SummaryList, Table } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths, withQuery } from '../../paths.ts'
import type { NotSelectedReason, SelectionMethod } from './selection.ts'
import type { NotSelectedPerson, SelectionRecord } from './selection-queries.ts'

export const NOT_SELECTED_PAGE_SIZE = 50

// The new-selection form and undoing, under the selection page. To move into src/paths.ts
// (editionSelectionNew, editionSelectionUndo) when that file is next changed.
const METHOD_LABELS: Record<SelectionMethod, string> = {
  certificate_date: 'selection.method.certificateDate',
  draw: 'selection.method.draw',
}

export function methodLabel(ctx: PageContext, method: SelectionMethod): string {
  return ctx.t(METHOD_LABELS[method])
}

function reasonText(ctx: PageContext, reason: NotSelectedReason | undefined): string {
  switch (reason?.kind) {
    case 'later_certificate':
      return ctx.t('selection.reason.laterCertificate', { cutoff: ctx.formatDate(reason.cutoff) })
    case 'no_certificate_date':
      return ctx.t('selection.reason.noCertificateDate')
    case 'household_did_not_fit':
      return ctx.t('selection.reason.householdDidNotFit', { size: reason.size })
    case 'not_drawn':
      return ctx.t('selection.reason.notDrawn')
    default:
      return ctx.t('selection.reason.unknown')
  }
}

/** How many take part and how many places there are, as the page and the form say it. */
export interface SelectionFacts {
  candidates: number
  places: number
  capacity: number
  guests: number
}

export function FactsList({ ctx, facts }: { ctx: PageContext; facts: SelectionFacts }) {
  const { t } = ctx
  return (
    <SummaryList
      rows={[
        { key: t('selection.facts.candidates'), value: t('selection.facts.people', { count: facts.candidates }) },
        { key: t('selection.facts.places'), value: t('selection.facts.placesValue', { places: facts.places, capacity: facts.capacity, guests: facts.guests }) },
      ]}
    />
  )
}

export interface SelectionPageProps {
  ctx: PageContext
  edition: Edition
  facts: SelectionFacts
  /** The selection in effect; null when none is (never made, or undone) */
  current: SelectionRecord | null
  /** People on the list who came after the selection in effect and are not in it */
  cameAfter: number
  notSelected: (NotSelectedPerson & { reason: NotSelectedReason | undefined })[]
  notSelectedTotal: number
  page: number
  history: SelectionRecord[]
}

export function SelectionPage(props: SelectionPageProps) {
  const { ctx, edition, facts, current, history } = props
  const { t } = ctx
  const title = t('selection.title', { name: edition.name })
  const needed = facts.candidates > facts.places
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('selection.intro')}</p>
      <FactsList ctx={ctx} facts={facts} />
      {current ? (
        <CurrentSelection {...props} current={current} needed={needed} />
      ) : needed ? (
        <div class="notice">
          <p>{t('selection.needed', { count: facts.candidates, places: facts.places })}</p>
          <p>
            <LinkButton href={paths.editionSelectionNew(edition.id)} variant="primary">
              {t('selection.start')}
            </LinkButton>
          </p>
        </div>
      ) : (
        <div class="notice notice--success">
          <p>{t('selection.notNeeded', { count: facts.candidates, places: facts.places })}</p>
        </div>
      )}
      {history.length > 0 && <History ctx={ctx} history={history} />}
      <p>
        <a href={paths.editionInvitees(edition.id)}>{t('selection.backToList')}</a>
      </p>
    </Layout>
  )
}

function RecordList({ ctx, record }: { ctx: PageContext; record: SelectionRecord }) {
  const { t } = ctx
  return (
    <SummaryList
      rows={[
        { key: t('selection.record.at'), value: ctx.formatDateTime(record.at) },
        { key: t('selection.record.by'), value: record.by ?? t('selection.record.byUnknown') },
        { key: t('selection.record.method'), value: methodLabel(ctx, record.method) },
        ...(record.seed ? [{ key: t('selection.record.seed'), value: <code class="break-anywhere">{record.seed}</code> }] : []),
        { key: t('selection.record.places'), value: String(record.places) },
        { key: t('selection.record.candidates'), value: t('selection.facts.people', { count: record.candidates }) },
        { key: t('selection.record.selected'), value: t('selection.facts.people', { count: record.selected }) },
        { key: t('selection.record.notSelected'), value: t('selection.facts.people', { count: record.notSelected }) },
      ]}
    />
  )
}

function CurrentSelection({ ctx, edition, current, cameAfter, notSelected, notSelectedTotal, page, needed }: SelectionPageProps & { current: SelectionRecord; needed: boolean }) {
  const { t } = ctx
  return (
    <>
      <h2>{t('selection.current.title')}</h2>
      <RecordList ctx={ctx} record={current} />
      {current.seed && <p class="hint">{t('selection.current.seedHelp')}</p>}
      {cameAfter > 0 && (
        <div class="notice notice--warning">
          <p>{t('selection.current.cameAfter', { count: cameAfter })}</p>
        </div>
      )}
      <h2>{t('selection.notSelected.title', { count: notSelectedTotal })}</h2>
      {notSelected.length === 0 ? (
        <p>{t('selection.notSelected.none')}</p>
      ) : (
        <>
          <p>{t('selection.notSelected.help')}</p>
          <Table
            caption={t('selection.notSelected.caption', { page })}
            columns={[
              { header: t('selection.column.name'), cell: (p: SelectionPageProps['notSelected'][number]) => <a href={paths.invitee(edition.id, p.id)}>{t('selection.fullName', { last: p.lastName, first: p.firstName })}</a> },
              { header: t('selection.column.certificateDate'), cell: (p) => (p.certificateDate ? ctx.formatDate(p.certificateDate) : t('selection.noDate')) },
              { header: t('selection.column.reason'), cell: (p) => reasonText(ctx, p.reason) },
            ]}
            rows={notSelected}
          />
          <Pagination ctx={ctx} info={{ page, pageSize: NOT_SELECTED_PAGE_SIZE, total: notSelectedTotal }} href={(n) => withQuery(paths.editionSelection(edition.id), { pagina: n })} />
        </>
      )}
      <h2>{t('selection.change.title')}</h2>
      <p>{t('selection.change.help')}</p>
      <div class="button-group">
        {needed && <LinkButton href={paths.editionSelectionNew(edition.id)}>{t('selection.change.again')}</LinkButton>}
        <Form ctx={ctx} action={paths.editionSelectionUndo(edition.id)}>
          <Button variant="warning">{t('selection.change.undo')}</Button>
        </Form>
      </div>
    </>
  )
}

function History({ ctx, history }: { ctx: PageContext; history: SelectionRecord[] }) {
  const { t } = ctx
  return (
    <>
      <h2>{t('selection.history.title')}</h2>
      <Table
        caption={t('selection.history.caption', { count: history.length })}
        columns={[
          { header: t('selection.record.at'), cell: (r: SelectionRecord) => ctx.formatDateTime(r.at, 'short') },
          { header: t('selection.record.by'), cell: (r) => r.by ?? t('selection.record.byUnknown') },
          { header: t('selection.record.method'), cell: (r) => methodLabel(ctx, r.method) },
          { header: t('selection.history.outcome'), cell: (r) => t('selection.history.outcomeValue', { places: r.places, selected: r.selected, notSelected: r.notSelected }) },
          { header: t('selection.record.seed'), cell: (r) => (r.seed ? <code class="break-anywhere">{r.seed}</code> : t('selection.history.noSeed')) },
        ]}
        rows={history}
      />
    </>
  )
}
