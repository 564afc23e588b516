import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createMunicipality, createUser, signIn } from '../../../test/helpers/factories.ts'
import { findMunicipalityByNis } from '../../municipalities/municipalities-queries.ts'
import { paths } from '../../paths.ts'
import { CEREMONY_SLUG, loadReferenceData } from '../reference-data.ts'
import { postForm, submissions } from './contribution-test-support.ts'

const url = paths.entryEdit(CEREMONY_SLUG)
const entry = { entryBlurb: 'Mol viert zijn nieuwe inwoners elk voorjaar in de raadzaal.', entrySince: 'jaarlijks', entryContactName: 'Dienst Samenleven', entryContactEmail: 'samenleven@mol.example', entryContactPhone: '014 33 07 00', entryWebsite: 'https://www.mol.example/ceremonie' }

describe(`staff edit their own municipality's entry on ${suiteDialect()}`, () => {
  let t: TestApp
  let mol: { id: string }
  let tienen: { id: string }
  beforeEach(async () => {
    t = await createTestApp()
    await loadReferenceData(t.db)
    mol = (await findMunicipalityByNis(t.db, '13025'))!
    tienen = (await findMunicipalityByNis(t.db, '24107'))!
  })
  afterEach(() => t.close())

  test('anonymous visitors are sent to sign in, and come back afterwards', async () => {
    const page = await new Client(t.app).get(url)
    assert.equal(page.statusCode, 303)
    assert.equal(page.headers.location, paths.signIn(url))
  })

  test('the form is pre-filled with the current entry, and sending it creates a pending entry_update for the own municipality', async () => {
    const staff = await createUser(t.db, { role: 'staff', municipalityId: tienen.id, name: 'Medewerker Tienen' })
    const client = await signIn(t.app, staff)
    const form = await client.get(url)
    assert.equal(form.statusCode, 200)
    assert.match(visibleText(form.body), /Inburgeringsceremonie De tekst van Tienen aanpassen/)
    assert.match(form.body, /Voel je thuis in Tienen/)

    const sent = await postForm(client, url, { ...entry, entryBlurb: 'Tijdens Voel je thuis in Tienen is er een infomarkt.' })
    assert.equal(sent.statusCode, 303)
    assert.equal(sent.headers.location, paths.practice(CEREMONY_SLUG))
    const [row] = await submissions(t)
    assert.equal(row!.kind, 'entry_update')
    assert.equal(row!.status, 'pending')
    assert.equal(row!.submitter_municipality_id, tienen.id)
    assert.equal(row!.submitter_user_id, staff.id)
    assert.equal(row!.confirm_token_hash, null)
    assert.deepEqual(row!.payload_json, {
      kind: 'entry_update',
      entry: { blurb: 'Tijdens Voel je thuis in Tienen is er een infomarkt.', since: 'jaarlijks', contactName: 'Dienst Samenleven', contactEmail: 'samenleven@mol.example', contactPhone: '014 33 07 00', website: 'https://www.mol.example/ceremonie' },
    })
    const [audit] = await t.db.selectFrom('audit_events').select(['action', 'municipality_id', 'actor_user_id']).where('record_id', '=', row!.id).execute()
    assert.deepEqual(audit, { action: 'practice.submission_created', municipality_id: tienen.id, actor_user_id: staff.id })
    assert.equal(await t.runJobs(), 0, 'staff need no confirmation e-mail')
    // The published entry itself is untouched until an editor accepts the change.
    const published = await t.db.selectFrom('practice_entries').select('blurb').where('municipality_id', '=', tienen.id).executeTakeFirstOrThrow()
    assert.match(published.blurb!, /^Tijdens 'Voel je thuis in Tienen'/)
  })

  test('a form that names another municipality still changes only the session’s own municipality', async () => {
    const staff = await createUser(t.db, { role: 'municipality_admin', municipalityId: mol.id })
    const client = await signIn(t.app, staff)
    const sent = await postForm(client, url, { ...entry, municipality: tienen.id, municipalityId: tienen.id, submitterMunicipalityId: tienen.id })
    assert.equal(sent.statusCode, 303)
    const [row] = await submissions(t)
    assert.equal(row!.kind, 'entry_update')
    assert.equal(row!.submitter_municipality_id, mol.id)
    assert.equal(row!.practice_id, (await t.db.selectFrom('practices').select('id').where('slug', '=', CEREMONY_SLUG).executeTakeFirstOrThrow()).id)
  })

  test('staff of a municipality not yet listed propose to join, with a line about what they do', async () => {
    const lier = await createMunicipality(t.db, { name: 'Lier' })
    const client = await signIn(t.app, await createUser(t.db, { role: 'staff', municipalityId: lier.id }))
    assert.match(visibleText((await client.get(url)).body), /Lier toevoegen aan deze praktijk/)
    const refused = await postForm(client, url, { ...entry, entryBlurb: '' })
    assert.equal(refused.statusCode, 400)
    assert.match(visibleText(refused.body), /Beschrijf in een paar woorden wat de gemeente doet/)
    assert.match(refused.body, /value="samenleven@mol.example"/)
    await postForm(client, url, entry)
    const [row] = await submissions(t)
    assert.equal(row!.kind, 'join')
    assert.equal(row!.submitter_municipality_id, lier.id)
  })

  test('an unchanged entry, a bad phone number and a bad website are refused with clear messages', async () => {
    const client = await signIn(t.app, await createUser(t.db, { role: 'staff', municipalityId: mol.id }))
    const unchanged = await postForm(client, url, { entryBlurb: '', entrySince: '', entryContactName: '', entryContactEmail: '', entryContactPhone: '', entryWebsite: '' })
    assert.equal(unchanged.statusCode, 400)
    assert.match(visibleText(unchanged.body), /U hebt niets veranderd/)
    const bad = await postForm(client, url, { ...entry, entryContactPhone: 'bel me', entryWebsite: 'javascript:alert(1)' })
    assert.equal(bad.statusCode, 400)
    assert.match(visibleText(bad.body), /Vul een telefoonnummer in .* Vul een webadres in, zoals www\.gemeente\.be/)
    assert.equal((await submissions(t)).length, 0)
  })

  test('an editor without a municipality has no entry to edit (403), and an archived practice is 404', async () => {
    const editor = await signIn(t.app, await createUser(t.db, { role: 'practice_editor', municipalityId: null }))
    assert.equal((await editor.get(url)).statusCode, 403)
    const staff = await signIn(t.app, await createUser(t.db, { role: 'staff', municipalityId: mol.id }))
    await t.db.updateTable('practices').set({ status: 'archived' }).where('slug', '=', CEREMONY_SLUG).execute()
    assert.equal((await staff.get(url)).statusCode, 404)
    assert.equal((await postForm(staff, url, entry)).statusCode, 404)
    assert.equal((await staff.get(paths.entryEdit('bestaat-niet'))).statusCode, 404)
  })
})
