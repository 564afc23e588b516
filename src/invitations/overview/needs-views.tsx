// What the people who are coming need, for the caterer and the venue, and what all answers chose
// at the info market and offered to contribute. Counts only; allergy texts without names.
import { SummaryList, Table } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { paths } from '../../paths.ts'
import { CONTRIBUTION_KINDS, type ContributionKind } from '../reply.ts'
import { languageLabel } from './breakdown-views.tsx'
import { CONTRIBUTION_LABELS } from './labels.ts'
import type { NeedsSummary } from './needs.ts'

export function NeedsSection({ ctx, editionId, needs }: { ctx: PageContext; editionId: string; needs: NeedsSummary }) {
  const { t } = ctx
  const { catering, access } = needs
  return (
    <>
      <h2>{t('replies.needs.title')}</h2>
      <p class="hint">{t('replies.needs.intro', { count: needs.people })}</p>
      <h3>{t('replies.needs.catering')}</h3>
      <SummaryList
        rows={[
          { key: t('replies.export.seats'), value: needs.seats },
          { key: t('replies.export.people'), value: needs.people },
          { key: t('replies.export.adults'), value: needs.adults },
          { key: t('replies.export.children'), value: needs.children },
          { key: t('replies.needs.halal'), value: catering.halal },
          { key: t('replies.needs.vegetarian'), value: catering.vegetarian },
          { key: t('replies.needs.vegan'), value: catering.vegan },
          { key: t('replies.needs.allergies'), value: catering.allergies },
        ]}
      />
      {catering.allergyTexts.length > 0 && (
        <>
          <p>{t('replies.needs.allergyTexts')}</p>
          <ul>
            {catering.allergyTexts.map((a) => (
              <li class="break-anywhere">{a.count > 1 ? t('replies.needs.allergyTimes', { text: a.text, count: a.count }) : a.text}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={paths.editionRepliesExport(editionId, 'catering')} download>
          {t('replies.export.cateringLink')}
        </a>
      </p>
      <h3>{t('replies.needs.access')}</h3>
      <SummaryList
        rows={[
          { key: t('replies.needs.wheelchair'), value: access.wheelchair },
          { key: t('replies.needs.signLanguage'), value: access.signLanguage },
          {
            key: t('replies.needs.interpreters'),
            value:
              access.interpreters.length === 0
                ? 0
                : access.interpreters.map((i) => t('replies.needs.interpreterCount', { language: languageLabel(ctx, i.language), count: i.count })).join(', '),
          },
          { key: t('replies.needs.childcare'), value: t('replies.needs.childcareCount', { count: access.childcare, children: access.childcareChildren }) },
          { key: t('replies.needs.noHandshake'), value: access.noHandshake },
        ]}
      />
      <p>
        <a href={paths.editionRepliesExport(editionId, 'venue')} download>
          {t('replies.export.venueLink')}
        </a>
      </p>
    </>
  )
}

type Interest = { standId: string; name: string; count: number }

export function InterestsSection({ ctx, editionId, interests }: { ctx: PageContext; editionId: string; interests: Interest[] }) {
  const { t } = ctx
  return (
    <>
      <h2>{t('replies.interests.title')}</h2>
      <p class="hint">{t('replies.interests.intro')}</p>
      {interests.length === 0 ? (
        <p>
          {t('replies.interests.noStands')} <a href={paths.editionStands(editionId)}>{t('replies.interests.toStands')}</a>
        </p>
      ) : (
        <Table
          caption={t('replies.interests.caption')}
          columns={[
            { header: t('replies.column.stand'), cell: (i: Interest) => i.name },
            { header: t('replies.column.replies'), cell: (i) => i.count, numeric: true },
          ]}
          rows={interests}
        />
      )}
    </>
  )
}

export function ContributionsSection({ ctx, editionId, contributions }: { ctx: PageContext; editionId: string; contributions: Record<ContributionKind, number> }) {
  const { t } = ctx
  return (
    <>
      <h2>{t('replies.contributions.title')}</h2>
      <SummaryList rows={CONTRIBUTION_KINDS.map((kind) => ({ key: t(CONTRIBUTION_LABELS[kind]), value: contributions[kind] }))} />
      <p>
        <a href={paths.editionContributions(editionId)}>{t('replies.contributions.link')}</a>
      </p>
    </>
  )
}
