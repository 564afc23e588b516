// The reply page's section for recording how to say one's name. Without JavaScript it is a file
// field (a phone opens its recorder) and a button; with JavaScript (src/client/name-recorder.ts)
// it gets Record / Stop / Listen / Send buttons, built from the <template> below so every word on
// them comes from the catalog in the page's language. The recording is optional and personal
// data: it is purged with the edition.
import type { Translator } from '../../platform/i18n/i18n.ts'
import type { FieldError } from '../../platform/views/context.ts'
import { fieldId } from '../../platform/views/form-controls.tsx'
import { paths } from '../../paths.ts'
import { ErrorText } from '../reply/form-controls.tsx'
import { RECORDER_SECONDS, RECORDING_MAX_BYTES, RECORDING_MAX_SECONDS, type RecordingProblem } from './audio.ts'

/** A confirmation after saving or deleting, shown next to the recording. */
export type RecordingNotice = 'saved' | 'deleted'

export interface RecordingSectionProps {
  i18n: Translator
  token: string
  hasRecording: boolean
  /**
   * A CSRF token for the section's forms, or none: the upload address carries the reply token, which
   * no other site can know, so app.ts does not ask for one there (and the reply page sets no cookie).
   */
  notice?: RecordingNotice | null
}

/** The file field's name; fieldId() gives the id the error summary links to. */
export const FIELD = 'recording'
const FIELD_ID = fieldId(FIELD)
const MB = RECORDING_MAX_BYTES / 1024 / 1024

export function RecordingSection({ i18n, token, hasRecording, notice }: RecordingSectionProps) {
  const { t } = i18n
  return (
    <section id="recording" class="recording" aria-labelledby="recording-title" data-name-recorder>
      <h2 id="recording-title">{t('recording.title')}</h2>
      <p>{t('recording.intro')}</p>
      <p class="hint">{t('recording.privacy')}</p>
      {/* Present from the start, so screen readers announce what the recorder script writes here. */}
      <p
        role="status"
        class={notice ? 'notice notice--ok' : undefined}
        data-recorder-status
        data-msg-recording={t('recording.js.recording')}
        data-msg-stopped={t('recording.js.stopped')}
        data-msg-sending={t('recording.js.sending')}
        data-msg-denied={t('recording.js.denied')}
        data-msg-failed={t('recording.js.failed')}
      >
        {notice ? t(notice === 'saved' ? 'recording.notice.saved' : 'recording.notice.deleted') : ''}
      </p>
      <div data-recorder-body>
        <RecordingBody i18n={i18n} token={token} hasRecording={hasRecording} />
      </div>
      <script type="module" src="/static/js/name-recorder.js" />
    </section>
  )
}

/** The part of the section that changes once a recording is saved (the script swaps it in place). */
export function RecordingBody({ i18n, token, hasRecording, problem }: Omit<RecordingSectionProps, 'notice'> & { problem?: RecordingProblem | null }) {
  const { t } = i18n
  const action = paths.replyRecording(token)
  const hidden = (
    <>
      <input type="hidden" name="taal" value={i18n.locale} />
    </>
  )
  const error = problem ? problemError(problem) : null
  const describedBy = [`${FIELD_ID}-hint`, error && `${FIELD_ID}-error`].filter(Boolean).join(' ')
  return (
    <>
      {hasRecording && (
        <div class="box">
          <p tabIndex={-1} data-recorder-saved>
            {t('recording.has')}
          </p>
          {/* A link, not an <audio> player: it opens the phone's own player and fits any screen. The
              recorder script plays it in place instead. */}
          <p>
            <a href={action} data-recorder-play>
              {t('recording.listenLink')}
            </a>
          </p>
          <form method="post" action={action} class="actions">
            {hidden}
            <input type="hidden" name="action" value="delete" />
            <button type="submit" class="button button--secondary">
              {t('recording.delete')}
            </button>
          </form>
        </div>
      )}
      <div data-recorder-slot />
      <form method="post" action={action} enctype="multipart/form-data" novalidate data-recorder-form>
        {hidden}
        <div class={error ? 'field field--error' : 'field'}>
          <label class="field__label" for={FIELD_ID}>
            {t(hasRecording ? 'recording.file.labelAgain' : 'recording.file.label')}
          </label>
          <p class="field__hint" id={`${FIELD_ID}-hint`}>
            {t('recording.file.hint', { mb: MB })}
          </p>
          {error && <ErrorText i18n={i18n} id={`${FIELD_ID}-error`} error={error} />}
          <input type="file" id={FIELD_ID} name={FIELD} accept="audio/*" capture="user" aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined} />
        </div>
        <button type="submit" class="button button--primary">
          {t('recording.send')}
        </button>
      </form>
      <RecorderTemplate i18n={i18n} hasRecording={hasRecording} />
    </>
  )
}

/** The controls the script adds; a template is inert and invisible without JavaScript. */
function RecorderTemplate({ i18n, hasRecording }: { i18n: Translator; hasRecording: boolean }) {
  const { t } = i18n
  return (
    <template data-recorder-template>
      <div class="recorder" data-recorder data-seconds={String(RECORDER_SECONDS)}>
        <p class="hint">{t('recording.js.intro', { seconds: RECORDER_SECONDS })}</p>
        <p data-recorder-timer hidden>
          {t('recording.js.timeLeft')}: <strong data-recorder-clock>0:{String(RECORDER_SECONDS).padStart(2, '0')}</strong>
        </p>
        <div class="actions">
          <button type="button" class="button button--primary" data-recorder-record data-again={t('recording.js.recordAgain')}>
            {t(hasRecording ? 'recording.js.recordAgain' : 'recording.js.record')}
          </button>
          <button type="button" class="button button--secondary" data-recorder-stop hidden>
            {t('recording.js.stop')}
          </button>
          <button type="button" class="button button--secondary" data-recorder-listen hidden>
            {t('recording.js.listen')}
          </button>
          <button type="button" class="button button--primary" data-recorder-send hidden>
            {t('recording.js.send')}
          </button>
        </div>
      </div>
    </template>
  )
}

/** A refused recording as a field error of the file field (a key of the newcomer catalog). */
export function problemError(problem: RecordingProblem | 'closed'): FieldError {
  switch (problem) {
    case 'empty':
      return { field: FIELD, message: 'recording.error.empty' }
    case 'notAudio':
      return { field: FIELD, message: 'recording.error.notAudio' }
    case 'tooLarge':
      return { field: FIELD, message: 'recording.error.tooLarge', values: { mb: MB } }
    case 'tooLong':
      return { field: FIELD, message: 'recording.error.tooLong', values: { seconds: RECORDING_MAX_SECONDS } }
    case 'closed':
      return { field: FIELD, message: 'recording.error.closed' }
  }
}

/** The reason a recording was refused, in the page's language. */
export function problemMessage(i18n: Translator, problem: RecordingProblem | 'closed'): string {
  const error = problemError(problem)
  return i18n.t(error.message, error.values)
}
