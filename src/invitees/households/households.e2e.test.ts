// Households in Chromium: the page with suggestions, a refused confirmation, a confirmed household,
// taking a person out and dissolving, each checked with axe-core (WCAG 2.2 A and AA) at desktop
// width and at 320 px.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import type { TestApp } from '../../../test/helpers/app.ts'
import { expectAccessible, signInWithBrowser, closeStaffBrowser, openStaffBrowser, type StaffBrowser } from '../../../test/helpers/browser.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { paths } from '../../paths.ts'
import { insertPeople } from './people-test-support.ts'

describe('households in a browser', () => {
  let t: TestApp, browser: Browser, base: string, municipalityId: string, officer: StaffBrowser['officer']

  before(async () => ({ t, browser, base, municipalityId, officer } = await openStaffBrowser('Mechelen')))
  after(() => closeStaffBrowser({ t, browser }))


  for (const width of [1024, 320]) {
    test(`an officer confirms a household, is stopped when ticking one person, takes a person out and dissolves; every page passes axe at ${width} px`, async () => {
      const edition = await createEdition(t.db, municipalityId, { name: `Ceremonie ${width}` })
      const at = (street: string, house_number: string) => ({ street, house_number, box: null, postcode: '2800', city: 'Mechelen' })
      await insertPeople(t.db, edition.id, [
        { last_name: 'Janssens', first_name: 'Ahmed', birth_date: '1984-02-01', ...at('Sint-Rumoldusstraat', '12') },
        { last_name: 'Janssens', first_name: 'Sara', birth_date: '1986-07-12', ...at('sint rumoldusstraat', '12') },
        { last_name: 'Janssens', first_name: 'Yusuf', birth_date: '2010-03-03', ...at('Sint-Rumoldusstraat', '12') },
        { last_name: 'Nowak', first_name: 'Ewa', ...at('Bruul', '3') },
        { last_name: 'Nowak', first_name: 'Piotr', ...at('Bruul', '3') },
      ])
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, officer)

      await page.goto(`${base}${paths.editionHouseholds(edition.id)}`)
      assert.match(await page.locator('main').innerText(), /2 voorstellen/)
      await expectAccessible(page, 'the households page', width)

      // Only Ewa ticked: refused with the error summary, and the tick kept.
      const nowak = page.locator('form', { hasText: 'Bruul 3' })
      await nowak.getByLabel(/Nowak Piotr/).uncheck()
      await nowak.getByRole('button', { name: /Huishouden bevestigen/ }).click()
      await page.waitForSelector('.error-summary')
      assert.match(await page.locator('.error-summary').innerText(), /Vink minstens twee mensen aan/)
      assert.equal(await page.locator('form', { hasText: 'Bruul 3' }).getByLabel(/Nowak Piotr/).isChecked(), false)
      await expectAccessible(page, 'the households page with an error', width)

      await page.locator('form', { hasText: 'Sint-Rumoldusstraat 12' }).getByRole('button', { name: /Huishouden bevestigen/ }).click()
      await page.waitForSelector('text=Het huishouden is bevestigd')
      assert.match(await page.locator('main').innerText(), /1 bevestigd huishouden/)
      await expectAccessible(page, 'the page with a confirmed household', width)

      await page.getByRole('button', { name: /Uit het huishouden halen – Janssens Yusuf/ }).click()
      await page.waitForSelector('text=Hij of zij blijft op de lijst staan')
      await expectAccessible(page, 'the page after taking a person out', width)

      await page.getByRole('button', { name: /Huishouden opheffen/ }).click()
      await page.waitForSelector('text=Het huishouden is opgeheven')
      assert.match(await page.locator('main').innerText(), /Nog geen bevestigde huishoudens/)
      await context.close()
    })
  }
})
