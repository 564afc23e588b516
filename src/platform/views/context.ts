import type { Translator } from '../i18n/i18n.ts'

/** What every page needs to know about the request, passed explicitly as a prop. */
export interface PageContext extends Translator {
  csrfToken: string
  path: string
  user: { id: string; name: string; role: string } | null
  municipality: { id: string; name: string; hasLogo: boolean } | null
  navigation: NavItem[]
  flash: Flash | null
  demo: boolean
}

export interface NavItem {
  href: string
  /** Translation key */
  label: string
}

export interface Flash {
  kind: 'success' | 'info'
  /** Translation key */
  message: string
  /** Its ICU arguments ("12 people excluded"): counts and such, never personal data (a cookie) */
  values?: Record<string, string | number>
}

/** A form as shown again after an error: the errors and the values the person typed. */
export interface FormState {
  errors: FieldError[]
  values: Record<string, string>
}

/** A field error: the field's name and a translation key for the message. */
export interface FieldError {
  field: string
  message: string
  values?: Record<string, string | number>
}
