// The staff form for an answer given by phone, by letter or at the desk: the newcomer's fields
// (the same components, in the staff language) and how the answer came in.
import type { Edition } from '../../editions/editions.ts'
import type { FieldError, PageContext } from '../../platform/views/context.ts'
import { ErrorSummary, Form, Radios } from '../../platform/views/components.tsx'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import { STAFF_REPLY_CHANNELS, type ReplyChannel } from '../reply.ts'
import { valueOf, type ReplyFormValues } from './form-controls.tsx'
import { ReplyFields, type Offer } from './reply-form.tsx'
import type { StoredReply } from './reply-queries.ts'

export const CHANNEL_LABELS: Record<ReplyChannel, string> = {
  web: 'reply-staff.channel.web',
  phone: 'reply-staff.channel.phone',
  letter: 'reply-staff.channel.letter',
  desk: 'reply-staff.channel.desk',
}

export interface StaffReplyPageProps {
  ctx: PageContext
  edition: Pick<Edition, 'id' | 'name' | 'guestsPerInvitee'>
  invitee: { id: string; firstName: string; lastName: string }
  reply: StoredReply | null
  waitingPosition: number | null
  offers: Offer[]
  open: boolean
  values: ReplyFormValues
  errors: FieldError[]
}

export function StaffReplyPage({ ctx, edition, invitee, reply, waitingPosition, offers, open, values, errors }: StaffReplyPageProps) {
  const { t } = ctx
  const name = `${invitee.firstName} ${invitee.lastName}`
  return (
    <Layout ctx={ctx} title={t('reply-staff.title', { name })} hasErrors={errors.length > 0}>
      <p>
        <a href={paths.invitee(edition.id, invitee.id)}>{t('reply-staff.back', { name })}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="hint">{edition.name}</p>
      <h1>{t('reply-staff.title', { name })}</h1>
      <p>{t('reply-staff.intro')}</p>
      <CurrentAnswer ctx={ctx} reply={reply} waitingPosition={waitingPosition} />
      {!open && <p class="notice notice--warning">{t('reply-staff.afterDeadline')}</p>}
      <Form ctx={ctx} action={paths.inviteeReply(edition.id, invitee.id)}>
        <Radios
          ctx={ctx}
          name="channel"
          legend="reply-staff.channel.legend"
          value={valueOf(values, 'channel') || undefined}
          errors={errors}
          options={STAFF_REPLY_CHANNELS.map((c) => ({ value: c, label: t(CHANNEL_LABELS[c]) }))}
        />
        <h2>{t('reply-staff.answer')}</h2>
        <ReplyFields i18n={ctx} values={values} errors={errors} guestsPerInvitee={edition.guestsPerInvitee} offers={offers} />
        <p class="button-group">
          <button type="submit" class="button button--primary">
            {t('reply-staff.submit')}
          </button>
        </p>
      </Form>
    </Layout>
  )
}

function CurrentAnswer({ ctx, reply, waitingPosition }: { ctx: PageContext; reply: StoredReply | null; waitingPosition: number | null }) {
  const { t } = ctx
  if (!reply) return <p class="notice">{t('reply-staff.noAnswer')}</p>
  return (
    <div class="notice">
      <p>{t('reply-staff.lastAnswer', { date: ctx.formatDateTime(reply.updatedAt), channel: t(CHANNEL_LABELS[reply.channel]) })}</p>
      {reply.attending === 'yes' && reply.place === 'waiting' && <p>{t('reply-staff.waiting', { position: waitingPosition ?? 0 })}</p>}
    </div>
  )
}
