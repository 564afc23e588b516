// Municipality entries without their own line or without a contact, grouped by municipality,
// so editors see who still has to complete what and who can be asked.
import type { PageContext } from '../../platform/views/context.ts'
import { EmptyState } from '../../platform/views/components.tsx'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import { EditorialNav } from './editorial-pages.tsx'
import type { IncompleteEntry, IncompleteMunicipality } from './incomplete-queries.ts'

export function IncompletePage({ ctx, municipalities }: { ctx: PageContext; municipalities: IncompleteMunicipality[] }) {
  const { t } = ctx
  const entries = municipalities.reduce((n, m) => n + m.entries.length, 0)
  return (
    <Layout ctx={ctx} title={t('editorial.incomplete.title')}>
      <h1>{t('editorial.incomplete.title')}</h1>
      <EditorialNav ctx={ctx} current="incomplete" />
      <p>{t('editorial.incomplete.intro')}</p>
      {municipalities.length === 0 ? (
        <EmptyState title={t('editorial.incomplete.empty')} />
      ) : (
        <>
          <p>{t('editorial.incomplete.summary', { entries, municipalities: municipalities.length })}</p>
          {municipalities.map((m) => (
            <section class="editorial-incomplete" aria-labelledby={`municipality-${m.municipalityId}`}>
              <h2 id={`municipality-${m.municipalityId}`}>{m.name}</h2>
              <p>
                {m.contacts === 0 ? <strong>{t('editorial.incomplete.noContact')}</strong> : t('editorial.incomplete.contacts', { count: m.contacts })}
              </p>
              <ul>
                {m.entries.map((e) => (
                  <li>
                    <a href={paths.editorialPractice(e.practiceId)}>{e.title}</a> – {missing(ctx, e)}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </Layout>
  )
}

function missing(ctx: PageContext, e: IncompleteEntry): string {
  if (e.missingBlurb && e.missingContact) return ctx.t('editorial.incomplete.missingBoth')
  return e.missingBlurb ? ctx.t('editorial.incomplete.missingBlurb') : ctx.t('editorial.incomplete.missingContact')
}
