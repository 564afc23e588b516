// The contribution pages in Chromium, checked with axe-core (WCAG 2.2 A and AA) at desktop width
// and at 320 px, where nothing may need sideways scrolling. Works without any client script.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { expectNoAxeViolations, fitsWidth, listen, startBrowser } from '../../../test/helpers/browser.ts'
import { Client } from '../../../test/helpers/client.ts'
import { createUser } from '../../../test/helpers/factories.ts'
import { findMunicipalityByNis } from '../../municipalities/municipalities-queries.ts'
import { paths } from '../../paths.ts'
import { CEREMONY_SLUG, loadReferenceData } from '../reference-data.ts'
import { confirmPathIn, ficheFields, mails, postForm } from './contribution-test-support.ts'

describe('accessibility of the contribution pages', () => {
  let t: TestApp
  let browser: Browser
  let base: string
  let askLink: string
  let doneLink: string
  let staff: { email: string; password: string }

  before(async () => {
    t = await createTestApp()
    await loadReferenceData(t.db)
    base = await listen(t)
    browser = await startBrowser()
    const mol = (await findMunicipalityByNis(t.db, '13025'))!
    staff = await createUser(t.db, { role: 'staff', municipalityId: mol.id, name: 'Medewerker Mol' })
    // Two confirmation links: one still to confirm, one confirmed already.
    const visitor = new Client(t.app)
    await postForm(visitor, paths.practiceSubmit(), ficheFields(mol.id, { title: 'Eerste voorstel <img src=x onerror=alert(1)>' }))
    await postForm(visitor, paths.practiceChangeRequest(CEREMONY_SLUG), { soort: 'opmerking', remark: 'Het draaiboek is vernieuwd.', submitterName: 'Sara', submitterEmail: 'sara@example.org' })
    await t.runJobs()
    const [first, second] = await mails(t)
    askLink = confirmPathIn(first!.text_body)
    doneLink = confirmPathIn(second!.text_body)
    await postForm(visitor, doneLink, {})
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })

  async function check(page: Page, what: string, width: number) {
    await expectNoAxeViolations(page, `${what} at ${width} px`)
    if (width <= 320) assert.equal(await fitsWidth(page), true, `${what} needs no sideways scrolling at ${width} px`)
  }

  async function visit(page: Page, path: string, width: number, status = 200) {
    const response = await page.goto(`${base}${path}`)
    assert.equal(response?.status(), status, path)
    await check(page, path, width)
  }

  // axe needs scripts in the page, so the no-script walk-through is checked on its own.
  test('without JavaScript the fiche keeps what was typed after an error, and the change choice leads to its form', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 800 }, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${base}${paths.practiceSubmit()}`)
    await page.getByLabel('Naam van de praktijk').fill('Taalcafé')
    await page.getByRole('button', { name: 'Fiche versturen' }).click()
    await page.waitForSelector('.error-summary')
    assert.equal(await page.getByLabel('Naam van de praktijk').inputValue(), 'Taalcafé')
    await page.goto(`${base}${paths.practiceChangeRequest(CEREMONY_SLUG)}`)
    await page.getByLabel('Een opmerking').check()
    await page.getByRole('button', { name: 'Verder' }).click()
    await page.waitForURL(/soort=opmerking/)
    await page.getByLabel('Uw opmerking').fill('De contactpersoon in Mol is veranderd.')
    await page.getByLabel('Uw naam').fill('Sara Janssens')
    await page.getByLabel('Uw e-mailadres').fill('sara@example.org')
    await page.getByRole('button', { name: 'Voorstel versturen' }).click()
    await page.waitForURL(/klaar=mail/)
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Kijk in uw mailbox')
    await context.close()
  })

  for (const width of [1024, 320]) {
    test(`the fiche, empty and with errors, passes axe at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await visit(page, paths.practiceSubmit(), width)
      await page.getByLabel('Naam van de praktijk').fill('x'.repeat(130))
      await page.getByLabel('Documenten en links').fill('Filmpje | javascript:alert(1)')
      await page.getByRole('button', { name: 'Fiche versturen' }).click()
      await page.waitForSelector('.error-summary')
      assert.equal(await page.getByLabel('Naam van de praktijk').inputValue(), 'x'.repeat(130), 'the typed value is kept')
      await check(page, 'the fiche with errors', width)
      await visit(page, `${paths.practiceSubmit()}?klaar=mail`, width)
      await context.close()
    })

    test(`the change request pages pass axe at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      const url = paths.practiceChangeRequest(CEREMONY_SLUG)
      await visit(page, url, width)
      await page.getByRole('button', { name: 'Verder' }).click()
      await page.waitForSelector('.error-summary')
      await check(page, 'the change choice with an error', width)
      await page.getByLabel('Een wijziging aan de tekst').check()
      await page.getByRole('button', { name: 'Verder' }).click()
      await page.waitForURL(/soort=tekst/)
      assert.equal(await page.getByLabel('Naam van de praktijk').inputValue(), 'Inburgeringsceremonie')
      await check(page, 'the text change form', width)
      for (const kind of ['foto', 'opmerking', 'ook-bij-ons']) await visit(page, `${url}?soort=${kind}`, width)
      await page.getByRole('button', { name: 'Voorstel versturen' }).click()
      await page.waitForSelector('.error-summary')
      await check(page, 'the join form with errors', width)
      await visit(page, `${url}?klaar=mail`, width)
      await context.close()
    })

    test(`the confirmation pages pass axe at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await visit(page, askLink, width)
      await visit(page, doneLink, width)
      await visit(page, paths.submissionConfirm('verlopen'), width, 404)
      await context.close()
    })

    test(`a staff member's entry form passes axe at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await page.goto(`${base}${paths.entryEdit(CEREMONY_SLUG)}`)
      await page.getByLabel('E-mailadres').fill(staff.email)
      await page.getByLabel('Wachtwoord', { exact: true }).fill(staff.password)
      await page.getByRole('button', { name: 'Aanmelden' }).click()
      await page.waitForURL(`${base}${paths.entryEdit(CEREMONY_SLUG)}`)
      await check(page, 'the entry form', width)
      await page.getByLabel('Telefoonnummer van de contactpersoon').fill('bel me')
      await page.getByRole('button', { name: 'Wijziging versturen' }).click()
      await page.waitForSelector('.error-summary')
      await check(page, 'the entry form with errors', width)
      await visit(page, `${paths.practiceSubmit()}?klaar=ontvangen`, width)
      await context.close()
    })
  }
})
