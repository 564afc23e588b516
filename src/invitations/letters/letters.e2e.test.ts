// The letters page in Chromium: counts, the envelope window, and the download of the batch as a
// plain form (no JavaScript needed), checked with axe-core (WCAG 2.2 A and AA) at desktop width
// and at 320 px; and the envelope settings on the municipality page.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { expectAccessible, listen, signInWithBrowser, startBrowser } from '../../../test/helpers/browser.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipality, createUser } from '../../../test/helpers/factories.ts'
import { insertPeople } from '../../invitees/households/people-test-support.ts'
import { paths } from '../../paths.ts'

describe('the letters page in a browser', () => {
  let t: TestApp
  let browser: Browser
  let base: string
  let municipalityId: string
  let admin: { email: string; password: string }

  before(async () => {
    t = await createTestApp()
    base = await listen(t)
    browser = await startBrowser()
    municipalityId = (await createMunicipality(t.db, { name: 'Mol' })).id
    admin = await createUser(t.db, { role: 'municipality_admin', municipalityId, name: 'An Beheerder' })
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })

  for (const width of [1024, 320]) {
    test(`an admin reads the counts, downloads the letters without JavaScript and finds the envelope settings; every page passes axe at ${width} px`, async () => {
      const edition = await createEdition(t.db, municipalityId, { name: `Welkom ${width}`, languages: ['nl', 'ar'] })
      const street = { street: 'Kerkstraat', postcode: '2400', city: 'Mol' }
      await insertPeople(t.db, edition.id, [
        { first_name: 'Jan', last_name: 'Peeters', ...street, house_number: '10', language: 'nl' },
        { first_name: 'Omar', last_name: 'Haddad', ...street, house_number: '2', language: 'ar' },
      ])
      // The download is a plain form post: it works with JavaScript off. axe needs it on.
      const plain = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false })
      const form = await plain.newPage()
      await signInWithBrowser(form, base, admin)
      await form.goto(`${base}${paths.editionLetters(edition.id)}`)
      assert.match(await form.locator('main').innerText(), /2 brieven voor 2 personen\s+Nog niet geprint\s+2/)
      const [download] = await Promise.all([form.waitForEvent('download'), form.getByRole('button', { name: 'Brieven downloaden (pdf)' }).click()])
      assert.match(download.suggestedFilename(), /^brieven-\d{4}-\d{2}-\d{2}\.pdf$/)
      assert.equal(readFileSync(await download.path()).subarray(0, 5).toString('latin1'), '%PDF-')
      await plain.close()

      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, admin)
      await page.goto(`${base}${paths.editionLetters(edition.id)}`)
      await page.waitForSelector('h1:has-text("Brieven")')
      assert.match(await page.locator('main').innerText(), /Nog niet geprint\s+0/)
      await expectAccessible(page, 'the letters page', width)

      await page.getByRole('link', { name: 'Plaats van het adres wijzigen' }).click()
      await page.waitForSelector('h2:has-text("Brieven in vensterenveloppen")')
      assert.equal(await page.getByLabel('Afstand van de bovenkant (mm)').inputValue(), '50')
      await expectAccessible(page, 'the municipality settings with the envelope window', width)
      await context.close()
    })
  }
})
