// Small pieces shared by the public practice pages.
import type { ComponentChildren } from 'preact'
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../platform/db/search.ts'
import type { PageContext } from '../../platform/views/context.ts'
import { Tag } from '../../platform/views/components.tsx'

/**
 * A search snippet with its matches in <mark>. The snippet is stored text, never markup: each part
 * is a string that preact escapes, so `<img onerror=…>` in a practice shows as text.
 * When the database marked nothing (PostgreSQL's ts_headline misses a term found inside a compound
 * word, "ceremonie" in "inburgeringsceremonie"), the search terms are marked here instead.
 */
export function Snippet({ text, terms }: { text: string; terms: string[] }) {
  const marked = text.includes(HIGHLIGHT_START) ? text : markTerms(text, terms)
  const parts: ComponentChildren[] = []
  for (const [i, chunk] of marked.split(HIGHLIGHT_START).entries()) {
    if (i === 0) {
      parts.push(clean(chunk))
      continue
    }
    const end = chunk.indexOf(HIGHLIGHT_END)
    const match = end === -1 ? chunk : chunk.slice(0, end)
    const rest = end === -1 ? '' : chunk.slice(end + 1)
    if (match) parts.push(<mark>{clean(match)}</mark>)
    parts.push(clean(rest))
  }
  return <>{parts}</>
}

function markTerms(text: string, terms: string[]): string {
  const usable = terms.filter((term) => term.length >= 2).map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  if (usable.length === 0) return text
  return text.replace(new RegExp(usable.join('|'), 'giu'), (match) => HIGHLIGHT_START + match + HIGHLIGHT_END)
}

/** Stray markers and other control characters have no place in HTML text. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
}

export function DemoTag({ ctx }: { ctx: PageContext }) {
  return <Tag tone="yellow">{ctx.t('practices.demo')}</Tag>
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** "26 november 2026": a date without the time, in the reader's language and Belgian time. */
export function formatDate(ctx: PageContext, date: Date): string {
  let format = dateFormats.get(ctx.locale)
  if (!format) {
    format = new Intl.DateTimeFormat(`${ctx.locale}-BE`, { dateStyle: 'long', timeZone: 'Europe/Brussels' })
    dateFormats.set(ctx.locale, format)
  }
  return format.format(date)
}

export function DateTag({ ctx, date }: { ctx: PageContext; date: Date }) {
  return <time dateTime={date.toISOString()}>{formatDate(ctx, date)}</time>
}

/** Text typed in a textarea: one paragraph per line, so line breaks the author made survive. */
export function Paragraphs({ text }: { text: string }) {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  return (
    <>
      {lines.map((line) => (
        <p>{line}</p>
      ))}
    </>
  )
}

/** Only web addresses become links: a stored "javascript:" URL must never be clickable. */
export function isWebUrl(url: string | null): url is string {
  return url !== null && /^https?:\/\/[^\s]+$/i.test(url)
}

/** A phone number as a tel: link target (digits and a leading +). */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '')
  return `tel:${digits.startsWith('+') ? '+' + digits.slice(1).replace(/\+/g, '') : digits.replace(/\+/g, '')}`
}
