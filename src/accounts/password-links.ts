// One-time links that let a person set a password: after "forgot password", and in the
// invitation a new staff member receives. Only the token's hash is stored.
import { hashToken, newToken } from '../platform/crypto.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import { createTranslator } from '../platform/i18n/i18n.ts'
import { queueMail } from '../platform/mail/mail.ts'
import { paths } from '../paths.ts'
import type { Services } from '../services.ts'
import { INVITATION_LINK_DAYS, RESET_LINK_HOURS } from './accounts.ts'
import { insertPasswordReset } from './accounts-queries.ts'

export async function sendPasswordLink(
  db: AnyDb,
  services: Services,
  user: { id: string; email: string; name: string; locale: string; municipalityId: string | null },
  kind: 'reset' | 'invitation',
): Promise<void> {
  const token = newToken()
  const validMs = kind === 'reset' ? RESET_LINK_HOURS * 3600_000 : INVITATION_LINK_DAYS * 86400_000
  await insertPasswordReset(db, hashToken(token), user.id, new Date(Date.now() + validMs))
  const { t } = createTranslator(user.locale)
  const link = `${services.config.baseUrl}${paths.resetPassword(token)}`
  const values = { name: user.name, link, hours: RESET_LINK_HOURS, days: INVITATION_LINK_DAYS }
  await queueMail(
    db,
    {
      municipalityId: user.municipalityId,
      to: user.email,
      subject: t(`accounts.${kind}Mail.subject`),
      text: t(`accounts.${kind}Mail.body`, values),
    },
    new URL(services.config.baseUrl).hostname,
  )
}
