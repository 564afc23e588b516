// The end of the wizard: what the import did (the import's page, once its job is done).
import type { PageContext } from '../../platform/views/context.ts'
import { ExitLinks } from './exit-links.tsx'
import { Layout } from '../../platform/views/layout.tsx'
import type { Edition } from '../../editions/editions.ts'
import { CountsList, type ResultCounts } from './counts-list.tsx'

export function ResultPage({ ctx, edition, counts }: { ctx: PageContext; edition: Edition; counts: ResultCounts }) {
  const { t } = ctx
  const title = t('invitee-import.result.title')
  return (
    <Layout ctx={ctx} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <p>{t('invitee-import.result.intro', { name: edition.name })}</p>
        <CountsList ctx={ctx} counts={counts} tense="result" />
        <ExitLinks ctx={ctx} editionId={edition.id} toList />
      </div>
    </Layout>
  )
}
