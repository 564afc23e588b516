// Sending invitations through HTTP: the counts an officer sees, the button, idempotency, the audit
// entry, refusals, and another municipality kept out of every route of this part.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText } from '../../../test/helpers/client.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { insertPeople } from '../../invitees/households/people-test-support.ts'
import { paths } from '../../paths.ts'
import { openInvitations } from '../messages/messages-test-support.ts'

describe('sending invitations', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t?.close())

  /** Two by e-mail, two by text message (one of them also by e-mail), two by letter only, one excluded. */
  async function listOfSeven(editionId: string): Promise<string[]> {
    return insertPeople(t.db, editionId, [
      { first_name: 'Email', email: 'email@example.org' },
      { first_name: 'Mobile', phone: '0470 11 22 33' },
      { first_name: 'Both', email: 'both@example.org', phone: '+32 485 12 34 56' },
      { first_name: 'Landline', phone: '014 33 08 00' },
      { first_name: 'Nothing' },
      { first_name: 'Excluded', email: 'excluded@example.org', excluded_reason: 'deceased' },
      { first_name: 'Bad', email: 'not-an-address' },
    ])
  }

  test('the invitations page counts who can be reached by e-mail, by text message and only by letter, and says why a draft cannot send', async () => {
    const mol = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
    const edition = await createEdition(t.db, mol.municipality.id)
    await listOfSeven(edition.id)
    const page = await mol.staffClient.get(paths.editionInvitations(edition.id))
    assert.equal(page.statusCode, 200)
    const text = visibleText(page.body)
    assert.match(text, /Uit te nodigen 6 personen/)
    assert.match(text, /Met een persoonlijke link en code 0 personen/)
    assert.match(text, /Per e-mail 2 personen/)
    assert.match(text, /Per sms \(gsm-nummer\) 2 personen/)
    assert.match(text, /Alleen per brief 3 personen/)
    assert.match(text, /De editie is nog in voorbereiding\. Open eerst de uitnodigingen/)
    assert.doesNotMatch(page.body, /Uitnodigingen versturen<\/button>/)
    assert.ok(page.body.includes(`href="${paths.editionLetters(edition.id)}"`))
    assert.ok(page.body.includes(`href="${paths.editionReminders(edition.id)}"`))
    assert.ok(page.body.includes(`href="${paths.edition(edition.id)}"`), 'links to the status control on the edition page')

    const refused = await mol.staffClient.post(paths.editionInvitationsSend(edition.id))
    assert.equal(refused.statusCode, 409)
    assert.equal(await t.db.selectFrom('invitee_messages').select('id').where('edition_id', '=', edition.id).executeTakeFirst(), undefined, 'nothing queued for a draft')
  })

  test('sending queues each reachable person’s invitation once, gives everyone invitable a code, and audits the counts', async () => {
    const geel = await createMunicipalityWithPeople(t.app, t.db, { name: 'Geel' })
    const edition = await createEdition(t.db, geel.municipality.id)
    await openInvitations(t.db, edition)
    const ids = await listOfSeven(edition.id)
    const before = visibleText((await geel.staffClient.get(paths.editionInvitations(edition.id))).body)
    assert.match(before, /3 personen krijgen de uitnodiging per e-mail, per sms of allebei\./)

    const sent = await geel.staffClient.post(paths.editionInvitationsSend(edition.id))
    assert.equal(sent.statusCode, 303)
    assert.equal(sent.headers.location, paths.editionInvitations(edition.id))
    const after = visibleText((await geel.staffClient.get(paths.editionInvitations(edition.id))).body)
    assert.match(after, /4 berichten staan klaar om te vertrekken\./)
    assert.match(after, /Met een persoonlijke link en code 6 personen/)
    assert.match(after, /E-mail 2 in de wachtrij, 0 verstuurd, 0 mislukt Sms 2 in de wachtrij, 0 verstuurd, 0 mislukt/, 'two e-mails and two text messages queued')
    assert.match(after, /Iedereen die we per e-mail of sms kunnen bereiken, kreeg de uitnodiging al\./)

    const messages = await t.db.selectFrom('invitee_messages').select(['invitee_id', 'channel']).where('edition_id', '=', edition.id).orderBy('channel').orderBy('invitee_id').execute()
    assert.deepEqual(messages.map((m) => `${ids.indexOf(m.invitee_id)}:${m.channel}`).sort(), ['0:email', '1:sms', '2:email', '2:sms'])
    const codes = await t.db.selectFrom('invitations').select('invitee_id').where('edition_id', '=', edition.id).execute()
    assert.equal(codes.length, 6, 'letter-only people get a code too; the excluded person none')
    assert.ok(!codes.some((c) => c.invitee_id === ids[5]))
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitations.sent').where('record_id', '=', edition.id).execute()
    assert.equal(audit.length, 1)
    assert.deepEqual(audit[0]!.details_json, { queued: 4, invitationsCreated: 6 })

    const again = await geel.staffClient.post(paths.editionInvitationsSend(edition.id))
    assert.equal(again.statusCode, 303)
    assert.match(visibleText((await geel.staffClient.get(paths.editionInvitations(edition.id))).body), /Er was niets nieuws te versturen\./)
    assert.equal((await t.db.selectFrom('invitee_messages').select('id').where('edition_id', '=', edition.id).execute()).length, 4, 'a second click queues nothing')

    await t.runJobs()
    assert.match(visibleText((await geel.staffClient.get(paths.editionInvitations(edition.id))).body), /E-mail 0 in de wachtrij, 2 verstuurd, 0 mislukt Sms 0 in de wachtrij, 2 verstuurd, 0 mislukt/, 'after the jobs ran: sent')
  })

  test('a purged edition sends nothing and refuses reminder changes', async () => {
    const tienen = await createMunicipalityWithPeople(t.app, t.db, { name: 'Tienen' })
    const edition = await createEdition(t.db, tienen.municipality.id)
    await openInvitations(t.db, edition)
    await t.db.updateTable('editions').set({ purged_at: new Date() }).where('id', '=', edition.id).execute()
    assert.equal((await tienen.staffClient.post(paths.editionInvitationsSend(edition.id))).statusCode, 409)
    assert.equal((await tienen.staffClient.post(paths.editionReminders(edition.id), { action: 'add', daysBefore: '7', audience: 'coming' })).statusCode, 409)
    assert.match(visibleText((await tienen.staffClient.get(paths.editionInvitations(edition.id))).body), /De persoonsgegevens van deze editie zijn gewist\./)
  })

  test('a co-organiser sees the page; another municipality gets 404 on every route of invitations and reminders', async () => {
    const mechelen = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mechelen' })
    const skw = await createMunicipalityWithPeople(t.app, t.db, { name: 'Sint-Katelijne-Waver' })
    const asse = await createMunicipalityWithPeople(t.app, t.db, { name: 'Asse' })
    const edition = await createEdition(t.db, mechelen.municipality.id, { coOrganiserIds: [skw.municipality.id] })
    await openInvitations(t.db, edition)
    await listOfSeven(edition.id)
    assert.equal((await skw.staffClient.get(paths.editionInvitations(edition.id))).statusCode, 200)
    assert.equal((await skw.staffClient.get(paths.editionReminders(edition.id))).statusCode, 200)
    await expectNotFoundForOtherMunicipality(asse.staffClient, [
      { method: 'GET', url: paths.editionInvitations(edition.id) },
      { method: 'POST', url: paths.editionInvitationsSend(edition.id) },
      { method: 'GET', url: paths.editionReminders(edition.id) },
      { method: 'POST', url: paths.editionReminders(edition.id), fields: { action: 'add', daysBefore: '7', audience: 'coming' } },
      { method: 'POST', url: paths.editionReminders(edition.id), fields: { action: 'remove', rule: '14-not_replied' } },
    ])
    assert.equal(await t.db.selectFrom('invitee_messages').select('id').where('edition_id', '=', edition.id).executeTakeFirst(), undefined)
    const rules = await t.db.selectFrom('editions').select('reminder_rules_json').where('id', '=', edition.id).executeTakeFirstOrThrow()
    assert.equal((rules.reminder_rules_json as unknown[]).length, 3, 'the outsider changed nothing')
  })
})
