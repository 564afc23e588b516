// A recording that was refused, when the form was posted without JavaScript: the reason in the
// page's language, linked from an error summary to the file field, and the form to try again.
// (The recorder script gets the same reason as JSON and shows it in place instead.)
import type { Translator } from '../../platform/i18n/i18n.ts'
import { paths, withQuery } from '../../paths.ts'
import { NewcomerLayout } from '../reply/newcomer-layout.tsx'
import type { RecordingProblem } from './audio.ts'
import { ReplyErrorSummary } from '../reply/form-controls.tsx'
import { RecordingBody, problemError, problemMessage } from './recording-section.tsx'

export interface RecordingProblemPageProps {
  i18n: Translator
  token: string
  problem: RecordingProblem | 'closed'
  hasRecording: boolean
}

export function RecordingProblemPage({ i18n, token, problem, hasRecording }: RecordingProblemPageProps) {
  const { t } = i18n
  const back = `${withQuery(paths.reply(token), { taal: i18n.locale })}#recording`
  if (problem === 'closed') {
    return (
      <NewcomerLayout i18n={i18n} title={t('recording.closedPage.title')}>
        <h1>{t('recording.closedPage.title')}</h1>
        <p>{problemMessage(i18n, problem)}</p>
        <p>
          <a href={back}>{t('recording.back')}</a>
        </p>
      </NewcomerLayout>
    )
  }
  return (
    <NewcomerLayout i18n={i18n} title={`${t('reply.errorPrefix')} ${t('recording.errorPage.title')}`}>
      <h1>{t('recording.errorPage.title')}</h1>
      <ReplyErrorSummary i18n={i18n} errors={[problemError(problem)]} />
      <section id="recording" aria-labelledby="recording-title">
        <h2 id="recording-title">{t('recording.title')}</h2>
        <RecordingBody i18n={i18n} token={token} hasRecording={hasRecording} problem={problem} />
      </section>
      <p>
        <a href={back}>{t('recording.back')}</a>
      </p>
    </NewcomerLayout>
  )
}
