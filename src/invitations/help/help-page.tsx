// The partner help page: what a language teacher or counsellor opens with a newcomer. It explains
// the ceremony (what, when, where, free and voluntary, guests welcome) in the chosen language and
// lets the person type the code from their letter. It names nobody and counts nobody.
import type { Edition } from '../../editions/editions.ts'
import type { ProgrammeItem } from '../../editions/programme/programme.ts'
import type { Translator } from '../../platform/i18n/i18n.ts'
import type { InviteeLanguage } from '../../platform/i18n/languages.ts'
import { fieldId } from '../../platform/views/form-controls.tsx'
import { paths, withQuery } from '../../paths.ts'
import { SHORT_CODE_LENGTH } from '../reply-codes.ts'
import { NewcomerLayout } from '../reply/newcomer-layout.tsx'
import { Contact, Programme, TranslationNote, WhenAndWhere } from '../reply/reply-blocks.tsx'

/** Whether a person can answer now, not yet (invitations are not out), or no longer. */
export type HelpPageState = 'open' | 'notYet' | 'closed'

export interface HelpPageProps {
  i18n: Translator
  token: string
  csrfToken: string
  offered: readonly InviteeLanguage[]
  edition: Edition
  programme: ProgrammeItem[]
  municipality: { name: string; contactPhone: string | null; contactEmail: string | null }
  state: HelpPageState
}

export function HelpPage({ i18n, token, csrfToken, offered, edition, programme, municipality, state }: HelpPageProps) {
  const { t } = i18n
  const self = paths.replyHelp(token)
  const organisers = new Intl.ListFormat(i18n.locale, { type: 'conjunction' }).format(edition.organisers.map((o) => o.name))
  return (
    <NewcomerLayout i18n={i18n} title={t('reply-help.title')} switchPath={self} offered={offered}>
      <TranslationNote i18n={i18n} dutchHref={withQuery(self, { taal: 'nl' })} />
      <h1>{t('reply-help.title')}</h1>
      <p>{t('reply-help.lead', { municipalities: organisers })}</p>

      <section aria-labelledby="what-title">
        <h2 id="what-title">{t('reply-help.what.title')}</h2>
        <p>{t('reply-help.what.body')}</p>
        <p>{t('reply-help.free')}</p>
        <p>{t('reply-help.guests', { guests: edition.guestsPerInvitee })}</p>
      </section>

      <WhenAndWhere i18n={i18n} edition={edition} />
      <Programme i18n={i18n} startsAt={edition.startsAt} items={programme} />

      <section aria-labelledby="code-title">
        <h2 id="code-title">{t('reply-help.code.title')}</h2>
        {state === 'open' ? (
          <CodeForm i18n={i18n} token={token} csrfToken={csrfToken} replyBy={edition.replyBy} />
        ) : (
          <p>{t(state === 'notYet' ? 'reply-help.code.notYet' : 'reply-help.code.closed')}</p>
        )}
      </section>

      <section aria-labelledby="helpers-title">
        <h2 id="helpers-title">{t('reply-help.helpers.title')}</h2>
        <p>{t('reply-help.helpers.body')}</p>
        <p>{t('reply-help.helpers.noLetter')}</p>
        <Contact i18n={i18n} municipality={municipality} />
      </section>
    </NewcomerLayout>
  )
}

/**
 * The code form of the reply address (/r). It carries this page's token as "hulp", so the reply
 * part counts tries per edition, and the page language, so the reply page opens in it.
 */
function CodeForm({ i18n, token, csrfToken, replyBy }: { i18n: Translator; token: string; csrfToken: string; replyBy: string | null }) {
  const { t } = i18n
  const id = fieldId('code')
  return (
    <>
      <p>{t('reply-help.code.intro')}</p>
      {replyBy && <p>{t('reply-help.code.replyBy', { date: i18n.formatDate(replyBy, 'long') })}</p>}
      <form method="post" action={paths.replyCode()} novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="taal" value={i18n.locale} />
        <input type="hidden" name="hulp" value={token} />
        <div class="field">
          <label class="field__label" for={id}>
            {t('reply-help.code.label')}
          </label>
          <p class="field__hint" id={`${id}-hint`}>
            {t('reply-help.code.hint')}
          </p>
          <input
            class="input input--code"
            id={id}
            name="code"
            type="text"
            dir="ltr"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={SHORT_CODE_LENGTH + 4}
            aria-describedby={`${id}-hint`}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button button--primary">
            {t('reply-help.code.submit')}
          </button>
        </div>
      </form>
    </>
  )
}
