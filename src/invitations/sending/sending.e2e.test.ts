// The invitations and reminders pages in Chromium: sending, adding a reminder with and without
// errors, each state checked with axe-core (WCAG 2.2 A and AA) at desktop width and at 320 px.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import type { TestApp } from '../../../test/helpers/app.ts'
import { expectAccessible, signInWithBrowser, closeStaffBrowser, openStaffBrowser, type StaffBrowser } from '../../../test/helpers/browser.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { insertPeople } from '../../invitees/households/people-test-support.ts'
import { paths } from '../../paths.ts'
import { openInvitations } from '../messages/messages-test-support.ts'

describe('the invitations and reminders pages in a browser', () => {
  let t: TestApp, browser: Browser, base: string, municipalityId: string, officer: StaffBrowser['officer']

  before(async () => ({ t, browser, base, municipalityId, officer } = await openStaffBrowser('Mol')))
  after(() => closeStaffBrowser({ t, browser }))

  for (const width of [1024, 320]) {
    test(`an officer sends the invitations and adds a reminder; every page passes axe at ${width} px`, async () => {
      const edition = await createEdition(t.db, municipalityId, { name: `Welkomstfeest ${width}` })
      await openInvitations(t.db, edition)
      await insertPeople(t.db, edition.id, [
        { first_name: 'Amina', email: 'amina@example.org', phone: '0470 12 34 56', language: 'ar' },
        { first_name: 'Jan', phone: '014 33 08 00' },
      ])
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, officer)

      await page.goto(`${base}${paths.editionInvitations(edition.id)}`)
      await expectAccessible(page, 'the invitations page', width)
      await page.getByRole('button', { name: 'Uitnodigingen versturen' }).click()
      await page.waitForSelector('text=2 berichten staan klaar om te vertrekken.')
      await expectAccessible(page, 'the invitations page after sending', width)

      await page.getByRole('link', { name: 'Herinneringen instellen' }).click()
      await page.waitForSelector('h1:has-text("Herinneringen")')
      await expectAccessible(page, 'the reminders page', width)
      await page.getByRole('button', { name: 'Herinnering toevoegen' }).click()
      await page.waitForSelector('text=Er is een probleem')
      await expectAccessible(page, 'the reminders form with errors', width)
      await page.getByLabel('Hoeveel dagen voor de ceremonie?').fill('7')
      await page.getByLabel('Wie komt').check()
      await page.getByRole('button', { name: 'Herinnering toevoegen' }).click()
      await page.waitForSelector('text=De herinnering is toegevoegd.')
      assert.match(await page.locator('main').innerText(), /7 dagen vooraf, aan wie komt/)
      await expectAccessible(page, 'the reminders page after adding', width)
      await context.close()
    })
  }
})
