// Which translation a newcomer gets. By law the municipality writes in Dutch and may add a
// translation, labelled as such; it offers the languages chosen for the edition. Pure.
import { INVITEE_LANGUAGES, isInviteeLanguage, type InviteeLanguage } from '../platform/i18n/languages.ts'

/** The translation added after the Dutch text for this person, or null for Dutch only. */
export function translationLanguage(inviteeLanguage: string | null, editionLanguages: readonly string[]): InviteeLanguage | null {
  if (!inviteeLanguage || inviteeLanguage === 'nl' || !isInviteeLanguage(inviteeLanguage)) return null
  return editionLanguages.includes(inviteeLanguage) ? inviteeLanguage : null
}

/** The languages a reply page offers in its switch: Dutch, then the edition's, in the usual order. */
export function offeredLanguages(editionLanguages: readonly string[]): InviteeLanguage[] {
  return INVITEE_LANGUAGES.filter((l) => l === 'nl' || editionLanguages.includes(l))
}

/**
 * The language a reply page opens in: an explicit choice (?taal=) among those offered, else the
 * person's own language if offered, else the browser's first offered language, else Dutch.
 */
export function pageLanguage(input: { chosen: string | null; inviteeLanguage: string | null; acceptLanguage: string | undefined; offered: readonly InviteeLanguage[] }): InviteeLanguage {
  const { chosen, inviteeLanguage, acceptLanguage, offered } = input
  const isOffered = (l: string | null | undefined): l is InviteeLanguage => !!l && (offered as readonly string[]).includes(l)
  if (isOffered(chosen)) return chosen
  if (isOffered(inviteeLanguage)) return inviteeLanguage
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().split('-')[0]
    // Browsers name Dari "fa-AF" or "prs"; both are read here.
    const lang = part.trim().toLowerCase().startsWith('fa-af') ? 'prs' : tag
    if (isOffered(lang)) return lang
  }
  return 'nl'
}
