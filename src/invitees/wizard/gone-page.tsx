// An upload that is no longer there: imported, cancelled, or deleted after a day.
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../../editions/editions.ts'

export function GonePage({ ctx, edition }: { ctx: PageContext; edition: Edition }) {
  const { t } = ctx
  const title = t('invitee-import.gone.title')
  return (
    <Layout ctx={ctx} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <p>{t('invitee-import.gone.body')}</p>
        <ul>
          <li>
            <a href={paths.edition(edition.id)}>{t('invitee-import.backToEdition')}</a>
          </li>
          <li>
            <a href={paths.inviteeImport(edition.id)}>{t('invitee-import.again')}</a>
          </li>
        </ul>
      </div>
    </Layout>
  )
}
