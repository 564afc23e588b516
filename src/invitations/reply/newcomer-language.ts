// The language of a newcomer page: an explicit choice (?taal= or the form's hidden field) among the
// languages offered, else the person's own, else the browser's, else Dutch (translation.ts).
import type { FastifyRequest } from 'fastify'
import { text } from '../../platform/http/forms.ts'
import { createTranslator, type Translator } from '../../platform/i18n/i18n.ts'
import { INVITEE_LANGUAGES, type InviteeLanguage } from '../../platform/i18n/languages.ts'
import { pageLanguage } from '../translation.ts'

export function chosenLanguage(request: FastifyRequest): string | null {
  return text(request.body, 'taal') || text(request.query, 'taal') || null
}

export function newcomerLanguage(request: FastifyRequest, offered: readonly InviteeLanguage[] = INVITEE_LANGUAGES, inviteeLanguage: string | null = null): InviteeLanguage {
  return pageLanguage({ chosen: chosenLanguage(request), inviteeLanguage, acceptLanguage: request.headers['accept-language'], offered })
}

/**
 * The translator for a page language. Dutch is the text that counts, so should an installation
 * lack a language's catalog the page falls back to Dutch instead of failing.
 */
export function newcomerTranslator(language: InviteeLanguage): Translator {
  try {
    return createTranslator(language)
  } catch {
    return createTranslator('nl')
  }
}
