// A municipality's page in the practice database: every published practice it takes part in,
// each with the municipality's own line about it.
import { EmptyState } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import { ALL_PRACTICES, listHref } from './list-query.ts'
import { DemoTag, Paragraphs } from './public-components.tsx'

export interface MunicipalityPractice {
  slug: string
  title: string
  summary: string
  isDemo: boolean
  /** The municipality's own line on this practice, if it wrote one */
  blurb: string | null
}

export function MunicipalityPracticesPage({ ctx, municipality, practices }: { ctx: PageContext; municipality: { name: string; nisCode: string }; practices: MunicipalityPractice[] }) {
  const { t } = ctx
  const title = t('practices.municipality.title', { municipality: municipality.name })
  return (
    <Layout ctx={ctx} title={title} head={<meta name="description" content={t('practices.municipality.description', { municipality: municipality.name })} />}>
      <p class="practice__back">
        <a href={paths.practices()}>{t('practices.page.back')}</a>
      </p>
      <h1>{title}</h1>
      {practices.length === 0 ? (
        <EmptyState title={t('practices.municipality.empty', { municipality: municipality.name })}>
          <p>
            {t('practices.municipality.emptyBody')} <a href={paths.practiceSubmit()}>{t('practices.list.submitLink')}</a>
          </p>
        </EmptyState>
      ) : (
        <>
          <p class="lead">{t('practices.municipality.count', { count: practices.length, municipality: municipality.name })}</p>
          <ul class="practice-results">
            {practices.map((p) => (
              <li class="practice-result">
                <h2 class="practice-result__title">
                  <a href={paths.practice(p.slug)}>{p.title}</a> {p.isDemo && <DemoTag ctx={ctx} />}
                </h2>
                <p class="practice-result__text">{p.summary}</p>
                <h3 class="practice-result__subtitle">{t('practices.municipality.ownLine', { municipality: municipality.name })}</h3>
                {p.blurb ? <Paragraphs text={p.blurb} /> : <p class="practice-entry__missing">{t('practices.entry.noBlurb')}</p>}
              </li>
            ))}
          </ul>
          <p>
            <a href={listHref({ ...ALL_PRACTICES, municipalities: [municipality.nisCode] })}>{t('practices.municipality.searchWithin', { municipality: municipality.name })}</a>
          </p>
        </>
      )}
    </Layout>
  )
}
