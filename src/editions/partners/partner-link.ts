// Making a partner link: a fresh token (only its hash is kept), valid to the chosen day, and on
// request an e-mail to the partner's contact address, sent by the mail job. The municipality
// writes to partners in Dutch.
import type { CurrentUser, Scope } from '../../accounts/accounts.ts'
import { recordAudit } from '../../audit/audit-queries.ts'
import { hashToken, newToken } from '../../platform/crypto.ts'
import type { AnyDb } from '../../platform/db/transaction.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { queueMail } from '../../platform/mail/mail.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import type { Edition } from '../editions.ts'
import { setStandLink } from './partner-link-queries.ts'
import { linkExpiresAt, type LinkRequest } from './stands.ts'
import type { StandDetail } from './stands-queries.ts'

export interface IssuedLink {
  url: string
  /** The address the link was e-mailed to, if it was */
  emailedTo: string | null
}

export async function issueStandLink(
  trx: AnyDb,
  services: Services,
  args: { user: CurrentUser; scope: Scope; edition: Edition; stand: StandDetail; request: LinkRequest; now: Date },
): Promise<IssuedLink> {
  const { user, scope, edition, stand, request, now } = args
  const token = newToken()
  await setStandLink(trx, stand.id, hashToken(token), linkExpiresAt(request.until), now)
  const url = `${services.config.baseUrl.replace(/\/$/, '')}${paths.partnerStand(token)}`
  const emailedTo = request.sendEmail && stand.contactEmail ? stand.contactEmail : null
  if (emailedTo) {
    const { t, formatDate, formatDateTime } = createTranslator('nl')
    const municipality = edition.organisers.find((o) => o.id === scope.municipalityId)?.name ?? ''
    const values = {
      name: stand.contactName ?? stand.partnerName,
      municipality,
      edition: edition.name,
      date: formatDateTime(edition.startsAt, 'long'),
      venue: [edition.venueName, edition.venueAddress].join(', '),
      link: url,
      until: formatDate(request.until),
    }
    await queueMail(trx, { municipalityId: scope.municipalityId, to: emailedTo, subject: t('partners.linkMail.subject', values), text: t('partners.linkMail.body', values) }, new URL(services.config.baseUrl).hostname)
  }
  await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'edition_stand.link_created', record: { type: 'edition_stand', id: stand.id }, details: { editionId: edition.id, emailed: emailedTo !== null } })
  return { url, emailedTo }
}
