// One invitee: everything Welkom holds about the person (an access request starts here), the
// download of it, and the question before erasing the person.
import { Button, Form, LinkButton, SummaryList, Table } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../../editions/editions.ts'
import { InvitationSection } from '../../invitations/overview/invitation-section.tsx'
import type { PersonInvitation } from '../../invitations/overview/person-invitation-queries.ts'
import type { Invitee, InviteeWarning } from './invitee-list.ts'
import { LanguageName } from './language-name.tsx'
import { SOURCE_LABELS, StatusTag } from './status-labels.tsx'

/**
 * What an import left out, said again in the past tense: the stored warning keeps the column
 * and the import's message key, never the value that was left out.
 */
const WARNING_MESSAGES: Record<string, string> = {
  'invitees.import.emailInvalid': 'invitee-list.warning.emailInvalid',
  'invitees.import.phoneInvalid': 'invitee-list.warning.phoneInvalid',
  'invitees.import.languageUnknown': 'invitee-list.warning.languageUnknown',
  'invitees.import.dateInvalid': 'invitee-list.warning.dateInvalid',
  'invitees.import.yesNoUnknown': 'invitee-list.warning.yesNoUnknown',
}

export function warningMessage(ctx: PageContext, warning: InviteeWarning): string {
  return ctx.t(WARNING_MESSAGES[warning.message] ?? 'invitee-list.warning.other')
}

export const fullName = (ctx: PageContext, i: Pick<Invitee, 'lastName' | 'firstName'>) => ctx.t('invitee-list.fullName', { last: i.lastName, first: i.firstName })

function address(ctx: PageContext, i: Invitee): string {
  const street = [i.street, i.houseNumber, i.box && ctx.t('invitee-list.field.box', { box: i.box })].filter(Boolean).join(' ')
  return [street.trim(), [i.postcode, i.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')
}

export function PersonPage({ ctx, edition, invitee, invitation }: { ctx: PageContext; edition: Edition; invitee: Invitee; invitation: PersonInvitation | null }) {
  const { t } = ctx
  const name = fullName(ctx, invitee)
  const none = t('invitee-list.person.notKnown')
  const date = (value: string | null) => (value ? ctx.formatDate(value) : none)
  return (
    <Layout ctx={ctx} title={name}>
      <p class="hint">{t('invitee-list.person.caption', { edition: edition.name })}</p>
      <h1>{name}</h1>
      <p>{t('invitee-list.person.intro')}</p>
      <h2>{t('invitee-list.person.standing')}</h2>
      <SummaryList
        rows={[
          { key: t('invitee-list.field.status'), value: <StatusTag ctx={ctx} invitee={invitee} /> },
          ...(invitee.excludedAt ? [{ key: t('invitee-list.field.excludedAt'), value: ctx.formatDateTime(invitee.excludedAt) }] : []),
          { key: t('invitee-list.field.nextTime'), value: t(invitee.hasAskedNextTime ? 'invitee-list.person.nextTimeYes' : 'invitee-list.person.nextTimeNo') },
          { key: t('invitee-list.field.source'), value: t(SOURCE_LABELS[invitee.source]) },
        ]}
      />
      <p class="button-group">
        <LinkButton href={paths.inviteeEdit(edition.id, invitee.id)}>{t('invitee-list.person.edit')}</LinkButton>
        <LinkButton href={paths.inviteeExclusion(edition.id, invitee.id)}>{t(invitee.excludedReason ? 'invitee-list.person.include' : 'invitee-list.person.exclude')}</LinkButton>
      </p>
      <InvitationSection ctx={ctx} editionId={edition.id} inviteeId={invitee.id} invitation={invitation} />
      <h2>{t('invitee-list.person.details')}</h2>
      <SummaryList
        rows={[
          { key: t('invitee-list.field.lastName'), value: invitee.lastName },
          { key: t('invitee-list.field.firstName'), value: invitee.firstName },
          { key: t('invitee-list.field.birthDate'), value: date(invitee.birthDate) },
          { key: t('invitee-list.field.address'), value: address(ctx, invitee) || none },
          { key: t('invitee-list.field.email'), value: invitee.email ?? none },
          { key: t('invitee-list.field.phone'), value: invitee.phone ?? none },
          { key: t('invitee-list.field.language'), value: invitee.language ? <LanguageName code={invitee.language} /> : none },
          { key: t('invitee-list.field.certificateDate'), value: date(invitee.certificateDate) },
          { key: t(invitee.source === 'import' ? 'invitee-list.field.createdAt' : 'invitee-list.field.addedAt'), value: ctx.formatDateTime(invitee.createdAt) },
          { key: t('invitee-list.field.updatedAt'), value: ctx.formatDateTime(invitee.updatedAt) },
        ]}
      />
      <p class="hint">{t('invitee-list.person.noNationalNumber')}</p>
      <h2>{t('invitee-list.person.warnings')}</h2>
      {invitee.warnings.length === 0 ? (
        <p>{t('invitee-list.person.noWarnings')}</p>
      ) : (
        <Table
          caption={t('invitee-list.person.warningsCaption', { count: invitee.warnings.length })}
          columns={[
            { header: t('invitee-list.column.column'), cell: (w: InviteeWarning) => w.column },
            { header: t('invitee-list.column.message'), cell: (w) => warningMessage(ctx, w) },
          ]}
          rows={invitee.warnings}
        />
      )}
      <h2>{t('invitee-list.person.rights')}</h2>
      <p>{t('invitee-list.person.rightsHelp')}</p>
      <p class="button-group">
        <a href={paths.inviteeAccessExport(edition.id, invitee.id)} class="button button--secondary" role="button" download>
          {t('invitee-list.person.download')}
        </a>
        <LinkButton href={paths.inviteeErase(edition.id, invitee.id)}>{t('invitee-list.person.erase')}</LinkButton>
      </p>
      <p>
        <a href={paths.editionInvitees(edition.id)}>{t('invitee-list.backToList')}</a>
      </p>
    </Layout>
  )
}

/** Erasing cannot be undone, so it asks first and says what goes and what stays. */
export function ErasePage({ ctx, edition, invitee }: { ctx: PageContext; edition: Edition; invitee: Invitee }) {
  const { t } = ctx
  const name = fullName(ctx, invitee)
  const title = t('invitee-list.erase.title', { name })
  return (
    <Layout ctx={ctx} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <p>{t('invitee-list.erase.what', { edition: edition.name })}</p>
        <div class="notice notice--warning">
          <p>{t('invitee-list.erase.warning')}</p>
        </div>
        <Form ctx={ctx} action={paths.inviteeErase(edition.id, invitee.id)}>
          <p class="button-group">
            <Button variant="warning">{t('invitee-list.erase.submit')}</Button>
            <a href={paths.invitee(edition.id, invitee.id)}>{t('invitee-list.erase.cancel')}</a>
          </p>
        </Form>
      </div>
    </Layout>
  )
}
