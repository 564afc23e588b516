// The import wizard in Chromium: the upload page (also with an error), the mapping, the preview,
// the import's progress page and its result, each checked with axe-core (WCAG 2.2 A and AA) at
// desktop width and at 320 px.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import type { TestApp } from '../../../test/helpers/app.ts'
import { expectAccessible, signInWithBrowser, closeStaffBrowser, openStaffBrowser, type StaffBrowser } from '../../../test/helpers/browser.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { paths } from '../../paths.ts'
import { SAMPLES_DIR } from '../../../test/helpers/samples.ts'

const SAMPLE = join(SAMPLES_DIR, 'attesten-2026-q1.csv')

describe('the import wizard in a browser', () => {
  let t: TestApp, browser: Browser, base: string, municipalityId: string, officer: StaffBrowser['officer']
  let emptyFile: string

  before(async () => {
    ;({ t, browser, base, municipalityId, officer } = await openStaffBrowser('Mol'))
    emptyFile = join(mkdtempSync(join(tmpdir(), 'welkom-wizard-')), 'leeg.csv')
    writeFileSync(emptyFile, '')
  })
  after(() => closeStaffBrowser({ t, browser }))


  for (const width of [1024, 320]) {
    test(`an officer uploads a list, checks the columns and the preview and imports it; every step passes axe at ${width} px`, async () => {
      const edition = await createEdition(t.db, municipalityId, { name: `Ceremonie ${width}`, periodFrom: '2026-01-01', periodTo: '2026-03-31' })
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, officer)

      await page.goto(`${base}${paths.inviteeImport(edition.id)}`)
      await expectAccessible(page, 'the upload page', width)
      await page.setInputFiles('#field-file', emptyFile)
      await page.getByRole('button', { name: 'Bestand opladen' }).click()
      await page.waitForSelector('.error-summary')
      assert.match(await page.locator('.error-summary').innerText(), /Het bestand is leeg/)
      await expectAccessible(page, 'the upload page with an error', width)

      await page.setInputFiles('#field-file', SAMPLE)
      await page.getByRole('button', { name: 'Bestand opladen' }).click()
      await page.waitForSelector('h1:text("Kolommen kiezen")')
      await expectAccessible(page, 'the mapping page', width)
      const mappingUrl = page.url()
      await page.getByRole('button', { name: 'Verder naar de controle' }).click()
      await page.waitForSelector('h1:text("Controleren en inlezen")')
      await expectAccessible(page, 'the preview', width)
      await page.getByRole('button', { name: 'Inlezen', exact: true }).click()
      // The import runs as a background job: its page shows the progress until the job is done.
      await page.waitForSelector('h1:text("De lijst wordt ingelezen")')
      assert.match(await page.locator('[role="status"]').innerText(), /wacht op zijn beurt/)
      await expectAccessible(page, 'the import’s progress page', width)
      await t.runJobs()
      // The page's script polls the status and loads the page again once the import is done.
      await page.waitForSelector('h1:text("De lijst is ingelezen")')
      assert.match(await page.locator('main').innerText(), /Nieuwe personen ingelezen\s+240/)
      await expectAccessible(page, 'the result page', width)
      // Back to a step of the imported file: it leads to that import's page, never a second import.
      await page.goto(mappingUrl)
      await page.waitForSelector('h1:text("De lijst is ingelezen")')
      // An upload cancelled or older than a day is gone.
      const gone = await page.goto(mappingUrl.replace(/\/inlezen\/[^/]+$/, '/inlezen/00000000-0000-4000-8000-000000000000'))
      assert.equal(gone?.status(), 410, 'an upload that is no longer there')
      await expectAccessible(page, 'the page of an upload that is gone', width)
      await context.close()
    })
  }
})
