// The "Invitation and answer" section of the person page through HTTP: the short code to read
// out, the letter, each message with its status, the answer in plain words, the links to record
// an answer and to listen to the name, and the audit of the page view that shows it all.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition, createOrganisers, type Organiser } from '../../../test/helpers/editions.ts'
import type { Edition } from '../../editions/editions.ts'
import { paths } from '../../paths.ts'
import { invitationKeys } from '../invitations-queries.ts'
import { formatShortCode } from '../reply-codes.ts'
import { insertMessage, insertRecording, insertReply, insertStand, invitePeople, markLetters } from './overview-test-support.ts'

describe(`the invitation on the person page on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser
  let edition: Edition
  let amal: string, farid: string, xavier: string
  const where = (inviteeId: string) => ({ municipalityId: mechelen.municipality.id, editionId: edition.id, inviteeId })
  const personText = async (inviteeId: string) => {
    const response = await mechelen.staffClient.get(paths.invitee(edition.id, inviteeId))
    assert.equal(response.statusCode, 200)
    return { html: response.body, text: visibleText(response.body) }
  }

  before(async () => {
    t = await createTestApp()
    ;({ mechelen } = await createOrganisers(t))
    edition = await createEdition(t.db, mechelen.municipality.id)
    const ids = await invitePeople(t.db, t.config, edition.id, [
      { first_name: 'Amal', last_name: 'Haddad', language: 'ar' },
      { first_name: 'Farid', last_name: 'Rahimi', language: 'prs' },
      { first_name: 'Xavier', last_name: 'Dubois', excluded_reason: 'moved_away' },
    ])
    ;[amal, farid, xavier] = [ids[0]!, ids[1]!, ids[2]!]
  })
  after(() => t.close())

  test('shows the short code formatted to read out, the letter and each message with its status', async () => {
    await markLetters(t.db, [amal], { printed: new Date('2026-04-01T08:00:00Z') })
    await insertMessage(t.db, where(amal), { kind: 'invitation', channel: 'email', status: 'sent' })
    await insertMessage(t.db, where(amal), { kind: 'reminder', channel: 'sms', status: 'queued' })
    const invitation: { token_sealed: string; code_sealed: string } = await t.db.selectFrom('invitations').select(['token_sealed', 'code_sealed']).where('invitee_id', '=', amal).executeTakeFirstOrThrow()
    const code = formatShortCode(invitationKeys(t.config, invitation).code)
    const { text } = await personText(amal)
    assert.match(text, new RegExp(`Uitnodiging en antwoord Korte code ${code} Met de korte code .* letter per letter voor\\. Bereikt Ja Brief Afgedrukt op 1 april 2026`))
    // Both were written in the same millisecond, so their order on the page is not fixed.
    assert.match(text, /2 berichten Soort Kanaal Status Datum /)
    assert.match(text, /Uitnodiging E-mail Verstuurd /)
    assert.match(text, /Herinnering Sms Wacht op verzending /)
    assert.doesNotMatch(text, /Andere weg nodig/)
  })

  test('a failed e-mail says to send a letter, and the person is flagged as needing another channel', async () => {
    await insertMessage(t.db, where(farid), { channel: 'email', status: 'failed' })
    const { text } = await personText(farid)
    assert.match(text, /Andere weg nodig De e-mail kwam niet aan\. Stuur een brief\./)
    assert.match(text, /Uitnodiging E-mail E-mail kwam niet aan — stuur een brief/)
    assert.match(text, /Bereikt De e-mail kwam niet aan/)
    assert.match(text, /Brief Nog niet afgedrukt/)
    assert.doesNotMatch(text, /De brief kwam terug/, 'no returned-letter button before a letter was printed')
  })

  test('the answer is told in plain words: coming with guests, needs, each consent, interests, contribution, channel and who recorded it', async () => {
    const library = await insertStand(t.db, mechelen.municipality.id, edition.id, 'Bibliotheek')
    await insertReply(t.db, where(amal), {
      adults: 1,
      children: 2,
      needs: { halal: true, interpreter: 'ar', allergies: 'Pinda’s', noHandshake: true },
      phonetic_name: 'A-mal, zoals ‘a’ en ‘mal’',
      consents: { photo: true, groupPhoto: false, publication: true, childrenPhoto: false },
      interests: [library],
      contribution_kinds: ['music'],
      contribution_text: 'Ik speel oud.',
      channel: 'phone',
      recorded_by: (await t.db.selectFrom('users').select('id').where('email', '=', mechelen.staff.email).executeTakeFirstOrThrow()).id,
      language: 'ar',
    })
    const { html, text } = await personText(amal)
    assert.match(text, /Antwoord Komt Ja, met een bevestigde plaats Gasten 1 volwassene en 2 kinderen/)
    assert.match(text, /Wensen Tolk: Arabisch Halal Allergieën: Pinda’s Geeft liever geen hand/)
    assert.match(text, /Toestemming voor foto's Foto van de persoon: ja Groepsfoto's: nee Publicatie door de gemeente: ja Foto's van de kinderen: nee/)
    assert.match(text, /Uitspraak van de naam A-mal, zoals ‘a’ en ‘mal’ Wil meer horen van Bibliotheek Wil bijdragen Muziek Ik speel oud\./)
    assert.match(text, /Antwoord via Telefoon, ingevuld door Medewerker Mechelen Taal van het antwoord Arabisch/)
    assert.ok(html.includes(`href="${paths.inviteeReply(edition.id, amal)}"`), 'a link to record or change the answer')
    assert.match(text, /Antwoord invullen of wijzigen/)
    assert.doesNotMatch(text, /Uitspraak beluisteren/, 'no recording yet')
    await insertRecording(t.db, edition.id, amal)
    const again = await personText(amal)
    assert.ok(again.html.includes(`href="${paths.inviteeRecording(edition.id, amal)}"`))
    assert.match(again.text, /Uitspraak beluisteren/)
  })

  test('the access export holds the invitation and the answer with its needs and consents', async () => {
    const response = await mechelen.staffClient.get(paths.inviteeAccessExport(edition.id, amal))
    assert.equal(response.statusCode, 200)
    const data = JSON.parse(response.body) as { invitation: { code: string; answer: { attending: string; adults: number; phoneticName: string; consents: { photo: boolean } } | null; messages: unknown[] } | null }
    assert.ok(data.invitation, 'the invitation is part of what is held')
    assert.match(data.invitation.code, /^[A-Z0-9]{8}$/)
    assert.equal(data.invitation.answer?.attending, 'yes')
    assert.equal(data.invitation.answer?.adults, 1)
    assert.equal(data.invitation.answer?.phoneticName, 'A-mal, zoals ‘a’ en ‘mal’')
    assert.equal(data.invitation.answer?.consents.photo, true)
    assert.ok(data.invitation.messages.length >= 2)
  })

  test('a "no" is told without guests or needs; a place on the waiting list says since when', async () => {
    await insertReply(t.db, where(farid), { attending: 'no', channel: 'letter' })
    const { text } = await personText(farid)
    assert.match(text, /Komt Nee Uitspraak van de naam Niet ingevuld Wil meer horen van Geen Antwoord via Brief/)
    assert.doesNotMatch(text, /Gasten|Toestemming voor foto's/)
    await t.db.updateTable('replies').set({ attending: 'yes', place: 'waiting', waitlisted_at: new Date('2026-05-01T10:00:00Z') }).where('invitee_id', '=', farid).execute()
    assert.match((await personText(farid)).text, /Komt Ja, maar staat op de wachtlijst \(sinds 1\/05\/2026, 12:00\)/)
  })

  test('a person without an invitation is told so, with the way to the invitations', async () => {
    const { html, text } = await personText(xavier)
    assert.match(text, /Uitnodiging en antwoord Deze persoon heeft nog geen uitnodiging\. Naar de uitnodigingen/)
    assert.ok(html.includes(`href="${paths.editionInvitations(edition.id)}"`))
  })

  test('showing the code and answer is covered by the audited page view', async () => {
    const before = await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'invitee.viewed').where('record_id', '=', amal).executeTakeFirstOrThrow()
    await personText(amal)
    const after = await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'invitee.viewed').where('record_id', '=', amal).executeTakeFirstOrThrow()
    assert.equal(Number(after.n), Number(before.n) + 1)
  })
})
