// Browser tests: real Chromium through playwright-core, the app listening on loopback, axe-core
// for accessibility. Chromium is found the same way the PDF service finds it.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../../src/platform/pdf/chromium.ts'
import { createTestApp, type TestApp } from './app.ts'
import { createMunicipality, createUser } from './factories.ts'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = t.app.server.address() as { port: number }
  return `http://127.0.0.1:${port}`
}

export function startBrowser(): Promise<Browser> {
  return launchChromium(process.env.CHROMIUM_PATH ?? null)
}

/** What a suite of staff pages in Chromium starts with: the app on loopback, a browser, and an officer of a new municipality. */
export interface StaffBrowser {
  t: TestApp
  browser: Browser
  base: string
  municipalityId: string
  officer: { email: string; password: string }
}

export async function openStaffBrowser(municipalityName: string): Promise<StaffBrowser> {
  const t = await createTestApp()
  const base = await listen(t)
  const browser = await startBrowser()
  const municipalityId = (await createMunicipality(t.db, { name: municipalityName })).id
  const officer = await createUser(t.db, { role: 'staff', municipalityId, name: 'An Officer' })
  return { t, browser, base, municipalityId, officer }
}

/** Closes what openStaffBrowser opened, as far as it got. */
export async function closeStaffBrowser(suite: { t?: TestApp; browser?: Browser }): Promise<void> {
  await suite.browser?.close()
  await suite.t?.close()
}

/**
 * Runs axe-core on the page against WCAG 2.0–2.2 A and AA and fails with a readable list.
 * axe is evaluated through the DevTools protocol, so the page's strict CSP stays on.
 */
export async function expectNoAxeViolations(page: Page, context: string): Promise<void> {
  // After a click that navigates, check the new page once its stylesheet applies: on a busy
  // machine an unstyled page is measured otherwise (touch targets, contrast).
  await page.waitForLoadState('load')
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is defined by the script evaluated above
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
    return result.violations.map((v: { id: string; help: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  })
  assert.deepEqual(violations, [], `axe found violations on ${context}`)
}

/** True when the page needs no sideways scrolling at its current width. */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
}

/** Signs in through the sign-in page, as a person would, and waits for the home page. */
export async function signInWithBrowser(page: Page, base: string, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${base}/aanmelden`)
  await page.getByLabel('E-mailadres').fill(user.email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(user.password)
  await page.getByRole('button', { name: 'Aanmelden' }).click()
  await page.waitForURL(`${base}/`)
}

/** The page passes axe-core (WCAG 2.2 A and AA) and, at 320 px or less, needs no sideways scrolling. */
export async function expectAccessible(page: Page, what: string, width: number): Promise<void> {
  await expectNoAxeViolations(page, `${what} at ${width} px`)
  if (width <= 320) assert.equal(await fitsWidth(page), true, `${what} needs no sideways scrolling at ${width} px`)
}
