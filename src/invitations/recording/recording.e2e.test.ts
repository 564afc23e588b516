// The name recording in Chromium, checked with axe-core (WCAG 2.2 A and AA) at 1024 and 320 px:
// on the reply page without JavaScript (a file field, as on a phone that opens its recorder), and
// with JavaScript and a fake microphone (record two seconds, send, see the saved state); and the
// staff page where the speaker listens.
import assert from 'node:assert/strict'
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { expectAccessible, listen, signInWithBrowser } from '../../../test/helpers/browser.ts'
import { Client } from '../../../test/helpers/client.ts'
import { launchChromium } from '../../platform/pdf/chromium.ts'
import { paths } from '../../paths.ts'
import { openEditionWithPeople, type Person } from '../reply/reply-test-support.ts'
import { postMultipart, wav } from './recording-test-support.ts'

const WIDTHS = [1024, 320]

describe('the name recording in a browser', () => {
  let t: TestApp
  let browser: Browser
  let base: string
  let dir: string

  before(async () => {
    t = await createTestApp()
    base = await listen(t)
    // A fake microphone (a beep), allowed without asking: what a person grants with one tap.
    browser = await launchChromium(process.env.CHROMIUM_PATH ?? null, { args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required'] })
    dir = mkdtempSync(join(tmpdir(), 'welkom-recording-'))
  })
  after(async () => {
    await browser?.close()
    await t?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const person = async (firstName: string): Promise<Person & { editionId: string; staff: { email: string; password: string } }> => {
    const { organiser, edition, people } = await openEditionWithPeople(t, [{ firstName, lastName: 'Haddad' }])
    return { ...people[0]!, editionId: edition.id, staff: organiser.staff }
  }
  const recordings = (p: Person) => t.db.selectFrom('reply_recordings').select(['content_type', 'bytes']).where('invitee_id', '=', p.id).execute()

  /**
   * A browser without JavaScript, as far as the page can tell: every script it asks for is refused
   * (the CSP allows no inline script, so none runs). Playwright's javaScriptEnabled: false would
   * also stop axe-core, and switching scripts back on through DevTools for the check crashed this
   * Chromium at the first timer.
   */
  async function withoutPageScripts(width: number) {
    const context = await browser.newContext({ viewport: { width, height: 900 } })
    await context.route(/\.m?js(\?|$)/, (route) => route.abort())
    return context
  }

  async function open(page: Page, path: string): Promise<void> {
    const response = await page.goto(`${base}${path}`)
    assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`)
  }

  for (const width of WIDTHS) {
    test(`without JavaScript the section is a file field that sends a recording, at ${width} px`, async () => {
      const amina = await person('Amina')
      const context = await withoutPageScripts(width)
      const page = await context.newPage()
      await open(page, paths.reply(amina.token))
      const field = page.getByLabel('Neem uw naam op', { exact: true })
      assert.equal(await field.getAttribute('type'), 'file')
      assert.equal(await page.locator('[data-recorder]').count(), 0, 'no recorder buttons without JavaScript')
      await expectAccessible(page, 'the reply page’s recording section without JavaScript', width)

      const file = join(dir, `naam-${width}.wav`)
      writeFileSync(file, wav(2))
      await field.setInputFiles(file)
      await page.getByRole('button', { name: 'Opname versturen' }).click()
      await page.waitForURL(/opname=bewaard/)
      assert.equal(await page.getByRole('status').filter({ hasText: 'Uw opname is bewaard.' }).count(), 1)
      assert.equal(await page.getByRole('button', { name: 'Mijn opname wissen' }).count(), 1)
      assert.deepEqual(await recordings(amina), [{ content_type: 'audio/wav', bytes: wav(2).length }])
      await expectAccessible(page, 'the recording section with a recording, without JavaScript', width)
      await context.close()
    })
  }

  test('with JavaScript and a microphone: record two seconds, listen, send, and see the saved state', async () => {
    const yonas = await person('Yonas')
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } })
    await context.grantPermissions(['microphone'], { origin: base })
    const page = await context.newPage()
    await open(page, paths.reply(yonas.token))
    const record = page.getByRole('button', { name: 'Opnemen', exact: true })
    await record.waitFor()
    assert.equal(await page.getByLabel('Neem uw naam op', { exact: true }).isVisible(), false, 'the recorder replaces the file field')
    await expectAccessible(page, 'the recording section with the recorder', 1024)
    for (const later of ['Stoppen', 'Luisteren', 'Versturen']) assert.equal(await page.getByRole('button', { name: later, exact: true }).count(), 0, `no ${later} button before recording`)

    await record.click()
    const status = page.locator('[data-recorder-status]')
    const announced = (text: string) => page.locator('[data-recorder-status]', { hasText: text }).waitFor()
    await page.getByRole('button', { name: 'Stoppen' }).waitFor()
    await announced('De opname loopt. Zeg nu uw naam.')
    assert.match((await page.locator('[data-recorder-clock]').textContent()) ?? '', /^0:1[0-5]$/, 'a countdown from 15 seconds')
    await page.waitForTimeout(2000)
    await page.getByRole('button', { name: 'Stoppen' }).click()
    await page.getByRole('button', { name: 'Versturen', exact: true }).waitFor()
    await announced('De opname is klaar. Luister ernaar of verstuur ze.')
    await page.getByRole('button', { name: 'Luisteren' }).click()
    await page.getByRole('button', { name: 'Versturen', exact: true }).click()
    await page.getByText('U hebt uw naam ingesproken.').waitFor()
    await announced('Uw opname is bewaard.')
    assert.equal(await status.getAttribute('role'), 'status', 'said through the live region')
    const [row] = await recordings(yonas)
    assert.ok(row, 'the recording is in reply_recordings')
    assert.match(row.content_type, /^audio\/(webm|ogg)$/)
    assert.ok(row.bytes > 1000, `about two seconds of sound (${row.bytes} bytes)`)
    assert.equal(await page.getByRole('button', { name: 'Opnieuw opnemen' }).count(), 1, 'the swapped-in section has the recorder again')
    const address = page.url()
    await page.getByRole('link', { name: 'Luister naar uw opname' }).click()
    await page.waitForTimeout(300)
    assert.equal(page.url(), address, 'the saved recording plays on the page')
    await expectAccessible(page, 'the recording section after sending', 1024)
    await context.close()
  })

  test('with JavaScript but the microphone refused, the page says so and gives the file field back', async () => {
    const lina = await person('Lina')
    // This browser grants every microphone request; a browser that has none to give refuses.
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } })
    const page = await context.newPage()
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('refused', 'NotAllowedError'))
    })
    await open(page, paths.reply(lina.token))
    await page.getByRole('button', { name: 'Opnemen', exact: true }).click()
    await page.getByText('De microfoon mag niet opnemen. U kunt ook een geluidsbestand kiezen.').waitFor()
    assert.equal(await page.getByLabel('Neem uw naam op', { exact: true }).isVisible(), true)
    assert.equal(await page.getByRole('button', { name: 'Opnemen', exact: true }).count(), 0)
    await expectAccessible(page, 'the recording section after the microphone was refused', 320)
    await context.close()
  })

  for (const width of WIDTHS) {
    test(`staff hear the recording on an accessible page, playing it is audited, and they can delete it, at ${width} px`, async () => {
      const omar = await person(`Omar${width}`)
      await postMultipart(new Client(t.app), paths.replyRecording(omar.token), {}, { recording: { filename: 'naam.wav', contentType: 'audio/wav', content: wav(1) } })
      const context = await browser.newContext({ viewport: { width, height: 900 } })
      const page = await context.newPage()
      await signInWithBrowser(page, base, omar.staff)
      await open(page, paths.inviteeRecording(omar.editionId, omar.id))
      await expectAccessible(page, 'the staff recording page', width)
      await page.evaluate(() => document.querySelector('audio')?.play())
      await page.waitForFunction(() => (document.querySelector('audio')?.currentTime ?? 0) > 0 || document.querySelector('audio')?.ended)
      const played = await t.db.selectFrom('audit_events').select('action').where('record_id', '=', omar.id).where('action', '=', 'reply.recording_played').execute()
      assert.ok(played.length >= 1, 'listening is in the audit trail')
      assert.equal(await page.locator(`audio[src="${paths.inviteeRecordingAudio(omar.editionId, omar.id)}"]`).count(), 1)
      // The person asked for it to be deleted.
      await page.getByRole('button', { name: 'Opname verwijderen' }).click()
      await page.getByText('De opname is verwijderd.').waitFor()
      assert.equal(await page.locator('audio').count(), 0)
      await expectAccessible(page, 'the staff recording page after deleting', width)
      await context.close()
    })
  }
})
