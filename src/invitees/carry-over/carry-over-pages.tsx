// Carry-over pages: choosing the earlier edition (a GET form), then who would be added, who is on
// the list already, and the one button that adds them.
import type { Edition } from '../../editions/editions.ts'
import { Button, EmptyState, ErrorSummary, Form, Pagination, Radios, SummaryList, Table, Tag } from '../../platform/views/components.tsx'
import type { FieldError, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths, withQuery } from '../../paths.ts'
import type { CarryOverReason } from './carry-over.ts'
import type { SourceEdition } from './carry-over-queries.ts'

export const CARRY_OVER_PAGE_SIZE = 50

const REASONS: Record<CarryOverReason, string> = {
  not_selected: 'carry-over.reason.notSelected',
  asked_next_time: 'carry-over.reason.askedNextTime',
}

export interface ChooseProps {
  ctx: PageContext
  edition: Edition
  earlier: SourceEdition[]
  errors: FieldError[]
  chosen?: string
}

function Intro({ ctx }: { ctx: PageContext }) {
  const { t } = ctx
  return (
    <>
      <p class="lead">{t('carry-over.intro')}</p>
      <div class="notice">
        <p>{t('carry-over.households')}</p>
      </div>
    </>
  )
}

export function ChooseSourcePage({ ctx, edition, earlier, errors, chosen }: ChooseProps) {
  const { t } = ctx
  const title = t('carry-over.title', { name: edition.name })
  return (
    <Layout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <Intro ctx={ctx} />
      {earlier.length === 0 ? (
        <EmptyState title={t('carry-over.choose.none')}>
          <p>{t('carry-over.choose.noneHelp')}</p>
        </EmptyState>
      ) : (
        <form method="get" action={paths.editionCarryOver(edition.id)} novalidate>
          <input type="hidden" name="kies" value="1" />
          <Radios
            ctx={ctx}
            name="van"
            legend="carry-over.choose.legend"
            value={chosen}
            errors={errors}
            options={earlier.map((e) => ({ value: e.id, label: e.name, hint: t('carry-over.choose.held', { date: ctx.formatDate(e.startsAt) }) }))}
          />
          <Button>{t('carry-over.choose.submit')}</Button>
        </form>
      )}
      <p>
        <a href={paths.editionInvitees(edition.id)}>{t('carry-over.backToList')}</a>
      </p>
    </Layout>
  )
}

export interface CandidateRow {
  id: string
  lastName: string
  firstName: string
  birthDate: string | null
  reason: CarryOverReason
  alreadyOn: boolean
}

export interface PreviewProps {
  ctx: PageContext
  edition: Edition
  source: SourceEdition
  counts: { candidates: number; add: number; alreadyOn: number }
  rows: CandidateRow[]
  page: number
}

export function CarryOverPreviewPage({ ctx, edition, source, counts, rows, page }: PreviewProps) {
  const { t } = ctx
  const title = t('carry-over.title', { name: edition.name })
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <Intro ctx={ctx} />
      <h2>{t('carry-over.preview.title', { source: source.name })}</h2>
      <SummaryList
        rows={[
          { key: t('carry-over.preview.candidates'), value: t('carry-over.people', { count: counts.candidates }) },
          { key: t('carry-over.preview.alreadyOn'), value: t('carry-over.people', { count: counts.alreadyOn }) },
          { key: t('carry-over.preview.add'), value: t('carry-over.people', { count: counts.add }) },
        ]}
      />
      {counts.add > 0 ? (
        <Form ctx={ctx} action={paths.editionCarryOver(edition.id)}>
          <input type="hidden" name="van" value={source.id} />
          <Button>{t('carry-over.preview.confirm', { count: counts.add })}</Button>
        </Form>
      ) : (
        <div class="notice notice--success">
          <p>{t(counts.candidates === 0 ? 'carry-over.preview.nobody' : 'carry-over.preview.allThere')}</p>
        </div>
      )}
      {rows.length > 0 && (
        <>
          <Table
            caption={t('carry-over.preview.caption', { page })}
            columns={[
              { header: t('carry-over.column.name'), cell: (r: CandidateRow) => t('carry-over.fullName', { last: r.lastName, first: r.firstName }) },
              { header: t('carry-over.column.birthDate'), cell: (r) => (r.birthDate ? ctx.formatDate(r.birthDate) : t('carry-over.notKnown')) },
              { header: t('carry-over.column.reason'), cell: (r) => t(REASONS[r.reason]) },
              { header: t('carry-over.column.status'), cell: (r) => (r.alreadyOn ? <Tag tone="grey">{t('carry-over.status.alreadyOn')}</Tag> : <Tag tone="blue">{t('carry-over.status.add')}</Tag>) },
            ]}
            rows={rows}
          />
          <Pagination ctx={ctx} info={{ page, pageSize: CARRY_OVER_PAGE_SIZE, total: counts.candidates }} href={(n) => withQuery(paths.editionCarryOver(edition.id), { van: source.id, pagina: n })} />
        </>
      )}
      <p>
        <a href={paths.editionCarryOver(edition.id)}>{t('carry-over.preview.other')}</a>
      </p>
      <p>
        <a href={paths.editionInvitees(edition.id)}>{t('carry-over.backToList')}</a>
      </p>
    </Layout>
  )
}
