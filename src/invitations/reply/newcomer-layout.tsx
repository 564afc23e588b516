// The page frame every newcomer sees (reply page, code form, partner help page). It is not the
// staff layout: one small stylesheet and no script, so a first visit on a cheap phone stays small,
// and the page tells search engines and other sites nothing (noindex, no referrer).
import type { FastifyReply } from 'fastify'
import type { ComponentChildren, VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { createTranslator, type Translator } from '../../platform/i18n/i18n.ts'
import { INVITEE_LANGUAGE_NAMES, RIGHT_TO_LEFT, type InviteeLanguage } from '../../platform/i18n/languages.ts'

export interface NewcomerLayoutProps {
  i18n: Translator
  /** Already translated */
  title: string
  /** The path the language links point to (they add ?taal=xx). */
  switchPath?: string
  /** The languages offered in the switch; without them (or switchPath) there is no switch. */
  offered?: readonly InviteeLanguage[]
  children: ComponentChildren
}

export function NewcomerLayout({ i18n, title, switchPath, offered, children }: NewcomerLayoutProps) {
  const { t } = i18n
  return (
    <html lang={i18n.locale} dir={i18n.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${title} – Welkom`}</title>
        <link rel="stylesheet" href="/static/css/newcomer.css" />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('reply.layout.skipToContent')}
        </a>
        <header class="top">
          <span class="brand">Welkom</span>
          {switchPath && offered && offered.length > 1 && <LanguageSwitch i18n={i18n} switchPath={switchPath} offered={offered} />}
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  )
}

/** Beyond this many languages the switch folds into a disclosure, so a phone shows the page first. */
const OPEN_SWITCH_MAX = 6

/** Plain links, so the switch works without JavaScript and keeps the page a GET. */
function LanguageSwitch({ i18n, switchPath, offered }: { i18n: Translator; switchPath: string; offered: readonly InviteeLanguage[] }) {
  const links = (
    <ul>
      {offered.map((code) => (
        <li>
          <a href={`${switchPath}?taal=${code}`} lang={code} hreflang={code} dir={RIGHT_TO_LEFT.includes(code) ? 'rtl' : 'ltr'} aria-current={code === i18n.locale ? 'true' : undefined}>
            {INVITEE_LANGUAGE_NAMES[code]}
          </a>
        </li>
      ))}
    </ul>
  )
  const label = i18n.t('reply.layout.languages')
  if (offered.length <= OPEN_SWITCH_MAX) {
    return (
      <nav class="languages" aria-label={label}>
        {links}
      </nav>
    )
  }
  // Named twice: in the page's language and in Dutch (or English on a Dutch page), so that someone
  // who cannot read the current language still finds the switch.
  const second = createTranslator(i18n.locale === 'nl' ? 'en' : 'nl').t('reply.layout.languages')
  return (
    <details class="languages">
      <summary>{`${label} · ${second}`}</summary>
      <nav aria-label={label}>{links}</nav>
    </details>
  )
}

/**
 * Sends a newcomer page. Personal pages must not be stored by shared browsers or proxies, indexed,
 * or leak their token-bearing address to another site through the Referer header.
 */
export function sendNewcomerPage(reply: FastifyReply, status: number, page: VNode): FastifyReply {
  return sendNewcomerHtml(reply, status, '<!doctype html>' + renderToString(page))
}

/** The same for a page already rendered (a filled-in template of the reply page). */
export function sendNewcomerHtml(reply: FastifyReply, status: number, html: string | Buffer): FastifyReply {
  return reply
    .status(status)
    .header('Cache-Control', 'no-store')
    .header('X-Robots-Tag', 'noindex, nofollow')
    .header('Referrer-Policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(html)
}
