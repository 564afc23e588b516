// The languages newcomers are invited in (PRODUCT.md): Dutch always first, then a labelled
// translation. Each is named in its own script, so a reader finds their language without Dutch.

export const INVITEE_LANGUAGES = ['nl', 'ar', 'en', 'fr', 'prs', 'fa', 'ps', 'ti', 'ru', 'uk', 'ro', 'pl', 'tr', 'so', 'es', 'pt'] as const
export type InviteeLanguage = (typeof INVITEE_LANGUAGES)[number]

export const RIGHT_TO_LEFT: readonly InviteeLanguage[] = ['ar', 'prs', 'fa', 'ps']

export const INVITEE_LANGUAGE_NAMES: Record<InviteeLanguage, string> = {
  nl: 'Nederlands',
  ar: 'العربية',
  en: 'English',
  fr: 'Français',
  prs: 'دری',
  fa: 'فارسی',
  ps: 'پښتو',
  ti: 'ትግርኛ',
  ru: 'Русский',
  uk: 'Українська',
  ro: 'Română',
  pl: 'Polski',
  tr: 'Türkçe',
  so: 'Soomaali',
  es: 'Español',
  pt: 'Português',
}

export function isInviteeLanguage(value: string): value is InviteeLanguage {
  return (INVITEE_LANGUAGES as readonly string[]).includes(value)
}
