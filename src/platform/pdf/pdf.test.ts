import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, test } from 'node:test'
import { inflateSync } from 'node:zlib'
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Browser } from 'playwright-core'
import { launchChromium } from './chromium.ts'
import { fontFaceCss } from './fonts.ts'
import { createPdfService, type PdfService } from './pdf.ts'

const LTR = [
  'Inburgeringsceremonie — één dag, Mechelen',
  'እንቋዕ ብደሓን መጻእኩም',
  'Добро пожаловать',
  'Ласкаво просимо, ґ є ї',
  'Hoş geldiniz, İstanbul, ğ ş ı',
]
const RTL = ['مرحبا بكم في حفل الاندماج ١٢٣٤٥', 'به مراسم خوش آمدید ۱۴۰۳']

// Bold words on purpose: the 700 faces must be embedded too.
const PAGE = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>Welkom</title></head>
<body>
  <h1>Welkom in Mechelen</h1>
  <p>Inburgeringsceremonie — één dag, Mechelen</p>
  <p dir="rtl" lang="ar"><b>مرحبا</b> بكم في حفل الاندماج ١٢٣٤٥</p>
  <p dir="rtl" lang="fa">به مراسم خوش آمدید ۱۴۰۳</p>
  <p lang="ti"><b>እንቋዕ</b> ብደሓን መጻእኩም</p>
  <p lang="ru">Добро пожаловать</p>
  <p lang="uk">Ласкаво просимо, ґ є ї</p>
  <p lang="tr">Hoş geldiniz, İstanbul, ğ ş ı</p>
</body>
</html>`

const services: PdfService[] = []
after(() => Promise.all(services.map((service) => service.close())))

/** A service on the configured (or found) Chromium that records every browser it launches. */
function countingService(): { service: PdfService; launched: Browser[] } {
  const launched: Browser[] = []
  const service = createPdfService({
    chromiumPath: process.env.CHROMIUM_PATH || null,
    launch: async (path) => {
      const browser = await launchChromium(path)
      launched.push(browser)
      return browser
    },
  })
  services.push(service)
  return { service, launched }
}

interface Glyph {
  originalCharCode: number
}

async function readPdf(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise
  const page = await doc.getPage(1)
  const width = page.view[2] ?? 0
  const content = await page.getTextContent()
  let text = ''
  const rtlItemsX: number[] = []
  for (const item of content.items) {
    if (!('str' in item)) continue
    text += item.str + (item.hasEOL ? '\n' : '')
    if (item.dir === 'rtl' && item.str.trim()) rtlItemsX.push(item.transform[4] as number)
  }
  // Which embedded font draws each glyph; glyph code 0 is .notdef, drawn as a box.
  const ops = await page.getOperatorList()
  const fonts = new Set<string>()
  let notdef = 0
  let font = ''
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[]
    if (fn === OPS.setFont) font = (page.commonObjs.get(args[0] as string) as { name: string }).name
    if (fn !== OPS.showText) return
    for (const glyph of args[0] as (Glyph | number)[]) {
      if (typeof glyph === 'number') continue
      fonts.add(font.replace(/^[A-Z]{6}\+/, ''))
      if (glyph.originalCharCode === 0) notdef++
    }
  })
  await doc.destroy()
  return { text: text.normalize('NFC').replace(/[ \t]+/g, ' '), rtlItemsX, width, fonts, notdef }
}

/**
 * The /ActualText of every marked-content span, read from the raw content streams. Chromium
 * writes Arabic-script glyphs that are not one glyph per character (joined forms, letters with
 * separate dots, Persian digits sharing Arabic digit glyphs) as spans with /ActualText, which
 * pdf.js's getTextContent ignores (it returns U+0000 or presentation forms for them).
 */
function actualTexts(pdf: Buffer): string {
  let text = ''
  for (const match of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let stream: string
    try {
      stream = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1')
    } catch {
      continue
    }
    for (const span of stream.matchAll(/\/ActualText\s*<FEFF([0-9A-Fa-f]*)>/g)) {
      text += Buffer.from(span[1] ?? '', 'hex').swap16().toString('utf16le')
    }
  }
  return text
}

test('renders Dutch, Arabic, Farsi, Tigrinya, Russian, Ukrainian and Turkish with the embedded Noto fonts', async () => {
  const { service } = countingService()
  const pdf = await service.render(PAGE)
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')

  const { text, rtlItemsX, width, fonts, notdef } = await readPdf(pdf)
  for (const phrase of LTR) assert.ok(text.includes(phrase), `"${phrase}" in:\n${text}`)

  // RTL: pdf.js gets the Arabic-Indic digits (one glyph per character) in logical order...
  assert.ok(text.includes('١٢٣٤٥'), text)
  // ...but not whole words (see actualTexts), so check that every letter and digit of each
  // phrase is carried by the PDF, as text pdf.js reads (NFKC turns presentation forms back into
  // letters) or as ActualText.
  const carried = new Set(text.normalize('NFKC') + actualTexts(pdf))
  for (const phrase of RTL) {
    const missing = [...phrase.replace(/\s/g, '')].filter((c) => !carried.has(c))
    assert.deepEqual(missing, [], `characters of "${phrase}" missing from the PDF`)
  }
  // dir="rtl" took effect: the Arabic-script lines sit at the right of the page.
  assert.ok(rtlItemsX.length > 0 && rtlItemsX.every((x) => x > width / 2), `RTL x positions ${rtlItemsX.join(', ')}`)

  assert.ok(!text.includes('\uFFFD'), 'no U+FFFD')
  assert.equal(notdef, 0, 'no .notdef (box) glyphs')
  // Every glyph comes from our fonts, never a host font, in both weights.
  assert.deepEqual(
    [...fonts].sort(),
    ['NotoSans-Bold', 'NotoSans-Regular', 'NotoSansArabic-Bold', 'NotoSansArabic-Regular', 'NotoSansEthiopic-Bold', 'NotoSansEthiopic-Regular'],
  )
})

test('only the font faces a document uses are inlined', () => {
  const faces = (css: string) => css.match(/@font-face/g)?.length ?? 0
  assert.equal(faces(fontFaceCss()), 14) // 7 subsets, 400 and 700
  assert.equal(faces(fontFaceCss('<p>Één dag in Mechelen</p>')), 2) // Latin only
  assert.ok(fontFaceCss('<p>&#x645;</p>').includes('U+0600-06FF')) // Arabic written as a reference
  assert.equal(faces(fontFaceCss('<p>&alpha;</p>')), 14) // a named reference may stand for anything
})

test('concurrent renders share one browser, which is relaunched once it is gone', async () => {
  const { service, launched } = countingService()
  const [a, b] = await Promise.all([service.render(PAGE), service.render('<p>Tweede document</p>', { landscape: true })])
  assert.equal(a.subarray(0, 5).toString('latin1'), '%PDF-')
  assert.equal(b.subarray(0, 5).toString('latin1'), '%PDF-')
  assert.equal(launched.length, 1)

  await launched[0]?.close() // as if Chromium crashed
  const c = await service.render('<p>Na een crash</p>')
  assert.equal(c.subarray(0, 5).toString('latin1'), '%PDF-')
  assert.equal(launched.length, 2)
})

test('a PDF never fetches anything', async () => {
  let requests = 0
  const server = createServer((_req, res) => {
    requests++
    res.end('body { color: red }')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const { service } = countingService()
    const pdf = await service.render(`<!doctype html><html><head>
      <link rel="stylesheet" href="${origin}/a.css"><style>@import url("${origin}/b.css")</style>
      <script src="${origin}/c.js"></script></head>
      <body><img src="${origin}/d.png"><iframe src="${origin}/e.html"></iframe>
      <p style="background: url(${origin}/f.png)">Geen netwerk</p></body></html>`)
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')
    assert.equal(requests, 0)
  } finally {
    server.close()
  }
})
