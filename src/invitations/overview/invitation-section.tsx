// The person page's "Invitation and answer" section: the short code to read out over the phone,
// the letter (printed, came back), each message with its status, the current answer, and what
// staff can do: record or change the answer, listen to the name, register a returned letter.
import { Button, Form, LinkButton, SummaryList, Table, Tag } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { paths } from '../../paths.ts'
import { formatShortCode } from '../reply-codes.ts'
import { AnswerSummary } from './answer-view.tsx'
import { isReached, needsAnotherChannel, notReachedReason } from './funnel.ts'
import { MESSAGE_CHANNEL_LABELS, MESSAGE_KIND_LABELS, MESSAGE_STATUS_LABELS, NOT_REACHED_LABELS } from './labels.ts'
import type { PersonInvitation, SentMessage } from './person-invitation-queries.ts'

export function InvitationSection({ ctx, editionId, inviteeId, invitation }: { ctx: PageContext; editionId: string; inviteeId: string; invitation: PersonInvitation | null }) {
  const { t } = ctx
  return (
    <section aria-labelledby="invitation-title">
      <h2 id="invitation-title">{t('replies.person.title')}</h2>
      {invitation ? (
        <InvitationDetails ctx={ctx} editionId={editionId} inviteeId={inviteeId} invitation={invitation} />
      ) : (
        <p>
          {t('replies.person.noInvitation')} <a href={paths.editionInvitations(editionId)}>{t('replies.person.toInvitations')}</a>
        </p>
      )}
    </section>
  )
}

function InvitationDetails({ ctx, editionId, inviteeId, invitation }: { ctx: PageContext; editionId: string; inviteeId: string; invitation: PersonInvitation }) {
  const { t } = ctx
  const { facts } = invitation
  const reason = notReachedReason(facts)
  return (
    <>
      {needsAnotherChannel(facts) && reason && (
        <div class="notice notice--warning">
          <p>
            <Tag tone="red">{t('replies.person.anotherChannel')}</Tag> {t(NOT_REACHED_LABELS[reason].reason)}. {t(NOT_REACHED_LABELS[reason].advice)}
          </p>
        </div>
      )}
      <SummaryList
        rows={[
          {
            key: t('replies.person.code'),
            value: (
              <>
                <code>{formatShortCode(invitation.code)}</code>
                <p class="hint">{t('replies.person.codeHint')}</p>
              </>
            ),
          },
          { key: t('replies.person.reached'), value: isReached(facts) ? t('replies.person.reachedYes') : t(reason ? NOT_REACHED_LABELS[reason].reason : 'replies.person.reachedNo') },
          { key: t('replies.person.letter'), value: <LetterState ctx={ctx} invitation={invitation} /> },
        ]}
      />
      {(invitation.letterPrintedAt || invitation.letterReturnedAt) && (
        <Form ctx={ctx} action={paths.inviteeLetterReturned(editionId, inviteeId)}>
          {invitation.letterReturnedAt ? (
            <Button variant="secondary" name="returned" value="no">
              {t('replies.person.undoReturned')}
            </Button>
          ) : (
            <Button variant="secondary" name="returned" value="yes">
              {t('replies.person.markReturned')}
            </Button>
          )}
        </Form>
      )}
      <h3>{t('replies.person.messages')}</h3>
      {invitation.messages.length === 0 ? (
        <p>{t('replies.person.noMessages')}</p>
      ) : (
        <Table
          caption={t('replies.person.messagesCaption', { count: invitation.messages.length })}
          columns={[
            { header: t('replies.column.kind'), cell: (m: SentMessage) => t(MESSAGE_KIND_LABELS[m.kind] ?? 'replies.message.kind.other') },
            { header: t('replies.column.channel'), cell: (m) => t(MESSAGE_CHANNEL_LABELS[m.channel] ?? 'replies.message.channel.other') },
            { header: t('replies.column.status'), cell: (m) => <MessageStatus ctx={ctx} message={m} /> },
            { header: t('replies.column.date'), cell: (m) => ctx.formatDateTime(m.sentAt ?? m.createdAt) },
          ]}
          rows={invitation.messages}
        />
      )}
      <h3>{t('replies.person.answer')}</h3>
      {invitation.answer ? <AnswerSummary ctx={ctx} answer={invitation.answer} /> : <p>{t('replies.person.noAnswer')}</p>}
      <p class="button-group">
        <LinkButton href={paths.inviteeReply(editionId, inviteeId)}>{t('replies.person.recordAnswer')}</LinkButton>
        {invitation.recording && <a href={paths.inviteeRecording(editionId, inviteeId)}>{t('replies.person.listen')}</a>}
      </p>
    </>
  )
}

function LetterState({ ctx, invitation }: { ctx: PageContext; invitation: PersonInvitation }) {
  const { t } = ctx
  if (invitation.letterReturnedAt) return <>{t('replies.person.letterReturned', { date: ctx.formatDate(invitation.letterReturnedAt) })}</>
  if (invitation.letterPrintedAt) return <>{t('replies.person.letterPrinted', { date: ctx.formatDate(invitation.letterPrintedAt) })}</>
  return <>{t('replies.person.letterNotPrinted')}</>
}

function MessageStatus({ ctx, message }: { ctx: PageContext; message: SentMessage }) {
  const { t } = ctx
  // Said in full, not as a tag: it tells staff what to do next.
  if (message.status === 'failed' && message.channel === 'email') return <strong>{t('replies.person.emailFailed')}</strong>
  if (message.status === 'failed') return <strong>{t('replies.message.status.failed')}</strong>
  return <>{t(MESSAGE_STATUS_LABELS[message.status] ?? 'replies.message.status.queued')}</>
}
