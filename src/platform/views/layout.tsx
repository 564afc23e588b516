import type { ComponentChildren } from 'preact'
import type { PageContext } from './context.ts'
import { LANGUAGE_NAMES, STAFF_LOCALES } from '../i18n/i18n.ts'

interface LayoutProps {
  ctx: PageContext
  /** Already translated */
  title: string
  /** Prefixes the title with "Error:" so screen-reader users hear the form failed. */
  hasErrors?: boolean
  /** Extra head tags for this page (meta description, Open Graph, canonical link). */
  head?: ComponentChildren
  children: ComponentChildren
}

export function Layout({ ctx, title, hasErrors, head, children }: LayoutProps) {
  const { t } = ctx
  const fullTitle = `${hasErrors ? t('common.errorPrefix') + ' ' : ''}${title} – ${ctx.municipality?.name ?? 'Welkom'}`
  return (
    <html lang={ctx.locale} dir={ctx.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {head}
        <link rel="stylesheet" href="/static/css/welkom.css" />
        {ctx.municipality && <link rel="stylesheet" href={`/thema/${ctx.municipality.id}.css`} />}
        <script type="module" src="/static/js/enhance.js" />
      </head>
      <body>
        <a class="skip-link" href="#main">{t('layout.skipToContent')}</a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-header__brand" href="/">
              {ctx.municipality?.hasLogo && <img src={`/gemeente/${ctx.municipality.id}/logo`} alt="" class="site-header__logo" />}
              <span>{ctx.municipality?.name ?? 'Welkom'}</span>
            </a>
            <LanguageSwitch ctx={ctx} />
          </div>
          {ctx.navigation.length > 0 && (
            <nav class="site-nav" aria-label={t('layout.navigation')}>
              <ul>
                {ctx.navigation.map((item) => (
                  <li>
                    <a href={item.href} aria-current={isCurrent(ctx.path, item.href) ? 'page' : undefined}>
                      {t(item.label)}
                    </a>
                  </li>
                ))}
                {ctx.user && (
                  <li class="site-nav__end">
                    <form method="post" action="/afmelden">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <button type="submit" class="link-button">
                        {t('layout.signOut')}
                      </button>
                    </form>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </header>
        {ctx.demo && <p class="demo-banner">{t('layout.demoBanner')}</p>}
        <main id="main" class="main" tabIndex={-1}>
          {ctx.flash && (
            <div class={`notice notice--${ctx.flash.kind}`} role="status">
              {t(ctx.flash.message, ctx.flash.values)}
            </div>
          )}
          {children}
        </main>
        <footer class="site-footer">
          <p>{t('layout.footer')}</p>
        </footer>
      </body>
    </html>
  )
}

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(href + '/')
}

function LanguageSwitch({ ctx }: { ctx: PageContext }) {
  return (
    <form method="post" action="/taal" class="language-switch">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <input type="hidden" name="terug" value={ctx.path} />
      <label for="language-switch">{ctx.t('layout.language')}</label>
      <select id="language-switch" name="taal">
        {STAFF_LOCALES.map((code) => (
          <option value={code} lang={code} selected={code === ctx.locale}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
      <button type="submit" class="button button--secondary button--small">
        {ctx.t('layout.languageApply')}
      </button>
    </form>
  )
}
