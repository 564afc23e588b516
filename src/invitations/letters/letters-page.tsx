// The letters page: how many letters there are and how many still need printing, where the address
// lands for the window envelopes, and the download of the batch as one PDF.
import type { Edition } from '../../editions/editions.ts'
import { Button, Checkbox, EmptyState, Form, SummaryList } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { LetterCounts } from './letters.ts'

export interface LettersPageProps {
  ctx: PageContext
  edition: Edition
  counts: LetterCounts
  window: { topMm: number; leftMm: number }
  /** Municipality admins may move the address; others are told who can. */
  canChangeWindow: boolean
}

export function LettersPage({ ctx, edition, counts, window, canChangeWindow }: LettersPageProps) {
  const { t } = ctx
  const title = t('letters.title')
  return (
    <Layout ctx={ctx} title={`${title} – ${edition.name}`}>
      <div class="narrow">
        <p>
          <a href={paths.edition(edition.id)}>{edition.name}</a>
        </p>
        <h1>{title}</h1>
        <p>{t('letters.intro')}</p>
        {edition.status === 'draft' && (
          <div class="notice notice--warning">
            <p>{t('letters.notOpenYet')}</p>
          </div>
        )}
        {counts.letters + counts.withoutAddress === 0 ? (
          <EmptyState title={t('letters.nobody')} />
        ) : (
          <>
            <h2>{t('letters.counts.title')}</h2>
            <SummaryList
              rows={[
                { key: t('letters.counts.letters'), value: t('letters.counts.lettersValue', { letters: counts.letters, people: counts.people }) },
                { key: t('letters.counts.unsent'), value: String(counts.unsent) },
                { key: t('letters.counts.returned'), value: String(counts.returned) },
                ...(counts.withoutAddress > 0 ? [{ key: t('letters.counts.withoutAddress'), value: String(counts.withoutAddress) }] : []),
              ]}
            />
            <h2>{t('letters.window.title')}</h2>
            <p>{t('letters.window.current', { top: window.topMm, left: window.leftMm })}</p>
            <p>{canChangeWindow ? <a href={`${paths.municipalitySettings()}#field-letterAddressTopMm`}>{t('letters.window.change')}</a> : t('letters.window.askAdmin')}</p>
            <h2>{t('letters.download.title')}</h2>
            {counts.letters === 0 ? (
              <p>{t('letters.download.nothing')}</p>
            ) : (
              <Form ctx={ctx} action={paths.editionLettersPdf(edition.id)}>
                <Checkbox ctx={ctx} name="onlyUnsent" label="letters.download.onlyUnsent" checked={counts.unsent > 0 && counts.unsent < counts.letters} />
                <p class="field__hint">{t('letters.download.hint')}</p>
                <Button>{t('letters.download.submit')}</Button>
              </Form>
            )}
          </>
        )}
      </div>
    </Layout>
  )
}
