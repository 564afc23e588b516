// Joins PDFs into one file as they come, without ever holding the whole document: each part's
// pages, and the fonts, images and content they use, get new object numbers and are written out
// at once. Only the byte offset of every object and the object number of every page stay in
// memory, so joining 10 parts or 100 takes the same memory. (pdf-lib's own merge copies every
// page into one document that lives until it is saved: memory grows with the batch.)
//
// The output is a plain PDF 1.7 file with a classic cross-reference table. Object 1 is the
// catalog and object 2 the page tree; both are written last, once every page is known.
import { PDFContext, PDFDict, PDFDocument, PDFName, PDFObjectCopier, PDFRef } from 'pdf-lib'

const CATALOG = 1
const PAGE_TREE = 2

/** Where the joined file goes, a chunk at a time (a file stream, a hash, a test buffer). */
export type PdfSink = (bytes: Uint8Array) => Promise<void>

export class PdfJoiner {
  private written = 0
  /** Byte offset of each object, by object number. */
  private readonly offsets: number[] = []
  private readonly pages: number[] = []
  private lastObject = PAGE_TREE
  private finished = false

  constructor(private readonly sink: PdfSink) {}

  get pageCount(): number {
    return this.pages.length
  }

  /** Appends every page of `pdf`. */
  async add(pdf: Uint8Array): Promise<void> {
    if (this.finished) throw new Error('The joined PDF is already finished')
    // A binary comment after the header tells transfer programs the file is binary.
    if (this.written === 0) await this.emit([ascii('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n')])
    const source = await PDFDocument.load(pdf, { updateMetadata: false })
    const target = PDFContext.create()
    target.largestObjectNumber = this.lastObject
    const copier = PDFObjectCopier.for(source.context, target)
    for (const page of source.getPages()) {
      // The copier drops the page's parent (and takes over what it inherited from it).
      const copy = copier.copy(page.node) as PDFDict
      copy.set(PDFName.of('Parent'), PDFRef.of(PAGE_TREE))
      this.pages.push(target.register(copy).objectNumber)
    }
    const chunks: Uint8Array[] = []
    let offset = this.written
    for (const [ref, object] of target.enumerateIndirectObjects()) {
      const body = new Uint8Array(object.sizeInBytes())
      object.copyBytesInto(body, 0)
      const head = ascii(`${ref.objectNumber} 0 obj\n`)
      const tail = ascii('\nendobj\n')
      this.offsets[ref.objectNumber] = offset
      chunks.push(head, body, tail)
      offset += head.length + body.length + tail.length
    }
    this.lastObject = target.largestObjectNumber
    await this.emit(chunks)
  }

  /** Writes the page tree, the catalog and the cross-reference table. Returns the page count. */
  async finish(): Promise<number> {
    if (this.written === 0) throw new Error('Nothing to join')
    this.finished = true
    const kids = this.pages.map((n) => `${n} 0 R`).join(' ')
    const objects: [number, string][] = [
      [PAGE_TREE, `<< /Type /Pages /Kids [${kids}] /Count ${this.pages.length} >>`],
      [CATALOG, `<< /Type /Catalog /Pages ${PAGE_TREE} 0 R >>`],
    ]
    let offset = this.written
    let text = ''
    for (const [n, body] of objects) {
      this.offsets[n] = offset
      const object = `${n} 0 obj\n${body}\nendobj\n`
      text += object
      offset += Buffer.byteLength(object, 'latin1')
    }
    const size = this.lastObject + 1
    // Each entry is exactly 20 bytes. A number never used (a reference to nothing in a part) is free.
    let xref = `xref\n0 ${size}\n0000000000 65535 f\r\n`
    for (let n = 1; n < size; n++) {
      const at = this.offsets[n]
      xref += at === undefined ? '0000000000 65535 f\r\n' : `${String(at).padStart(10, '0')} 00000 n\r\n`
    }
    text += `${xref}trailer\n<< /Size ${size} /Root ${CATALOG} 0 R >>\nstartxref\n${offset}\n%%EOF\n`
    await this.emit([ascii(text)])
    return this.pages.length
  }

  private async emit(chunks: Uint8Array[]): Promise<void> {
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
    await this.sink(bytes)
    this.written += bytes.length
  }
}

function ascii(text: string): Uint8Array {
  return Buffer.from(text, 'latin1')
}
