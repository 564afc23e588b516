import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createMunicipality, createUser, signIn } from '../../../test/helpers/factories.ts'
import { findMunicipalityByNis } from '../../municipalities/municipalities-queries.ts'
import { paths } from '../../paths.ts'
import type { Practice } from '../practices.ts'
import { findPracticeBySlug } from '../practices-queries.ts'
import { CEREMONY_SLUG, loadReferenceData } from '../reference-data.ts'
import { confirmPathIn, mails, postForm, submissions, type Fields } from './contribution-test-support.ts'

const visitor = { submitterName: 'Sara Janssens', submitterEmail: 'sara@example.org' }

/** The fields of the text-change form as they come pre-filled from the published practice. */
function currentText(practice: Practice): Fields {
  return {
    title: practice.title,
    summary: practice.summary,
    categories: practice.categories.map((c) => c.slug),
    targetGroups: practice.targetGroups.map((g) => g.slug),
    goals: practice.goals.join('\r\n'),
    targetGroup: practice.targetGroup,
    description: practice.description,
    partners: practice.partners ?? '',
    resources: practice.resources.map((r) => (r.url ? `${r.label} | ${r.url}` : r.label)).join('\r\n'),
    successFactors: practice.successFactors ?? '',
    challenges: practice.challenges ?? '',
  }
}

describe(`change requests on a published practice on ${suiteDialect()}`, () => {
  let t: TestApp
  let ceremony: Practice
  const url = paths.practiceChangeRequest(CEREMONY_SLUG)
  beforeEach(async () => {
    t = await createTestApp()
    await loadReferenceData(t.db)
    await t.db.updateTable('practices').set({ version: 3 }).where('slug', '=', CEREMONY_SLUG).execute()
    ceremony = (await findPracticeBySlug(t.db, CEREMONY_SLUG, { publishedOnly: true }))!
  })
  afterEach(() => t.close())

  test('without JavaScript the choice comes first; choosing nothing names the problem; a choice shows its fields', async () => {
    const client = new Client(t.app)
    const choose = await client.get(url)
    assert.equal(choose.statusCode, 200)
    assert.match(visibleText(choose.body), /Inburgeringsceremonie Een wijziging doorgeven .* Wat wilt u doorgeven\? Een wijziging aan de tekst .* Een nieuwe of betere foto .* Een opmerking .* Onze gemeente doet dit ook/)
    assert.match(choose.body, /<form method="get" action="\/praktijken\/inburgeringsceremonie\/wijziging"/)

    assert.equal((await client.get(`${url}?stap=kies`)).statusCode, 400, 'pressing the button without a choice')
    const none = await client.get(`${url}?soort=`)
    assert.equal(none.statusCode, 400)
    assert.match(visibleText(none.body), /Er is een probleem Kies wat u wilt doorgeven/)

    const text = await client.get(`${url}?soort=tekst`)
    assert.equal(text.statusCode, 200)
    assert.match(text.body, /name="title" type="text" value="Inburgeringsceremonie"/)
    assert.match(text.body, /De inspanningen van inburgeraars erkennen\nHen uitnodigen/)
    assert.match(text.body, /value="onthaalbeleid" checked/)
    assert.match(text.body, /<input type="hidden" name="soort" value="tekst"\/>/)
    assert.match((await client.get(`${url}?soort=foto`)).body, /enctype="multipart\/form-data"/)
    assert.match(visibleText((await client.get(`${url}?soort=opmerking`)).body), /Uw opmerking/)
    assert.match(visibleText((await client.get(`${url}?soort=ook-bij-ons`)).body), /Wat doet uw gemeente\?/)
  })

  test('a text change stores the full proposed text and the version it was written against, and is confirmed by e-mail', async () => {
    const client = new Client(t.app)
    const fields = { ...currentText(ceremony), soort: 'tekst', summary: 'Nieuwe inwoners die hun inburgering afronden, worden gevierd.', challenges: 'Een geschikte zaal vinden.', ...visitor }
    const sent = await postForm(client, url, fields)
    assert.equal(sent.statusCode, 303)
    assert.equal(sent.headers.location, `${url}?klaar=mail`)
    assert.match(visibleText((await client.get(sent.headers.location!)).body), /Kijk in uw mailbox/)
    const [row] = await submissions(t)
    assert.equal(row!.kind, 'text_change')
    assert.equal(row!.practice_id, ceremony.id)
    assert.equal(row!.base_version, 3)
    assert.equal(row!.status, 'unconfirmed')
    assert.deepEqual(row!.payload_json, {
      kind: 'text_change',
      practice: {
        title: ceremony.title,
        summary: 'Nieuwe inwoners die hun inburgering afronden, worden gevierd.',
        categories: ['onthaalbeleid'],
        targetGroups: ['inburgeraars'],
        goals: ceremony.goals,
        targetGroup: ceremony.targetGroup,
        description: ceremony.description,
        partners: ceremony.partners,
        resources: ceremony.resources,
        successFactors: null,
        challenges: 'Een geschikte zaal vinden.',
      },
    })
    await t.runJobs()
    const [mail] = await mails(t)
    assert.match(mail!.text_body, /een voorstel voor de praktijk "Inburgeringsceremonie"/)
    const link = confirmPathIn(mail!.text_body)
    assert.match(visibleText((await client.get(link)).body), /Soort voorstel Wijziging aan de tekst Praktijk Inburgeringsceremonie/)
    await postForm(client, link, {})
    assert.equal((await submissions(t))[0]!.status, 'pending')
  })

  test('a text change that changes nothing is refused with a clear message', async () => {
    const refused = await postForm(new Client(t.app), url, { ...currentText(ceremony), soort: 'tekst', ...visitor })
    assert.equal(refused.statusCode, 400)
    assert.match(visibleText(refused.body), /U hebt niets veranderd/)
    assert.equal((await submissions(t)).length, 0)
  })

  test('a remark is stored as typed, with its markup, and the submitter municipality is optional', async () => {
    const remark = 'Het draaiboek staat nu op een nieuwe plek.\r\n<img src=x onerror=alert(1)>'
    const sent = await postForm(new Client(t.app), url, { soort: 'opmerking', remark, municipality: '', ...visitor })
    assert.equal(sent.statusCode, 303)
    const [row] = await submissions(t)
    assert.deepEqual(row!.payload_json, { kind: 'remark', text: 'Het draaiboek staat nu op een nieuwe plek.\n<img src=x onerror=alert(1)>' })
    assert.equal(row!.base_version, null)
    assert.equal(row!.submitter_municipality_id, null)
  })

  test('"we do this too" stores the municipality and its entry; a municipality already listed is told to send a remark instead', async () => {
    const lier = await createMunicipality(t.db, { name: 'Lier' })
    const entry = { entryBlurb: 'Lier viert zijn nieuwe inwoners elk najaar.', entrySince: 'sinds 2021', entryContactName: 'Jan Claes', entryContactEmail: 'jan@lier.example', entryContactPhone: '03 800 05 00', entryWebsite: '' }
    const sent = await postForm(new Client(t.app), url, { soort: 'ook-bij-ons', municipality: lier.id, ...entry, ...visitor })
    assert.equal(sent.statusCode, 303)
    const [row] = await submissions(t)
    assert.equal(row!.kind, 'join')
    assert.equal(row!.submitter_municipality_id, lier.id)
    assert.deepEqual(row!.payload_json, { kind: 'join', entry: { blurb: entry.entryBlurb, since: 'sinds 2021', contactName: 'Jan Claes', contactEmail: 'jan@lier.example', contactPhone: '03 800 05 00', website: null } })

    const mol = (await findMunicipalityByNis(t.db, '13025'))!
    const refused = await postForm(new Client(t.app), url, { soort: 'ook-bij-ons', municipality: mol.id, ...entry, ...visitor })
    assert.equal(refused.statusCode, 400)
    assert.match(visibleText(refused.body), /Mol staat al bij deze praktijk\. .* Geef het dan door als opmerking/)
    assert.match(refused.body, /Lier viert zijn nieuwe inwoners elk najaar\.<\/textarea>/)
    assert.equal((await submissions(t)).length, 1)
  })

  test('"we do this too" needs a municipality and a line about what it does', async () => {
    const refused = await postForm(new Client(t.app), url, { soort: 'ook-bij-ons', municipality: '', entryBlurb: '', ...visitor })
    assert.equal(refused.statusCode, 400)
    assert.match(visibleText(refused.body), /Kies uw gemeente uit de lijst .*Beschrijf in een paar woorden wat de gemeente doet/)
  })

  test('signed-in staff whose municipality is listed are pointed to their own entry, and their request skips the e-mail', async () => {
    const mol = (await findMunicipalityByNis(t.db, '13025'))!
    const staff = await createUser(t.db, { role: 'staff', municipalityId: mol.id })
    const client = await signIn(t.app, staff)
    const join = await client.get(`${url}?soort=ook-bij-ons`)
    assert.match(visibleText(join.body), /Uw gemeente staat al bij deze praktijk\. Pas de tekst van uw gemeente aan/)
    assert.match(join.body, /href="\/praktijken\/inburgeringsceremonie\/onze-gemeente"/)
    const sent = await postForm(client, url, { soort: 'opmerking', remark: 'De foto is van 2019.', municipality: mol.id })
    assert.equal(sent.headers.location, `${url}?klaar=ontvangen`)
    const [row] = await submissions(t)
    assert.equal(row!.status, 'pending')
    assert.equal(row!.submitter_user_id, staff.id)
    assert.equal(await t.runJobs(), 0)
  })

  test('an archived or unknown practice takes no change requests: 404 for the page and for a post', async () => {
    await t.db.updateTable('practices').set({ status: 'archived' }).where('slug', '=', CEREMONY_SLUG).execute()
    const client = new Client(t.app)
    for (const path of [url, `${url}?soort=tekst`, paths.practiceChangeRequest('bestaat-niet')]) {
      const page = await client.get(path)
      assert.equal(page.statusCode, 404, path)
      assert.match(visibleText(page.body), /Pagina niet gevonden/)
    }
    const post = await postForm(client, url, { soort: 'opmerking', remark: 'Nog altijd actueel?', ...visitor })
    assert.equal(post.statusCode, 404)
    assert.equal((await submissions(t)).length, 0)
  })
})
