// The deletion receipt as a PDF, in Dutch (the administrative language the agency and a data
// protection officer read), printed through the platform's PDF service. It names the edition and
// counts what went; it never names a person.
import { renderToString } from 'preact-render-to-string'
import type { Edition } from '../../editions/editions.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { PURGE_KINDS } from '../purge.ts'
import type { PurgeReceipt } from '../purge-queries.ts'

// A constant print style: the PDF renderer fetches nothing, and the browser's CSP does not apply.
const STYLE = `
@page { size: A4; margin: 22mm 20mm; }
body { font-size: 11pt; color: #000; line-height: 1.4; }
h1 { font-size: 17pt; margin: 0 0 12pt; }
dl { display: grid; grid-template-columns: 13em 1fr; gap: 3pt 10pt; margin: 0 0 14pt; }
dt { font-weight: 700; }
dd { margin: 0; }
table { border-collapse: collapse; margin: 0 0 14pt; }
caption { text-align: left; font-weight: 700; padding-bottom: 4pt; }
th, td { border-bottom: 1px solid #777; padding: 4pt 10pt 4pt 0; text-align: left; }
td.numeric { text-align: right; }
.reference { margin-top: 20pt; font-size: 9pt; }
`

export function receiptHtml(edition: Edition, receipt: PurgeReceipt, dueOn: string, printedAt: Date): string {
  const ctx = createTranslator('nl')
  const { t } = ctx
  const title = t('purge-receipt.pdf.title')
  const page = (
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <h1>{title}</h1>
        <dl>
          <dt>{t('purge-receipt.pdf.organisers')}</dt>
          <dd>{edition.organisers.map((o) => o.name).join(', ')}</dd>
          <dt>{t('purge-receipt.pdf.edition')}</dt>
          <dd>{edition.name}</dd>
          <dt>{t('purge-receipt.pdf.ceremony')}</dt>
          <dd>{ctx.formatDateTime(edition.startsAt, 'long')}</dd>
          <dt>{t('purge-receipt.pdf.retention')}</dt>
          <dd>{t('purge-receipt.pdf.retentionDays', { days: edition.retentionDays, date: ctx.formatDate(dueOn) })}</dd>
          <dt>{t('purge-receipt.pdf.purgedAt')}</dt>
          <dd>{ctx.formatDateTime(receipt.purgedAt, 'long')}</dd>
        </dl>
        <table>
          <caption>{t('purge-receipt.pdf.deleted')}</caption>
          <tbody>
            {PURGE_KINDS.map((kind) => (
              <tr>
                <th scope="row">{t(`purge-receipt.kind.${kind}`)}</th>
                <td class="numeric">{receipt.counts[kind]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t('purge-receipt.nothingLeft')}</p>
        <p>{t('purge-receipt.pdf.kept')}</p>
        <p class="reference">{t('purge-receipt.pdf.reference', { id: receipt.id, date: ctx.formatDateTime(printedAt, 'long') })}</p>
      </body>
    </html>
  )
  return '<!doctype html>' + renderToString(page)
}

/** verwijderbewijs-2026-06-20.pdf: ASCII only, safe in any header. */
export function receiptFilename(receipt: PurgeReceipt): string {
  return `verwijderbewijs-${receipt.purgedAt.toISOString().slice(0, 10)}.pdf`
}
