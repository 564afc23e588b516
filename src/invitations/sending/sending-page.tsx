// The sending page: how many people the invitations reach and by which channel, what the e-mails
// and text messages did, and the button that sends the invitations still to go. Counts only.
import type { Edition } from '../../editions/editions.ts'
import { Button, Form, SummaryList } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Channel } from '../messages/channels.ts'
import type { SendingFacts, StatusCounts } from './sending-queries.ts'

export interface SendingPageProps {
  ctx: PageContext
  edition: Edition
  facts: SendingFacts
  /** People whose every e-mail failed: a letter is the way left. */
  failed: number
}

export function SendingPage({ ctx, edition, facts, failed }: SendingPageProps) {
  const { t } = ctx
  const title = t('invitations.sending.title', { name: edition.name })
  const people = (count: number) => t('invitations.sending.people', { count })
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('invitations.sending.intro')}</p>

      <h2>{t('invitations.sending.reach.title')}</h2>
      <SummaryList
        rows={[
          { key: t('invitations.sending.reach.invitable'), value: people(facts.invitable) },
          { key: t('invitations.sending.reach.withInvitation'), value: people(facts.withInvitation) },
          { key: t('invitations.sending.reach.byEmail'), value: people(facts.byEmail) },
          { key: t('invitations.sending.reach.bySms'), value: people(facts.bySms) },
          { key: t('invitations.sending.reach.letterOnly'), value: people(facts.letterOnly) },
        ]}
      />
      {facts.letterOnly > 0 && <p>{t('invitations.sending.reach.letterOnlyHelp', { count: facts.letterOnly })}</p>}

      <h2>{t('invitations.sending.sent.title')}</h2>
      <SentList ctx={ctx} sent={facts.sent} />
      {failed > 0 && (
        <div class="notice notice--warning">
          <p>{t('invitations.sending.failed', { count: failed })}</p>
          <p>
            <a href={paths.editionLetters(edition.id)}>{t('invitations.sending.toLetters')}</a>
          </p>
        </div>
      )}

      <h2>{t('invitations.sending.send.title')}</h2>
      <SendAction ctx={ctx} edition={edition} facts={facts} />

      <h2>{t('invitations.sending.more.title')}</h2>
      <ul>
        <li>
          <a href={paths.editionLetters(edition.id)}>{t('invitations.sending.toLetters')}</a>
        </li>
        <li>
          <a href={paths.editionReminders(edition.id)}>{t('invitations.sending.toReminders')}</a>
        </li>
        <li>
          <a href={paths.edition(edition.id)}>{t('invitations.backToEdition')}</a>
        </li>
      </ul>
    </Layout>
  )
}

/** Per channel, one line: a table of numbers wraps badly on a phone. */
function SentList({ ctx, sent }: { ctx: PageContext; sent: Record<Channel, StatusCounts> }) {
  const { t } = ctx
  return (
    <SummaryList
      rows={[
        { key: t('invitations.channel.email'), value: t('invitations.sending.sent.counts', { ...sent.email }) },
        { key: t('invitations.channel.sms'), value: t('invitations.sending.sent.counts', { ...sent.sms }) },
      ]}
    />
  )
}

/** The button when invitations may go out; otherwise why not, and where to change that. */
function SendAction({ ctx, edition, facts }: { ctx: PageContext; edition: Edition; facts: SendingFacts }) {
  const { t } = ctx
  if (edition.purgedAt) return <p>{t('invitations.sending.purged')}</p>
  if (edition.status === 'draft') {
    return (
      <div class="notice">
        <p>{t('invitations.sending.notOpenYet')}</p>
        <p>
          <a href={paths.edition(edition.id)}>{t('invitations.sending.toStatus')}</a>
        </p>
      </div>
    )
  }
  if (edition.status !== 'invitations_open') {
    return (
      <div class="notice">
        <p>{t('invitations.sending.closed', { status: t(`editions.status.${edition.status}`) })}</p>
        <p>
          <a href={paths.edition(edition.id)}>{t('invitations.sending.toStatus')}</a>
        </p>
      </div>
    )
  }
  if (facts.waiting === 0) return <p>{t('invitations.sending.nothingToSend')}</p>
  return (
    <Form ctx={ctx} action={paths.editionInvitationsSend(edition.id)}>
      <p>{t('invitations.sending.willSend', { count: facts.waiting })}</p>
      <Button>{t('invitations.sending.button')}</Button>
    </Form>
  )
}
