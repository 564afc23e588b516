import type { PageContext } from '../platform/views/context.ts'
import { Layout } from '../platform/views/layout.tsx'
import { paths } from '../paths.ts'

export type ErrorKind = 'notFound' | 'forbidden' | 'csrf' | 'tooManyRequests' | 'badRequest' | 'editionPurged' | 'serverError'

export function ErrorPage({ ctx, kind, errorId }: { ctx: PageContext; kind: ErrorKind; errorId?: string }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t(`errors.${kind}.title`)}>
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      {errorId && (
        <p>
          {t('errors.serverError.reference')} <code class="error-id">{errorId}</code>
        </p>
      )}
      <p>
        <a href={paths.home()}>{t('errors.backHome')}</a>
      </p>
    </Layout>
  )
}

export interface HomeProps {
  ctx: PageContext
  municipalityName: string | null
  roleLabel: string
  links: { href: string; label: string; description: string }[]
  deadJobs: number | null
  hasSecondFactor: boolean
}

export function HomePage({ ctx, municipalityName, roleLabel, links, deadJobs, hasSecondFactor }: HomeProps) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1>{t('home.greeting', { name: ctx.user?.name ?? '' })}</h1>
      <p class="lead">{municipalityName ? t('home.intro', { municipality: municipalityName, role: roleLabel }) : t('home.introPlatform', { role: roleLabel })}</p>
      {deadJobs !== null && deadJobs > 0 && (
        <div class="notice notice--warning" role="status">
          <p>
            {t('home.deadJobs', { count: deadJobs })} <a href={`${paths.jobs()}?status=dead`}>{t('home.deadJobsLink')}</a>
          </p>
        </div>
      )}
      {!hasSecondFactor && (
        <div class="notice notice--info">
          <p>
            {t('home.secondFactorAdvice')} <a href={paths.secondFactor()}>{t('home.secondFactorLink')}</a>
          </p>
        </div>
      )}
      <ul class="card-list">
        {links.map((link) => (
          <li class="card">
            <h2 class="card__title">
              <a href={link.href}>{link.label}</a>
            </h2>
            <p>{link.description}</p>
          </li>
        ))}
      </ul>
    </Layout>
  )
}
