import type { FastifyReply, FastifyRequest } from 'fastify'
import { findMunicipality } from '../municipalities/municipalities-queries.ts'
import { takeFlash } from '../platform/http/flash.ts'
import { createTranslator, negotiateStaffLocale, type StaffLocale } from '../platform/i18n/i18n.ts'
import type { PageContext } from '../platform/views/context.ts'
import type { Services } from '../services.ts'
import { navigationFor } from './navigation.ts'

export const LANGUAGE_COOKIE = 'welkom_lang'

export function requestLocale(request: FastifyRequest): StaffLocale {
  return negotiateStaffLocale(request.user?.locale ?? request.cookies[LANGUAGE_COOKIE], request.headers['accept-language'])
}

/** Everything the layout needs for this request. */
export async function pageContext(services: Services, request: FastifyRequest, reply: FastifyReply): Promise<PageContext> {
  const user = request.user
  const municipality = user?.municipalityId ? await findMunicipality(services.database.db, user.municipalityId) : null
  return {
    ...createTranslator(requestLocale(request)),
    csrfToken: reply.generateCsrf(),
    path: request.url.split('?')[0] ?? '/',
    user: user ? { id: user.id, name: user.name, role: user.role } : null,
    municipality: municipality ? { id: municipality.id, name: municipality.name, hasLogo: municipality.hasLogo } : null,
    navigation: navigationFor(user),
    flash: takeFlash(request, reply),
    demo: services.config.demo,
  }
}
