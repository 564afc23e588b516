// The list of editions and the edition form (new, from an earlier edition, or edit).
import { Button, CheckboxGroup, EmptyState, ErrorSummary, Field, Form, LinkButton, Table, Tag, Textarea } from '../platform/views/components.tsx'
import type { FormState, PageContext } from '../platform/views/context.ts'
import { Layout } from '../platform/views/layout.tsx'
import { INVITEE_LANGUAGE_NAMES, INVITEE_LANGUAGES } from '../platform/i18n/languages.ts'
import { paths } from '../paths.ts'
import { daysUntil, EDITION_LIMITS, type Edition, type EditionStatus } from './editions.ts'

const STATUS_TONE: Record<EditionStatus, 'grey' | 'blue' | 'yellow' | 'green'> = { draft: 'grey', invitations_open: 'blue', replies_closed: 'yellow', held: 'green', archived: 'grey' }

export function StatusTag({ ctx, status }: { ctx: PageContext; status: EditionStatus }) {
  return <Tag tone={STATUS_TONE[status]}>{ctx.t(`editions.status.${status}`)}</Tag>
}

export function EditionListPage({ ctx, editions, now }: { ctx: PageContext; editions: Edition[]; now: Date }) {
  const { t } = ctx
  const latest = editions[0]
  return (
    <Layout ctx={ctx} title={t('editions.list.title')}>
      <h1>{t('editions.list.title')}</h1>
      <p>{t('editions.list.intro')}</p>
      <p class="button-group">
        <LinkButton href={paths.editionNew()} variant={latest ? 'secondary' : 'primary'}>
          {t('editions.list.new')}
        </LinkButton>
        {latest && (
          <LinkButton href={paths.editionNew(latest.id)} variant="primary">
            {t('editions.list.fromLatest', { name: latest.name })}
          </LinkButton>
        )}
      </p>
      {editions.length === 0 ? (
        <EmptyState title={t('editions.list.empty')}>
          <p>{t('editions.list.emptyHelp')}</p>
        </EmptyState>
      ) : (
        <Table
          caption={t('editions.list.caption', { count: editions.length })}
          columns={[
            { header: t('editions.field.name'), cell: (e: Edition) => <a href={paths.edition(e.id)}>{e.name}</a> },
            { header: t('editions.field.date'), cell: (e) => ctx.formatDateTime(e.startsAt) },
            { header: t('editions.list.when'), cell: (e) => countdown(ctx, daysUntil(e, now)) },
            { header: t('editions.field.organisers'), cell: (e) => e.organisers.map((o) => o.name).join(', ') },
            { header: t('editions.field.status'), cell: (e) => <StatusTag ctx={ctx} status={e.status} /> },
          ]}
          rows={editions}
        />
      )}
    </Layout>
  )
}

/** "over 12 dagen", "vandaag", "3 dagen geleden". */
export function countdown(ctx: PageContext, days: number): string {
  return days === 0 ? ctx.t('editions.countdown.today') : days > 0 ? ctx.t('editions.countdown.future', { days }) : ctx.t('editions.countdown.past', { days: -days })
}

export interface EditionFormView {
  mode: 'new' | 'edit'
  /** Editing: the edition; new from an earlier edition: that one. */
  edition?: Edition
  source?: Edition | null
  municipalities: { id: string; name: string }[]
}

export function EditionFormPage({ ctx, view, state }: { ctx: PageContext; view: EditionFormView; state: FormState & { checked?: Record<string, string[]> } }) {
  const { t } = ctx
  const { values, errors } = state
  const checked = state.checked ?? {}
  const title = view.mode === 'edit' ? t('editions.edit.title', { name: view.edition!.name }) : view.source ? t('editions.new.fromTitle', { name: view.source.name }) : t('editions.new.title')
  const action = view.mode === 'edit' ? paths.editionEdit(view.edition!.id) : paths.editionNew()
  // Only the municipality that created an edition chooses its co-organisers.
  const choosesOrganisers = view.mode === 'new' || view.edition!.municipalityId === ctx.municipality?.id
  return (
    <Layout ctx={ctx} title={title} hasErrors={errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{title}</h1>
        <p>{t(view.source ? 'editions.new.fromIntro' : view.mode === 'new' ? 'editions.new.intro' : 'editions.edit.intro')}</p>
        <Form ctx={ctx} action={action}>
          {view.source && <input type="hidden" name="copyFrom" value={view.source.id} />}
          <Field ctx={ctx} name="name" label="editions.field.name" hint="editions.field.nameHint" value={values.name} errors={errors} />
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('editions.form.when')}</legend>
            <Field ctx={ctx} name="date" type="date" label="editions.field.date" value={values.date} errors={errors} width="medium" />
            <Field ctx={ctx} name="time" type="time" label="editions.field.time" hint="editions.field.timeHint" value={values.time} errors={errors} width="short" />
            <Field ctx={ctx} name="replyBy" type="date" label="editions.field.replyBy" hint="editions.field.replyByHint" value={values.replyBy} errors={errors} width="medium" />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('editions.form.venue')}</legend>
            <p class="field__hint">{t('editions.form.venueHint')}</p>
            <Field ctx={ctx} name="venueName" label="editions.field.venueName" value={values.venueName} errors={errors} />
            <Field ctx={ctx} name="venueAddress" label="editions.field.venueAddress" value={values.venueAddress} errors={errors} autocomplete="off" />
            <Field ctx={ctx} name="venueRoom" label="editions.field.venueRoom" hint="editions.field.optional" value={values.venueRoom} errors={errors} />
            <Field ctx={ctx} name="capacity" type="number" inputMode="numeric" label="editions.field.capacity" hint="editions.field.capacityHint" value={values.capacity} errors={errors} width="short" />
            <Textarea ctx={ctx} name="accessibility" label="editions.field.accessibility" hint="editions.field.accessibilityHint" value={values.accessibility} errors={errors} rows={3} />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('editions.form.invitees')}</legend>
            <p class="field__hint">{t('editions.form.periodHint')}</p>
            <Field ctx={ctx} name="periodFrom" type="date" label="editions.field.periodFrom" value={values.periodFrom} errors={errors} width="medium" />
            <Field ctx={ctx} name="periodTo" type="date" label="editions.field.periodTo" value={values.periodTo} errors={errors} width="medium" />
            <Field ctx={ctx} name="guestsPerInvitee" type="number" inputMode="numeric" label="editions.field.guestsPerInvitee" hint="editions.field.guestsHint" hintValues={{ max: EDITION_LIMITS.guests }} value={values.guestsPerInvitee} errors={errors} width="short" />
            <CheckboxGroup
              ctx={ctx}
              name="languages"
              legend="editions.field.languages"
              hint="editions.field.languagesHint"
              options={INVITEE_LANGUAGES.filter((l) => l !== 'nl').map((l) => ({ value: l, label: INVITEE_LANGUAGE_NAMES[l] }))}
              checked={checked.languages ?? []}
              errors={errors}
            />
            <Field ctx={ctx} name="retentionDays" type="number" inputMode="numeric" label="editions.field.retentionDays" hint="editions.field.retentionHint" value={values.retentionDays} errors={errors} width="short" />
          </fieldset>
          {choosesOrganisers && view.municipalities.length > 0 && (
            // Closed unless chosen: most editions have one organiser, and the list is long.
            <details class="details" open={(checked.coOrganisers ?? []).length > 0}>
              <summary class="details__summary">{t('editions.form.together')}</summary>
              <CheckboxGroup
                ctx={ctx}
                name="coOrganisers"
                legend="editions.field.coOrganisers"
                hint="editions.field.coOrganisersHint"
                options={view.municipalities.map((m) => ({ value: m.id, label: m.name }))}
                checked={checked.coOrganisers ?? []}
                errors={errors}
              />
            </details>
          )}
          <Button>{t(view.mode === 'edit' ? 'editions.edit.submit' : 'editions.new.submit')}</Button>
        </Form>
        <p>
          <a href={view.mode === 'edit' ? paths.edition(view.edition!.id) : paths.editions()}>{t(view.mode === 'edit' ? 'editions.backToEdition' : 'editions.backToList')}</a>
        </p>
      </div>
    </Layout>
  )
}
