// The pages around a reply address: the form to type the code from a letter, the page for an
// address or code that opens nothing (one page for every case, so it tells nobody whether a token
// ever existed), and the page after too many tries.
import type { Translator } from '../../platform/i18n/i18n.ts'
import { INVITEE_LANGUAGES } from '../../platform/i18n/languages.ts'
import { fieldId } from '../../platform/views/form-controls.tsx'
import { paths } from '../../paths.ts'
import { SHORT_CODE_LENGTH } from '../reply-codes.ts'
import { ErrorText, ReplyErrorSummary } from './form-controls.tsx'
import { NewcomerLayout } from './newcomer-layout.tsx'

export interface CodePageProps {
  i18n: Translator
  csrfToken: string
  /** What was typed, shown again after a miss so the person can spot a typo. */
  code: string
  /** The partner help page's token, posted back so its edition's limit keeps counting. */
  help: string
  error: 'unknown' | null
}

export function CodePage({ i18n, csrfToken, code, help, error }: CodePageProps) {
  const { t } = i18n
  const errors = error ? [{ field: 'code', message: 'reply.code.unknown' }] : []
  const id = fieldId('code')
  const title = error ? `${t('reply.errorPrefix')} ${t('reply.code.title')}` : t('reply.code.title')
  return (
    <NewcomerLayout i18n={i18n} title={title} switchPath={paths.replyCode()} offered={INVITEE_LANGUAGES}>
      <ReplyErrorSummary i18n={i18n} errors={errors} />
      <h1>{t('reply.code.title')}</h1>
      <p>{t('reply.code.intro')}</p>
      <form method="post" action={paths.replyCode()} novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="taal" value={i18n.locale} />
        {help && <input type="hidden" name="hulp" value={help} />}
        <div class={`field${error ? ' field--error' : ''}`}>
          <label class="field__label" for={id}>
            {t('reply.code.label')}
          </label>
          <p class="field__hint" id={`${id}-hint`}>
            {t('reply.code.hint')}
          </p>
          {errors[0] && <ErrorText i18n={i18n} id={`${id}-error`} error={errors[0]} />}
          <input
            class="input input--code"
            id={id}
            name="code"
            type="text"
            value={code}
            dir="ltr"
            autocomplete="one-time-code"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={SHORT_CODE_LENGTH + 4}
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button button--primary">
            {t('reply.code.submit')}
          </button>
        </div>
      </form>
      <p>{t('reply.code.help')}</p>
    </NewcomerLayout>
  )
}

/** The same page for an unknown token, a token of a purged edition, and one never issued. */
export function NotFoundPage({ i18n, switchPath }: { i18n: Translator; switchPath: string }) {
  const { t } = i18n
  return (
    <NewcomerLayout i18n={i18n} title={t('reply.notFound.title')} switchPath={switchPath} offered={INVITEE_LANGUAGES}>
      <h1>{t('reply.notFound.title')}</h1>
      <p>{t('reply.notFound.body')}</p>
      <p>
        <a href={`${paths.replyCode()}?taal=${i18n.locale}`}>{t('reply.notFound.codeLink')}</a>
      </p>
    </NewcomerLayout>
  )
}

export function TooManyTriesPage({ i18n, minutes }: { i18n: Translator; minutes: number }) {
  const { t } = i18n
  return (
    <NewcomerLayout i18n={i18n} title={t('reply.tooMany.title')}>
      <h1>{t('reply.tooMany.title')}</h1>
      <p>{t('reply.tooMany.body', { minutes })}</p>
      <p>{t('reply.code.help')}</p>
    </NewcomerLayout>
  )
}
