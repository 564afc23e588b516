import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDatabase, suiteDialect, type TestDatabase } from '../../test/helpers/database.ts'
import { isEntryComplete, slugify } from './practices.ts'
import { findPracticeBySlug, insertPublishedPractice, listPracticesOfMunicipality, searchPractices, type NewPractice } from './practices-queries.ts'
import { CEREMONY_SLUG, loadReferenceData } from './reference-data.ts'
import { newPractice } from '../../test/helpers/practices.ts'

describe('practice rules', () => {
  test('slugs are lower-case ASCII words joined by hyphens', () => {
    assert.equal(slugify('Inburgeringsceremonie in Mol'), 'inburgeringsceremonie-in-mol')
    assert.equal(slugify('  Taalcafé & één praatgroep! '), 'taalcafe-een-praatgroep')
    assert.equal(slugify('مرحبا'), 'praktijk')
  })

  test('an entry is complete with its own line and at least one way to reach someone', () => {
    assert.equal(isEntryComplete({ blurb: 'Jaarlijks.', contactEmail: null, contactPhone: null, website: null }), false)
    assert.equal(isEntryComplete({ blurb: ' ', contactEmail: 'a@b.be', contactPhone: null, website: null }), false)
    assert.equal(isEntryComplete({ blurb: 'Jaarlijks.', contactEmail: null, contactPhone: '+3214000000', website: null }), true)
  })
})

describe(`practice queries on ${suiteDialect()}`, () => {
  let database: TestDatabase
  before(async () => {
    database = await createTestDatabase()
    await loadReferenceData(database.db)
  })
  after(() => database.close())

  const practice = (overrides: Partial<NewPractice>): NewPractice => newPractice({ slug: 'taalcafe', title: 'Taalcafé', summary: 'Nederlands oefenen bij een koffie.', partners: 'De bibliotheek', isDemo: true, ...overrides })

  test('the reference data holds the seed practice with all twelve municipalities, and loading it again changes nothing', async () => {
    assert.deepEqual(await loadReferenceData(database.db), { practices: 0 })
    const ceremony = (await findPracticeBySlug(database.db, CEREMONY_SLUG, { publishedOnly: true }))!
    assert.equal(ceremony.title, 'Inburgeringsceremonie')
    assert.deepEqual(ceremony.categories.map((c) => c.name), ['Onthaalbeleid'])
    assert.equal(ceremony.goals.length, 4)
    assert.equal(ceremony.entries.length, 12)
    const names = ceremony.entries.map((e) => e.municipalityName)
    for (const name of ['Antwerpen', 'Asse', 'Bilzen-Hoeselt', 'Brasschaat', 'Geel', 'Herentals', 'Malle', 'Mechelen', 'Sint-Katelijne-Waver', 'Mol', 'Schoten', 'Tienen']) assert.ok(names.includes(name), name)
    const empty = ceremony.entries.filter((e) => !e.blurb).map((e) => e.municipalityName).sort()
    assert.deepEqual(empty, ['Asse', 'Herentals', 'Malle', 'Mechelen', 'Mol', 'Sint-Katelijne-Waver'])
    assert.equal(ceremony.entries.filter(isEntryComplete).length, 0, 'the seed gives no contact details, so every entry asks to be completed')
  })

  test('search finds the ceremony by "inburgeraars", "inburgeraar", "ceremonie" and a municipality name', async () => {
    for (const text of ['inburgeraars', 'inburgeraar', 'ceremonie', 'Tienen']) {
      const result = await searchPractices(database.db, database.dialect, { text, categories: [], targetGroups: [], municipalities: [], page: 1 })
      assert.ok(result.items.some((i) => i.slug === CEREMONY_SLUG), `"${text}" finds the ceremony`)
      assert.ok(result.items.find((i) => i.slug === CEREMONY_SLUG)!.snippet, 'with a snippet')
    }
  })

  test('filters narrow the list and facet counts say how many each value would give', async () => {
    const mol = (await findPracticeBySlug(database.db, CEREMONY_SLUG, { publishedOnly: true }))!.entries.find((e) => e.municipalityName === 'Mol')!
    await insertPublishedPractice(database.db, practice({ entries: [{ municipalityId: mol.municipalityId, blurb: 'Elke dinsdag.', since: null, contactName: null, contactEmail: 'taal@mol.example', contactPhone: null, website: null }] }), null)
    const all = await searchPractices(database.db, database.dialect, { text: '', categories: [], targetGroups: [], municipalities: [], page: 1 })
    assert.equal(all.total, 2)
    assert.equal(all.items[0]!.slug, 'taalcafe', 'newest first without a search')
    assert.equal(all.facets.categories.find((c) => c.value === 'taal')!.count, 1)
    assert.equal(all.facets.categories.find((c) => c.value === 'onthaalbeleid')!.count, 1)
    assert.equal(all.facets.municipalities.find((m) => m.label === 'Mol')!.count, 2)

    const onlyTaal = await searchPractices(database.db, database.dialect, { text: '', categories: ['taal'], targetGroups: [], municipalities: [], page: 1 })
    assert.deepEqual(onlyTaal.items.map((i) => i.slug), ['taalcafe'])
    assert.equal(onlyTaal.facets.categories.find((c) => c.value === 'onthaalbeleid')!.count, 1, 'other values of the same filter keep their counts')
    assert.equal(onlyTaal.facets.municipalities.find((m) => m.label === 'Tienen'), undefined)

    const none = await searchPractices(database.db, database.dialect, { text: 'ceremonie', categories: ['taal'], targetGroups: [], municipalities: [], page: 1 })
    assert.equal(none.total, 0)
    assert.equal(none.facets.categories.find((c) => c.value === 'onthaalbeleid')!.count, 1, 'the counts show that removing the filter helps')

    assert.deepEqual((await listPracticesOfMunicipality(database.db, mol.municipalityId)).map((p) => p.slug), [CEREMONY_SLUG, 'taalcafe'])
  })

  test('the list follows every change to practices, their links and municipality names, whoever makes it', async () => {
    const list = (text = '') => searchPractices(database.db, database.dialect, { text, categories: [], targetGroups: [], municipalities: [], page: 1 })
    const taalcafe = (await findPracticeBySlug(database.db, 'taalcafe', { publishedOnly: true }))!
    const tienen = (await findPracticeBySlug(database.db, CEREMONY_SLUG, { publishedOnly: true }))!.entries.find((e) => e.municipalityName === 'Tienen')!
    assert.equal((await list()).facets.municipalities.find((m) => m.label === 'Tienen')!.count, 1)

    await database.db.insertInto('practice_entries').values({ id: 'extra-entry', practice_id: taalcafe.id, municipality_id: tienen.municipalityId, blurb: null, since: null, contact_name: null, contact_email: null, contact_phone: null, website: null, created_at: new Date(), updated_at: new Date() }).execute()
    assert.equal((await list()).facets.municipalities.find((m) => m.label === 'Tienen')!.count, 2, 'a new entry counts at once')

    await database.db.updateTable('municipalities').set({ name: 'Stad Tienen' }).where('id', '=', tienen.municipalityId).execute()
    assert.deepEqual((await list()).items.find((i) => i.slug === 'taalcafe')!.municipalityNames, ['Mol', 'Stad Tienen'], 'a new name shows at once')

    await database.db.updateTable('practices').set({ status: 'archived' }).where('id', '=', taalcafe.id).execute()
    const after = await list()
    assert.deepEqual(after.items.map((i) => i.slug), [CEREMONY_SLUG], 'an archived practice leaves the list at once')
    assert.equal(after.facets.categories.find((c) => c.value === 'taal')!.count, 0)
  })

  test('searching ranks a practice with the words in its title above one that only mentions them', async () => {
    await insertPublishedPractice(database.db, practice({ slug: 'fietslessen', title: 'Fietslessen voor volwassenen', summary: 'Leren fietsen in het park.', entries: [] }), null)
    await insertPublishedPractice(database.db, practice({ slug: 'sportdag', title: 'Sportdag', summary: 'Een dag vol sport, met ook fietslessen voor wie wil.', entries: [] }), null)
    const result = await searchPractices(database.db, database.dialect, { text: 'fietslessen', categories: [], targetGroups: [], municipalities: [], page: 1 })
    assert.deepEqual(result.items.map((i) => i.slug), ['fietslessen', 'sportdag'], 'the older practice with the word in its title comes first')
  })
})
