// The run-sheet: the day's programme on one A4 page for the people running the ceremony, always in
// Dutch (the working language of the staff and the speakers on the day), printed through the
// platform's PDF service from this server-rendered HTML.
import { renderToString } from 'preact-render-to-string'
import { brusselsTime } from '../../platform/calendar.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import type { Edition } from '../editions.ts'
import { kindLabels, programmeEnd, totalMinutes, type ScheduledItem } from './programme.ts'

// A constant print style: the PDF renderer fetches nothing, and this is not a page the browser's
// CSP applies to. Black on white, no backgrounds to save toner, rows never split over two pages.
const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
body { font-size: 11pt; color: #000; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
.municipality { font-size: 12pt; margin: 0 0 10pt; }
dl { display: grid; grid-template-columns: 7em 1fr; gap: 2pt 8pt; margin: 0 0 12pt; }
dt { font-weight: 700; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 700; font-size: 13pt; padding-bottom: 4pt; }
th, td { border-bottom: 1px solid #777; padding: 5pt 4pt; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #000; }
tr { break-inside: avoid; }
.time { white-space: nowrap; width: 7.5em; }
.item { width: 45%; }
.kind { color: #333; font-size: 9.5pt; }
.numeric { text-align: right; white-space: nowrap; }
.total { margin-top: 10pt; font-weight: 700; }
.printed { margin-top: 16pt; font-size: 9pt; color: #333; }
`

export function runSheetHtml(edition: Edition, items: ScheduledItem[], printedAt: Date): string {
  const ctx = createTranslator('nl')
  const { t } = ctx
  const labels = kindLabels(t)
  const title = t('programme.runSheet.title', { name: edition.name })
  const venue = [edition.venueName, edition.venueAddress].join(', ')
  const page = (
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <p class="municipality">{edition.organisers.map((o) => o.name).join(', ')}</p>
        <h1>{title}</h1>
        <dl>
          <dt>{t('programme.runSheet.date')}</dt>
          <dd>{ctx.formatDateTime(edition.startsAt, 'long')}</dd>
          <dt>{t('programme.runSheet.venue')}</dt>
          <dd>{venue}</dd>
          {edition.venueRoom && (
            <>
              <dt>{t('programme.runSheet.room')}</dt>
              <dd>{edition.venueRoom}</dd>
            </>
          )}
        </dl>
        <table>
          <caption>{t('programme.runSheet.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('programme.column.time')}</th>
              <th scope="col">{t('programme.column.item')}</th>
              <th scope="col">{t('programme.column.who')}</th>
              <th scope="col" class="numeric">
                {t('programme.column.duration')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr>
                <td class="time">{t('programme.timeRange', { start: item.start, end: item.end })}</td>
                <td class="item">
                  {item.title}
                  {labels[item.kind] !== item.title && (
                    <>
                      <br />
                      <span class="kind">{labels[item.kind]}</span>
                    </>
                  )}
                </td>
                <td>{item.performer ?? ''}</td>
                <td class="numeric">{t('programme.minutes', { minutes: item.durationMinutes })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="total">{t('programme.list.total', { minutes: totalMinutes(items), start: brusselsTime(edition.startsAt), end: brusselsTime(programmeEnd(edition.startsAt, items)) })}</p>
        <p class="printed">{t('programme.runSheet.printed', { date: ctx.formatDateTime(printedAt, 'short') })}</p>
      </body>
    </html>
  )
  return '<!doctype html>' + renderToString(page)
}

/** programma-welkomstceremonie-2027-2027-05-08.pdf: ASCII only, safe in any header. */
export function runSheetFilename(edition: Edition, date: string): string {
  const slug = edition.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return ['programma', slug, date].filter(Boolean).join('-') + '.pdf'
}
