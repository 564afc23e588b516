import type { CurrentUser, Role } from '../accounts/accounts.ts'
import { insertUser } from '../accounts/accounts-queries.ts'
import { sendPasswordLink } from '../accounts/password-links.ts'
import { hashPassword } from '../accounts/passwords.ts'
import { recordAudit } from '../audit/audit-queries.ts'
import { newToken } from '../platform/crypto.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import type { Services } from '../services.ts'

/**
 * Creates an account that cannot sign in until its owner picks a password through the e-mailed
 * invitation link. Used by municipality admins, by platform admins for a new municipality's first
 * admin, and by `welkom user create` (actor null).
 */
export async function inviteStaffMember(
  trx: AnyDb,
  services: Services,
  actor: CurrentUser | null,
  municipalityId: string | null,
  member: { name: string; email: string; role: Role },
): Promise<string> {
  const passwordHash = await hashPassword(newToken())
  const id = await insertUser(trx, { email: member.email, name: member.name, passwordHash, role: member.role, municipalityId })
  await sendPasswordLink(trx, services, { id, email: member.email, name: member.name, locale: 'nl', municipalityId }, 'invitation')
  await recordAudit(trx, { municipalityId, actor, action: 'staff.created', record: { type: 'user', id }, details: { role: member.role } })
  return id
}
