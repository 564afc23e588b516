import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { createTestApp, type TestApp } from '../helpers/app.ts'
import { expectNoAxeViolations, fitsWidth, listen, startBrowser } from '../helpers/browser.ts'
import { createMunicipality, createUser } from '../helpers/factories.ts'

describe('signing in with a real browser', () => {
  let t: TestApp
  let browser: Browser
  let base: string
  let user: { email: string; password: string }

  before(async () => {
    t = await createTestApp()
    base = await listen(t)
    browser = await startBrowser()
    const municipality = await createMunicipality(t.db, { name: 'Mol' })
    user = await createUser(t.db, { municipalityId: municipality.id, role: 'municipality_admin', name: 'Annelies Peeters' })
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })

  test('a staff member signs in with the keyboard-friendly form; both pages pass axe', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const cspErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') cspErrors.push(message.text())
    })
    await page.goto(`${base}/aanmelden`)
    assert.equal(await page.title(), 'Aanmelden – Welkom')
    await expectNoAxeViolations(page, 'the sign-in page')
    await page.getByLabel('E-mailadres').fill(user.email)
    await page.getByLabel('Wachtwoord', { exact: true }).fill(user.password)
    await page.getByRole('button', { name: 'Aanmelden' }).click()
    await page.waitForURL(`${base}/`)
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Welkom, Annelies Peeters')
    await expectNoAxeViolations(page, 'the home page')
    assert.deepEqual(cspErrors, [], 'nothing was blocked by the Content Security Policy')
    await context.close()
  })

  test('a wrong password shows the error summary, which takes the focus, and passes axe', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${base}/aanmelden`)
    await page.getByLabel('E-mailadres').fill(user.email)
    await page.getByLabel('Wachtwoord', { exact: true }).fill('not the password')
    await page.getByRole('button', { name: 'Aanmelden' }).click()
    await page.waitForSelector('.error-summary')
    assert.match(await page.title(), /^Fout: Aanmelden/)
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true)
    await page.getByRole('link', { name: 'Het e-mailadres of het wachtwoord klopt niet' }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-email')
    await expectNoAxeViolations(page, 'the sign-in page with an error')
    await context.close()
  })

  test('signing in works with JavaScript off on a 320-pixel-wide screen', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } })
    const page = await context.newPage()
    await page.goto(`${base}/aanmelden`)
    assert.equal(await fitsWidth(page), true, 'the sign-in page fits 320 px')
    await page.getByLabel('E-mailadres').fill(user.email)
    await page.getByLabel('Wachtwoord', { exact: true }).fill(user.password)
    await page.getByRole('button', { name: 'Aanmelden' }).click()
    await page.waitForURL(`${base}/`)
    assert.equal(await fitsWidth(page), true, 'the home page fits 320 px')
    await context.close()
  })
})
