import { INVITEE_LANGUAGE_NAMES, isInviteeLanguage } from '../../platform/i18n/languages.ts'

/** A language named in its own script, marked as such for screen readers. */
export function LanguageName({ code }: { code: string | null }) {
  if (!code) return null
  return isInviteeLanguage(code) ? <span lang={code}>{INVITEE_LANGUAGE_NAMES[code]}</span> : <>{code}</>
}
