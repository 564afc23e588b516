// Working on the list in Chromium: adding a person (also with errors), editing and excluding them,
// and the bulk form on the list with its two questions, each page checked with axe-core (WCAG 2.2
// A and AA) at desktop width and at 320 px. Everything here works without JavaScript too.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { TestApp } from '../../../test/helpers/app.ts'
import { expectAccessible, signInWithBrowser, closeStaffBrowser, openStaffBrowser, type StaffBrowser } from '../../../test/helpers/browser.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { paths } from '../../paths.ts'

describe('working on the invitee list in a browser', () => {
  let t: TestApp, browser: Browser, base: string, municipalityId: string, officer: StaffBrowser['officer']

  before(async () => ({ t, browser, base, municipalityId, officer } = await openStaffBrowser('Mol')))
  after(() => closeStaffBrowser({ t, browser }))

  const main = (page: Page) => page.locator('main').innerText()

  for (const width of [1024, 320]) {
    test(`an officer adds, edits and excludes a person, then acts on ticked people; every page passes axe at ${width} px`, async () => {
      const edition = await createEdition(t.db, municipalityId, { name: `Ceremonie ${width}` })
      const now = new Date()
      for (const [last, first] of [['Aerts', 'Bram'], ['Bosmans', 'Chloé'], ['Claes', 'Dirk']]) {
        await t.db.insertInto('invitees').values({ id: randomUUID(), edition_id: edition.id, national_number_hash: null, last_name: last!, first_name: first!, warnings_json: [], created_at: now, updated_at: now }).execute()
      }
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, officer)

      await page.goto(`${base}${paths.editionInvitees(edition.id)}`)
      await page.getByRole('button', { name: 'Iemand toevoegen' }).click()
      await page.waitForSelector('h1:has-text("Iemand toevoegen")')
      await expectAccessible(page, 'the new-person form', width)
      await page.getByLabel('Geboortedatum').fill('31/02/1990')
      await page.getByLabel('Rijksregisternummer').fill('05.09.15-517.07')
      await page.getByRole('button', { name: 'Toevoegen' }).click()
      await page.waitForSelector('.error-summary')
      assert.match(await page.locator('.error-summary').innerText(), /Vul de familienaam in\.[\s\S]*Typ de geboortedatum[\s\S]*Dit rijksregisternummer klopt niet/)
      await expectAccessible(page, 'the new-person form with errors', width)

      await page.getByLabel('Familienaam').fill('Vermeulen')
      await page.getByLabel('Voornaam').fill('Karim')
      await page.getByLabel('Geboortedatum').fill('03/02/1990')
      await page.getByLabel('Rijksregisternummer').fill('')
      await page.getByLabel('Contacttaal').selectOption('fr')
      await page.getByRole('button', { name: 'Toevoegen' }).click()
      await page.waitForSelector('h1:has-text("Vermeulen Karim")')
      assert.match(await main(page), /De persoon staat op de lijst\./)

      await page.getByRole('button', { name: 'Gegevens wijzigen' }).click()
      await page.waitForSelector('h1:has-text("Gegevens van Vermeulen Karim wijzigen")')
      await expectAccessible(page, 'the edit form', width)
      await page.getByLabel('E-mailadres').fill('karim@example.org')
      await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click()
      await page.waitForSelector('text=De wijzigingen zijn opgeslagen.')
      await expectAccessible(page, 'the person page after an edit', width)

      await page.getByRole('button', { name: 'Uitsluiten' }).click()
      await page.waitForSelector('h1:has-text("Vermeulen Karim uitsluiten")')
      await expectAccessible(page, 'the exclusion question', width)
      await page.getByLabel('Verhuisd').check()
      await page.getByRole('button', { name: 'Uitsluiten' }).click()
      await page.waitForSelector('text=De persoon is uitgesloten')
      assert.match(await main(page), /Uitgesloten\s+reden: Verhuisd/i)

      await page.goto(`${base}${paths.editionInvitees(edition.id)}`)
      await page.getByRole('link', { name: /Alle 4 personen op deze pagina aanvinken/ }).click()
      await page.waitForURL(/aanvinken=alle/)
      await expectAccessible(page, 'the list with every row ticked', width)
      await page.getByLabel('Vermeulen Karim aanvinken').uncheck()
      await page.getByRole('button', { name: 'Uitsluiten…' }).click()
      await page.waitForSelector('h1:has-text("3 personen uitsluiten")')
      await expectAccessible(page, 'the bulk exclusion question', width)
      await page.getByRole('button', { name: '3 personen uitsluiten' }).click()
      await page.waitForSelector('.error-summary')
      await expectAccessible(page, 'the bulk exclusion question with an error', width)
      await page.getByLabel('Andere reden').check()
      await page.getByRole('button', { name: '3 personen uitsluiten' }).click()
      await page.waitForSelector('text=3 personen zijn uitgesloten.')
      await expectAccessible(page, 'the list after a bulk action', width)
      assert.match(await main(page), /Uitgesloten \(4\)/)

      await page.getByLabel('Aerts Bram aanvinken').check()
      await page.getByRole('button', { name: 'Wissen…' }).click()
      await page.waitForSelector('h1:has-text("1 persoon wissen?")')
      await expectAccessible(page, 'the bulk erase question', width)
      await page.getByRole('button', { name: 'Ja, 1 persoon wissen' }).click()
      await page.waitForSelector('text=De gegevens van 1 persoon zijn gewist.')
      assert.match(await main(page), /Iedereen \(3\)/)
      await context.close()
    })
  }
})
