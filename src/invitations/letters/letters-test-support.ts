// What the letter tests share: reading a letter PDF the way the post and a phone would: where the
// text sits on the page, and what its QR codes say.
import { inflateSync } from 'node:zlib'
import { getDocument, ImageKind, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import jsQRModule from 'jsqr'

// jsqr is CommonJS with an ES-style default: under NodeNext the function is its `default`.
const jsQR = jsQRModule.default

export interface PdfLine {
  page: number
  text: string
  /** Millimetres from the left and the top edge of the sheet to the text's box */
  leftMm: number
  rightMm: number
  topMm: number
  dir: string
}

const MM = 72 / 25.4

/** Every run of text with its page and position, in reading order of the content stream. */
export async function pdfLines(pdf: Buffer | Uint8Array): Promise<PdfLine[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise
  const lines: PdfLine[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const height = page.view[3] ?? 0
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || !item.str.trim()) continue
      const [, , , fontSize = 0, x = 0, y = 0] = item.transform as number[]
      // y is the baseline from the bottom; the top of the text is about a font size higher.
      lines.push({ page: n, text: item.str, leftMm: x / MM, rightMm: (x + item.width) / MM, topMm: (height - y - fontSize) / MM, dir: item.dir })
    }
  }
  await doc.destroy()
  return lines
}

/** The text each QR code on each page decodes to, page by page (pages without one give []). */
export async function pdfQrCodes(pdf: Buffer | Uint8Array): Promise<string[][]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, isOffscreenCanvasSupported: false }).promise
  const pages: string[][] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const ops = await page.getOperatorList()
    const found: string[] = []
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== OPS.paintImageXObject) continue
      const name = (ops.argsArray[i] as [string])[0]
      const objects = name.startsWith('g_') ? page.commonObjs : page.objs
      const image = await new Promise<PdfImage>((resolve) => objects.get(name, resolve))
      const decoded = jsQR(rgba(image), image.width, image.height)
      if (decoded) found.push(decoded.data)
    }
    pages.push(found)
  }
  await doc.destroy()
  return pages
}

interface PdfImage {
  width: number
  height: number
  kind: number
  data: Uint8ClampedArray
}

/** pdf.js hands images over as 1-bit grey, RGB or RGBA; jsQR reads RGBA. */
function rgba(image: PdfImage): Uint8ClampedArray {
  const pixels = image.width * image.height
  if (image.kind === ImageKind.RGBA_32BPP) return image.data
  const out = new Uint8ClampedArray(pixels * 4)
  for (let p = 0; p < pixels; p++) {
    let value: [number, number, number]
    if (image.kind === ImageKind.RGB_24BPP) value = [image.data[p * 3]!, image.data[p * 3 + 1]!, image.data[p * 3 + 2]!]
    else {
      // One bit per pixel, rows padded to whole bytes; 1 is white.
      const row = Math.floor(p / image.width)
      const column = p % image.width
      const byte = image.data[row * Math.ceil(image.width / 8) + (column >> 3)]!
      const grey = (byte >> (7 - (column & 7))) & 1 ? 255 : 0
      value = [grey, grey, grey]
    }
    out.set([...value, 255], p * 4)
  }
  return out
}

/**
 * Every character the PDF carries as text: what pdf.js extracts (NFKC turns Arabic presentation
 * forms back into letters) and the /ActualText of marked spans, which Chromium writes for joined
 * Arabic glyphs and which pdf.js ignores (see src/platform/pdf/pdf.test.ts).
 */
export async function carriedCharacters(pdf: Buffer): Promise<Set<string>> {
  let text = (await pdfLines(pdf)).map((l) => l.text).join('').normalize('NFKC')
  for (const match of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let stream: string
    try {
      stream = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1')
    } catch {
      continue
    }
    for (const span of stream.matchAll(/\/ActualText\s*<FEFF([0-9A-Fa-f]*)>/g)) text += Buffer.from(span[1] ?? '', 'hex').swap16().toString('utf16le')
  }
  return new Set(text)
}
