// Creating an edition in Chromium as a new officer would, checked with axe-core (WCAG 2.2 A and
// AA) at desktop width and at 320 px, where nothing may need sideways scrolling.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { expectAccessible, listen, signInWithBrowser, startBrowser } from '../../test/helpers/browser.ts'
import { createMunicipality, createUser } from '../../test/helpers/factories.ts'
import { addDays, brusselsDate } from '../platform/calendar.ts'

describe('creating an edition in a browser', () => {
  let t: TestApp
  let browser: Browser
  let base: string
  let officer: { email: string; password: string }

  before(async () => {
    t = await createTestApp()
    base = await listen(t)
    browser = await startBrowser()
    const mol = await createMunicipality(t.db, { name: 'Mol' })
    await createMunicipality(t.db, { name: 'Geel' })
    officer = await createUser(t.db, { role: 'staff', municipalityId: mol.id, name: 'An Officer' })
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })


  for (const width of [1024, 320]) {
    test(`a new officer creates an edition from the default playbook; the list, the form (also with errors) and the overview pass axe at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, officer)

      const listed = await page.goto(`${base}/edities`)
      assert.equal(listed?.status(), 200, await listed?.text())
      await expectAccessible(page, 'the list of editions', width)
      await page.getByRole('button', { name: 'Nieuwe editie' }).click()
      await page.waitForURL(`${base}/edities/nieuw`)
      await page.waitForLoadState('load')
      await expectAccessible(page, 'the new-edition form', width)

      // Sent half-filled: the errors are listed and the form keeps what was typed.
      await page.getByLabel('Naam', { exact: true }).fill(`Welkomstceremonie ${width}`)
      await page.getByRole('button', { name: 'Editie aanmaken' }).click()
      await page.waitForSelector('.error-summary')
      await page.waitForLoadState('load')
      await expectAccessible(page, 'the form with errors', width)

      const date = addDays(brusselsDate(new Date()), 100)
      await page.getByLabel('Datum', { exact: true }).fill(date)
      await page.getByLabel('Uur').fill('19:30')
      await page.getByLabel('Aantal plaatsen').fill('120')
      await page.getByLabel('Attesten behaald vanaf').fill('2026-01-01')
      await page.getByLabel('Attesten behaald tot en met').fill('2026-12-31')
      await page.getByLabel('العربية').check()
      await page.getByRole('button', { name: 'Editie aanmaken' }).click()
      await page.waitForSelector('text=De editie is aangemaakt')
      await page.waitForLoadState('load')
      assert.match(await page.locator('main').innerText(), /0 van de 20 taken klaar/)
      await expectAccessible(page, 'the edition overview', width)
      await context.close()
    })
  }
})
