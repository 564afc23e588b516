// Carry-over in Chromium: choosing an earlier edition (also without choosing), who comes along, and
// the page after adding them, each checked with axe-core (WCAG 2.2 A and AA) at desktop width and
// at 320 px.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import type { TestApp } from '../../../test/helpers/app.ts'
import { expectAccessible, signInWithBrowser, closeStaffBrowser, openStaffBrowser, type StaffBrowser } from '../../../test/helpers/browser.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { paths } from '../../paths.ts'
import { insertPeople } from '../households/people-test-support.ts'

describe('carry-over in a browser', () => {
  let t: TestApp, browser: Browser, base: string, municipalityId: string, officer: StaffBrowser['officer']

  before(async () => ({ t, browser, base, municipalityId, officer } = await openStaffBrowser('Mechelen')))
  after(() => closeStaffBrowser({ t, browser }))


  for (const width of [1024, 320]) {
    test(`an officer chooses an earlier edition, sees who comes along and adds them; every page passes axe at ${width} px`, async () => {
      const earlier = await createEdition(t.db, municipalityId, { name: `Ceremonie 2025 (${width})`, date: '2025-12-10' })
      await insertPeople(t.db, earlier.id, [
        { last_name: 'Haddad', first_name: 'Omar', birth_date: '2005-09-15', selection: 'not_selected' },
        { last_name: 'Peeters', first_name: 'An', has_asked_next_time: true, selection: 'selected' },
        { last_name: 'Gekozen', first_name: 'Wel', selection: 'selected' },
      ])
      const target = await createEdition(t.db, municipalityId, { name: `Ceremonie 2027 (${width})` })
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, officer)

      await page.goto(`${base}${paths.editionCarryOver(target.id)}`)
      await expectAccessible(page, 'the choice of an edition', width)
      await page.getByRole('button', { name: 'Toon wie mee kan' }).click()
      await page.waitForSelector('.error-summary')
      assert.match(await page.locator('.error-summary').innerText(), /Kies de editie waaruit u mensen overneemt/)
      await expectAccessible(page, 'the choice with an error', width)

      await page.getByLabel(`Ceremonie 2025 (${width})`).check()
      await page.getByRole('button', { name: 'Toon wie mee kan' }).click()
      await page.waitForSelector('h2:has-text("Uit Ceremonie 2025")')
      assert.match(await page.locator('main').innerText(), /Worden toegevoegd\s+2 mensen/)
      await expectAccessible(page, 'who comes along', width)

      await page.getByRole('button', { name: '2 mensen toevoegen aan deze editie' }).click()
      await page.waitForSelector('text=De mensen zijn toegevoegd')
      assert.match(await page.locator('main').innerText(), /Iedereen die in aanmerking komt, staat al op deze lijst/)
      await expectAccessible(page, 'the page after adding', width)
      await context.close()
    })
  }
})
