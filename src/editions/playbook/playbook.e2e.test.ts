// The playbook's pages in Chromium: an edition's tasks, a task (also with errors), my tasks, the
// calendar address and the municipality's template, checked with axe-core (WCAG 2.2 A and AA) at
// desktop width and at 320 px, where nothing may need sideways scrolling.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { expectAccessible, listen, signInWithBrowser, startBrowser } from '../../../test/helpers/browser.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipality, createUser } from '../../../test/helpers/factories.ts'

describe('the playbook in a browser', () => {
  let t: TestApp
  let browser: Browser
  let base: string
  let admin: { email: string; password: string }
  let editionId: string

  before(async () => {
    t = await createTestApp()
    base = await listen(t)
    browser = await startBrowser()
    const mechelen = await createMunicipality(t.db, { name: 'Mechelen' })
    const skw = await createMunicipality(t.db, { name: 'Sint-Katelijne-Waver' })
    admin = await createUser(t.db, { role: 'municipality_admin', municipalityId: mechelen.id, name: 'An Beheerder' })
    await createUser(t.db, { role: 'staff', municipalityId: skw.id, name: 'Pieter Partner' })
    editionId = (await createEdition(t.db, mechelen.id, { name: 'Welkom Mechelen 2027', coOrganiserIds: [skw.id] })).id
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })


  for (const width of [1024, 320]) {
    test(`a planner works through the tasks, my tasks, the calendar and the template without accessibility problems at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, admin)

      await page.goto(`${base}/edities/${editionId}/draaiboek`)
      assert.match(await page.locator('main').innerText(), /3 taken zijn te laat\./)
      await expectAccessible(page, 'the tasks page', width)

      await page.getByRole('link', { name: 'De zaal reserveren' }).click()
      await expectAccessible(page, 'a task page', width)
      await page.getByLabel('Taak', { exact: true }).fill('')
      await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click()
      await page.waitForSelector('.error-summary')
      await expectAccessible(page, 'a task page with errors', width)
      await page.getByLabel('Taak', { exact: true }).fill(`De zaal reserveren (${width})`)
      await page.getByLabel('Verantwoordelijke').selectOption({ label: 'An Beheerder (Mechelen)' })
      await page.getByLabel('Bezig').check()
      await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click()
      await page.waitForSelector('text=De taak is bewaard.')

      await page.getByRole('link', { name: 'Mijn taken', exact: true }).first().click()
      assert.match(await page.locator('main').innerText(), new RegExp(`De zaal reserveren \\(${width}\\)`))
      await expectAccessible(page, 'my tasks', width)

      await page.goto(`${base}/edities/${editionId}/agenda`)
      await expectAccessible(page, 'the calendar page', width)
      await page.getByRole('button', { name: /adres maken/ }).first().click()
      await page.waitForSelector('text=Uw agenda-adres')
      await expectAccessible(page, 'the new calendar address', width)

      await page.goto(`${base}/beheer/draaiboek`)
      await expectAccessible(page, 'the template page', width)
      await page.locator('#field-title-0').fill('')
      await page.getByRole('button', { name: 'Draaiboek bewaren' }).click()
      await page.waitForSelector('.error-summary')
      await expectAccessible(page, 'the template page with errors', width)
      await context.close()
    })
  }
})
