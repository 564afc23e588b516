// The invitee list in Chromium: the list (also searched), the person page and the erase
// question, each checked with axe-core (WCAG 2.2 A and AA) at desktop width and at 320 px.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import type { TestApp } from '../../../test/helpers/app.ts'
import { expectAccessible, signInWithBrowser, closeStaffBrowser, openStaffBrowser, type StaffBrowser } from '../../../test/helpers/browser.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { paths } from '../../paths.ts'
import { importFiles } from '../import/import-files.ts'
import { SAMPLES_DIR } from '../../../test/helpers/samples.ts'

describe('the invitee list in a browser', () => {
  let t: TestApp, browser: Browser, base: string, municipalityId: string, officer: StaffBrowser['officer']

  before(async () => ({ t, browser, base, municipalityId, officer } = await openStaffBrowser('Mol')))
  after(() => closeStaffBrowser({ t, browser }))


  for (const width of [1024, 320]) {
    test(`an officer searches the list, opens a person and is asked before erasing them; every page passes axe at ${width} px`, async () => {
      const edition = await createEdition(t.db, municipalityId, { name: `Welkomstceremonie ${width}`, periodFrom: '2026-01-01', periodTo: '2026-03-31' })
      const file = readFileSync(join(SAMPLES_DIR, 'attesten-2026-q1.csv'))
      assert.ok((await importFiles(t.db, { edition, scope: { municipalityId }, actor: null, file, dryRun: false, hashKey: 'test-hash-key-0123456789abcdef0123456789abcdef' })).ok)
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, officer)

      await page.goto(`${base}${paths.editionInvitees(edition.id)}`)
      await expectAccessible(page, 'the list', width)
      await page.getByLabel('Zoeken', { exact: true }).fill('Omar.Haddad@hotmail.com')
      await page.getByRole('button', { name: 'Zoeken' }).click()
      await page.waitForURL(/zoek=/)
      assert.match(await page.locator('main').innerText(), /1 persoon van 240/)
      await expectAccessible(page, 'the searched list', width)

      await page.getByRole('link', { name: 'Haddad Omar' }).click()
      await page.waitForSelector('h1:has-text("Haddad Omar")')
      await expectAccessible(page, 'the person page', width)

      await page.getByRole('button', { name: 'Gegevens wissen' }).click()
      await page.waitForSelector('h1:has-text("Haddad Omar wissen?")')
      await expectAccessible(page, 'the erase question', width)
      await page.getByRole('button', { name: 'Ja, gegevens wissen' }).click()
      await page.waitForSelector('text=De gegevens van de persoon zijn gewist')
      assert.match(await page.locator('main').innerText(), /239 personen/)
      await context.close()
    })
  }
})
