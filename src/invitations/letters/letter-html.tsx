// The letters as one HTML document for Chromium to print: an A4 page (or two) per letter, the
// address where the municipality's window envelopes show it, the Dutch text first with a reply
// block per person (QR code and short code), then the labelled translation(s).
import { renderToString } from 'preact-render-to-string'
import type { Edition } from '../../editions/editions.ts'
import { brusselsDate } from '../../platform/calendar.ts'
import { createTranslator, type Translator } from '../../platform/i18n/i18n.ts'
import type { InviteeLanguage } from '../../platform/i18n/languages.ts'
import { streetLine, type PostalAddress } from './letters.ts'
import type { Letterhead } from './letters-queries.ts'

/** A person's reply block. `qr` is a PNG data URL; null leaves the same space empty (benchmark). */
export interface PrintedMember {
  name: string
  code: string
  qr: string | null
}

export interface PrintedLetter {
  members: PrintedMember[]
  address: PostalAddress
  translations: InviteeLanguage[]
}

/** What every letter of a batch shares. */
export interface LetterFrame {
  letterhead: Letterhead
  edition: Pick<Edition, 'startsAt' | 'venueName' | 'venueRoom' | 'venueAddress' | 'replyBy' | 'guestsPerInvitee' | 'organisers'>
  /** The date printed on the letter */
  printedOn: Date
  /** BASE_URL/r, to type the code at */
  replyAddress: string
}

/** Millimetres of the @page margins; the window position is measured from the sheet's edge. */
const PAGE_MARGIN = { top: 15, side: 10 }
/** Text starts this far from the sheet's left and right edges. */
const TEXT_EDGE = 20
const WINDOW = { width: 85, height: 40 }

/** The layout of the first page around the envelope window, in mm from the page box. */
export function windowLayout(window: Letterhead['window']) {
  const left = window.leftMm - PAGE_MARGIN.side
  const top = window.topMm - PAGE_MARGIN.top
  // The sender block goes beside the window, on the side with more room.
  const roomLeft = window.leftMm - TEXT_EDGE - 5
  const roomRight = 210 - TEXT_EDGE - (window.leftMm + WINDOW.width + 5)
  const head = roomLeft >= roomRight ? { left: TEXT_EDGE - PAGE_MARGIN.side, width: roomLeft } : { left: window.leftMm + WINDOW.width + 5 - PAGE_MARGIN.side, width: roomRight }
  // The text starts below the window and below the sender block (logo and about six lines).
  const bodyTop = Math.max(window.topMm + WINDOW.height + 8, 88) - PAGE_MARGIN.top
  return { left, top, head, bodyTop }
}

function style(frame: LetterFrame): string {
  const layout = windowLayout(frame.letterhead.window)
  const mm = (n: number) => `${n.toFixed(1)}mm`
  return `
@page { size: A4; margin: ${PAGE_MARGIN.top}mm ${PAGE_MARGIN.side}mm; }
html { font-size: 10.5pt; line-height: 1.4; color: #000; }
body { margin: 0; }
.letter { position: relative; padding: 0 ${TEXT_EDGE - PAGE_MARGIN.side}mm; }
.letter + .letter { break-before: page; }
.head { position: absolute; top: 0; left: ${mm(layout.head.left)}; width: ${mm(Math.max(layout.head.width, 40))}; font-size: 9.5pt; }
.logo { width: 45mm; height: 18mm; margin-bottom: 3mm; ${frame.letterhead.logo ? `background: url("${frame.letterhead.logo}") no-repeat left top / contain;` : 'display: none;'} }
.head p { margin: 0 0 1.5mm; }
.sender { white-space: pre-line; }
.window { position: absolute; top: ${mm(layout.top)}; left: ${mm(layout.left)}; width: ${WINDOW.width}mm; height: ${WINDOW.height}mm; overflow: hidden; font-style: normal; font-size: 11pt; line-height: 1.3; }
.window p { margin: 0; }
.body { padding-top: ${mm(layout.bodyTop)}; }
h1 { font-size: 15pt; line-height: 1.2; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; }
p { margin: 0 0 2.5mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 0 3mm; }
dt { font-weight: 700; }
dd { margin: 0; }
.codes { display: flex; flex-wrap: wrap; gap: 4mm 6mm; margin: 3mm 0 4mm; }
.code { display: flex; align-items: center; gap: 4mm; padding: 2mm 4mm 2mm 2mm; border: 0.3mm solid #000; break-inside: avoid; }
.code img, .code .qr { width: 32mm; height: 32mm; display: block; }
.code p { margin: 0 0 1mm; }
.code__value { font-size: 15pt; font-weight: 700; white-space: nowrap; }
.translation { margin-top: 6mm; padding-top: 3mm; border-top: 0.4mm solid #000; text-align: start; }
.translation__label { font-weight: 700; font-size: 9.5pt; }
[dir="rtl"] { text-align: right; }
`
}

/** Names as one phrase in the reader's language: "Amal Haddad en Omar Haddad". */
function listOf(locale: string, names: string[]): string {
  // Intl knows Dari as fa-AF.
  return new Intl.ListFormat(locale === 'prs' ? 'fa-AF' : locale, { type: 'conjunction' }).format(names)
}

/**
 * A phone number or web address kept left to right inside right-to-left text. Without the
 * isolate, the bidi algorithm turns "014 33 07 00" into "00 07 33 014" in an Arabic sentence.
 */
function ltr(value: string): string {
  return `\u2066${value}\u2069`
}

function venueOf(edition: LetterFrame['edition']): string | null {
  const parts = [edition.venueName, edition.venueRoom, edition.venueAddress].filter((p): p is string => !!p)
  return parts.length ? parts.join(', ') : null
}

/** The letter's text in one language: the Dutch original or a translation of it. */
function LetterText({ tr, frame, names, translation }: { tr: Translator; frame: LetterFrame; names: string[]; translation: boolean }) {
  const { t } = tr
  const { edition, letterhead } = frame
  const organisers = edition.organisers.map((o) => o.name)
  const venue = venueOf(edition)
  const Title = translation ? 'h2' : 'h1'
  return (
    <>
      <Title>{t('letter.title')}</Title>
      <p>{t('letter.greeting', { names: listOf(tr.locale, names) })}</p>
      <p>{t('letter.congratulations')}</p>
      <p>{t('letter.invitation', { together: organisers.length > 1 ? 'yes' : 'other', organisers: listOf(tr.locale, organisers) })}</p>
      <dl>
        <dt>{t('letter.when')}</dt>
        <dd>{tr.formatDateTime(edition.startsAt, 'long')}</dd>
        <dt>{t('letter.where')}</dt>
        <dd>{venue ?? t('letter.venueLater')}</dd>
      </dl>
      <h2>{t('letter.replyTitle')}</h2>
      <p>{edition.replyBy ? t('letter.replyBy', { date: tr.formatDate(edition.replyBy, 'full') }) : t('letter.replySoon')}</p>
      <p>{t('letter.replyOnline', { address: ltr(frame.replyAddress) })}</p>
      {letterhead.phone && <p>{t('letter.replyPhone', { phone: ltr(letterhead.phone) })}</p>}
    </>
  )
}

function Closing({ tr, frame }: { tr: Translator; frame: LetterFrame }) {
  const { t } = tr
  return (
    <>
      <p>{t('letter.guests', { guests: frame.edition.guestsPerInvitee })}</p>
      <p>{t('letter.free')}</p>
      <p>{t('letter.closing')}</p>
      <p>
        {t('letter.regards')}
        <br />
        {frame.letterhead.name}
      </p>
    </>
  )
}

function ReplyBlock({ nl, member, frame }: { nl: Translator; member: PrintedMember; frame: LetterFrame }) {
  return (
    <div class="code">
      {member.qr ? <img src={member.qr} alt={nl.t('letter.qrAlt', { name: member.name })} /> : <div class="qr" />}
      <div>
        <p>{nl.t('letter.codeFor', { name: member.name })}</p>
        <p class="code__value">{nl.t('letter.code', { code: member.code })}</p>
        <p>{nl.t('letter.codeWhere', { address: frame.replyAddress })}</p>
      </div>
    </div>
  )
}

function LetterPage({ letter, frame }: { letter: PrintedLetter; frame: LetterFrame }) {
  const nl = createTranslator('nl')
  const { letterhead } = frame
  const names = letter.members.map((m) => m.name)
  return (
    <article class="letter">
      <header class="head">
        <div class="logo" role="img" aria-label={nl.t('letter.logo', { municipality: letterhead.name })} />
        <p>
          <strong>{letterhead.name}</strong>
        </p>
        {letterhead.address && <p class="sender">{letterhead.address}</p>}
        {letterhead.phone && <p>{nl.t('letter.phone', { phone: letterhead.phone })}</p>}
        <p>{nl.t('letter.dateLine', { place: letterhead.name, date: nl.formatDate(brusselsDate(frame.printedOn), 'long') })}</p>
      </header>
      <address class="window">
        <p>{listOf('nl', names)}</p>
        <p>{streetLine(letter.address)}</p>
        <p>{`${letter.address.postcode} ${letter.address.city}`.trim()}</p>
      </address>
      <div class="body">
        <LetterText tr={nl} frame={frame} names={names} translation={false} />
        <div class="codes">
          {letter.members.map((member) => (
            <ReplyBlock nl={nl} member={member} frame={frame} />
          ))}
        </div>
        <Closing tr={nl} frame={frame} />
        {letter.translations.map((language) => {
          const tr = createTranslator(language)
          return (
            <section class="translation" lang={language} dir={tr.dir}>
              <p class="translation__label">
                <span lang="nl" dir="ltr">
                  {nl.t('letter.translationLabel')}
                </span>
                {' – '}
                <span>{tr.t('letter.translationLabel')}</span>
              </p>
              <LetterText tr={tr} frame={frame} names={names} translation />
              <Closing tr={tr} frame={frame} />
            </section>
          )
        })}
      </div>
    </article>
  )
}

/** One HTML document holding the letters, each starting on a new page. */
export function lettersHtml(letters: readonly PrintedLetter[], frame: LetterFrame): string {
  const page = (
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <title>{createTranslator('nl').t('letter.title')}</title>
        <style dangerouslySetInnerHTML={{ __html: style(frame) }} />
      </head>
      <body>
        {letters.map((letter) => (
          <LetterPage letter={letter} frame={frame} />
        ))}
      </body>
    </html>
  )
  return '<!doctype html>' + renderToString(page)
}
