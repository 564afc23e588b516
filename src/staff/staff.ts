// Staff management: the forms a municipality admin fills in, and the rules that keep every
// municipality with at least one admin who can still sign in.
import { MUNICIPALITY_ROLES, type Role } from '../accounts/accounts.ts'
import { FormParser, type Parsed } from '../platform/http/forms.ts'
import type { FieldError } from '../platform/views/context.ts'

export type MunicipalityRole = (typeof MUNICIPALITY_ROLES)[number]

export const NAME_MAX = 120

export interface NewStaffMember {
  name: string
  email: string
  role: MunicipalityRole
}

export interface StaffChanges {
  name: string
  role: MunicipalityRole
  disabled: boolean
}

export function parseNewStaffMember(body: unknown): Parsed<NewStaffMember> {
  const form = new FormParser(body)
  const name = form.required('name', 'staff.form.nameRequired', { max: NAME_MAX })
  const email = form.email('email', { required: true })
  const role = form.oneOf('role', MUNICIPALITY_ROLES, 'staff.form.roleRequired')
  return form.result({ name, email, role })
}

export function parseStaffChanges(body: unknown): Parsed<StaffChanges> {
  const form = new FormParser(body)
  const name = form.required('name', 'staff.form.nameRequired', { max: NAME_MAX })
  const role = form.oneOf('role', MUNICIPALITY_ROLES, 'staff.form.roleRequired')
  const status = form.oneOf('status', ['active', 'disabled'] as const, 'staff.form.statusRequired')
  return form.result({ name, role, disabled: status === 'disabled' })
}

export interface MemberState {
  id: string
  role: Role
  disabled: boolean
}

/**
 * Refuses a change that would leave the municipality without an active admin, or that an admin
 * makes to their own account and could not undo themselves (disabling or demoting themselves).
 * `activeAdmins` counts the municipality's active admins before the change.
 */
export function staffChangeProblem(actorId: string, member: MemberState, change: StaffChanges, activeAdmins: number): FieldError | null {
  const isActiveAdmin = member.role === 'municipality_admin' && !member.disabled
  const demotes = member.role === 'municipality_admin' && change.role !== 'municipality_admin'
  if (member.id === actorId) {
    if (change.disabled && !member.disabled) return { field: 'status', message: 'staff.edit.cannotDisableSelf' }
    if (demotes) return { field: 'role', message: 'staff.edit.cannotDemoteSelf' }
  }
  if (isActiveAdmin && activeAdmins <= 1) {
    if (change.disabled) return { field: 'status', message: 'staff.edit.lastAdmin' }
    if (demotes) return { field: 'role', message: 'staff.edit.lastAdmin' }
  }
  return null
}

/** The names (never the values) of the fields a change touches, for the audit log. */
export function changedStaffFields(before: { name: string; role: Role; disabled: boolean }, after: StaffChanges): string[] {
  const fields: string[] = []
  if (before.name !== after.name) fields.push('name')
  if (before.role !== after.role) fields.push('role')
  if (before.disabled !== after.disabled) fields.push('disabled')
  return fields
}
