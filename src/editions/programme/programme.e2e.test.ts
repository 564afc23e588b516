// Building a programme in Chromium: the empty programme, the default one, moving an item without
// JavaScript-only controls, the item form (also with an error) and the delete question, each
// checked with axe-core (WCAG 2.2 A and AA) at desktop width and at 320 px.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { TestApp } from '../../../test/helpers/app.ts'
import { expectAccessible, signInWithBrowser, closeStaffBrowser, openStaffBrowser, type StaffBrowser } from '../../../test/helpers/browser.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { paths } from '../../paths.ts'

describe('the programme in a browser', () => {
  let t: TestApp, browser: Browser, base: string, municipalityId: string, officer: StaffBrowser['officer']

  before(async () => ({ t, browser, base, municipalityId, officer } = await openStaffBrowser('Mol')))
  after(() => closeStaffBrowser({ t, browser }))


  /** The titles in the programme, in order. */
  const titles = (page: Page) => page.locator('.summary-list dd > a').allInnerTexts()

  for (const width of [1024, 320]) {
    test(`an officer adds the default programme, moves and edits an item and is asked before deleting; every page passes axe at ${width} px`, async () => {
      const edition = await createEdition(t.db, municipalityId, { name: `Welkomstceremonie ${width}` })
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, officer)

      await page.goto(`${base}${paths.editionProgramme(edition.id)}`)
      await expectAccessible(page, 'the empty programme', width)
      await page.getByRole('button', { name: 'Standaardprogramma toevoegen' }).click()
      await page.waitForSelector('text=Het standaardprogramma is toegevoegd')
      await expectAccessible(page, 'the default programme', width)

      await page.getByRole('button', { name: 'Omhoog – Muziek' }).click()
      await page.waitForSelector('text=Het onderdeel is verplaatst')
      assert.deepEqual((await titles(page)).slice(0, 4), ['Welkom', 'Toespraak van de burgemeester', 'Muziek', 'Getuigenis van een nieuwkomer'])
      assert.match(await page.locator('main').innerText(), /19:25–19:35\s+Getuigenis van een nieuwkomer/)

      await page.getByRole('link', { name: 'Bewerken – Muziek' }).click()
      await expectAccessible(page, 'the item form', width)
      await page.getByLabel('Duur in minuten').fill('0')
      await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click()
      await page.waitForSelector('.error-summary')
      await expectAccessible(page, 'the item form with an error', width)
      await page.getByLabel('Duur in minuten').fill('15')
      await page.getByLabel('Wie').fill('Muziekacademie')
      await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click()
      await page.waitForSelector('text=Het onderdeel is bijgewerkt')
      assert.match(await page.locator('main').innerText(), /19:15–19:30\s+Muziek\s+Muziek · 15 min\s+Wie: Muziekacademie/)

      await page.getByRole('button', { name: 'Onderdeel toevoegen' }).click()
      await expectAccessible(page, 'the new-item form', width)

      await page.goto(`${base}${paths.editionProgramme(edition.id)}`)
      await page.getByRole('link', { name: 'Verwijderen – Groepsfoto' }).click()
      await expectAccessible(page, 'the delete question', width)
      await page.getByRole('button', { name: 'Ja, verwijderen' }).click()
      await page.waitForSelector('text=Het onderdeel is verwijderd')
      assert.ok(!(await titles(page)).includes('Groepsfoto'))
      await context.close()
    })
  }
})
