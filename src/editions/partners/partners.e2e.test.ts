// Partners, the info market, the partner link and contributions in Chromium, each page checked
// with axe-core (WCAG 2.2 A and AA) at desktop width and at 320 px; the partner link also
// without JavaScript, the way a partner on a locked-down office computer may open it.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { expectNoAxeViolations, fitsWidth, listen, signInWithBrowser, startBrowser } from '../../../test/helpers/browser.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipality, createUser } from '../../../test/helpers/factories.ts'
import { addDays, brusselsDate } from '../../platform/calendar.ts'
import { hashToken, newToken } from '../../platform/crypto.ts'
import { paths } from '../../paths.ts'
import { insertContribution } from './contributions-queries.ts'
import { setStandLink } from './partner-link-queries.ts'
import { insertPartner } from './partners-queries.ts'
import { addStand } from './stands-queries.ts'
import { linkExpiresAt } from './stands.ts'

describe('partners, the info market and contributions in a browser', () => {
  let t: TestApp
  let browser: Browser
  let base: string
  let staff: { email: string; password: string }
  let editionId: string
  let partnerId: string
  let standId: string
  let contributionId: string

  before(async () => {
    t = await createTestApp()
    base = await listen(t)
    browser = await startBrowser()
    const mol = await createMunicipality(t.db, { name: 'Mol' })
    staff = await createUser(t.db, { municipalityId: mol.id, role: 'staff', name: 'Youssef Benali' })
    const edition = await createEdition(t.db, mol.id, { name: 'Welkomstceremonie Mol 2027' })
    editionId = edition.id
    const scope = { municipalityId: mol.id }
    partnerId = await insertPartner(t.db, scope, { name: 'Bibliotheek Mol', offer: 'Gratis lidkaart', contactName: 'An Peeters', contactEmail: 'an.peeters.met.een.lang.adres@bibliotheek-mol.example', contactPhone: '014 33 08 00' }, new Date())
    const vdab = await insertPartner(t.db, scope, { name: 'VDAB Mol', offer: 'Hulp bij werk zoeken', contactName: null, contactEmail: null, contactPhone: null }, new Date())
    await insertPartner(t.db, scope, { name: 'Buddyproject Mol', offer: 'Word gekoppeld aan een buddy', contactName: null, contactEmail: null, contactPhone: null }, new Date())
    standId = await addStand(t.db, editionId, partnerId, new Date())
    const vdabStand = await addStand(t.db, editionId, vdab, new Date())
    await setStandLink(t.db, vdabStand, hashToken(newToken()), linkExpiresAt(addDays(brusselsDate(new Date()), 20)), new Date())
    contributionId = await insertContribution(t.db, editionId, { kind: 'music', name: 'Yonas Tesfay', contact: 'yonas@example.org', description: 'Twee liederen op de krar', status: 'confirmed' }, new Date())
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })

  async function signedIn(width: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height: 800 } })
    const page = await context.newPage()
    await signInWithBrowser(page, base, staff)
    return { context, page }
  }

  async function expectAccessible(page: Page, what: string, width: number) {
    await expectNoAxeViolations(page, `${what} at ${width} px`)
    if (width <= 320) assert.equal(await fitsWidth(page), true, `${what} needs no sideways scrolling at ${width} px`)
  }

  async function open(page: Page, path: string, what: string, width: number) {
    const response = await page.goto(`${base}${path}`)
    assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`)
    await expectAccessible(page, what, width)
  }

  /** A fresh link for the library's stand; links are shown once, so each test makes its own. */
  async function partnerLink(): Promise<string> {
    const token = newToken()
    await setStandLink(t.db, standId, hashToken(token), linkExpiresAt(addDays(brusselsDate(new Date()), 30)), new Date())
    return `${base}${paths.partnerStand(token)}`
  }

  async function fillIn(page: Page, offer: string) {
    await page.getByLabel('Aanbod op deze editie').fill(offer)
    await page.getByLabel('Aantal tafels').fill('2')
    await page.getByLabel('Ja', { exact: true }).check()
    await page.getByRole('button', { name: /bewaren/i }).click()
    await page.getByText('Bedankt. Uw stand is bewaard.').waitFor()
    const row = await t.db.selectFrom('edition_stands').selectAll().where('id', '=', standId).executeTakeFirstOrThrow()
    assert.equal(row.offer, offer)
  }

  // axe needs scripts in the page, so the walk-through without JavaScript is checked on its own.
  test('without JavaScript a partner fills in and updates their stand on a 320-pixel-wide screen, and an error keeps what was typed', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 800 }, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(await partnerLink())
    assert.equal(await fitsWidth(page), true, 'the partner link page fits 320 px')
    await page.getByLabel('Aanbod op deze editie').fill('')
    await page.getByLabel('Opmerkingen en noden').fill('Wij brengen een roll-up mee')
    await page.getByRole('button', { name: /bewaren/i }).click()
    await page.waitForSelector('.error-summary')
    assert.equal(await page.getByLabel('Opmerkingen en noden').inputValue(), 'Wij brengen een roll-up mee')
    await fillIn(page, 'Gratis lidkaart voor het hele gezin')
    assert.equal(await fitsWidth(page), true, 'the saved page fits 320 px')
    await fillIn(page, 'Gratis lidkaart en voorleesuurtjes')
    await context.close()
  })

  for (const width of [1024, 320]) {
    test(`the staff pages of partners, the info market and contributions pass axe at ${width} px`, async () => {
      const { context, page } = await signedIn(width)
      await open(page, paths.partners(), 'the partner list', width)
      await open(page, paths.partnerNew(), 'the new partner form', width)
      await open(page, paths.partner(partnerId), 'a partner', width)
      await open(page, paths.editionStands(editionId), 'the info market', width)
      await open(page, paths.editionStand(editionId, standId), 'a stand', width)
      await open(page, paths.editionContributions(editionId), 'the contributions', width)
      await open(page, paths.editionContribution(editionId, contributionId), 'a contribution', width)

      // A new partner from the info market, with a mistake: the form opens with the error.
      await page.goto(`${base}${paths.editionStands(editionId)}`)
      await page.locator('summary', { hasText: 'Een nieuwe partner toevoegen' }).click()
      await page.getByRole('button', { name: 'Partner en stand toevoegen' }).click()
      await page.waitForSelector('.error-summary')
      await expectAccessible(page, 'the info market with an error', width)

      // Making a link shows it once.
      await page.goto(`${base}${paths.editionStand(editionId, standId)}`)
      await page.getByRole('button', { name: /link maken/i }).click()
      await page.getByText('Kopieer de link nu').waitFor()
      assert.match(await page.getByLabel('Link voor de partner').inputValue(), /\/partner\//)
      await expectAccessible(page, 'the new link', width)

      await page.goto(`${base}${paths.editionContributions(editionId)}`)
      await page.getByRole('button', { name: 'Bijdrage toevoegen' }).click()
      await page.waitForSelector('.error-summary')
      await expectAccessible(page, 'the contributions with an error', width)
      await context.close()
    })

    test(`a partner fills in their stand through the link at ${width} px, without accessibility problems`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      const link = await partnerLink()
      await page.goto(link)
      assert.equal((await page.getByRole('heading', { level: 1 }).textContent())?.trim(), 'Uw stand op de infomarkt')
      await expectAccessible(page, 'the partner link page', width)

      await page.getByLabel('Aanbod op deze editie').fill('')
      await page.getByRole('button', { name: /bewaren/i }).click()
      await page.waitForSelector('.error-summary')
      await expectAccessible(page, 'the partner link page with an error', width)

      await fillIn(page, `Gratis lidkaart (${width} px)`)
      await expectAccessible(page, 'the partner link page after saving', width)

      await t.db.updateTable('edition_stands').set({ link_expires_at: new Date(Date.now() - 1000) }).where('id', '=', standId).execute()
      const expired = await page.goto(link)
      assert.equal(expired?.status(), 410)
      await expectAccessible(page, 'an expired partner link', width)
      await context.close()
    })
  }
})
