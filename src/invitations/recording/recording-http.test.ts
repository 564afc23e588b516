// The recording of how to say one's name, through HTTP on the suite's database: a newcomer uploads
// (a form without JavaScript, or the recorder's fetch asking for JSON), replaces and deletes it;
// what is not audio, too large or too long is refused with a clear message; staff listen, and
// each listen is audited; another municipality, a closed edition and a purge see nothing.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { duePurges, purgeEdition } from '../../invitees/purge-queries.ts'
import { addDays, brusselsDate } from '../../platform/calendar.ts'
import { paths } from '../../paths.ts'
import { openEditionWithPeople, type Person } from '../reply/reply-test-support.ts'
import { RECORDING_MAX_BYTES } from './audio.ts'
import { ogg, PNG, postMultipart, wav, webm } from './recording-test-support.ts'

describe(`the name recording on ${suiteDialect()}`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  const upload = (client: Client, person: Person, content: Buffer, options: { filename?: string; contentType?: string; json?: boolean; taal?: string } = {}) =>
    postMultipart(
      client,
      paths.replyRecording(person.token),
      options.taal ? { taal: options.taal } : {},
      { recording: { filename: options.filename ?? 'naam.webm', contentType: options.contentType ?? 'audio/webm', content } },
      options.json ? { accept: 'application/json' } : {},
    )

  const stored = (person: Person) => t.db.selectFrom('reply_recordings').select(['content_type', 'bytes', 'audio', 'edition_id']).where('invitee_id', '=', person.id).execute()
  const audit = (person: Person) => t.db.selectFrom('audit_events').select(['action', 'actor_user_id', 'details_json']).where('record_id', '=', person.id).where('action', 'like', 'reply.recording%').orderBy('occurred_at').execute()

  test('a newcomer without JavaScript sends a WAV recording: it is kept, audited without its sound, and the reply page says so', async () => {
    const { edition, people } = await openEditionWithPeople(t, [{ firstName: 'Amina' }])
    const amina = people[0]!
    const client = new Client(t.app)
    const sound = wav(2)
    const response = await upload(client, amina, sound, { filename: 'opname.wav', contentType: 'audio/x-wav' })
    assert.equal(response.statusCode, 303)
    assert.equal(response.headers.location, `${paths.reply(amina.token)}?taal=nl&opname=bewaard#recording`)
    const [row] = await stored(amina)
    assert.deepEqual({ ...row, audio: undefined }, { content_type: 'audio/wav', bytes: sound.length, audio: undefined, edition_id: edition.id })
    assert.ok(Buffer.from(row!.audio).equals(sound), 'the bytes are kept as sent')
    assert.deepEqual(await audit(amina), [{ action: 'reply.recording_saved', actor_user_id: null, details_json: { editionId: edition.id, contentType: 'audio/wav', bytes: sound.length, replaced: false } }])

    const page = visibleText((await client.get(response.headers.location!.split('#')[0]!)).body)
    assert.match(page, /Uw opname is bewaard\./)
    assert.match(page, /U hebt uw naam ingesproken\./)
    assert.match(page, /Mijn opname wissen/)

    const listened = await client.get(paths.replyRecording(amina.token))
    assert.equal(listened.statusCode, 200)
    assert.equal(listened.headers['content-type'], 'audio/wav')
    assert.equal(listened.headers['cache-control'], 'no-store')
    assert.ok(listened.rawPayload.equals(sound))
  })

  test('the recorder script’s upload asks for JSON and gets the saved section; a new recording replaces the old one', async () => {
    const { edition, people } = await openEditionWithPeople(t, [{ firstName: 'Yonas', language: 'en' }], { languages: ['en'] })
    const yonas = people[0]!
    const client = new Client(t.app)
    const first = await upload(client, yonas, webm(), { json: true, taal: 'en' })
    assert.equal(first.statusCode, 200)
    const answer = first.json() as { ok: boolean; message: string; html: string }
    assert.equal(answer.ok, true)
    assert.equal(first.headers['set-cookie'], undefined)
    assert.doesNotMatch(answer.html, /name="_csrf"/)
    assert.equal(answer.message, 'Your recording has been saved.')
    assert.match(visibleText(answer.html), /You have recorded your name\. .*Delete my recording/)

    const second = await upload(client, yonas, ogg(), { json: true, filename: 'naam.ogg', contentType: 'audio/ogg' })
    assert.equal(second.statusCode, 200)
    const rows = await stored(yonas)
    assert.equal(rows.length, 1, 'one recording per person')
    assert.equal(rows[0]!.content_type, 'audio/ogg')
    assert.deepEqual((await audit(yonas)).map((a) => [a.action, (a.details_json as { replaced: boolean }).replaced]), [['reply.recording_saved', false], ['reply.recording_saved', true]])
    assert.equal(edition.id, rows[0]!.edition_id)
  })

  test('a picture renamed .webm is refused as not audio, in the page’s language, and nothing is kept', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Omar', language: 'ar' }])
    const omar = people[0]!
    const client = new Client(t.app)
    const refused = await upload(client, omar, PNG, { filename: 'naam.webm', contentType: 'audio/webm', taal: 'nl' })
    assert.equal(refused.statusCode, 400)
    const text = visibleText(refused.body)
    assert.match(text, /Fout: Uw opname is niet bewaard/, 'the title says the form failed')
    assert.match(text, /Er is een probleem .*Dit bestand is geen geluid\./, 'an error summary names the problem')
    assert.match(refused.body, /<a href="#field-recording">/, 'the summary links to the file field')
    assert.match(refused.body, /name="recording" accept="audio\/\*" capture="user"/, 'the form is there to try again')
    assert.equal(refused.headers['set-cookie'], undefined, 'a newcomer page sets no cookie: the address is the key')
    assert.doesNotMatch(refused.body, /name="_csrf"/)
    const json = await upload(client, omar, PNG, { json: true, taal: 'en' })
    assert.equal(json.statusCode, 400)
    assert.deepEqual(json.json(), { ok: false, error: "This file is not a sound. Record your name with your phone's recorder." })
    assert.equal((await stored(omar)).length, 0)
    assert.deepEqual(await audit(omar), [])
  })

  test('a file over 1 MB is refused as too large, a 40-second WAV as too long, and an empty field as empty', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Lina' }])
    const lina = people[0]!
    const client = new Client(t.app)
    const large = await upload(client, lina, Buffer.concat([webm(), Buffer.alloc(RECORDING_MAX_BYTES * 2)]))
    assert.equal(large.statusCode, 400)
    assert.match(visibleText(large.body), /Het bestand is te groot\. Het mag hoogstens 1 MB zijn\./)
    const long = await upload(client, lina, wav(40), { filename: 'naam.wav', contentType: 'audio/wav' })
    assert.equal(long.statusCode, 400)
    assert.match(visibleText(long.body), /De opname is te lang\. Zeg alleen uw naam, in hoogstens 30 seconden\./)
    const empty = await postMultipart(client, paths.replyRecording(lina.token), {}, { recording: { filename: '', contentType: 'application/octet-stream', content: Buffer.alloc(0) } })
    assert.equal(empty.statusCode, 400)
    assert.match(visibleText(empty.body), /Kies eerst een opname\./)
    assert.equal((await stored(lina)).length, 0)
  })

  test('deleting removes the recording, is audited once, and brings the person back to the reply page', async () => {
    const { people } = await openEditionWithPeople(t, [{ firstName: 'Sara' }])
    const sara = people[0]!
    const client = new Client(t.app)
    await upload(client, sara, webm())
    const deleted = await client.post(paths.replyRecording(sara.token), { action: 'delete', taal: 'nl' })
    assert.equal(deleted.statusCode, 303)
    assert.equal(deleted.headers.location, `${paths.reply(sara.token)}?taal=nl&opname=gewist#recording`)
    assert.equal((await stored(sara)).length, 0)
    assert.match(visibleText((await client.get(deleted.headers.location!.split('#')[0]!)).body), /Uw opname is gewist\./)
    assert.equal((await client.get(paths.replyRecording(sara.token))).statusCode, 404, 'nothing left to listen to')
    const again = await client.post(paths.replyRecording(sara.token), { action: 'delete' })
    assert.equal(again.statusCode, 303)
    assert.deepEqual((await audit(sara)).map((a) => a.action), ['reply.recording_saved', 'reply.recording_deleted'])
  })

  test('once replies are closed, a recording is refused and the one kept stays as it was', async () => {
    const { edition, people } = await openEditionWithPeople(t, [{ firstName: 'Petro' }])
    const petro = people[0]!
    const client = new Client(t.app)
    await upload(client, petro, webm())
    await t.db.updateTable('editions').set({ reply_by: addDays(brusselsDate(new Date()), -1) }).where('id', '=', edition.id).execute()
    const refused = await upload(client, petro, ogg())
    assert.equal(refused.statusCode, 409)
    assert.match(visibleText(refused.body), /U kunt uw opname niet meer veranderen\. De datum om te antwoorden is voorbij\./)
    const json = await upload(client, petro, ogg(), { json: true })
    assert.equal(json.statusCode, 409)
    assert.equal((await client.post(paths.replyRecording(petro.token), { action: 'delete' })).statusCode, 409)
    assert.deepEqual((await stored(petro)).map((r) => r.content_type), ['audio/webm'])
  })

  test('an unknown token opens nothing: the friendly page, whatever is sent', async () => {
    const client = new Client(t.app)
    const posted = await postMultipart(client, paths.replyRecording('x'.repeat(24)), {}, { recording: { filename: 'naam.webm', contentType: 'audio/webm', content: webm() } })
    assert.equal(posted.statusCode, 404)
    assert.equal((await client.get(paths.replyRecording('x'.repeat(24)))).statusCode, 404)
  })

  test('staff of an organiser hear the recording next to the spelling; each listen is audited, and another municipality gets 404', async () => {
    const { organiser, edition, people } = await openEditionWithPeople(t, [{ firstName: 'Nguyen', lastName: 'Thi Lan' }, { firstName: 'Jan' }])
    const [lan, jan] = people as [Person, Person]
    await upload(new Client(t.app), lan, webm())
    const now = new Date()
    await t.db
      .insertInto('replies')
      .values({ invitee_id: lan.id, municipality_id: organiser.municipality.id, edition_id: edition.id, attending: 'yes', place: 'confirmed', needs_json: '{}', phonetic_name: 'Nwen Tie Lan, zoals "nu-en"', interests_json: '[]', contribution_kinds_json: '[]', channel: 'web', replied_at: now, updated_at: now })
      .execute()
    const staff = organiser.staffClient
    const page = await staff.get(paths.inviteeRecording(edition.id, lan.id))
    assert.equal(page.statusCode, 200)
    const text = visibleText(page.body)
    assert.match(text, /Uitspraak van Nguyen Thi Lan/)
    assert.match(text, /Uitspraak in klankwoorden Nwen Tie Lan, zoals "nu-en"/)
    assert.match(page.body, new RegExp(`<audio controls preload="none" src="${paths.inviteeRecordingAudio(edition.id, lan.id)}"`))
    assert.deepEqual((await audit(lan)).map((a) => a.action), ['reply.recording_saved'], 'opening the page is not yet listening')

    const sound = await staff.get(paths.inviteeRecordingAudio(edition.id, lan.id))
    assert.equal(sound.statusCode, 200)
    assert.equal(sound.headers['content-type'], 'audio/webm')
    assert.equal(sound.headers['cache-control'], 'no-store')
    assert.ok(sound.rawPayload.equals(webm()))
    await staff.get(paths.inviteeRecordingAudio(edition.id, lan.id))
    const played = (await audit(lan)).filter((a) => a.action === 'reply.recording_played')
    assert.equal(played.length, 2, 'every listen is in the audit trail')
    assert.deepEqual(played[0]!.details_json, { editionId: edition.id })

    const janPage = visibleText((await staff.get(paths.inviteeRecording(edition.id, jan.id))).body)
    assert.match(janPage, /Niet ingevuld/)
    assert.match(janPage, /Deze persoon heeft de naam niet ingesproken\./)
    assert.equal((await staff.get(paths.inviteeRecordingAudio(edition.id, jan.id))).statusCode, 404)

    const outsider = await createMunicipalityWithPeople(t.app, t.db, { name: 'Elders' })
    await expectNotFoundForOtherMunicipality(outsider.staffClient, [
      { method: 'GET', url: paths.inviteeRecording(edition.id, lan.id) },
      { method: 'GET', url: paths.inviteeRecordingAudio(edition.id, lan.id) },
      { method: 'POST', url: paths.inviteeRecordingDelete(edition.id, lan.id) },
    ])
    assert.equal((await audit(lan)).filter((a) => a.action === 'reply.recording_played').length, 2, 'a refused request hears nothing')
    assert.equal((await stored(lan)).length, 1, 'nor deletes anything')
  })

  test('staff delete a recording when the person asks: gone, audited with who did it, and the person can record again', async () => {
    const { organiser, edition, people } = await openEditionWithPeople(t, [{ firstName: 'Aster' }])
    const aster = people[0]!
    await upload(new Client(t.app), aster, webm())
    const staff = organiser.staffClient
    assert.match((await staff.get(paths.inviteeRecording(edition.id, aster.id))).body, new RegExp(`<form[^>]+action="${paths.inviteeRecordingDelete(edition.id, aster.id)}"`))
    // Without the form's CSRF token nothing happens.
    assert.equal((await staff.post(paths.inviteeRecordingDelete(edition.id, aster.id), {}, { csrf: false })).statusCode, 403)
    assert.equal((await stored(aster)).length, 1)

    const deleted = await staff.post(paths.inviteeRecordingDelete(edition.id, aster.id))
    assert.equal(deleted.statusCode, 303)
    assert.equal(deleted.headers.location, paths.inviteeRecording(edition.id, aster.id))
    const page = visibleText((await staff.get(paths.inviteeRecording(edition.id, aster.id))).body)
    assert.match(page, /De opname is verwijderd\./)
    assert.match(page, /Deze persoon heeft de naam niet ingesproken\./)
    assert.deepEqual(await stored(aster), [])
    assert.equal((await staff.get(paths.inviteeRecordingAudio(edition.id, aster.id))).statusCode, 404)
    const entries = (await audit(aster)).filter((a) => a.action === 'reply.recording_deleted')
    assert.equal(entries.length, 1)
    assert.equal(entries[0]!.actor_user_id, organiser.staff.id)

    // A second click (or another colleague) finds nothing to delete and records nothing more.
    await staff.post(paths.inviteeRecordingDelete(edition.id, aster.id))
    assert.match(visibleText((await staff.get(paths.inviteeRecording(edition.id, aster.id))).body), /Er was geen opname meer om te verwijderen\./)
    assert.equal((await audit(aster)).filter((a) => a.action === 'reply.recording_deleted').length, 1)
    assert.equal((await upload(new Client(t.app), aster, webm())).statusCode, 303)
    assert.equal((await stored(aster)).length, 1)
  })

  test('after the purge the recording is gone and its addresses open nothing', async () => {
    const { organiser, edition, people } = await openEditionWithPeople(t, [{ firstName: 'Ivan' }])
    const ivan = people[0]!
    const client = new Client(t.app)
    await upload(client, ivan, webm())
    await t.db.updateTable('editions').set({ starts_at: new Date(Date.now() - 100 * 86_400_000), retention_days: 90 }).where('id', '=', edition.id).execute()
    const due = (await duePurges(t.db, new Date())).find((d) => d.editionId === edition.id)!
    assert.equal(due.counts.recordings, 1)
    assert.ok(await purgeEdition(t.db, t.services.database.dialect, due, new Date(), t.config.dataDir))
    assert.equal((await stored(ivan)).length, 0)
    assert.equal((await client.get(paths.replyRecording(ivan.token))).statusCode, 404)
    assert.equal((await upload(client, ivan, webm())).statusCode, 404)
    assert.equal((await organiser.staffClient.get(paths.inviteeRecording(edition.id, ivan.id))).statusCode, 404)
    assert.equal((await stored(ivan)).length, 0)
  })
})
