// Parts of the newcomer pages: the translation label, when and where, the programme, how to reach
// the municipality. Dates and times go through the page language's formats.
import type { ProgrammeItem } from '../../editions/programme/programme.ts'
import { createTranslator, dateLocale, type Translator } from '../../platform/i18n/i18n.ts'
import type { ReplyEdition, ReplySubject } from './reply-queries.ts'

const timeFormats = new Map<string, Intl.DateTimeFormat>()

/** A clock time in Brussels, written the way the page's language writes it. */
export function formatTime(i18n: Translator, moment: Date): string {
  let format = timeFormats.get(i18n.locale)
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocale(i18n.locale), { timeStyle: 'short', timeZone: 'Europe/Brussels' })
    timeFormats.set(i18n.locale, format)
  }
  return format.format(moment)
}

/**
 * The law wants Dutch first and a translation labelled as such: the label in Dutch and in the
 * reader's language, and a way back to the Dutch text.
 */
export function TranslationNote({ i18n, dutchHref }: { i18n: Translator; dutchHref: string }) {
  if (i18n.locale === 'nl') return null
  return (
    <div class="translation-note">
      <p lang="nl" dir="ltr">
        {createTranslator('nl').t('reply.translationLabel')}
      </p>
      <p>{i18n.t('reply.translationLabel')}</p>
      <p>
        <a href={dutchHref} hreflang="nl">
          {i18n.t('reply.readDutch')}
        </a>
      </p>
    </div>
  )
}

export function WhenAndWhere({ i18n, edition }: { i18n: Translator; edition: ReplyEdition }) {
  const { t } = i18n
  const place = [edition.venueName, edition.venueRoom].filter(Boolean).join(', ')
  return (
    <section aria-labelledby="when-title">
      <h2 id="when-title">{t('reply.when.title')}</h2>
      <dl class="facts">
        <dt>{t('reply.when.date')}</dt>
        <dd>{i18n.formatDate(edition.startsAt, 'full')}</dd>
        <dt>{t('reply.when.time')}</dt>
        <dd>{formatTime(i18n, edition.startsAt)}</dd>
        <dt>{t('reply.when.place')}</dt>
        <dd>
          {place || edition.venueAddress ? (
            <>
              {place && <span class="block">{place}</span>}
              {edition.venueAddress && <span class="block">{edition.venueAddress}</span>}
            </>
          ) : (
            t('reply.when.placeUnknown')
          )}
        </dd>
        {edition.accessibility && (
          <>
            <dt>{t('reply.when.accessibility')}</dt>
            <dd lang="nl" dir="auto">
              {edition.accessibility}
            </dd>
          </>
        )}
      </dl>
      {edition.venueAddress && (
        <p>
          {/* The venue's address is no personal data; no referrer leaves with the link. */}
          <a href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(edition.venueAddress)}`} rel="noreferrer">
            {t('reply.when.route')}
          </a>
        </p>
      )}
    </section>
  )
}

/** The programme's items with the time each starts: the first when the ceremony starts, each next when the one before ends. */
export function Programme({ i18n, startsAt, items }: { i18n: Translator; startsAt: Date; items: ProgrammeItem[] }) {
  if (items.length === 0) return null
  let at = startsAt.getTime()
  const timed = items.map((item) => {
    const start = new Date(at)
    at += item.durationMinutes * 60_000
    return { title: item.title, start }
  })
  return (
    <section aria-labelledby="programme-title">
      <h2 id="programme-title">{i18n.t('reply.programme.title')}</h2>
      <p class="hint">{i18n.t('reply.programme.hint')}</p>
      <ol class="programme">
        {timed.map((item) => (
          <li>
            <span class="programme__time">{formatTime(i18n, item.start)}</span>{' '}
            <span lang="nl" dir="auto">
              {item.title}
            </span>
          </li>
        ))}
      </ol>
    </section>
  )
}

/** How to reach the municipality: its phone and e-mail, as links that work on a phone. */
export function Contact({ i18n, municipality }: { i18n: Translator; municipality: ReplySubject['municipality'] }) {
  const { t } = i18n
  return (
    <>
      <p>{t('reply.contact.intro', { municipality: municipality.name })}</p>
      {(municipality.contactPhone || municipality.contactEmail) && (
        <ul class="plain">
          {municipality.contactPhone && (
            <li>
              {t('reply.contact.phone')}{' '}
              <a href={`tel:${municipality.contactPhone.replace(/[^\d+]/g, '')}`} dir="ltr">
                {municipality.contactPhone}
              </a>
            </li>
          )}
          {municipality.contactEmail && (
            <li>
              {t('reply.contact.email')}{' '}
              <a href={`mailto:${municipality.contactEmail}`} dir="ltr">
                {municipality.contactEmail}
              </a>
            </li>
          )}
        </ul>
      )}
    </>
  )
}

/** "Until 12 March" or "until the ceremony starts". */
export function changeUntil(i18n: Translator, edition: ReplyEdition, key: { date: string; start: string }): string {
  return edition.replyBy ? i18n.t(key.date, { date: i18n.formatDate(edition.replyBy, 'long') }) : i18n.t(key.start)
}
