// The partner help link in Chromium, checked with axe-core (WCAG 2.2 A and AA) at 1024 and 320 px:
// the staff page that makes the link, and the page partners open with a newcomer, in Dutch and in
// Arabic, with JavaScript on and off; without JavaScript the code from a letter still leads to
// the person's reply page.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { expectAccessible, listen, signInWithBrowser, startBrowser } from '../../../test/helpers/browser.ts'
import { addProgrammeItems } from '../../editions/programme/programme-queries.ts'
import { paths } from '../../paths.ts'
import { formatShortCode } from '../reply-codes.ts'

import { openEditionWithPeople, type Person } from '../reply/reply-test-support.ts'

const WIDTHS = [1024, 320]

describe('the partner help link in a browser', () => {
  let t: TestApp
  let browser: Browser
  let base: string
  let staff: { email: string; password: string }
  let editionId: string
  let people: Person[]

  before(async () => {
    t = await createTestApp()
    base = await listen(t)
    browser = await startBrowser()
    const opened = await openEditionWithPeople(
      t,
      [{ firstName: 'Zahra', language: 'ar' }, { firstName: 'Mehmet' }, { firstName: 'Olena' }, { firstName: 'Ahmad', language: 'ar' }],
      { languages: ['ar', 'en'], venueRoom: 'Grote zaal', accessibility: 'Lift aan de zij-ingang.', guestsPerInvitee: 2 },
    )
    staff = opened.organiser.staff
    editionId = opened.edition.id
    people = opened.people
    await addProgrammeItems(t.db, editionId, [
      { kind: 'welcome', title: 'Welkom door de burgemeester', durationMinutes: 15, performer: null },
      { kind: 'reception', title: 'Receptie en infomarkt', durationMinutes: 60, performer: null },
    ], new Date())
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })

  /**
   * A browser without JavaScript, as far as the page can tell: every script it asks for is refused
   * (the CSP allows no inline script). Playwright's javaScriptEnabled: false would also stop axe-core.
   */
  async function newContext(width: number, scripts: boolean): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width, height: 900 } })
    if (!scripts) await context.route(/\.m?js(\?|$)/, (route) => route.abort())
    return context
  }

  /** The help link as the staff page shows it, made through that page the first time. */
  let link: string | null = null
  async function helpLink(page: Page, width: number): Promise<string> {
    await signInWithBrowser(page, base, staff)
    await page.goto(`${base}${paths.editionHelpLink(editionId)}`)
    if (!link) {
      await expectAccessible(page, 'the staff help-link page without a link', width)
      await page.getByRole('button', { name: 'Maak een link' }).click()
      await page.getByText('De hulplink is gemaakt.').waitFor()
    }
    await expectAccessible(page, 'the staff help-link page with its link', width)
    link = (await page.locator('main code').textContent())!
    assert.match(link, /^http:\/\/localhost:3000\/uitnodiging\/[A-Za-z0-9_-]{43}$/)
    return link.replace('http://localhost:3000', base)
  }

  for (const width of WIDTHS) {
    test(`the staff page makes the link and passes axe at ${width} px`, async () => {
      const context = await newContext(width, true)
      await helpLink(await context.newPage(), width)
      await context.close()
    })
  }

  for (const width of WIDTHS) {
    for (const scripts of [true, false]) {
      const how = scripts ? 'with JavaScript' : 'without JavaScript'
      test(`in Dutch ${how}, the help page explains the ceremony and the code leads to the reply page, at ${width} px`, async () => {
        const context = await newContext(width, scripts)
        const page = await context.newPage()
        const url = await helpLink(page, width)
        await page.goto(url)
        assert.equal(await page.getAttribute('html', 'lang'), 'nl')
        const text = await page.locator('main').innerText()
        assert.match(text, /Komen is gratis/)
        assert.match(text, /Welkom door de burgemeester/)
        for (const name of ['Zahra', 'Mehmet', 'Olena', 'Ahmad']) assert.ok(!text.includes(name), `no name on the page (${name})`)
        await expectAccessible(page, `the help page in Dutch ${how}`, width)

        const person = people[1]!
        await page.getByLabel('Code uit uw brief', { exact: true }).fill(formatShortCode(person.code).toLowerCase())
        await page.getByRole('button', { name: 'Verder' }).click()
        await page.waitForURL(`${base}${paths.reply(person.token)}`)
        await context.close()
      })

      test(`in Arabic ${how}, the help page reads right to left and passes axe at ${width} px`, async () => {
        const context = await newContext(width, scripts)
        const page = await context.newPage()
        const url = await helpLink(page, width)
        await page.goto(`${url}?taal=ar`)
        assert.equal(await page.getAttribute('html', 'lang'), 'ar')
        assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
        assert.equal(await page.locator('input[name=taal]').getAttribute('value'), 'ar', 'the reply page opens in Arabic too')
        await expectAccessible(page, `the help page in Arabic ${how}`, width)
        await context.close()
      })
    }
  }

  test('a wrong address opens the friendly not-found page, which passes axe at 320 px', async () => {
    const context = await newContext(320, false)
    const page = await context.newPage()
    const response = await page.goto(`${base}${paths.replyHelp('nZ3dbQ8m0t0ExZ8sCq3fJdbeK1BtqfO3Wf4u3tq8k3Q')}`)
    assert.equal(response?.status(), 404)
    await expectAccessible(page, 'the not-found page of a help link', 320)
    await context.close()
  })
})
