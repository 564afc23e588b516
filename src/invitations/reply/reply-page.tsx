// The newcomer's reply page: the invitation (first name, when and where, programme), then the
// answer form, or — once replying has closed — the answer as it stands and whom to call.
import type { ComponentChildren } from 'preact'
import type { ProgrammeItem } from '../../editions/programme/programme.ts'
import type { Translator } from '../../platform/i18n/i18n.ts'
import type { InviteeLanguage } from '../../platform/i18n/languages.ts'
import type { FieldError } from '../../platform/views/context.ts'
import { paths } from '../../paths.ts'
import { RecordingSection, type RecordingNotice } from '../recording/recording-section.tsx'
import type { ReplyInput } from '../reply.ts'
import type { ReplyFormValues } from './form-controls.tsx'
import { ReplyErrorSummary } from './form-controls.tsx'
import { NewcomerLayout } from './newcomer-layout.tsx'
import { changeUntil, Contact, Programme, TranslationNote, WhenAndWhere } from './reply-blocks.tsx'
import { ReplyFields, type Offer } from './reply-form.tsx'
import type { ReplySubject } from './reply-queries.ts'
import { ReplySummary } from './reply-summary.tsx'

export interface ReplyPageProps {
  i18n: Translator
  offered: readonly InviteeLanguage[]
  token: string
  subject: ReplySubject
  /** In order (listProgrammeItems sorts by position). */
  programme: ProgrammeItem[]
  offers: Offer[]
  open: boolean
  values: ReplyFormValues
  errors: FieldError[]
  hasRecording: boolean
  /** What the recording section confirms after a redirect from it ("saved", "deleted"). */
  recordingNotice: RecordingNotice | null
  waitingPosition: number | null
  /** A late answer that was refused: what the person sent, shown back so nothing is lost. */
  refused?: { input: ReplyInput | null; texts: string[] }
  /** In place of the answer form or the closed notice: a slot marker when rendering a cached template (reply-page-cache.ts). */
  answerSection?: ComponentChildren
}

export function ReplyPage(props: ReplyPageProps) {
  const { i18n, subject, token, errors } = props
  const { t } = i18n
  const title = errors.length > 0 ? `${t('reply.errorPrefix')} ${t('reply.page.title')}` : t('reply.page.title')
  return (
    <NewcomerLayout i18n={i18n} title={title} switchPath={paths.reply(token)} offered={props.offered}>
      <TranslationNote i18n={i18n} dutchHref={`${paths.reply(token)}?taal=nl`} />
      <ReplyErrorSummary i18n={i18n} errors={errors} />
      <h1>{t('reply.page.title')}</h1>
      <p class="lead">{t('reply.page.greeting', { name: subject.invitee.firstName })}</p>
      <p>{t('reply.page.intro', { municipality: subject.municipality.name })}</p>
      <WhenAndWhere i18n={i18n} edition={subject.edition} />
      <Programme i18n={i18n} startsAt={subject.edition.startsAt} items={props.programme} />
      {props.answerSection ?? <AnswerSection {...props} />}
      <RecordingSection i18n={i18n} token={token} hasRecording={props.hasRecording} notice={props.recordingNotice} />
      <section aria-labelledby="contact-title">
        <h2 id="contact-title">{t('reply.contact.title')}</h2>
        <Contact i18n={i18n} municipality={subject.municipality} />
      </section>
    </NewcomerLayout>
  )
}

/** The answer form while replying is open, else the answer as it stands and whom to call. */
export function AnswerSection(props: AnswerSectionProps) {
  return props.open ? <AnswerForm {...props} /> : <Closed {...props} />
}

export type AnswerSectionProps = Omit<ReplyPageProps, 'offered' | 'programme' | 'hasRecording' | 'recordingNotice' | 'answerSection'>

// No CSRF token: the form posts to the person's own address, which carries a secret no other site
// can know (see the CSRF hook in app.ts).
function AnswerForm({ i18n, subject, token, values, errors, offers }: AnswerSectionProps) {
  const { t } = i18n
  return (
    <section aria-labelledby="answer-title">
      <h2 id="answer-title">{t('reply.form.title')}</h2>
      <p>{changeUntil(i18n, subject.edition, { date: 'reply.form.deadline', start: 'reply.form.deadlineStart' })}</p>
      {subject.reply && <p class="notice">{t('reply.form.current')}</p>}
      <form method="post" action={paths.reply(token)} novalidate>
        <input type="hidden" name="taal" value={i18n.locale} />
        <ReplyFields i18n={i18n} values={values} errors={errors} guestsPerInvitee={subject.edition.guestsPerInvitee} offers={offers} />
        <p class="hint">{t('reply.form.privacy')}</p>
        <div class="actions">
          <button type="submit" class="button button--primary">
            {t('reply.form.submit')}
          </button>
        </div>
      </form>
    </section>
  )
}

function Closed({ i18n, subject, offers, waitingPosition, refused }: AnswerSectionProps) {
  const { t } = i18n
  // Invitations can be printed before replies open: that is "not yet", not "too late".
  const notYet = subject.edition.status === 'draft'
  return (
    <section aria-labelledby="answer-title">
      <h2 id="answer-title">{t('reply.form.title')}</h2>
      <div class="notice notice--warning" role={refused ? 'alert' : undefined}>
        <p>
          <strong>{notYet ? t('reply.closed.notYetTitle') : t('reply.closed.title')}</strong>
        </p>
        <p>{notYet ? t('reply.closed.notYetBody', { municipality: subject.municipality.name }) : t('reply.closed.body', { municipality: subject.municipality.name })}</p>
      </div>
      {refused && (
        <div class="box">
          <p>
            <strong>{t('reply.closed.notSaved')}</strong>
          </p>
          {refused.input ? (
            <ReplySummary i18n={i18n} reply={refused.input} place={null} waitingPosition={null} offers={offers} />
          ) : (
            <ul>
              {refused.texts.map((text) => (
                <li>
                  <bdi>{text}</bdi>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p>
        <strong>{t('reply.closed.current')}</strong>
      </p>
      {subject.reply ? (
        <ReplySummary i18n={i18n} reply={subject.reply} place={subject.reply.place} waitingPosition={waitingPosition} offers={offers} />
      ) : (
        <p>{t('reply.closed.noAnswer')}</p>
      )}
    </section>
  )
}
