// What a partner sees through their link: the ceremony's date and place, and their own stand to
// fill in or update. Nothing about invitees or other partners.
import { Button, ErrorSummary, Form, SummaryList } from '../../platform/views/components.tsx'
import type { FormState, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { LinkedStand } from './partner-link-queries.ts'
import { StandFields } from './stand-page.tsx'
import { linkLastDay } from './stands.ts'

// A link is a key: search engines must not keep the page.
const noIndex = <meta name="robots" content="noindex" />

export function PartnerStandPage({ ctx, token, stand, state }: { ctx: PageContext; token: string; stand: LinkedStand; state: FormState }) {
  const { t } = ctx
  const { edition } = stand
  const title = t('partners.fill.title')
  const until = stand.expiresAt ? ctx.formatDate(linkLastDay(stand.expiresAt)) : ''
  return (
    <Layout ctx={ctx} title={title} hasErrors={state.errors.length > 0} head={noIndex}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={state.errors} />
        <p class="lead">{stand.partnerName}</p>
        <h1>{title}</h1>
        <SummaryList
          rows={[
            { key: t('partners.fill.edition'), value: edition.name },
            { key: t('partners.fill.when'), value: ctx.formatDateTime(edition.startsAt, 'long') },
            { key: t('partners.fill.where'), value: [edition.venueName, edition.venueRoom, edition.venueAddress].filter(Boolean).join(', ') },
          ]}
        />
        <p>{stand.filledInAt ? t('partners.fill.updateUntil', { date: ctx.formatDateTime(stand.filledInAt), until }) : t('partners.fill.intro', { until })}</p>
        <Form ctx={ctx} action={paths.partnerStand(token)}>
          <StandFields ctx={ctx} state={state} offerHint="partners.fill.offerHint" />
          <Button>{t(stand.filledInAt ? 'partners.fill.update' : 'partners.fill.submit')}</Button>
        </Form>
      </div>
    </Layout>
  )
}

export function LinkExpiredPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('partners.fill.expiredTitle')} head={noIndex}>
      <div class="narrow">
        <h1>{t('partners.fill.expiredTitle')}</h1>
        <p>{t('partners.fill.expired')}</p>
      </div>
    </Layout>
  )
}
