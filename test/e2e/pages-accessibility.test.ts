// Every page of the platform, opened in Chromium and checked with axe-core (WCAG 2.2 A and AA),
// at desktop width and at 320 px, where nothing may need sideways scrolling.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { recordAudit } from '../../src/audit/audit-queries.ts'
import { enqueueJob } from '../../src/platform/jobs/jobs-queries.ts'
import { queueMail } from '../../src/platform/mail/mail.ts'
import { createTestApp, type TestApp } from '../helpers/app.ts'
import { expectNoAxeViolations, fitsWidth, listen, startBrowser } from '../helpers/browser.ts'
import { createMunicipality, createUser } from '../helpers/factories.ts'

describe('accessibility of every platform page', () => {
  let t: TestApp
  let browser: Browser
  let base: string
  let admin: { email: string; password: string }
  let platformAdmin: { email: string; password: string }
  let staffId: string
  let mailId: string

  before(async () => {
    t = await createTestApp()
    base = await listen(t)
    browser = await startBrowser()
    const municipality = await createMunicipality(t.db, { name: 'Sint-Katelijne-Waver' })
    admin = await createUser(t.db, { municipalityId: municipality.id, role: 'municipality_admin', name: 'Sofie Wouters' })
    staffId = (await createUser(t.db, { municipalityId: municipality.id, role: 'staff', name: 'Youssef Benali' })).id
    platformAdmin = await createUser(t.db, { role: 'platform_admin', name: 'Platformbeheer' })
    mailId = await queueMail(t.db, { municipalityId: municipality.id, to: 'iemand@example.org', subject: 'Uitnodiging', text: 'Beste,\n\nWelkom.' }, 'welkom.test')
    const dead = (await enqueueJob(t.db, 'mail.send', { mailId: 'gone' }, { municipalityId: municipality.id }))!
    await t.db.updateTable('jobs').set({ status: 'dead', last_error: 'Error: Delivery failed: 550' }).where('id', '=', dead).execute()
    await recordAudit(t.db, { municipalityId: municipality.id, actor: { id: staffId, name: 'Youssef Benali' }, action: 'staff.updated', record: { type: 'user', id: staffId }, details: { fields: ['name'] } })
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })

  async function signedIn(user: { email: string; password: string }, width: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height: 800 } })
    const page = await context.newPage()
    await page.goto(`${base}/aanmelden`)
    await page.getByLabel('E-mailadres').fill(user.email)
    await page.getByLabel('Wachtwoord', { exact: true }).fill(user.password)
    await page.getByRole('button', { name: 'Aanmelden' }).click()
    await page.waitForURL(`${base}/`)
    return { context, page }
  }

  async function check(page: Page, path: string, width: number) {
    const response = await page.goto(`${base}${path}`)
    assert.ok(response && response.status() < 500, `${path} answered ${response?.status()}`)
    await expectNoAxeViolations(page, `${path} at ${width} px`)
    if (width <= 320) assert.equal(await fitsWidth(page), true, `${path} needs no sideways scrolling at ${width} px`)
  }

  for (const width of [1024, 320]) {
    test(`municipality admin pages pass axe at ${width} px`, async () => {
      const { context, page } = await signedIn(admin, width)
      for (const path of ['/', '/account', '/account/tweestapsverificatie', '/beheer/medewerkers', '/beheer/medewerkers/nieuw', `/beheer/medewerkers/${staffId}`, '/beheer/gemeente', '/beheer/api-sleutels', '/beheer/audit', '/beheer/audit?van=gisteren', '/beheer/taken', '/beheer/uitgaande-post', `/beheer/uitgaande-post/${mailId}`, '/bestaat-niet']) {
        await check(page, path, width)
      }
      await context.close()
    })

    test(`forms with errors pass axe at ${width} px`, async () => {
      const { context, page } = await signedIn(admin, width)
      await page.goto(`${base}/beheer/medewerkers/nieuw`)
      await page.getByRole('button', { name: /toevoegen|uitnodigen|opslaan/i }).click()
      await page.waitForSelector('.error-summary')
      await expectNoAxeViolations(page, `the new staff form with errors at ${width} px`)
      await page.goto(`${base}/beheer/gemeente`)
      await page.getByLabel('Kleur van de gemeente').fill('#ffff00')
      await page.getByRole('button', { name: 'Opslaan' }).click()
      await page.waitForSelector('.error-summary')
      await expectNoAxeViolations(page, `municipality settings with errors at ${width} px`)
      await context.close()
    })

    test(`platform admin and public pages pass axe at ${width} px`, async () => {
      const { context, page } = await signedIn(platformAdmin, width)
      for (const path of ['/', '/beheer/gemeenten', '/beheer/gemeenten/nieuw', '/beheer/audit', '/beheer/taken']) await check(page, path, width)
      await context.close()
      const anonymous = await browser.newContext({ viewport: { width, height: 800 } })
      const publicPage = await anonymous.newPage()
      for (const path of ['/aanmelden', '/wachtwoord-vergeten', '/wachtwoord-herstellen/onbekend']) await check(publicPage, path, width)
      await anonymous.close()
    })
  }
})
