// The editorial pages in Chromium, checked with axe-core (WCAG 2.2 A and AA) at desktop width
// and at 320 px, where nothing may need sideways scrolling.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { expectNoAxeViolations, fitsWidth, listen, signInWithBrowser, startBrowser } from '../../../test/helpers/browser.ts'
import { createUser, signIn } from '../../../test/helpers/factories.ts'
import { findMunicipalityByNis } from '../../municipalities/municipalities-queries.ts'
import { findPracticeBySlug } from '../practices-queries.ts'
import { CEREMONY_SLUG, loadReferenceData } from '../reference-data.ts'
import { practiceText } from '../submissions.ts'
import { insertSubmission, postForm, practiceFields } from './editorial-test-support.ts'

describe('accessibility of the editorial pages', () => {
  let t: TestApp
  let browser: Browser
  let base: string
  let editor: { email: string; password: string }
  let paths: string[]

  before(async () => {
    t = await createTestApp()
    await loadReferenceData(t.db)
    base = await listen(t)
    browser = await startBrowser()
    editor = await createUser(t.db, { role: 'practice_editor', name: 'Eva Redacteur' })
    const ceremony = (await findPracticeBySlug(t.db, CEREMONY_SLUG, { publishedOnly: true }))!
    const mol = (await findMunicipalityByNis(t.db, '13025'))!
    const current = practiceText(ceremony)
    // One accepted change, so the history has two versions.
    const accepted = { ...current, summary: `${current.summary} Een feestelijk moment.` }
    const first = await insertSubmission(t.db, { payload: { kind: 'text_change', practice: accepted }, practiceId: ceremony.id, baseVersion: 1 })
    const client = await signIn(t.app, editor)
    assert.equal((await postForm(client, `/redactie/voorstellen/${first}`, { besluit: 'aanvaarden', ...practiceFields(accepted) })).statusCode, 303)
    // And one waiting for review, written against the old version, with a long changed text.
    const proposed = { ...current, description: current.description.replace('De burgemeester of schepen geeft een speech', 'De burgemeester geeft een korte, persoonlijke speech'), goals: [...current.goals, 'Nieuwe inwoners met elkaar in contact brengen'] }
    const review = await insertSubmission(t.db, { payload: { kind: 'text_change', practice: proposed }, practiceId: ceremony.id, baseVersion: 1, municipalityId: mol.id, submitterName: 'Sara Indiener' })
    paths = ['/redactie', `/redactie/voorstellen/${review}`, `/redactie/praktijken/${ceremony.id}`, `/redactie/praktijken/${ceremony.id}/versies`, `/redactie/praktijken/${ceremony.id}/versies?versie=1`, '/redactie/onvolledig', '/redactie?weergave=praktijken']
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })

  async function check(page: Page, path: string, width: number) {
    const response = await page.goto(`${base}${path}`)
    assert.equal(response?.status(), 200, path)
    await expectNoAxeViolations(page, `${path} at ${width} px`)
    if (width <= 320) assert.equal(await fitsWidth(page), true, `${path} needs no sideways scrolling at ${width} px`)
  }

  for (const width of [1024, 320]) {
    test(`the queue, a review with its difference, the practice, its history and the incomplete list pass axe at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, editor)
      for (const path of paths) await check(page, path, width)

      // A rejection without a reason: the form with its errors must pass too.
      await page.goto(`${base}${paths[1]}`)
      await page.getByRole('button', { name: 'Weigeren' }).click()
      await page.waitForSelector('.error-summary')
      await expectNoAxeViolations(page, `the review page with errors at ${width} px`)
      await context.close()
    })
  }
})
