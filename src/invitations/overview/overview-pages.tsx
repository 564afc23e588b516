// The reply overview of an edition: the funnel from invited to coming, who we did not reach and
// what to do, the same by language and channel, what the people coming need, the info-market
// interests, the contributions offered and the waiting list.
import type { Edition } from '../../editions/editions.ts'
import { EmptyState } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import { ByLanguageTable, ReachTable, ReplyChannelTable } from './breakdown-views.tsx'
import { FunnelTable, SeatsLine } from './funnel-view.tsx'
import { ContributionsSection, InterestsSection, NeedsSection } from './needs-views.tsx'
import { NotReachedSection, WaitingList } from './people-views.tsx'
import type { ReplyOverview } from './reply-overview.ts'

export function RepliesPage({ ctx, edition, overview }: { ctx: PageContext; edition: Edition; overview: ReplyOverview }) {
  const { t } = ctx
  const { funnel } = overview
  const title = t('replies.title')
  return (
    <Layout ctx={ctx} title={`${title}: ${edition.name}`}>
      <p class="hint">{t('replies.caption', { edition: edition.name })}</p>
      <h1>{title}</h1>
      {edition.purgedAt ? (
        // The answers went with the rest of the personal data; the purge receipt says what and when.
        <EmptyState title={t('replies.purged.title')}>
          <p>
            <a href={paths.editionPurgeReceipts(edition.id)}>{t('replies.purged.link')}</a>
          </p>
        </EmptyState>
      ) : funnel.invited === 0 ? (
        <EmptyState title={t('replies.empty.title')}>
          <p>{t('replies.empty.body')}</p>
          <p>
            <a href={paths.editionInvitations(edition.id)}>{t('replies.empty.link')}</a>
          </p>
        </EmptyState>
      ) : (
        <>
          <p>{t('replies.intro')}</p>
          <h2>{t('replies.funnel.title')}</h2>
          <FunnelTable ctx={ctx} funnel={funnel} />
          <SeatsLine ctx={ctx} funnel={funnel} capacity={edition.capacity} />
          <NotReachedSection ctx={ctx} editionId={edition.id} funnel={funnel} people={overview.anotherChannel} total={overview.anotherChannelTotal} />
          <h2>{t('replies.byLanguage.title')}</h2>
          <ByLanguageTable ctx={ctx} rows={overview.byLanguage} />
          <h2>{t('replies.channels.title')}</h2>
          <p class="hint">{t('replies.reach.intro')}</p>
          <ReachTable ctx={ctx} rows={overview.reach} />
          <ReplyChannelTable ctx={ctx} rows={overview.replyChannels} />
          <NeedsSection ctx={ctx} editionId={edition.id} needs={overview.needs} />
          <InterestsSection ctx={ctx} editionId={edition.id} interests={overview.interests} />
          <ContributionsSection ctx={ctx} editionId={edition.id} contributions={overview.contributions} />
          <WaitingList ctx={ctx} editionId={edition.id} waiting={overview.waiting} />
        </>
      )}
      <p>
        <a href={paths.edition(edition.id)}>{t('replies.backToEdition')}</a>
      </p>
    </Layout>
  )
}
