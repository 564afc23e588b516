// One practice with every field of the seed page, the municipalities that do it, and the ways to
// keep it current (change request; for municipality staff, their own entry).
import { Tag } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Practice } from '../practices.ts'
import { ALL_PRACTICES, listHref } from './list-query.ts'
import { EntryItem } from './practice-entry.tsx'
import { DateTag, DemoTag, isWebUrl, Paragraphs } from './public-components.tsx'

export interface StaffMunicipality {
  name: string
  /** Whether the municipality already has an entry on this practice */
  hasEntry: boolean
}

export interface PracticePageProps {
  ctx: PageContext
  practice: Practice
  /** Absolute URLs for Open Graph, built from the configured base URL */
  absoluteUrl: (path: string) => string
  /** Set for signed-in staff of a municipality */
  staff: StaffMunicipality | null
}

export function PracticePage({ ctx, practice: p, absoluteUrl, staff }: PracticePageProps) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('practices.page.title', { title: p.title })} head={<PracticeHead ctx={ctx} practice={p} absoluteUrl={absoluteUrl} />}>
      <article class="practice">
        <p class="practice__back">
          <a href={paths.practices()}>{t('practices.page.back')}</a>
        </p>
        <h1 class="practice__title">
          {p.title} {p.isDemo && <DemoTag ctx={ctx} />}
        </h1>
        <p class="lead">{p.summary}</p>
        {p.image && (
          <figure class="practice__figure">
            <img class="practice__image" src={paths.practiceImage(p.image.id)} alt={p.image.alt} />
            {p.image.credit && <figcaption class="practice__credit">{t('practices.page.imageCredit', { credit: p.image.credit })}</figcaption>}
          </figure>
        )}
        <p class="practice__updated">
          {t('practices.page.updated')} <DateTag ctx={ctx} date={p.updatedAt} />
        </p>

        <h2>{p.categories.length === 1 ? t('practices.category') : t('practices.categories')}</h2>
        <ul class="practice__inline-list">
          {p.categories.map((c) => (
            <li>
              <a href={listHref({ ...ALL_PRACTICES, categories: [c.slug] })}>{c.name}</a>
            </li>
          ))}
        </ul>

        {p.goals.length > 0 && (
          <>
            <h2>{t('practices.page.goals')}</h2>
            <ul>
              {p.goals.map((goal) => (
                <li>{goal}</li>
              ))}
            </ul>
          </>
        )}

        <h2>{t('practices.page.targetGroup')}</h2>
        <Paragraphs text={p.targetGroup} />
        {p.targetGroups.length > 0 && (
          <ul class="practice__tags" aria-label={t('practices.page.targetGroupTags')}>
            {p.targetGroups.map((g) => (
              <li>
                <Tag tone="blue">{g.name}</Tag>
              </li>
            ))}
          </ul>
        )}

        <h2>{t('practices.page.description')}</h2>
        <Paragraphs text={p.description} />

        {p.partners && (
          <>
            <h2>{t('practices.page.partners')}</h2>
            <Paragraphs text={p.partners} />
          </>
        )}

        {p.resources.length > 0 && (
          <>
            <h2>{t('practices.page.resources')}</h2>
            <ul class="practice__resources">
              {p.resources.map((r) => (
                <li>{isWebUrl(r.url) ? <a href={r.url}>{r.label}</a> : r.label}</li>
              ))}
            </ul>
          </>
        )}

        {p.successFactors && (
          <>
            <h2>{t('practices.page.successFactors')}</h2>
            <Paragraphs text={p.successFactors} />
          </>
        )}

        {p.challenges && (
          <>
            <h2>{t('practices.page.challenges')}</h2>
            <Paragraphs text={p.challenges} />
          </>
        )}

        <h2 id="deze-praktijk-in">{t('practices.page.municipalities')}</h2>
        {p.entries.length > 0 ? (
          <ul class="practice-entries" aria-labelledby="deze-praktijk-in">
            {p.entries.map((entry) => (
              <EntryItem ctx={ctx} entry={entry} />
            ))}
          </ul>
        ) : (
          <p class="hint">{t('practices.page.noMunicipalities')}</p>
        )}

        <PracticeActions ctx={ctx} practice={p} staff={staff} />
      </article>
    </Layout>
  )
}

/** Meta description, canonical link and Open Graph tags, so shared links show a proper preview. */
function PracticeHead({ ctx, practice: p, absoluteUrl }: { ctx: PageContext; practice: Practice; absoluteUrl: (path: string) => string }) {
  const url = absoluteUrl(paths.practice(p.slug))
  return (
    <>
      <meta name="description" content={p.summary} />
      <link rel="canonical" href={url} />
      <meta property="og:type" content="article" />
      <meta property="og:title" content={p.title} />
      <meta property="og:description" content={p.summary} />
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content="Welkom" />
      <meta property="og:locale" content={`${ctx.locale}_BE`} />
      {p.image && <meta property="og:image" content={absoluteUrl(paths.practiceImage(p.image.id))} />}
      {p.image && <meta property="og:image:alt" content={p.image.alt} />}
      <meta property="article:modified_time" content={p.updatedAt.toISOString()} />
    </>
  )
}

function PracticeActions({ ctx, practice: p, staff }: { ctx: PageContext; practice: Practice; staff: StaffMunicipality | null }) {
  const { t } = ctx
  return (
    <aside class="practice-actions" aria-labelledby="practice-actions-title">
      <h2 id="practice-actions-title">{t('practices.page.actionsTitle')}</h2>
      {staff && (
        <p>
          <a href={paths.entryEdit(p.slug)}>{staff.hasEntry ? t('practices.page.editOwnEntry', { municipality: staff.name }) : t('practices.page.addOwnEntry', { municipality: staff.name })}</a>
        </p>
      )}
      <p>
        {t('practices.page.changeQuestion')} <a href={paths.practiceChangeRequest(p.slug)}>{t('practices.page.changeLink')}</a>
      </p>
      <p>
        {t('practices.page.submitQuestion')} <a href={paths.practiceSubmit()}>{t('practices.page.submitLink')}</a>
      </p>
    </aside>
  )
}
