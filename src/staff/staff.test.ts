import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { Client, visibleText } from '../../test/helpers/client.ts'
import { suiteDialect } from '../../test/helpers/database.ts'
import { createMunicipalityWithPeople, createUser, signIn } from '../../test/helpers/factories.ts'
import { expectNotFoundForOtherMunicipality } from '../../test/helpers/tenant.ts'
import { paths } from '../paths.ts'
import { changedStaffFields, staffChangeProblem } from './staff.ts'

const activeAdmin = { id: 'u-target', role: 'municipality_admin' as const, disabled: false }

describe('staff rules', () => {
  test('refuses disabling or demoting the last active admin, and allows it when another admin remains', () => {
    assert.equal(staffChangeProblem('u-actor', activeAdmin, { name: 'A', role: 'municipality_admin', disabled: true }, 1)?.message, 'staff.edit.lastAdmin')
    assert.equal(staffChangeProblem('u-actor', activeAdmin, { name: 'A', role: 'staff', disabled: false }, 1)?.field, 'role')
    assert.equal(staffChangeProblem('u-actor', activeAdmin, { name: 'A', role: 'staff', disabled: true }, 2), null)
  })

  test('refuses an admin disabling or demoting themselves, but lets them rename themselves', () => {
    assert.equal(staffChangeProblem('u-target', activeAdmin, { name: 'A', role: 'municipality_admin', disabled: true }, 3)?.message, 'staff.edit.cannotDisableSelf')
    assert.equal(staffChangeProblem('u-target', activeAdmin, { name: 'A', role: 'staff', disabled: false }, 3)?.message, 'staff.edit.cannotDemoteSelf')
    assert.equal(staffChangeProblem('u-target', activeAdmin, { name: 'B', role: 'municipality_admin', disabled: false }, 1), null)
  })

  test('changing a staff member (not an admin) is never limited by the admin count', () => {
    assert.equal(staffChangeProblem('u-actor', { id: 'u-staff', role: 'staff', disabled: false }, { name: 'A', role: 'staff', disabled: true }, 1), null)
  })

  test('the audit lists the names of changed fields only', () => {
    assert.deepEqual(changedStaffFields({ name: 'An', role: 'staff', disabled: false }, { name: 'Anna', role: 'staff', disabled: true }), ['name', 'disabled'])
  })
})

describe(`staff management on ${suiteDialect()}`, () => {
  let t: TestApp
  beforeEach(async () => {
    t = await createTestApp()
  })
  afterEach(() => t.close())

  const auditFor = (action: string, recordId: string) => t.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('record_id', '=', recordId).execute()

  test('the list shows the own municipality staff with role and status, and never another municipality staff', async () => {
    const mol = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
    await createMunicipalityWithPeople(t.app, t.db, { name: 'Geel' })
    const page = await mol.adminClient.get(paths.staff())
    assert.equal(page.statusCode, 200)
    const text = visibleText(page.body)
    assert.match(text, /Beheerder Mol .* beheerder van de gemeente/)
    assert.match(text, /Medewerker Mol \S+@example\.org medewerker uit \S+ \S+ Actief/)
    assert.match(text, /2 medewerkers van uw gemeente/)
    assert.doesNotMatch(text, /Geel/)
  })

  test('adding a staff member e-mails an invitation whose link lets them choose a password and sign in', async () => {
    const { adminClient, municipality } = await createMunicipalityWithPeople(t.app, t.db)
    const created = await adminClient.post(paths.staffNew(), { name: 'Sara Peeters', email: 'Sara.Peeters@example.org', role: 'staff' })
    assert.equal(created.statusCode, 303)
    assert.equal(created.headers.location, paths.staff())
    const list = visibleText((await adminClient.get(paths.staff())).body)
    assert.match(list, /De medewerker is toegevoegd/)
    assert.match(list, /Sara Peeters sara\.peeters@example\.org medewerker uit nog nooit Actief/)

    assert.ok((await t.runJobs()) >= 1)
    const mail = await t.db.selectFrom('mail_messages').selectAll().where('to_address', '=', 'sara.peeters@example.org').executeTakeFirstOrThrow()
    assert.equal(mail.subject, 'U hebt een account voor Welkom')
    assert.equal(mail.status, 'sent')
    assert.equal(mail.municipality_id, municipality.id)
    const link = /http:\/\/localhost:3000(\/wachtwoord-herstellen\/\S+)/.exec(mail.text_body)?.[1]
    assert.ok(link, 'the invitation holds a link to choose a password')

    const invitee = new Client(t.app)
    assert.equal((await invitee.get(link)).statusCode, 200)
    const chosen = await invitee.post(link, { password: 'een lange zin als wachtwoord', confirmation: 'een lange zin als wachtwoord' })
    assert.equal(chosen.statusCode, 303)
    const signedIn = await signIn(t.app, { email: 'sara.peeters@example.org', password: 'een lange zin als wachtwoord' })
    assert.match(visibleText((await signedIn.get(paths.home())).body), /Welkom, Sara Peeters/)

    const user = await t.db.selectFrom('users').selectAll().where('email', '=', 'sara.peeters@example.org').executeTakeFirstOrThrow()
    assert.equal(user.role, 'staff')
    assert.equal(user.municipality_id, municipality.id)
    const [audit] = await auditFor('staff.created', user.id)
    assert.deepEqual(audit?.details_json, { role: 'staff' })
  })

  test('refuses a duplicate e-mail and an empty name with 400, the error summary and the values kept', async () => {
    const { adminClient, staff } = await createMunicipalityWithPeople(t.app, t.db)
    const duplicate = await adminClient.post(paths.staffNew(), { name: 'Tweede Account', email: staff.email.toUpperCase(), role: 'municipality_admin' })
    assert.equal(duplicate.statusCode, 400)
    assert.match(visibleText(duplicate.body), /Er is een probleem Er bestaat al een account met dit e-mailadres/)
    assert.match(duplicate.body, /value="Tweede Account"/)
    assert.match(duplicate.body, /value="municipality_admin" checked/)

    const empty = await adminClient.post(paths.staffNew(), { name: ' ', email: 'nieuw@example.org', role: 'staff' })
    assert.equal(empty.statusCode, 400)
    assert.match(visibleText(empty.body), /Er is een probleem Vul de naam in/)
    assert.match(empty.body, /<title>Fout: /)
    assert.match(empty.body, /value="nieuw@example.org"/)
    assert.equal(await t.db.selectFrom('users').select('id').where('email', '=', 'nieuw@example.org').executeTakeFirst(), undefined)
  })

  test('an admin cannot disable or demote themselves, and may demote another admin', async () => {
    const { adminClient, admin, municipality } = await createMunicipalityWithPeople(t.app, t.db)
    const disableSelf = await adminClient.post(paths.staffMember(admin.id), { name: 'Beheerder', role: 'municipality_admin', status: 'disabled' })
    assert.equal(disableSelf.statusCode, 400)
    assert.match(visibleText(disableSelf.body), /U kunt uw eigen account niet uitschakelen/)
    assert.match(disableSelf.body, /value="disabled" checked/)
    const demoteSelf = await adminClient.post(paths.staffMember(admin.id), { name: 'Beheerder', role: 'staff', status: 'active' })
    assert.equal(demoteSelf.statusCode, 400)
    assert.match(visibleText(demoteSelf.body), /U kunt uw eigen rol niet verlagen/)
    const me = await t.db.selectFrom('users').selectAll().where('id', '=', admin.id).executeTakeFirstOrThrow()
    assert.equal(me.role, 'municipality_admin')
    assert.equal(me.disabled_at, null)

    const other = await createUser(t.db, { role: 'municipality_admin', municipalityId: municipality.id })
    assert.equal((await adminClient.post(paths.staffMember(other.id), { name: 'Tweede Beheerder', role: 'staff', status: 'active' })).statusCode, 303)
    const demoted = await t.db.selectFrom('users').selectAll().where('id', '=', other.id).executeTakeFirstOrThrow()
    assert.equal(demoted.role, 'staff')
    const [audit] = await auditFor('staff.updated', other.id)
    assert.deepEqual(audit?.details_json, { fields: ['name', 'role'] })
    assert.doesNotMatch(JSON.stringify(audit), /Tweede Beheerder/)
  })

  test('disabling a member signs them out at once and keeps them out', async () => {
    const { adminClient, staffClient, staff } = await createMunicipalityWithPeople(t.app, t.db)
    assert.equal((await staffClient.get(paths.account())).statusCode, 200)
    const saved = await adminClient.post(paths.staffMember(staff.id), { name: 'Medewerker', role: 'staff', status: 'disabled' })
    assert.equal(saved.statusCode, 303)

    const after = await staffClient.get(paths.account())
    assert.equal(after.statusCode, 303)
    assert.match(String(after.headers.location), /^\/aanmelden/)
    const again = await new Client(t.app).post(paths.signIn(), { email: staff.email, password: staff.password })
    assert.equal(again.statusCode, 400)
    assert.match(visibleText((await adminClient.get(paths.staff())).body), /Medewerker .* Uitgeschakeld/)
    const [audit] = await auditFor('staff.updated', staff.id)
    assert.deepEqual(audit?.details_json, { fields: ['name', 'disabled'] })
  })

  test('a new password link can be sent to a member, and is e-mailed and recorded', async () => {
    const { adminClient, staff } = await createMunicipalityWithPeople(t.app, t.db)
    const page = await adminClient.get(paths.staffMember(staff.id))
    assert.match(visibleText(page.body), /Stuur een nieuwe wachtwoordlink/)
    const sent = await adminClient.post(paths.staffPasswordLink(staff.id))
    assert.equal(sent.statusCode, 303)
    assert.equal(sent.headers.location, paths.staffMember(staff.id))
    await t.runJobs()
    const mail = await t.db.selectFrom('mail_messages').selectAll().where('to_address', '=', staff.email).executeTakeFirstOrThrow()
    assert.equal(mail.subject, 'Een nieuw wachtwoord kiezen voor Welkom')
    assert.equal((await auditFor('staff.password_link_sent', staff.id)).length, 1)
  })

  test('an admin turns off the second factor of a member who lost their phone, which signs them out', async () => {
    const { adminClient, staff, staffClient } = await createMunicipalityWithPeople(t.app, t.db)
    await t.db.updateTable('users').set({ totp_secret: 'sealed-secret', totp_enabled_at: new Date() }).where('id', '=', staff.id).execute()
    assert.match(visibleText((await adminClient.get(paths.staffMember(staff.id))).body), /Telefoon kwijt\?/)
    const reset = await adminClient.post(paths.staffSecondFactorReset(staff.id))
    assert.equal(reset.statusCode, 303)
    const member = await t.db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', staff.id).executeTakeFirstOrThrow()
    assert.deepEqual(member, { totp_secret: null, totp_enabled_at: null })
    assert.equal((await staffClient.get(paths.home())).statusCode, 303, 'the member is signed out')
    await signIn(t.app, staff)
    assert.equal((await auditFor('staff.second_factor_reset', staff.id)).length, 1)
  })

  test('staff without the admin role get 403 on the staff pages', async () => {
    const { staffClient, admin } = await createMunicipalityWithPeople(t.app, t.db)
    for (const url of [paths.staff(), paths.staffNew(), paths.staffMember(admin.id)]) {
      assert.equal((await staffClient.get(url)).statusCode, 403, url)
    }
    assert.equal((await staffClient.post(paths.staffNew(), { name: 'X', email: 'x@example.org', role: 'municipality_admin' })).statusCode, 403)
    assert.equal((await staffClient.post(paths.staffMember(admin.id), { name: 'X', role: 'staff', status: 'disabled' })).statusCode, 403)
    assert.equal(await t.db.selectFrom('users').select('id').where('email', '=', 'x@example.org').executeTakeFirst(), undefined)
  })

  test('another municipality admin gets 404 on a member pages and changes nothing', async () => {
    const mol = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
    const geel = await createMunicipalityWithPeople(t.app, t.db, { name: 'Geel' })
    await expectNotFoundForOtherMunicipality(geel.adminClient, [
      { method: 'GET', url: paths.staffMember(mol.staff.id) },
      { method: 'POST', url: paths.staffMember(mol.staff.id), fields: { name: 'Overgenomen', role: 'municipality_admin', status: 'disabled' } },
      { method: 'POST', url: paths.staffPasswordLink(mol.staff.id) },
      { method: 'POST', url: paths.staffSecondFactorReset(mol.staff.id) },
    ])
    const member = await t.db.selectFrom('users').selectAll().where('id', '=', mol.staff.id).executeTakeFirstOrThrow()
    assert.equal(member.name, 'Medewerker Mol')
    assert.equal(member.disabled_at, null)
    assert.equal((await t.db.selectFrom('mail_messages').select('id').execute()).length, 0)
  })
})
