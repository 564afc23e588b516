// The reminders page through HTTP: the rules in plain words with their reach, adding and removing
// a rule (GOV.UK-style errors with the values kept), and the audit trail.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText } from '../../../test/helpers/client.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { insertPeople } from '../../invitees/households/people-test-support.ts'
import { brusselsDate } from '../../platform/calendar.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { paths } from '../../paths.ts'
import { ensureInvitations } from '../invitations-queries.ts'
import { queueInviteeMessages } from '../messages/invitee-messages.ts'
import { openInvitations } from '../messages/messages-test-support.ts'
import { reminderDueAt } from './reminder-rules.ts'

describe('the reminders page', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t?.close())

  const day = (moment: Date) => createTranslator('nl').formatDate(moment, 'full')

  test('the reminders page lists the rules in plain words with their moment and how many people each reached', async () => {
    const mol = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
    const edition = await createEdition(t.db, mol.municipality.id)
    await openInvitations(t.db, edition)
    const [a, b] = await insertPeople(t.db, edition.id, [
      { first_name: 'A', email: 'a@example.org', phone: '0470 00 00 01' },
      { first_name: 'B', email: 'b@example.org' },
    ])
    await ensureInvitations(t.db, t.config, edition.id, new Date())
    await queueInviteeMessages(t.db, t.config, { editionId: edition.id, inviteeIds: [a!, b!], kind: 'reminder', occasion: '14-not_replied' }, new Date())

    const page = await mol.staffClient.get(paths.editionReminders(edition.id))
    assert.equal(page.statusCode, 200)
    const text = visibleText(page.body)
    assert.ok(text.includes(`14 dagen vooraf, aan wie nog niet antwoordde — op ${day(reminderDueAt(edition.startsAt, 14))} om 10:00 uur Gepland. Bereikt: 2 personen.`), text)
    assert.ok(text.includes(`3 dagen vooraf, aan wie nog niet antwoordde — op ${day(reminderDueAt(edition.startsAt, 3))} om 10:00 uur Gepland. Bereikt: 0 personen.`))
    assert.ok(text.includes(`1 dag vooraf, aan wie komt — op ${day(reminderDueAt(edition.startsAt, 1))} om 10:00 uur Gepland. Bereikt: 0 personen.`))
    assert.equal((page.body.match(/>Verwijderen</g) ?? []).length, 3, 'each rule has its remove button')
  })

  test('adding a rule: a wrong number or a missing audience shows the errors with the values kept; a good one is saved and audited', async () => {
    const geel = await createMunicipalityWithPeople(t.app, t.db, { name: 'Geel' })
    const edition = await createEdition(t.db, geel.municipality.id)
    const url = paths.editionReminders(edition.id)

    const wrong = await geel.staffClient.post(url, { action: 'add', daysBefore: '90' })
    assert.equal(wrong.statusCode, 400)
    const wrongText = visibleText(wrong.body)
    assert.match(wrongText, /^Fout: Herinneringen/)
    assert.match(wrongText, /Er is een probleem/)
    assert.match(wrongText, /Vul een aantal dagen in van 1 tot 60\./)
    assert.match(wrongText, /Kies aan wie de herinnering gaat\./)
    assert.match(wrong.body, /<input[^>]*name="daysBefore"[^>]*value="90"/)

    const duplicate = await geel.staffClient.post(url, { action: 'add', daysBefore: '14', audience: 'not_replied' })
    assert.equal(duplicate.statusCode, 400)
    assert.match(visibleText(duplicate.body), /Deze editie heeft die herinnering al\./)

    const added = await geel.staffClient.post(url, { action: 'add', daysBefore: '7', audience: 'coming' })
    assert.equal(added.statusCode, 303)
    assert.equal(added.headers.location, url)
    const text = visibleText((await geel.staffClient.get(url)).body)
    assert.match(text, /De herinnering is toegevoegd\./)
    assert.match(text, /7 dagen vooraf, aan wie komt/)
    const stored = await t.db.selectFrom('editions').select('reminder_rules_json').where('id', '=', edition.id).executeTakeFirstOrThrow()
    assert.deepEqual(stored.reminder_rules_json, [
      { daysBefore: 14, audience: 'not_replied' },
      { daysBefore: 7, audience: 'coming' },
      { daysBefore: 3, audience: 'not_replied' },
      { daysBefore: 1, audience: 'coming' },
    ])
    const audit = await t.db.selectFrom('audit_events').select(['details_json', 'actor_user_id']).where('action', '=', 'reminders.changed').where('record_id', '=', edition.id).executeTakeFirstOrThrow()
    assert.deepEqual(audit.details_json, { change: 'added', daysBefore: 7, audience: 'coming', rules: 4 })
    assert.equal(audit.actor_user_id, geel.staff.id)
  })

  test('removing a rule takes it off the list and is audited; removing it again says it is gone', async () => {
    const herentals = await createMunicipalityWithPeople(t.app, t.db, { name: 'Herentals' })
    const edition = await createEdition(t.db, herentals.municipality.id)
    const url = paths.editionReminders(edition.id)
    const removed = await herentals.staffClient.post(url, { action: 'remove', rule: '3-not_replied' })
    assert.equal(removed.statusCode, 303)
    const removedPage = await herentals.staffClient.get(url)
    const text = visibleText(removedPage.body)
    assert.match(text, /De herinnering is verwijderd\./)
    assert.doesNotMatch(text, /3 dagen vooraf/)
    assert.equal((removedPage.body.match(/<h3 class="card__title">/g) ?? []).length, 2, 'two rules left')
    const audit = await t.db.selectFrom('audit_events').select('details_json').where('action', '=', 'reminders.changed').where('record_id', '=', edition.id).executeTakeFirstOrThrow()
    assert.deepEqual(audit.details_json, { change: 'removed', daysBefore: 3, audience: 'not_replied', rules: 2 })

    assert.equal((await herentals.staffClient.post(url, { action: 'remove', rule: '3-not_replied' })).statusCode, 303)
    assert.match(visibleText((await herentals.staffClient.get(url)).body), /Die herinnering bestaat niet \(meer\)\./)
    assert.equal((await t.db.selectFrom('audit_events').select('id').where('action', '=', 'reminders.changed').where('record_id', '=', edition.id).execute()).length, 1)
  })

  test('a rule whose moment has passed shows as being sent while it is due, and as over once the ceremony has begun', async () => {
    const asse = await createMunicipalityWithPeople(t.app, t.db, { name: 'Asse' })
    const soon = await createEdition(t.db, asse.municipality.id, { date: brusselsDate(new Date(Date.now() + 5 * 86400_000)), time: '19:00' })
    await openInvitations(t.db, soon)
    const text = visibleText((await asse.staffClient.get(paths.editionReminders(soon.id))).body)
    assert.match(text, /14 dagen vooraf, aan wie nog niet antwoordde — op .* om 10:00 uur Wordt verstuurd\./)
    assert.match(text, /1 dag vooraf, aan wie komt — op .* om 10:00 uur Gepland\./)
    const past = await createEdition(t.db, asse.municipality.id, { date: '2026-01-10', time: '19:00' })
    assert.match(visibleText((await asse.staffClient.get(paths.editionReminders(past.id))).body), /1 dag vooraf, aan wie komt — op .* om 10:00 uur Voorbij\./)
  })
})
