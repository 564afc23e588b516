import { can, type CurrentUser } from '../accounts/accounts.ts'
import type { NavItem } from '../platform/views/context.ts'
import { paths } from '../paths.ts'

/** The main navigation, by role: each person sees only what they can use. */
export function navigationFor(user: CurrentUser | null): NavItem[] {
  if (!user) return [{ href: paths.practices(), label: 'nav.practices' }, { href: paths.signIn(), label: 'nav.signIn' }]
  const items: NavItem[] = [{ href: paths.home(), label: 'nav.home' }]
  if (can.planEditions(user)) items.push({ href: paths.editions(), label: 'nav.editions' }, { href: paths.myTasks(), label: 'nav.myTasks' })
  items.push({ href: paths.practices(), label: 'nav.practices' })
  if (can.editPractices(user)) items.push({ href: paths.editorial(), label: 'nav.editorial' })
  if (can.manageStaff(user)) items.push({ href: paths.staff(), label: 'nav.staff' })
  if (can.manageMunicipality(user)) items.push({ href: paths.municipalitySettings(), label: 'nav.municipality' })
  if (can.managePlaybook(user)) items.push({ href: paths.playbookTemplate(), label: 'nav.playbook' })
  if (can.manageMunicipalities(user)) items.push({ href: paths.municipalities(), label: 'nav.municipalities' })
  if (can.manageApiTokens(user)) items.push({ href: paths.apiTokens(), label: 'nav.apiTokens' })
  if (can.operate(user)) {
    items.push({ href: paths.audit(), label: 'nav.audit' })
    items.push({ href: paths.jobs(), label: 'nav.jobs' })
    items.push({ href: paths.outbox(), label: 'nav.outbox' })
  }
  items.push({ href: paths.account(), label: 'nav.account' })
  return items
}
