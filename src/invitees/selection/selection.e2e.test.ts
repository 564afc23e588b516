// Selection under capacity in Chromium: the page before, the form with an error, the preview, the
// record with who was not selected, and undoing, each checked with axe-core (WCAG 2.2 A and AA)
// at desktop width and at 320 px.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import type { TestApp } from '../../../test/helpers/app.ts'
import { expectAccessible, signInWithBrowser, closeStaffBrowser, openStaffBrowser, type StaffBrowser } from '../../../test/helpers/browser.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { paths } from '../../paths.ts'
import { insertPeople } from '../households/people-test-support.ts'

describe('selection under capacity in a browser', () => {
  let t: TestApp, browser: Browser, base: string, municipalityId: string, officer: StaffBrowser['officer']

  before(async () => ({ t, browser, base, municipalityId, officer } = await openStaffBrowser('Mechelen')))
  after(() => closeStaffBrowser({ t, browser }))


  for (const width of [1024, 320]) {
    test(`an officer previews a draw, confirms it, reads who was not drawn and undoes it; every page passes axe at ${width} px`, async () => {
      // 15 seats, two guests each: 5 places for 8 people.
      const edition = await createEdition(t.db, municipalityId, { name: `Ceremonie ${width}`, capacity: 15, guestsPerInvitee: 2 })
      await insertPeople(t.db, edition.id, Array.from({ length: 8 }, (_, i) => ({ last_name: `Persoon${i + 1}`, first_name: 'Test', certificate_date: `2026-02-0${i + 1}` })))
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, officer)

      await page.goto(`${base}${paths.editionSelection(edition.id)}`)
      assert.match(await page.locator('main').innerText(), /Er staan 8 mensen op de lijst voor 5 plaatsen/)
      await expectAccessible(page, 'the selection page before a selection', width)

      await page.getByRole('button', { name: 'Selectie maken' }).click()
      await page.waitForSelector('h1:has-text("Nieuwe selectie")')
      await expectAccessible(page, 'the new-selection form', width)
      await page.getByLabel('Aantal plaatsen voor genodigden').fill('0')
      await page.getByRole('button', { name: 'Resultaat bekijken' }).click()
      await page.waitForSelector('.error-summary')
      assert.match(await page.locator('.error-summary').innerText(), /Vul een heel getal in van 1 tot 100\.000/)
      await expectAccessible(page, 'the form with errors', width)

      await page.getByLabel('Aantal plaatsen voor genodigden').fill('5')
      await page.getByLabel('Door loting').check()
      await page.getByRole('button', { name: 'Resultaat bekijken' }).click()
      await page.waitForSelector('h2:has-text("Resultaat")')
      assert.match(await page.locator('main').innerText(), /Gekozen\s+5 mensen/)
      await expectAccessible(page, 'the preview', width)

      await page.getByRole('button', { name: 'Selectie bevestigen' }).click()
      await page.waitForSelector('text=De selectie is bewaard')
      const text = await page.locator('main').innerText()
      assert.match(text, /3 mensen niet gekozen/)
      assert.match(text, /Niet geloot/)
      await expectAccessible(page, 'the record of the selection', width)

      await page.getByRole('button', { name: 'Selectie ongedaan maken' }).click()
      await page.waitForSelector('text=De selectie is ongedaan gemaakt')
      await expectAccessible(page, 'the page after undoing', width)
      await context.close()
    })
  }
})
