// Municipality admins manage their own municipality's staff: invite, edit, disable, send a link.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can, type CurrentUser } from '../accounts/accounts.ts'
import { countActiveAdmins, deleteUserSessions, findStaffMember, findUserByEmail, listStaff, setSecondFactor, updateStaffMember, type UserRow } from '../accounts/accounts-queries.ts'
import { sendPasswordLink } from '../accounts/password-links.ts'
import { requireRole, scopeOf } from '../accounts/session.ts'
import { recordAudit } from '../audit/audit-queries.ts'
import { NotFound } from '../platform/errors.ts'
import { setFlash } from '../platform/http/flash.ts'
import { limitRate } from '../platform/http/rate-limit.ts'
import { sendPage } from '../platform/views/render.ts'
import { paths } from '../paths.ts'
import type { Services } from '../services.ts'
import { pageContext } from '../shell/page-context.ts'
import { changedStaffFields, parseNewStaffMember, parseStaffChanges, staffChangeProblem } from './staff.ts'
import { inviteStaffMember } from './staff-invitations.ts'
import type { FormState } from '../platform/views/context.ts'
import { EditStaffPage, NewStaffPage, StaffListPage, type MemberView } from './staff-pages.tsx'

type Params = { Params: { id: string } }

export function staffRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get(paths.staff(), async (request, reply) => {
    const scope = scopeOf(requireRole(request, can.manageStaff))
    const rows = await listStaff(db, scope)
    const staff = rows.map((r) => ({ id: r.id, name: r.name, email: r.email, role: r.role, hasSecondFactor: r.totp_enabled_at !== null, lastSignInAt: r.last_sign_in_at, disabled: r.disabled_at !== null }))
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <StaffListPage ctx={ctx} staff={staff} />)
  })

  const showNew = async (request: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <NewStaffPage ctx={ctx} state={state} />, status)
  }

  app.get(paths.staffNew(), async (request, reply) => {
    requireRole(request, can.manageStaff)
    return showNew(request, reply, { errors: [], values: {} })
  })

  app.post(paths.staffNew(), async (request, reply) => {
    const user = requireRole(request, can.manageStaff)
    const scope = scopeOf(user)
    const parsed = parseNewStaffMember(request.body)
    if (!parsed.ok) return showNew(request, reply, parsed, 400)
    // E-mail addresses are unique across Welkom: one person, one account.
    if (await findUserByEmail(db, parsed.value.email)) {
      return showNew(request, reply, { errors: [{ field: 'email', message: 'staff.form.emailTaken' }], values: { ...parsed.value } }, 400)
    }
    await db.transaction().execute((trx) => inviteStaffMember(trx, services, user, scope.municipalityId, parsed.value))
    setFlash(reply, { kind: 'success', message: 'staff.new.done' })
    return reply.redirect(paths.staff(), 303)
  })

  const findMember = async (user: CurrentUser, id: string): Promise<UserRow> => {
    const member = await findStaffMember(db, scopeOf(user), id)
    if (!member) throw new NotFound('staff member')
    return member
  }

  const showEdit = async (request: FastifyRequest, reply: FastifyReply, user: CurrentUser, member: UserRow, state: FormState, status = 200) => {
    const view: MemberView = {
      id: member.id,
      name: member.name,
      email: member.email,
      role: member.role,
      disabled: member.disabled_at !== null,
      hasSecondFactor: member.totp_enabled_at !== null,
      lastSignInAt: member.last_sign_in_at,
      isSelf: member.id === user.id,
    }
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <EditStaffPage ctx={ctx} member={view} state={state} />, status)
  }

  app.get<Params>('/beheer/medewerkers/:id', async (request, reply) => {
    const user = requireRole(request, can.manageStaff)
    const member = await findMember(user, request.params.id)
    const values = { name: member.name, role: member.role, status: member.disabled_at ? 'disabled' : 'active' }
    return showEdit(request, reply, user, member, { errors: [], values })
  })

  app.post<Params>('/beheer/medewerkers/:id', async (request, reply) => {
    const user = requireRole(request, can.manageStaff)
    const scope = scopeOf(user)
    const member = await findMember(user, request.params.id)
    const parsed = parseStaffChanges(request.body)
    if (!parsed.ok) return showEdit(request, reply, user, member, parsed, 400)
    const change = parsed.value
    const outcome = await db.transaction().execute(async (trx) => {
      // Count inside the transaction, just before the change, so the check sees the latest state.
      const problem = staffChangeProblem(user.id, { id: member.id, role: member.role, disabled: member.disabled_at !== null }, change, await countActiveAdmins(trx, scope))
      if (problem) return { problem }
      const fields = changedStaffFields({ name: member.name, role: member.role, disabled: member.disabled_at !== null }, change)
      if (fields.length === 0) return { problem: null }
      await updateStaffMember(trx, scope, member.id, change)
      // A disabled member is signed out everywhere at once, not at their next sign-in.
      if (change.disabled) await deleteUserSessions(trx, member.id)
      await recordAudit(trx, { municipalityId: scope.municipalityId, actor: user, action: 'staff.updated', record: { type: 'user', id: member.id }, details: { fields } })
      return { problem: null }
    })
    if (outcome.problem) return showEdit(request, reply, user, member, { errors: [outcome.problem], values: { name: change.name, role: change.role, status: change.disabled ? 'disabled' : 'active' } }, 400)
    setFlash(reply, { kind: 'success', message: 'staff.edit.done' })
    return reply.redirect(paths.staff(), 303)
  })

  app.post<Params>('/beheer/medewerkers/:id/wachtwoordlink', async (request, reply) => {
    const user = requireRole(request, can.manageStaff)
    const member = await findMember(user, request.params.id)
    if (member.disabled_at) {
      setFlash(reply, { kind: 'info', message: 'staff.passwordLink.disabledAccount' })
      return reply.redirect(paths.staffMember(member.id), 303)
    }
    // Each link is an e-mail to a real person: a few per hour is plenty.
    await limitRate(db, `staff-password-link:${member.id}`, { max: 5, windowMs: 3600_000 })
    await db.transaction().execute(async (trx) => {
      await sendPasswordLink(trx, services, { id: member.id, email: member.email, name: member.name, locale: member.locale, municipalityId: member.municipality_id }, 'reset')
      await recordAudit(trx, { municipalityId: member.municipality_id, actor: user, action: 'staff.password_link_sent', record: { type: 'user', id: member.id } })
    })
    setFlash(reply, { kind: 'success', message: 'staff.passwordLink.sent' })
    return reply.redirect(paths.staffMember(member.id), 303)
  })

  // A lost phone must not mean a lost account: an admin turns the second factor off, the member
  // signs in with their password and sets it up again. Their sessions end, in case the phone was stolen.
  app.post<Params>('/beheer/medewerkers/:id/tweestapsverificatie-uitzetten', async (request, reply) => {
    const user = requireRole(request, can.manageStaff)
    const member = await findMember(user, request.params.id)
    if (member.totp_enabled_at) {
      await db.transaction().execute(async (trx) => {
        await setSecondFactor(trx, member.id, null, null)
        await deleteUserSessions(trx, member.id)
        await recordAudit(trx, { municipalityId: member.municipality_id, actor: user, action: 'staff.second_factor_reset', record: { type: 'user', id: member.id } })
      })
    }
    setFlash(reply, { kind: 'success', message: 'staff.secondFactorReset.done' })
    return reply.redirect(paths.staffMember(member.id), 303)
  })
}

