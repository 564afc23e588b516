import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { createMunicipality } from '../../../test/helpers/factories.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { insertPublishedPractice } from '../practices-queries.ts'
import { loadReferenceData } from '../reference-data.ts'
import { newPractice, noContact } from '../../../test/helpers/practices.ts'

const resultCount = (html: string) => html.split('class="practice-result"').length - 1
const decode = (href: string) => href.replace(/&amp;/g, '&')

describe(`the public practice list on ${suiteDialect()}`, () => {
  let t: TestApp
  let client: Client
  let mol: { id: string; nisCode: string }

  before(async () => {
    t = await createTestApp()
    await loadReferenceData(t.db)
    client = new Client(t.app)
    const row = await t.db.selectFrom('municipalities').select(['id', 'nis_code']).where('nis_code', '=', '13025').executeTakeFirstOrThrow()
    mol = { id: row.id, nisCode: row.nis_code }
    // A second practice in another category, also in Mol, so filters have something to separate.
    await insertPublishedPractice(t.db, newPractice({ slug: 'taalcafe', title: 'Taalcafé', summary: 'Nederlands oefenen bij een koffie.', categories: ['taal'], entries: [noContact(mol.id, 'Elke dinsdag.')] }), null)
  })
  after(() => t?.close())

  test('searching "ceremonie", "inburger" or "Tienen" finds the ceremony, with the match highlighted and the search in the title', async () => {
    for (const text of ['ceremonie', 'inburger', 'Tienen']) {
      const response = await client.get(`/praktijken?zoek=${encodeURIComponent(text)}`)
      assert.equal(response.statusCode, 200)
      assert.match(visibleText(response.body), /Inburgeringsceremonie/, `"${text}" finds the ceremony`)
      assert.match(response.body, /<mark>[^<]+<\/mark>/, `"${text}" shows a highlighted snippet`)
      assert.ok(response.body.includes(`<title>Zoeken: ${text} – Praktijken – Welkom</title>`), `title for "${text}"`)
      assert.ok(!visibleText(response.body).includes('Taalcafé'), `"${text}" does not find the language café`)
    }
  })

  test('without a search the list shows every published practice, newest first, with its count, categories, municipalities and date', async () => {
    const response = await client.get('/praktijken')
    const text = visibleText(response.body)
    assert.match(text, /2 praktijken/)
    assert.ok(text.indexOf('Taalcafé') < text.indexOf('Inburgeringsceremonie'), 'newest first')
    assert.match(text, /Categorie Onthaalbeleid Gemeenten Antwerpen, Asse, Bilzen-Hoeselt/)
    assert.match(text, /Bijgewerkt \d{1,2} \w+ \d{4}/)
    assert.ok(response.body.includes('<title>Praktijken – Welkom</title>'))
  })

  test('filters narrow the list, keep the counts of the other values, and are ticked in the form', async () => {
    const taal = await client.get('/praktijken?categorie=taal')
    assert.match(visibleText(taal.body), /1 praktijk /)
    assert.equal(resultCount(taal.body), 1)
    assert.match(visibleText(taal.body), /Taalcafé/)
    assert.match(visibleText(taal.body), /Onthaalbeleid \(1\)/, 'the other category keeps its count')
    assert.match(taal.body, /name="categorie" value="taal" checked/)

    const both = await client.get('/praktijken?categorie=taal&categorie=onthaalbeleid')
    assert.equal(resultCount(both.body), 2, 'values of one filter are alternatives')

    const tienen = await client.get('/praktijken?gemeente=24107')
    assert.equal(resultCount(tienen.body), 1)
    assert.match(visibleText(tienen.body), /Inburgeringsceremonie/)
    assert.match(tienen.body, /name="gemeente" value="24107" checked/)

    const byId = await client.get(`/praktijken?gemeente=${mol.id}&doelgroep=inburgeraars`)
    assert.equal(resultCount(byId.body), 1, 'a municipality id works as well as its NIS code')
    assert.match(visibleText(byId.body), /Anderstaligen \(1\)/, 'the other target group counts within the chosen municipality')
    assert.match(byId.body, /name="gemeente" value="13025" checked/, 'and is written back as the NIS code')

    const unknown = await client.get('/praktijken?categorie=bestaat-niet&doelgroep=%3Cscript%3E&gemeente=99999&gemeente=abc')
    assert.equal(unknown.statusCode, 200)
    assert.equal(resultCount(unknown.body), 2, 'unknown filter values are ignored')
    assert.ok(!/Gekozen filters/.test(visibleText(unknown.body)))
  })

  test('values without results are hidden from the filters unless they are ticked', async () => {
    const text = visibleText((await client.get('/praktijken?categorie=wonen')).body)
    assert.match(text, /Wonen \(0\)/, 'the ticked value shows, with its zero')
    assert.ok(!text.includes('Onderwijs en kinderopvang'), 'an empty value that is not ticked stays hidden')
  })

  test('a search without results says so and offers a link that removes each filter, the search term, or all filters', async () => {
    const response = await client.get('/praktijken?zoek=ceremonie&categorie=taal&gemeente=13025')
    const text = visibleText(response.body)
    assert.match(text, /Geen praktijken/)
    assert.match(text, /Er zijn geen praktijken gevonden/)
    assert.match(text, /Probeer het met minder filters/)
    const links = [...response.body.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [decode(m[1]!), m[2]!.replace(/&#39;|&#x27;/g, "'")])
    const link = (label: string) => links.find(([, l]) => l === label)?.[0]
    assert.equal(link('Filter ‘Taal en Nederlands oefenen’ verwijderen'), '/praktijken?zoek=ceremonie&gemeente=13025')
    assert.equal(link('Filter ‘Mol’ verwijderen'), '/praktijken?zoek=ceremonie&categorie=taal')
    assert.equal(link('Zoekterm ‘ceremonie’ verwijderen'), '/praktijken?categorie=taal&gemeente=13025')
    assert.equal(link('Alle filters wissen'), '/praktijken?zoek=ceremonie')
    assert.equal(resultCount((await client.get(link('Filter ‘Taal en Nederlands oefenen’ verwijderen')!)).body), 1, 'removing the filter finds the ceremony')

    const nothing = visibleText((await client.get('/praktijken?zoek=xyzzyplugh')).body)
    assert.match(nothing, /Er zijn geen praktijken gevonden/)
    assert.match(nothing, /Controleer de spelling/)
    assert.match(nothing, /Alle praktijken bekijken/)
  })

  test('bad input never fails: an over-long search is cut, a page beyond the end links back to page 1', async () => {
    const long = await client.get(`/praktijken?zoek=${encodeURIComponent('ceremonie ' + 'x'.repeat(500))}`)
    assert.equal(long.statusCode, 200)
    const value = /id="zoek" name="zoek" value="([^"]*)"/.exec(long.body)![1]!
    assert.equal(value.length, 200)

    const beyond = await client.get('/praktijken?categorie=onthaalbeleid&pagina=7')
    assert.equal(beyond.statusCode, 200)
    assert.match(visibleText(beyond.body), /Deze pagina bestaat niet/)
    assert.ok(beyond.body.includes('href="/praktijken?categorie=onthaalbeleid">Naar de eerste pagina met resultaten</a>'))

    for (const url of ['/praktijken?pagina=-1', '/praktijken?pagina=abc', '/praktijken?zoek=%00%02&pagina=1e9', '/praktijken?zoek=%22%27%3B--', '/praktijken?zoek=a']) {
      const response = await client.get(url)
      assert.equal(response.statusCode, 200, url)
    }
  })

  test('pagination shows 20 practices a page and keeps the search and every filter in its links', async () => {
    const somewhere = await createMunicipality(t.db, { name: 'Woonstad' })
    for (let i = 1; i <= 23; i++) {
      await insertPublishedPractice(t.db, newPractice({ slug: `woonbegeleiding-${i}`, title: `Woonbegeleiding ${i}`, categories: ['wonen'], targetGroups: ['werkzoekenden'], entries: [noContact(somewhere.id)] }), null)
    }
    const query = `zoek=woonbegeleiding&categorie=wonen&doelgroep=werkzoekenden&gemeente=${somewhere.nisCode}`
    const first = await client.get(`/praktijken?${query}`)
    assert.match(visibleText(first.body), /23 praktijken/)
    assert.equal(resultCount(first.body), 20)
    const next = /<a href="([^"]+)" rel="next">/.exec(first.body)
    assert.ok(next, 'a link to the next page')
    assert.equal(decode(next[1]!), `/praktijken?${query}&pagina=2`)

    const second = await client.get(decode(next[1]!))
    assert.equal(resultCount(second.body), 3)
    assert.match(second.body, /name="categorie" value="wonen" checked/)
    assert.ok(second.body.includes('<title>Zoeken: woonbegeleiding – Praktijken (pagina 2) – Welkom</title>'))
    const previous = /<a href="([^"]+)" rel="prev">/.exec(second.body)
    assert.equal(decode(previous![1]!), `/praktijken?${query}`)
  })

  test('the municipality filter shows the twelve with most results and any ticked one, and a link to all of them', async () => {
    const extra = [await createMunicipality(t.db, { name: 'Aalter' }), await createMunicipality(t.db, { name: 'Zwalm' })]
    await insertPublishedPractice(t.db, newPractice({ slug: 'fietsles', title: 'Fietsles', entries: extra.map((m) => noContact(m.id)) }), null)
    const municipalityBoxes = (html: string) => [...html.matchAll(/name="gemeente" value="(\d+)"/g)].map((m) => m[1]!)
    const total = (await t.db.selectFrom('practice_entries').select('municipality_id').distinct().execute()).length
    assert.ok(total > 12, `${total} municipalities have practices`)

    const list = await client.get('/praktijken')
    assert.equal(municipalityBoxes(list.body).length, 12)
    assert.ok(municipalityBoxes(list.body).includes(mol.nisCode), 'Mol, with the most practices, is among them')
    const all = /<a href="([^"]+)">Alle (\d+) gemeenten tonen<\/a>/.exec(list.body)
    assert.ok(all, 'a link to every municipality')
    assert.equal(Number(all[2]), total)
    assert.equal(decode(all[1]!), '/praktijken?gemeenten=alle#filter-gemeente')

    const expanded = await client.get(decode(all[1]!).split('#')[0]!)
    assert.equal(municipalityBoxes(expanded.body).length, total)
    assert.match(expanded.body, /<details class="facet" id="filter-gemeente" open/, 'the long list is open')
    assert.ok(!expanded.body.includes('gemeenten tonen'))

    const ticked = await client.get(`/praktijken?gemeente=${extra[1]!.nisCode}`)
    assert.ok(municipalityBoxes(ticked.body).includes(extra[1]!.nisCode), 'a ticked municipality always shows')
    assert.match(ticked.body, new RegExp(`name="gemeente" value="${extra[1]!.nisCode}" checked`))
  })
})
