// Translations: ICU MessageFormat catalogs under locales/<locale>/<feature>.json; every key
// starts with its file's name ("accounts.signIn.title" lives in accounts.json).
// Dutch is the source language; a key missing elsewhere falls back to Dutch.
import { IntlMessageFormat } from 'intl-messageformat'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Staff interface languages, Dutch first. */
export const STAFF_LOCALES = ['nl', 'en', 'fr'] as const
export type StaffLocale = (typeof STAFF_LOCALES)[number]

const RTL = new Set(['ar', 'fa', 'prs', 'ps'])

/**
 * The catalogs newcomers read (the reply page, letters, e-mails and text messages). They exist in
 * every invitee language (languages.ts); the staff catalogs only in the staff languages.
 */
export const NEWCOMER_CATALOGS = ['reply', 'reply-help', 'recording', 'letter', 'invitation-mail'] as const

export type Translate = (key: string, values?: Record<string, string | number | Date>) => string

export interface Translator {
  locale: string
  dir: 'ltr' | 'rtl'
  t: Translate
  formatDateTime(value: Date, style?: 'short' | 'long'): string
  /** A calendar date ('YYYY-MM-DD') or the date of a moment in Brussels: "15 juni 2026". */
  formatDate(value: Date | string, style?: 'short' | 'long' | 'full'): string
}

const localesDir = join(import.meta.dirname, '../../../locales')
const catalogs = new Map<string, Record<string, string>>()
const formats = new Map<string, IntlMessageFormat>()

export function loadCatalog(locale: string): Record<string, string> {
  let catalog = catalogs.get(locale)
  if (!catalog) {
    catalog = {}
    const dir = join(localesDir, locale)
    if (!existsSync(dir)) throw new Error(`No translations for locale "${locale}"`)
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>
      // Keys starting with "_" are notes for translators, not messages.
      for (const [key, message] of Object.entries(raw)) if (!key.startsWith('_')) catalog[key] = message
    }
    catalogs.set(locale, catalog)
  }
  return catalog
}

const translators = new Map<string, Translator>()

/** Translators hold no request state, so one per locale serves every request. */
export function createTranslator(locale: string): Translator {
  let translator = translators.get(locale)
  if (!translator) {
    translator = buildTranslator(locale)
    translators.set(locale, translator)
  }
  return translator
}

function buildTranslator(locale: string): Translator {
  const catalog = loadCatalog(locale)
  const fallback = locale === 'nl' ? catalog : loadCatalog('nl')
  const t: Translate = (key, values) => {
    const inLocale = catalog[key] !== undefined
    const message = inLocale ? catalog[key] : fallback[key]
    if (message === undefined) return key
    const cacheKey = `${inLocale ? locale : 'nl'}\u0000${key}`
    let format = formats.get(cacheKey)
    if (!format) {
      format = new IntlMessageFormat(message, inLocale ? locale : 'nl')
      formats.set(cacheKey, format)
    }
    return String(format.format(values))
  }
  const tag = dateLocale(locale)
  const dateFormats = {
    short: new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Brussels' }),
    long: new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Brussels' }),
  }
  const dayFormats = {
    short: new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeZone: 'Europe/Brussels' }),
    long: new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Europe/Brussels' }),
    full: new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeZone: 'Europe/Brussels' }),
  }
  return {
    locale,
    dir: RTL.has(locale) ? 'rtl' : 'ltr',
    t,
    formatDateTime: (value, style = 'short') => dateFormats[style].format(value),
    // A calendar date is shown as noon UTC on that day, which is the same day in Brussels.
    formatDate: (value, style = 'long') => dayFormats[style].format(typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value),
  }
}

/** Picks the staff language: an explicit choice (cookie or account) first, then the browser's. */
export function negotiateStaffLocale(chosen: string | undefined | null, acceptLanguage: string | undefined): StaffLocale {
  if (chosen && isStaffLocale(chosen)) return chosen
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().split('-')[0]
    if (tag && isStaffLocale(tag)) return tag
  }
  return 'nl'
}

export function isStaffLocale(value: string): value is StaffLocale {
  return (STAFF_LOCALES as readonly string[]).includes(value)
}

/** Each language named in its own script, for language switches. */
export const LANGUAGE_NAMES: Record<string, string> = {
  nl: 'Nederlands',
  en: 'English',
  fr: 'Français',
}

/**
 * The locale dates are written in. The Gregorian calendar in every language: a letter says "14 juni
 * 2026" in Dutch and must give the same day in the translation (fa, prs and ps would otherwise use
 * the Persian solar calendar). Digits stay those of the language. Dari is Afghan Persian: without
 * its region, Intl falls back to Iranian Persian and its month names (فوریه, not فبروری).
 */
export function dateLocale(locale: string): string {
  return locale === 'prs' ? 'fa-AF-u-ca-gregory' : `${locale}-BE-u-ca-gregory`
}
