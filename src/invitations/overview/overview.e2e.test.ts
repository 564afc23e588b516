// The reply overview and the person page's invitation section in Chromium, each checked with
// axe-core (WCAG 2.2 A and AA) at desktop width and at 320 px, and a returned letter registered
// with the button, as an officer would.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import type { TestApp } from '../../../test/helpers/app.ts'
import { expectAccessible, signInWithBrowser, closeStaffBrowser, openStaffBrowser, type StaffBrowser } from '../../../test/helpers/browser.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { paths } from '../../paths.ts'
import { insertMessage, insertRecording, insertReply, insertStand, invitePeople, markLetters } from './overview-test-support.ts'

describe('the reply overview in a browser', () => {
  let t: TestApp, browser: Browser, base: string, municipalityId: string, officer: StaffBrowser['officer']

  before(async () => ({ t, browser, base, municipalityId, officer } = await openStaffBrowser('Mol')))
  after(() => closeStaffBrowser({ t, browser }))

  for (const width of [1024, 320]) {
    test(`an officer reads the overview, opens a person, registers a returned letter; every page passes axe at ${width} px`, async () => {
      const edition = await createEdition(t.db, municipalityId, { name: `Welkomstceremonie ${width}`, capacity: 10 })
      const [amal, bashir, elif, farid, chen] = await invitePeople(t.db, t.config, edition.id, [
        { first_name: 'Amal', last_name: 'Haddad', language: 'ar' },
        { first_name: 'Bashir', last_name: 'Rahimi', language: 'prs' },
        { first_name: 'Elif', last_name: 'Yilmaz', language: 'tr' },
        { first_name: 'Farid', last_name: 'Noori', language: null },
        { first_name: 'Chen', last_name: 'Wang', language: 'en' },
      ])
      const where = (inviteeId: string) => ({ municipalityId, editionId: edition.id, inviteeId })
      const library = await insertStand(t.db, municipalityId, edition.id, 'Bibliotheek Mol')
      await insertMessage(t.db, where(amal!), { channel: 'email', status: 'sent' })
      await insertReply(t.db, where(amal!), { adults: 2, children: 3, needs: { halal: true, wheelchair: true, interpreter: 'ar', allergies: 'Noten' }, interests: [library], contribution_kinds: ['food'], consents: { photo: true, childrenPhoto: true } })
      await insertRecording(t.db, edition.id, amal!)
      await markLetters(t.db, [bashir!, elif!], {})
      await insertReply(t.db, where(bashir!), { attending: 'no', channel: 'letter' })
      await insertMessage(t.db, where(farid!), { channel: 'email', status: 'failed' })
      await insertMessage(t.db, where(chen!), { channel: 'sms', status: 'sent' })
      await insertReply(t.db, where(chen!), { adults: 5, place: 'waiting' })

      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, officer)

      await page.goto(`${base}${paths.edition(edition.id)}`)
      await page.getByRole('link', { name: 'Alle antwoorden bekijken' }).click()
      await page.waitForSelector('h1:has-text("Antwoorden")')
      const overview = await page.locator('main').innerText()
      assert.match(overview, /1 persoon \+ 5 gasten = 6 plaatsen van 10/)
      await expectAccessible(page, 'the reply overview', width)

      // From the waiting list to the person.
      await page.getByRole('link', { name: 'Chen Wang' }).click()
      await page.waitForSelector('h1:has-text("Wang Chen")')
      assert.match(await page.locator('main').innerText(), /Ja, maar staat op de wachtlijst/)

      await page.goto(`${base}${paths.invitee(edition.id, amal!)}`)
      await page.waitForSelector('h2:has-text("Uitnodiging en antwoord")')
      assert.match(await page.locator('main').innerText(), /Uitspraak beluisteren/)
      await expectAccessible(page, 'the person page with an answer', width)

      await page.goto(`${base}${paths.invitee(edition.id, elif!)}`)
      await page.getByRole('button', { name: 'De brief kwam terug' }).click()
      await page.waitForSelector('text=De brief staat als teruggekomen')
      assert.match(await page.locator('main').innerText(), /Andere weg nodig De brief kwam terug/i)
      await expectAccessible(page, 'the person page with a returned letter', width)

      await page.goto(`${base}${paths.invitee(edition.id, farid!)}`)
      assert.match(await page.locator('main').innerText(), /E-mail kwam niet aan — stuur een brief/)
      await expectAccessible(page, 'the person page with a failed e-mail', width)
      await context.close()
    })
  }
})
