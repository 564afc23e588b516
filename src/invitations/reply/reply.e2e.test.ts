// The reply page in Chromium, in Dutch with JavaScript on and in Arabic with JavaScript off: the
// code form, the reply page, the form with an error, the thank-you page and the not-found page,
// each checked with axe-core (WCAG 2.2 A and AA) at desktop width and at 320 px.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { expectAccessible, listen, startBrowser } from '../../../test/helpers/browser.ts'
import { paths } from '../../paths.ts'
import { formatShortCode } from '../reply-codes.ts'
import { openEditionWithPeople, type Person } from './reply-test-support.ts'

describe('the reply page in a browser', () => {
  let t: TestApp
  let browser: Browser
  let base: string

  before(async () => {
    t = await createTestApp()
    base = await listen(t)
    browser = await startBrowser()
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })

  /** Two people per run: one answers through the code form, the other is not needed beyond its page. */
  async function invite(language: string): Promise<Person> {
    const { edition, people } = await openEditionWithPeople(t, [{ firstName: language === 'ar' ? 'أمل' : 'Amal', language }], { venueRoom: 'Grote zaal', accessibility: 'Lift aan de zij-ingang.' })
    const now = new Date()
    await t.db.insertInto('programme_items').values({ id: randomUUID(), edition_id: edition.id, position: 1, kind: 'welcome', title: 'Welkom door de burgemeester', duration_minutes: 20, performer: null, updated_at: now }).execute()
    const partnerId = randomUUID()
    await t.db.insertInto('partners').values({ id: partnerId, municipality_id: edition.municipalityId, name: 'Bibliotheek', offer: 'Gratis lidkaart en taalcafé', contact_name: null, contact_email: null, contact_phone: null, created_at: now, updated_at: now }).execute()
    await t.db.insertInto('edition_stands').values({ id: randomUUID(), edition_id: edition.id, partner_id: partnerId, offer: null, tables: 1, needs_power: false, place: null, notes: null, link_token_hash: null, link_expires_at: null, filled_in_at: null, created_at: now, updated_at: now }).execute()
    return people[0]!
  }

  /**
   * axe runs as a script, which a page without JavaScript cannot run. So the page as it arrived
   * without JavaScript is checked again in a second tab that may run axe but loads no page script.
   */
  async function expectAccessibleAsLoaded(page: Page, what: string, width: number, scriptsOff: boolean) {
    if (!scriptsOff) return expectAccessible(page, what, width)
    const [url, html] = [page.url(), await page.content()]
    const context = await browser.newContext({ viewport: { width, height: 800 } })
    const checker = await context.newPage()
    await checker.route('**/*.js', (route) => route.abort())
    await checker.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }))
    await checker.goto(url)
    try {
      await expectAccessible(checker, what, width)
    } finally {
      await context.close()
    }
  }

  async function answerThroughTheCode(page: Page, person: Person, language: 'nl' | 'ar', width: number, scriptsOff: boolean) {
    const what = `${language} ${width}px`
    const expectAccessible = (p: Page, label: string, w: number) => expectAccessibleAsLoaded(p, label, w, scriptsOff)
    await page.goto(`${base}${paths.replyCode()}?taal=${language}`)
    await expectAccessible(page, `the code form (${what})`, width)
    await page.locator('#field-code').fill(formatShortCode(person.code).toLowerCase())
    await page.locator(`form[action="${paths.replyCode()}"] button[type=submit]`).click()
    await page.waitForURL(`${base}${paths.reply(person.token)}`)
    assert.equal(await page.getAttribute('html', 'lang'), language)
    assert.equal(await page.getAttribute('html', 'dir'), language === 'ar' ? 'rtl' : 'ltr')
    await expectAccessible(page, `the reply page (${what})`, width)

    const submit = page.locator(`form[action="${paths.reply(person.token)}"] button[type=submit]`)
    await page.locator('#field-attending').check()
    await page.locator('#field-adults').fill('7')
    await submit.click()
    await page.waitForSelector('.error-summary')
    assert.equal(await page.locator('#field-adults').inputValue(), '7')
    await expectAccessible(page, `the form with an error (${what})`, width)

    await page.locator('#field-adults').fill('1')
    await page.locator('#field-halal').check()
    await page.locator('#field-interests').check()
    await submit.click()
    await page.waitForURL(`${base}${paths.replyDone(person.token)}?taal=${language}`)
    await expectAccessible(page, `the thank-you page (${what})`, width)

    await page.goto(`${base}${paths.reply('AAAAAAAAAAAAAAAAAAAAAAAA')}?taal=${language}`)
    await expectAccessible(page, `the not-found page (${what})`, width)
  }

  for (const width of [1024, 320]) {
    test(`a Dutch reader with JavaScript answers through the code form; every page passes axe at ${width} px`, async () => {
      const person = await invite('nl')
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await answerThroughTheCode(page, person, 'nl', width, false)
      await page.goto(`${base}${paths.replyDone(person.token)}`)
      assert.match(await page.locator('main').innerText(), /Ja, u komt\. U brengt 1 persoon mee\./)
      assert.match(await page.locator('main').innerText(), /Bibliotheek/)
      // A page without Ethiopic script never fetches the Tigrinya web font (unicode-range).
      const fresh = await context.newPage()
      const fonts: string[] = []
      fresh.on('request', (request) => {
        if (request.url().includes('/static/fonts/')) fonts.push(request.url())
      })
      await fresh.goto(`${base}${paths.replyDone(person.token)}`)
      await fresh.evaluate(() => document.fonts.ready)
      assert.deepEqual(fonts, [])
      await context.close()
    })

    test(`an Arabic reader without JavaScript answers in Arabic; every page passes axe at ${width} px`, async () => {
      const person = await invite('ar')
      const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false, locale: 'ar' })
      const page = await context.newPage()
      await answerThroughTheCode(page, person, 'ar', width, true)
      const reply = await t.db.selectFrom('replies').select(['attending', 'adults', 'language', 'channel']).where('invitee_id', '=', person.id).executeTakeFirstOrThrow()
      assert.deepEqual(reply, { attending: 'yes', adults: 1, language: 'ar', channel: 'web' })
      await context.close()
    })
  }
})
