// The thank-you page after an answer: what was recorded in plain words, until when it can be
// changed, and (for "yes" and "not sure yet") the ceremony for the person's calendar.
import type { Translator } from '../../platform/i18n/i18n.ts'
import type { InviteeLanguage } from '../../platform/i18n/languages.ts'
import { paths } from '../../paths.ts'
import { NewcomerLayout } from './newcomer-layout.tsx'
import { changeUntil, Contact, TranslationNote } from './reply-blocks.tsx'
import type { Offer } from './reply-form.tsx'
import type { ReplySubject, StoredReply } from './reply-queries.ts'
import { ReplySummary } from './reply-summary.tsx'

export interface DonePageProps {
  i18n: Translator
  offered: readonly InviteeLanguage[]
  token: string
  subject: ReplySubject
  reply: StoredReply
  offers: Offer[]
  waitingPosition: number | null
  open: boolean
}

export function DonePage({ i18n, offered, token, subject, reply, offers, waitingPosition, open }: DonePageProps) {
  const { t } = i18n
  const lang = `?taal=${i18n.locale}`
  return (
    <NewcomerLayout i18n={i18n} title={t('reply.done.title')} switchPath={paths.replyDone(token)} offered={offered}>
      <TranslationNote i18n={i18n} dutchHref={`${paths.replyDone(token)}?taal=nl`} />
      <div class="notice notice--success">
        <h1>{t('reply.done.title')}</h1>
        <p>{t('reply.done.recorded')}</p>
      </div>
      <h2>{t('reply.done.yourAnswer')}</h2>
      <ReplySummary i18n={i18n} reply={reply} place={reply.place} waitingPosition={waitingPosition} offers={offers} />
      {reply.attending !== 'no' && (
        <p>
          <a href={`${paths.replyCalendar(token)}${lang}`} class="button button--secondary" download="welkom.ics">
            {t('reply.done.calendar')}
          </a>
        </p>
      )}
      <h2>{t('reply.done.changeTitle')}</h2>
      {open ? (
        <>
          <p>{changeUntil(i18n, subject.edition, { date: 'reply.done.changeUntil', start: 'reply.done.changeUntilStart' })}</p>
          <p>
            <a href={`${paths.reply(token)}${lang}`}>{t('reply.done.changeLink')}</a>
          </p>
        </>
      ) : (
        <Contact i18n={i18n} municipality={subject.municipality} />
      )}
    </NewcomerLayout>
  )
}
