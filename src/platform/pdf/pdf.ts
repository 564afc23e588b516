// HTML → PDF in Chromium. One warm browser per process, launched on first use and shared by
// concurrent renders; each render gets its own browser context, closed afterwards.
import type { Browser } from 'playwright-core'
import { launchChromium } from './chromium.ts'
import { FONT_FAMILY, fontFaceCss } from './fonts.ts'

export interface PdfOptions {
  /** Ignored when the document sets `@page { size: ... }`. Default A4. */
  format?: 'A4'
  landscape?: boolean
  margin?: { top?: string; right?: string; bottom?: string; left?: string }
}

export interface PdfService {
  /** `html` is a full document. The Welkom fonts are added to it; the page may not fetch anything. */
  render(html: string, options?: PdfOptions): Promise<Buffer>
  close(): Promise<void>
}

export interface PdfServiceOptions {
  chromiumPath: string | null
  /** Replaces how the browser is started (tests count launches with it). */
  launch?: (chromiumPath: string | null) => Promise<Browser>
}

export function createPdfService(options: PdfServiceOptions): PdfService {
  const launch = options.launch ?? launchChromium
  let browser: Promise<Browser> | null = null
  let closed = false

  function warmBrowser(): Promise<Browser> {
    if (browser) return browser
    const launching = launch(options.chromiumPath)
    browser = launching
    // After a crash (or a failed launch) the next render starts a new browser.
    const forget = () => {
      if (browser === launching) browser = null
    }
    launching.then((b) => b.on('disconnected', forget), forget)
    return launching
  }

  return {
    async render(html, pdfOptions = {}) {
      if (closed) throw new Error('The PDF service is closed')
      const context = await (await warmBrowser()).newContext({
        // A PDF is a print of server-rendered HTML: no script needs to run, and none can hang it.
        javaScriptEnabled: false,
        offline: true,
      })
      try {
        const page = await context.newPage()
        // data: URLs never reach the router, so aborting every request leaves exactly those.
        await page.route('**/*', (route) => route.abort())
        await page.setContent(withFonts(html), { waitUntil: 'load' })
        // Evaluation works with scripts disabled. Fonts load only once layout needs them.
        await page.evaluate(() => document.fonts.ready.then(() => undefined))
        return await page.pdf({
          format: pdfOptions.format ?? 'A4',
          landscape: pdfOptions.landscape ?? false,
          margin: pdfOptions.margin,
          printBackground: true,
          preferCSSPageSize: true,
        })
      } finally {
        await context.close().catch(() => {})
      }
    },

    async close() {
      closed = true
      const current = browser
      browser = null
      if (current) await (await current.catch(() => null))?.close()
    },
  }
}

/**
 * The document with the font faces it needs first in its head, plus a default font-family of zero
 * specificity (`:where`), so the document's own styles override it while nothing falls back to a
 * host font unless the document asks for one.
 */
export function withFonts(html: string): string {
  const style = `<style>${fontFaceCss(html)}\n:where(html){font-family:'${FONT_FAMILY}'}</style>`
  const head = /<head\b[^>]*>/i.exec(html)
  // Without a <head>, a <style> right after <html> (or the doctype) still lands in the implied
  // head; before the doctype it would switch the page to quirks mode.
  const at = head ? head.index + head[0].length : (/^\s*(<!doctype[^>]*>)?\s*(<html\b[^>]*>)?/i.exec(html)?.[0].length ?? 0)
  return html.slice(0, at) + style + html.slice(at)
}
