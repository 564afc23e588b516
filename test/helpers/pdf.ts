// Reading a PDF the way a person would: its text, page by page, as pdf.js extracts it.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** The text of every page, with line breaks and runs of spaces collapsed, and the first page's size. */
export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number; width: number; height: number }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise
  let text = ''
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : ' ')
  }
  const [, , width, height] = (await doc.getPage(1)).view
  const pages = doc.numPages
  await doc.destroy()
  return { text: text.normalize('NFC').replace(/\s+/g, ' '), pages, width: width ?? 0, height: height ?? 0 }
}
