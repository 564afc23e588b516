// The public practice pages in Chromium: search → a result → the practice → a municipality, each
// page checked with axe-core (WCAG 2.2 A and AA) at desktop width and at 320 px.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { expectNoAxeViolations, fitsWidth, listen, startBrowser } from '../../../test/helpers/browser.ts'
import { createMunicipality } from '../../../test/helpers/factories.ts'
import { loadReferenceData } from '../reference-data.ts'

describe('the public practice pages in a browser', () => {
  let t: TestApp
  let browser: Browser
  let base: string

  before(async () => {
    t = await createTestApp()
    await loadReferenceData(t.db)
    base = await listen(t)
    browser = await startBrowser()
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })

  async function expectAccessible(page: Page, what: string, width: number) {
    await expectNoAxeViolations(page, `${what} at ${width} px`)
    if (width <= 320) assert.equal(await fitsWidth(page), true, `${what} needs no sideways scrolling at ${width} px`)
  }

  for (const width of [1024, 320]) {
    test(`a visitor searches, opens the ceremony and one of its municipalities, at ${width} px, without accessibility problems`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await page.goto(`${base}/praktijken`)
      await expectAccessible(page, 'the practice list', width)

      await page.getByLabel('Zoeken in de praktijken').fill('ceremonie')
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click()
      await page.waitForURL(/zoek=ceremonie/)
      const mark = page.locator('.practice-result mark').first()
      assert.equal(await mark.isVisible(), true, 'the match is highlighted')
      assert.match((await mark.textContent()) ?? '', /ceremonie/i)
      const background = await mark.evaluate((el) => getComputedStyle(el).backgroundColor)
      assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the highlight has a background')
      await expectAccessible(page, 'the search results', width)

      // The filters open and tick without JavaScript: a GET form.
      await page.locator('summary', { hasText: 'Categorie' }).click()
      await page.getByLabel('Onthaalbeleid (1)').check()
      await page.getByRole('button', { name: 'Filters toepassen' }).click()
      await page.waitForURL(/categorie=onthaalbeleid/)
      await expectAccessible(page, 'the filtered results', width)

      await page.getByRole('link', { name: 'Inburgeringsceremonie' }).click()
      await page.waitForURL(`${base}/praktijken/inburgeringsceremonie`)
      assert.equal((await page.getByRole('heading', { level: 1 }).textContent())?.trim(), 'Inburgeringsceremonie')
      await expectAccessible(page, 'the practice page', width)

      await page.getByRole('link', { name: 'Mol', exact: true }).click()
      await page.waitForURL(`${base}/praktijken/gemeente/13025`)
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Praktijken in Mol')
      await expectAccessible(page, 'the municipality page', width)
      await context.close()
    })

    test(`a search without results and an empty municipality page pass axe at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await page.goto(`${base}/praktijken?zoek=ceremonie&categorie=taal&gemeente=13025`)
      await page.getByText('Er zijn geen praktijken gevonden').waitFor()
      await expectAccessible(page, 'a search without results', width)
      await page.goto(`${base}/praktijken?pagina=5`)
      await expectAccessible(page, 'a page beyond the end', width)
      const empty = await createMunicipality(t.db, { name: `Zoutleeuw ${width}` })
      await page.goto(`${base}/praktijken/gemeente/${empty.nisCode}`)
      await expectAccessible(page, 'a municipality without practices', width)
      await context.close()
    })
  }
})
