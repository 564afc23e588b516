// The info market of an edition: its stands, whether each partner filled theirs in and how their
// link stands, and adding a stand for a known partner or a new one.
import { Button, EmptyState, ErrorSummary, Form, Select, Table, Tag } from '../../platform/views/components.tsx'
import type { FormState, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../editions.ts'
import type { Partner } from './partners.ts'
import { PartnerFields } from './partners-pages.tsx'
import { linkLastDay, linkState } from './stands.ts'
import type { Stand } from './stands-queries.ts'

export type ChoosablePartner = Partner & { municipalityName: string }

export interface AddStandState extends FormState {
  /** Which of the two forms the errors belong to */
  form: 'choose' | 'new'
}

export function InfoMarketPage({ ctx, edition, stands, choosable, state, now }: { ctx: PageContext; edition: Edition; stands: Stand[]; choosable: ChoosablePartner[]; state: AddStandState; now: Date }) {
  const { t } = ctx
  const title = t('partners.stands.title', { name: edition.name })
  const empty: FormState = { errors: [], values: {} }
  const chooseState = state.form === 'choose' ? state : empty
  const newState = state.form === 'new' ? state : empty
  return (
    <Layout ctx={ctx} title={title} hasErrors={state.errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={state.errors} />
      <h1>{title}</h1>
      <p>{t('partners.stands.intro')}</p>
      <p>
        <a href={paths.partners()}>{t('partners.stands.managePartners')}</a>
      </p>
      {stands.length === 0 ? (
        <EmptyState title={t('partners.stands.empty')}>
          <p>{t('partners.stands.emptyHelp')}</p>
        </EmptyState>
      ) : (
        <Table
          caption={t('partners.stands.caption', { count: stands.length, filledIn: stands.filter((s) => s.filledInAt).length })}
          columns={[
            { header: t('partners.stand.partner'), cell: (s: Stand) => <a href={paths.editionStand(edition.id, s.id)}>{s.partnerName}</a> },
            { header: t('partners.stand.offer'), cell: (s) => s.offer ?? t('partners.stand.noOffer') },
            { header: t('partners.stand.tables'), cell: (s) => s.tables, numeric: true },
            { header: t('partners.stand.power'), cell: (s) => t(s.needsPower ? 'partners.yes' : 'partners.no') },
            { header: t('partners.stand.place'), cell: (s) => s.place ?? '–' },
            { header: t('partners.stand.notes'), cell: (s) => s.notes ?? '–' },
            { header: t('partners.stand.filledIn'), cell: (s) => <FilledIn ctx={ctx} filledInAt={s.filledInAt} /> },
            { header: t('partners.stand.link'), cell: (s) => <LinkStatus ctx={ctx} expiresAt={s.linkExpiresAt} ceremonyStartsAt={edition.startsAt} now={now} /> },
          ]}
          rows={stands}
        />
      )}

      <h2>{t('partners.stands.addTitle')}</h2>
      <div class="narrow">
        {choosable.length === 0 ? (
          <p>{t('partners.stands.noneToChoose')}</p>
        ) : (
          <Form ctx={ctx} action={paths.editionStands(edition.id)}>
            <input type="hidden" name="action" value="choose" />
            <Select
              ctx={ctx}
              name="partnerId"
              label="partners.stands.choose"
              hint="partners.stands.chooseHint"
              value={chooseState.values.partnerId}
              errors={chooseState.errors}
              options={[{ value: '', label: t('partners.stands.choosePlaceholder') }, ...choosable.map((p) => ({ value: p.id, label: partnerLabel(ctx, p) }))]}
            />
            <Button>{t('partners.stands.add')}</Button>
          </Form>
        )}
        <details class="details" open={state.form === 'new' && state.errors.length > 0}>
          <summary class="details__summary">{t('partners.stands.newPartner')}</summary>
          <Form ctx={ctx} action={paths.editionStands(edition.id)}>
            <input type="hidden" name="action" value="new" />
            <PartnerFields ctx={ctx} state={newState} />
            <Button>{t('partners.stands.addNew')}</Button>
          </Form>
        </details>
      </div>
      <p>
        <a href={paths.edition(edition.id)}>{t('partners.backToEdition')}</a>
      </p>
    </Layout>
  )
}

/** "Bibliotheek – gratis lidkaart (Sint-Katelijne-Waver)": a co-organiser's partner says whose it is. */
function partnerLabel(ctx: PageContext, p: ChoosablePartner): string {
  const base = p.offer ? `${p.name} – ${p.offer}` : p.name
  return p.municipalityId === ctx.municipality?.id ? base : `${base} (${p.municipalityName})`
}

export function FilledIn({ ctx, filledInAt }: { ctx: PageContext; filledInAt: Date | null }) {
  return filledInAt ? <>{ctx.t('partners.stand.filledInAt', { date: ctx.formatDateTime(filledInAt) })}</> : <Tag tone="yellow">{ctx.t('partners.stand.notFilledIn')}</Tag>
}

export function LinkStatus({ ctx, expiresAt, ceremonyStartsAt, now }: { ctx: PageContext; expiresAt: Date | null; ceremonyStartsAt: Date; now: Date }) {
  const link = linkState({ expiresAt }, ceremonyStartsAt, now)
  if (link.state === 'none') return <Tag tone="grey">{ctx.t('partners.link.none')}</Tag>
  const date = ctx.formatDate(linkLastDay(link.expiresAt))
  return link.state === 'valid' ? <Tag tone="green">{ctx.t('partners.link.validUntil', { date })}</Tag> : <Tag tone="red">{ctx.t('partners.link.expired', { date })}</Tag>
}
