import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { runWelkom } from '../../test/helpers/cli.ts'
import { createTestDatabase, suiteDialect } from '../../test/helpers/database.ts'
import { isEntryComplete } from '../practices/practices.ts'
import { findPracticeBySlug, searchPractices } from '../practices/practices-queries.ts'
import { seedDemo } from './demo-data.ts'
import { DEMO_PRACTICES, loadDemoPractices } from './demo-practices.ts'

const everything = { text: '', categories: [], targetGroups: [], municipalities: [], page: 1 }

describe(`demo practices on ${suiteDialect()}`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp({ DEMO: 'true' })
    await seedDemo(t.services.database.db)
  })
  after(() => t.close())

  test('the demo seed publishes about ten practices, each marked as demo, with version 1 recorded', async () => {
    assert.ok(DEMO_PRACTICES.length >= 10)
    for (const { slug } of DEMO_PRACTICES) {
      const practice = await findPracticeBySlug(t.db, slug, { publishedOnly: true })
      assert.ok(practice, `${slug} is published`)
      assert.equal(practice.isDemo, true, `${slug} is marked as demo`)
      assert.ok(practice.entries.length >= 1 && practice.entries.length <= 4, `${slug} has one to four municipalities`)
      assert.ok(practice.goals.length >= 2 && practice.goals.length <= 4, `${slug} has two to four goals`)
    }
    const versions = await t.db.selectFrom('practice_versions').select(['version', 'published_by_name']).execute()
    assert.equal(versions.length, DEMO_PRACTICES.length)
    assert.ok(versions.every((v) => v.version === 1 && v.published_by_name === 'Rik Redactie'))
  })

  test('the demo practices spread over the past year, so the list without a search shows the newest first', async () => {
    const list = await searchPractices(t.db, t.services.database.dialect, everything)
    assert.equal(list.total, DEMO_PRACTICES.length)
    assert.equal(list.items[0]!.slug, 'gezondheidsinfo-in-eenvoudige-taal')
    assert.equal(list.items.at(-1)!.slug, 'taalcafe-in-de-bibliotheek')
    assert.ok(list.facets.categories.filter((c) => c.count > 0).length >= 6, 'several categories have practices')
  })

  test('searching "taalcafé" finds the demo taalcafé', async () => {
    const result = await searchPractices(t.db, t.services.database.dialect, { ...everything, text: 'taalcafé' })
    assert.deepEqual(result.items.map((i) => i.slug), ['taalcafe-in-de-bibliotheek'])
    assert.ok(result.items[0]!.snippet)
  })

  test('some demo entries have no contact on purpose, so the incomplete list has material', async () => {
    const taalcafe = (await findPracticeBySlug(t.db, 'taalcafe-in-de-bibliotheek', { publishedOnly: true }))!
    assert.deepEqual(taalcafe.entries.filter((e) => !isEntryComplete(e)).map((e) => e.municipalityName), ['Tienen'])
    const sport = (await findPracticeBySlug(t.db, 'sportkennismaking-voor-nieuwkomerskinderen', { publishedOnly: true }))!
    assert.deepEqual(sport.entries.filter((e) => !isEntryComplete(e)).map((e) => e.municipalityName), ['Sint-Katelijne-Waver'])
  })

  test('demo contacts and links use .example addresses only, so no real person is ever mailed', () => {
    for (const p of DEMO_PRACTICES) {
      for (const r of p.resources) if (r.url) assert.match(r.url, /^https:\/\/[a-z.-]+\.example\//, r.url)
      for (const e of p.entries) {
        if (e.contactEmail) assert.match(e.contactEmail, /@[a-z.-]+\.example$/, e.contactEmail)
        if (e.website) assert.match(e.website, /^https:\/\/[a-z.-]+\.example\//, e.website)
      }
    }
  })

  test('loading the demo practices again adds nothing', async () => {
    assert.equal(await loadDemoPractices(t.db, null), 0)
    const rows = await t.db.selectFrom('practices').select('id').execute()
    assert.equal(rows.length, DEMO_PRACTICES.length)
  })
})

describe(`welkom seed demo on ${suiteDialect()}`, () => {
  test('running seed demo twice loads the demo practices once', async () => {
    const database = await createTestDatabase(suiteDialect(), { migrate: false })
    const dataDir = mkdtempSync(join(tmpdir(), 'welkom-demo-'))
    try {
      const env = { ...(process.env as Record<string, string>), DATABASE_URL: database.url, DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'silent' }
      const welkom = () => runWelkom(env, 'seed', 'demo', '--json')
      const first = await welkom()
      assert.equal(first.code, 0, first.stderr)
      assert.equal(JSON.parse(first.stdout).practices, DEMO_PRACTICES.length)
      assert.deepEqual(JSON.parse((await welkom()).stdout), { seeded: false })
      const slugs = (await database.db.selectFrom('practices').select('slug').execute()).map((r) => r.slug).sort()
      // The reference practice (loaded by every migrate) plus the demo practices, each once.
      assert.deepEqual(slugs, ['inburgeringsceremonie', ...DEMO_PRACTICES.map((p) => p.slug)].sort())
    } finally {
      await database.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
