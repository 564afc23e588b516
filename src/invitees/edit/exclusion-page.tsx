// Excluding one person with a reason, or taking the exclusion back. What an exclusion means is
// said before it happens: no invitation, no reminder, not carried over to a next edition.
import { Button, ErrorSummary, Form, Radios, SummaryList } from '../../platform/views/components.tsx'
import type { FieldError, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../../editions/editions.ts'
import { EXCLUSION_REASONS } from '../invitees-queries.ts'
import type { Invitee } from '../list/invitee-list.ts'
import { fullName } from '../list/person-pages.tsx'
import { REASON_HINTS, REASON_LABELS, StatusTag } from '../list/status-labels.tsx'

export function ExclusionPage({ ctx, edition, invitee, errors }: { ctx: PageContext; edition: Edition; invitee: Invitee; errors: FieldError[] }) {
  const { t } = ctx
  const name = fullName(ctx, invitee)
  const excluded = invitee.excludedReason !== null
  const title = t(excluded ? 'invitee-edit.exclusion.includeTitle' : 'invitee-edit.exclusion.excludeTitle', { name })
  return (
    <Layout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={errors} />
        <p class="hint">{t('invitee-list.person.caption', { edition: edition.name })}</p>
        <h1>{title}</h1>
        {excluded ? (
          <>
            <SummaryList
              rows={[
                { key: t('invitee-list.field.status'), value: <StatusTag ctx={ctx} invitee={invitee} /> },
                ...(invitee.excludedAt ? [{ key: t('invitee-list.field.excludedAt'), value: ctx.formatDateTime(invitee.excludedAt) }] : []),
              ]}
            />
            <p>{t('invitee-edit.exclusion.includeWhat')}</p>
            <Form ctx={ctx} action={paths.inviteeExclusion(edition.id, invitee.id)}>
              <p class="button-group">
                <Button name="actie" value="include">
                  {t('invitee-edit.exclusion.includeSubmit')}
                </Button>
                <a href={paths.invitee(edition.id, invitee.id)}>{t('invitee-edit.cancel')}</a>
              </p>
            </Form>
          </>
        ) : (
          <>
            <p>{t('invitee-edit.exclusion.excludeWhat')}</p>
            <Form ctx={ctx} action={paths.inviteeExclusion(edition.id, invitee.id)}>
              <Radios
                ctx={ctx}
                name="reden"
                legend="invitee-edit.exclusion.reason"
                value={undefined}
                errors={errors}
                options={EXCLUSION_REASONS.map((r) => ({ value: r, label: t(REASON_LABELS[r]), hint: t(REASON_HINTS[r]) }))}
              />
              <p class="button-group">
                <Button name="actie" value="exclude">
                  {t('invitee-edit.exclusion.excludeSubmit')}
                </Button>
                <a href={paths.invitee(edition.id, invitee.id)}>{t('invitee-edit.cancel')}</a>
              </p>
            </Form>
          </>
        )}
      </div>
    </Layout>
  )
}
