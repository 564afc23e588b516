// The deletion receipt page in Chromium, before and after the purge, checked with axe-core
// (WCAG 2.2 A and AA) at desktop width and at 320 px.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import type { TestApp } from '../../../test/helpers/app.ts'
import { expectNoAxeViolations, fitsWidth, signInWithBrowser, closeStaffBrowser, openStaffBrowser, type StaffBrowser } from '../../../test/helpers/browser.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { addDays, brusselsDate } from '../../platform/calendar.ts'
import { paths } from '../../paths.ts'
import { duePurges, purgeEdition } from '../purge-queries.ts'

describe('the deletion receipt in a browser', () => {
  let t: TestApp, browser: Browser, base: string, municipalityId: string, officer: StaffBrowser['officer']

  before(async () => ({ t, browser, base, municipalityId, officer } = await openStaffBrowser('Mol')))
  after(() => closeStaffBrowser({ t, browser }))

  for (const width of [1024, 320]) {
    test(`an officer reads when the data goes and, after the purge, the receipt; both pass axe at ${width} px`, async () => {
      const edition = await createEdition(t.db, municipalityId, { name: `Welkom ${width}`, date: addDays(brusselsDate(new Date()), -100), retentionDays: 90 })
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, officer)
      await page.goto(`${base}${paths.edition(edition.id)}`)
      await page.getByRole('link', { name: 'Wanneer worden de gegevens gewist?' }).click()
      await page.waitForSelector('h1:has-text("Wissen van persoonsgegevens")')
      await expectNoAxeViolations(page, `the page before the purge at ${width} px`)

      const due = (await duePurges(t.db, new Date())).find((d) => d.editionId === edition.id)
      assert.ok(due && (await purgeEdition(t.db, t.services.database.dialect, due, new Date(), t.config.dataDir)))
      await page.reload()
      await page.waitForSelector('text=Bewijs downloaden (PDF)')
      await expectNoAxeViolations(page, `the receipt at ${width} px`)
      if (width <= 320) assert.equal(await fitsWidth(page), true, 'no sideways scrolling at 320 px')
      await context.close()
    })
  }
})
