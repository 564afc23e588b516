// When an edition's personal data goes, and, once it has gone, the receipts: what was deleted,
// when, how many. Staff send the PDF to the agency or their data protection officer.
import type { Edition } from '../../editions/editions.ts'
import { LinkButton, SummaryList } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import { PURGE_KINDS } from '../purge.ts'
import type { PurgeReceipt } from '../purge-queries.ts'

export function ReceiptsPage({ ctx, edition, dueOn, receipts }: { ctx: PageContext; edition: Edition; dueOn: string; receipts: PurgeReceipt[] }) {
  const { t } = ctx
  const title = t('purge-receipt.title')
  return (
    <Layout ctx={ctx} title={`${title} – ${edition.name}`}>
      <div class="narrow">
        <p>
          <a href={paths.edition(edition.id)}>{edition.name}</a>
        </p>
        <h1>{title}</h1>
        <p>{t('purge-receipt.rule', { days: edition.retentionDays })}</p>
        {receipts.length === 0 ? (
          <p>{t('purge-receipt.due', { date: ctx.formatDate(dueOn) })}</p>
        ) : (
          receipts.map((receipt) => (
            <section aria-labelledby={`receipt-${receipt.id}`}>
              <h2 id={`receipt-${receipt.id}`}>{t('purge-receipt.purgedOn', { date: ctx.formatDateTime(receipt.purgedAt, 'long') })}</h2>
              <SummaryList rows={PURGE_KINDS.map((kind) => ({ key: t(`purge-receipt.kind.${kind}`), value: String(receipt.counts[kind]) }))} />
              <p>{t('purge-receipt.nothingLeft')}</p>
              <p>
                <LinkButton href={paths.editionPurgeReceiptPdf(edition.id, receipt.id)}>{t('purge-receipt.download')}</LinkButton>
              </p>
            </section>
          ))
        )}
      </div>
    </Layout>
  )
}
