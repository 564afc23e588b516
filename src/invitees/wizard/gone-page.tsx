// An upload that is no longer there: imported, cancelled, or deleted after a day.
import type { PageContext } from '../../platform/views/context.ts'
import { ExitLinks } from './exit-links.tsx'
import { Layout } from '../../platform/views/layout.tsx'
import type { Edition } from '../../editions/editions.ts'

export function GonePage({ ctx, edition }: { ctx: PageContext; edition: Edition }) {
  const { t } = ctx
  const title = t('invitee-import.gone.title')
  return (
    <Layout ctx={ctx} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <p>{t('invitee-import.gone.body')}</p>
        <ExitLinks ctx={ctx} editionId={edition.id} />
      </div>
    </Layout>
  )
}
