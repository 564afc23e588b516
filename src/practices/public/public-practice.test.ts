import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createMunicipality, createUser, signIn } from '../../../test/helpers/factories.ts'
import { insertPublishedPractice } from '../practices-queries.ts'
import { CEREMONY_SLUG, loadReferenceData, SEED_MUNICIPALITIES } from '../reference-data.ts'
import { newPractice, noContact, XSS } from '../../../test/helpers/practices.ts'

const TIENEN_BLURB = "Tijdens 'Voel je thuis in Tienen' krijgen inburgeraars allerlei informatie op een infomarkt."

describe(`the public practice and municipality pages on ${suiteDialect()}`, () => {
  let t: TestApp
  let client: Client
  const municipalityId = async (nisCode: string) => (await t.db.selectFrom('municipalities').select('id').where('nis_code', '=', nisCode).executeTakeFirstOrThrow()).id as string

  before(async () => {
    t = await createTestApp()
    await loadReferenceData(t.db)
    client = new Client(t.app)
  })
  after(() => t?.close())

  test('the practice page shows every field of the seed, each municipality with its line or a visible gap, and when it was updated', async () => {
    const response = await client.get(`/praktijken/${CEREMONY_SLUG}`)
    assert.equal(response.statusCode, 200)
    const text = visibleText(response.body)
    for (const expected of [
      'Met een inburgeringsceremonie kan je nieuwe inwoners',
      'Categorie Onthaalbeleid',
      'Doelen De inspanningen van inburgeraars erkennen Hen uitnodigen om verder deel te nemen aan het leven in de gemeente Het draagvlak voor diversiteit in de gemeente vergroten Het vertrouwen in de gemeentelijke dienstverlening versterken',
      'Doelgroep Alle inburgeraars die tijdens een bepaalde periode een inburgeringsattest haalden bij het Agentschap Integratie en Inburgering Inburgeraars',
      'Beschrijving Een inburgeringsceremonie is een warm gebeuren.',
      'Partners Een inburgeringsceremonie organiseer je samen met de Agentschappen Integratie en Inburgering.',
      'Hulpmiddelen Draaiboek Inburgeringsceremonie (Agentschap Integratie en Inburgering)',
      'Deze praktijk in',
      TIENEN_BLURB,
      'Bilzen-Hoeselt Bilzen organiseerde in 2018 de eerste inburgeringsceremonie in Limburg. Sinds / hoe vaak sinds 2018 Contact Nog geen contactgegevens.',
      'Mol Nog geen beschrijving. Contact Nog geen contactgegevens.',
    ])
      assert.ok(text.includes(expected), `shows "${expected}"`)
    for (const m of SEED_MUNICIPALITIES) assert.ok(response.body.includes(`<a href="/praktijken/gemeente/${m.nisCode}">${m.name}</a>`), `links ${m.name} to its page`)
    assert.match(text, /Laatst bijgewerkt op \d{1,2} \w+ \d{4}/)
    assert.ok(!text.includes('Succesfactoren') && !text.includes('Uitdagingen'), 'empty sections are left out')
    assert.ok(response.body.includes(`href="/praktijken/${CEREMONY_SLUG}/wijziging"`), 'links to the change request form')
    assert.ok(!response.body.includes('/onze-gemeente'), 'no entry link for anonymous visitors')
  })

  test('the practice page has a good title, a meta description and Open Graph tags with absolute URLs', async () => {
    const body = (await client.get(`/praktijken/${CEREMONY_SLUG}`)).body
    assert.ok(body.includes('<title>Inburgeringsceremonie – Praktijken – Welkom</title>'))
    assert.match(body, /<meta name="description" content="Met een inburgeringsceremonie kan je/)
    assert.ok(body.includes('<meta property="og:type" content="article"/>'))
    assert.ok(body.includes('<meta property="og:title" content="Inburgeringsceremonie"/>'))
    assert.match(body, /<meta property="og:description" content="Met een inburgeringsceremonie/)
    assert.ok(body.includes(`<meta property="og:url" content="http://localhost:3000/praktijken/${CEREMONY_SLUG}"/>`))
    assert.ok(!body.includes('og:image'), 'no image, no og:image')
  })

  test('a practice with an image, linked resources, success factors, challenges and a full contact shows them all', async () => {
    const geel = await municipalityId('13008')
    await insertPublishedPractice(
      t.db,
      newPractice({
        slug: 'buddyproject',
        title: 'Buddyproject',
        isDemo: true,
        resources: [{ label: 'Handleiding', url: 'https://example.org/handleiding' }, { label: 'Verdacht', url: 'javascript:alert(1)' }],
        successFactors: 'Vaste buddy per nieuwkomer.',
        challenges: 'Genoeg vrijwilligers vinden.',
        entries: [{ municipalityId: geel, blurb: 'Sinds 2020.', since: 'maandelijks', contactName: 'An Peeters', contactEmail: 'buddy@geel.example', contactPhone: '+32 14 56 66 00', website: 'https://www.geel.example/buddy' }],
      }),
      null,
    )
    const imageId = randomUUID()
    await t.db.insertInto('images').values({ id: imageId, bytes: Buffer.from('fake'), type: 'image/jpeg', width: 10, height: 10, created_at: new Date() }).execute()
    await t.db.updateTable('practices').set({ image_id: imageId, image_alt: 'Buddy en nieuwkomer op een bank', image_credit: 'Gemeente Geel' }).where('slug', '=', 'buddyproject').execute()

    const body = (await client.get('/praktijken/buddyproject')).body
    const text = visibleText(body)
    assert.ok(body.includes(`<img class="practice__image" src="/praktijken/afbeelding/${imageId}" alt="Buddy en nieuwkomer op een bank"/>`))
    assert.match(text, /Foto: Gemeente Geel/)
    assert.ok(body.includes(`<meta property="og:image" content="http://localhost:3000/praktijken/afbeelding/${imageId}"/>`))
    assert.match(text, /Buddyproject demo/)
    assert.ok(body.includes('<a href="https://example.org/handleiding">Handleiding</a>'))
    assert.ok(!body.includes('javascript:'), 'a script URL is shown as text, not as a link')
    assert.match(text, /Succesfactoren Vaste buddy per nieuwkomer\. Uitdagingen Genoeg vrijwilligers vinden\./)
    assert.match(text, /Sinds \/ hoe vaak maandelijks Contact An Peeters/)
    assert.ok(body.includes('<a href="mailto:buddy@geel.example">buddy@geel.example</a>'))
    assert.ok(body.includes('<a href="tel:+3214566600">+32 14 56 66 00</a>'))
    assert.ok(body.includes('<a href="https://www.geel.example/buddy">https://www.geel.example/buddy</a>'))
  })

  test('signed-in municipality staff get a link to edit their entry, or to add their municipality', async () => {
    const tienenStaff = await createUser(t.db, { role: 'staff', municipalityId: await municipalityId('24107') })
    const tienen = visibleText((await (await signIn(t.app, tienenStaff)).get(`/praktijken/${CEREMONY_SLUG}`)).body)
    assert.match(tienen, /De gegevens van Tienen bij deze praktijk aanpassen/)

    const elsewhere = await createMunicipality(t.db, { name: 'Lubbeek' })
    const admin = await createUser(t.db, { role: 'municipality_admin', municipalityId: elsewhere.id })
    const lubbeek = await (await signIn(t.app, admin)).get(`/praktijken/${CEREMONY_SLUG}`)
    assert.match(visibleText(lubbeek.body), /Lubbeek doet dit ook: uw gemeente toevoegen/)
    assert.ok(lubbeek.body.includes(`href="/praktijken/${CEREMONY_SLUG}/onze-gemeente"`))

    const editor = await createUser(t.db, { role: 'practice_editor' })
    assert.ok(!(await (await signIn(t.app, editor)).get(`/praktijken/${CEREMONY_SLUG}`)).body.includes('/onze-gemeente'), 'editors have no municipality')
  })

  test('the municipality page lists every published practice the municipality takes part in, with its own line', async () => {
    const mol = await client.get('/praktijken/gemeente/13025')
    assert.equal(mol.statusCode, 200)
    const molText = visibleText(mol.body)
    assert.match(molText, /Praktijken in Mol/)
    assert.match(molText, /Mol neemt deel aan 1 praktijk in de databank/)
    assert.ok(mol.body.includes(`<a href="/praktijken/${CEREMONY_SLUG}">Inburgeringsceremonie</a>`))
    assert.match(molText, /Wat Mol doet Nog geen beschrijving\./)
    assert.ok(visibleText((await client.get('/praktijken/gemeente/24107')).body).includes(TIENEN_BLURB))

    const empty = await createMunicipality(t.db, { name: 'Zoutleeuw' })
    const none = await client.get(`/praktijken/gemeente/${empty.nisCode}`)
    assert.match(visibleText(none.body), /Er staan nog geen praktijken van Zoutleeuw in de databank/)
    assert.ok(none.body.includes('href="/praktijken/indienen"'))
  })

  test('an unknown or unpublished practice and an unknown municipality get a translated 404', async () => {
    await insertPublishedPractice(t.db, newPractice({ slug: 'nog-in-opmaak', title: 'Nog in opmaak' }), null)
    await t.db.updateTable('practices').set({ status: 'draft' }).where('slug', '=', 'nog-in-opmaak').execute()
    for (const url of ['/praktijken/bestaat-niet', '/praktijken/nog-in-opmaak', `/praktijken/${'x'.repeat(90)}`, '/praktijken/gemeente/99999', '/praktijken/gemeente/mol']) {
      const response = await client.get(url)
      assert.equal(response.statusCode, 404, url)
      assert.match(visibleText(response.body), /Pagina niet gevonden/, url)
    }
    const english = await client.get('/praktijken/bestaat-niet', { 'accept-language': 'en' })
    assert.match(visibleText(english.body), /Page not found/)
    assert.ok(!visibleText((await client.get('/praktijken')).body).includes('Nog in opmaak'), 'a draft is not listed')
  })

  test('markup in a title, description or municipality line is shown as text on the list, in a search snippet, on the practice and on the municipality page', async () => {
    const schoten = await municipalityId('11040')
    await insertPublishedPractice(t.db, newPractice({ slug: 'xss', title: `Aanval ${XSS}`, summary: `Samenvatting ${XSS}`, description: `Beschrijving ${XSS} onerror`, categories: ['samenleven'], entries: [noContact(schoten, `Lijn ${XSS}`)] }), null)
    const escaped = '&lt;img src=x onerror=alert(1)'
    for (const url of ['/praktijken', '/praktijken?zoek=onerror', '/praktijken?zoek=aanval', '/praktijken/xss', '/praktijken/gemeente/11040']) {
      const body = (await client.get(url)).body
      assert.ok(!body.includes('<img src=x'), `${url} has no live markup`)
      assert.ok(body.includes(escaped), `${url} shows the markup as text`)
    }
    const snippet = (await client.get('/praktijken?zoek=onerror')).body
    assert.match(snippet, /<mark>onerror<\/mark>/, 'the snippet highlights the match around the escaped markup')
  })
})
