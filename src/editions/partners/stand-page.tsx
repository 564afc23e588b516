// One stand of an info market: its details, the partner's link (make, renew, revoke), removing
// the stand; and the page that shows a new link once.
import { Button, Checkbox, ErrorSummary, Field, Form, Radios, SummaryList, Textarea } from '../../platform/views/components.tsx'
import type { FormState, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../editions.ts'
import { FilledIn, LinkStatus } from './stands-pages.tsx'
import type { StandDetail } from './stands-queries.ts'

export interface StandPageState {
  stand: FormState
  link: FormState
}

export function StandPage({ ctx, edition, stand, state, now }: { ctx: PageContext; edition: Edition; stand: StandDetail; state: StandPageState; now: Date }) {
  const { t } = ctx
  const title = t('partners.stand.title', { name: stand.partnerName })
  const errors = [...state.stand.errors, ...state.link.errors]
  const ownPartner = stand.partnerMunicipalityId === ctx.municipality?.id
  const action = paths.editionStand(edition.id, stand.id)
  return (
    <Layout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={errors} />
        <p class="lead">{edition.name}</p>
        <h1>{title}</h1>
        <SummaryList
          rows={[
            { key: t('partners.stand.partner'), value: ownPartner ? <a href={paths.partner(stand.partnerId)}>{stand.partnerName}</a> : stand.partnerName },
            { key: t('partners.field.offer'), value: stand.partnerOffer ?? t('partners.list.noOffer') },
            { key: t('partners.stand.filledIn'), value: <FilledIn ctx={ctx} filledInAt={stand.filledInAt} /> },
            { key: t('partners.stand.link'), value: <LinkStatus ctx={ctx} expiresAt={stand.linkExpiresAt} ceremonyStartsAt={edition.startsAt} now={now} /> },
          ]}
        />

        <h2>{t('partners.stand.detailsTitle')}</h2>
        <Form ctx={ctx} action={action}>
          <input type="hidden" name="action" value="save" />
          <StandFields ctx={ctx} state={state.stand} offerHint={stand.partnerOffer ? 'partners.stand.offerHint' : 'partners.stand.offerHintEmpty'} offerHintValues={{ offer: stand.partnerOffer ?? '' }} withPlace />
          <Button>{t('partners.stand.submit')}</Button>
        </Form>

        <h2>{t('partners.link.title')}</h2>
        <p>{t('partners.link.intro')}</p>
        <Form ctx={ctx} action={action}>
          <input type="hidden" name="action" value="link" />
          <Field ctx={ctx} name="until" type="date" label="partners.link.until" hint="partners.link.untilHint" value={state.link.values.until} errors={state.link.errors} width="medium" />
          {stand.contactEmail ? <Checkbox ctx={ctx} name="sendEmail" label="partners.link.sendEmail" checked={state.link.values.sendEmail === 'yes'} /> : <p class="hint">{t('partners.link.noEmail')}</p>}
          <Button variant={stand.linkExpiresAt ? 'secondary' : 'primary'}>{t(stand.linkExpiresAt ? 'partners.link.renew' : 'partners.link.create')}</Button>
        </Form>
        {stand.linkExpiresAt && (
          <Form ctx={ctx} action={action}>
            <input type="hidden" name="action" value="revoke" />
            <p>{t('partners.link.revokeHint')}</p>
            <Button variant="warning">{t('partners.link.revoke')}</Button>
          </Form>
        )}

        <h2>{t('partners.stand.removeTitle')}</h2>
        <Form ctx={ctx} action={action}>
          <input type="hidden" name="action" value="remove" />
          <p>{t('partners.stand.removeBody')}</p>
          <Button variant="warning">{t('partners.stand.remove')}</Button>
        </Form>
        <p>
          <a href={paths.editionStands(edition.id)}>{t('partners.backToStands')}</a>
        </p>
      </div>
    </Layout>
  )
}

/** The stand's fields; the partner's own form leaves out the place, which staff decide. */
export function StandFields({ ctx, state, offerHint, offerHintValues, withPlace }: { ctx: PageContext; state: FormState; offerHint: string; offerHintValues?: Record<string, string>; withPlace?: boolean }) {
  const { t } = ctx
  const { values, errors } = state
  return (
    <>
      <Field ctx={ctx} name="offer" label="partners.stand.offer" hint={offerHint} hintValues={offerHintValues} value={values.offer} errors={errors} />
      <Field ctx={ctx} name="tables" type="number" inputMode="numeric" label="partners.stand.tables" hint="partners.stand.tablesHint" value={values.tables} errors={errors} width="short" />
      <Radios
        ctx={ctx}
        name="needsPower"
        legend="partners.stand.power"
        value={values.needsPower}
        errors={errors}
        options={[
          { value: 'yes', label: t('partners.yes') },
          { value: 'no', label: t('partners.no') },
        ]}
      />
      {withPlace && <Field ctx={ctx} name="place" label="partners.stand.place" hint="partners.stand.placeHint" value={values.place} errors={errors} />}
      <Textarea ctx={ctx} name="notes" label="partners.stand.notes" hint="partners.stand.notesHint" value={values.notes} errors={errors} rows={3} />
    </>
  )
}

/** Shown once, straight after making the link: only its hash is kept. */
export function LinkCreatedPage({ ctx, edition, stand, url, lastDay, emailedTo }: { ctx: PageContext; edition: Edition; stand: StandDetail; url: string; lastDay: string; emailedTo: string | null }) {
  const { t } = ctx
  const title = t('partners.linkCreated.title', { name: stand.partnerName })
  return (
    <Layout ctx={ctx} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <div class="notice notice--warning" role="status">
          <p>
            <strong>{t('partners.linkCreated.warning')}</strong>
          </p>
        </div>
        <div class="field">
          <label class="field__label" for="field-link">
            {t('partners.linkCreated.label')}
          </label>
          <p class="field__hint" id="field-link-hint">
            {t('partners.linkCreated.validUntil', { date: ctx.formatDate(lastDay) })}
          </p>
          <input class="input input--full" id="field-link" type="text" value={url} readOnly spellcheck={false} autocomplete="off" aria-describedby="field-link-hint" />
        </div>
        {emailedTo && <p>{t('partners.linkCreated.emailed', { email: emailedTo })}</p>}
        <p>
          <a href={paths.editionStand(edition.id, stand.id)}>{t('partners.backToStand')}</a>
        </p>
        <p>
          <a href={paths.editionStands(edition.id)}>{t('partners.backToStands')}</a>
        </p>
      </div>
    </Layout>
  )
}
