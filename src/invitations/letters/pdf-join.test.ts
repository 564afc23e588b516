// Joining Chromium's PDFs as they come: one valid file (every cross-reference points at its
// object), pages in order, and a batch larger than one render printed in parts, in order.
import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { pdfText } from '../../../test/helpers/pdf.ts'
import { createPdfService } from '../../platform/pdf/pdf.ts'
import { renderLetterBatch } from './letter-batch.ts'
import type { LetterFrame } from './letter-html.tsx'
import { LETTERS_PER_RENDER } from './letters.ts'
import { PdfJoiner } from './pdf-join.ts'
import { qrPng } from './qr-png.ts'
import { pdfQrCodes } from './letters-test-support.ts'

const pdf = createPdfService({ chromiumPath: process.env.CHROMIUM_PATH || null })
after(() => pdf.close())

function document(name: string, pages: number, extra = ''): string {
  const sections = Array.from({ length: pages }, (_, i) => `<section><h1>${name} ${i + 1}</h1>${extra}</section>`).join('')
  return `<!doctype html><html><head><style>@page { size: A4; margin: 20mm } section + section { break-before: page }</style></head><body>${sections}</body></html>`
}

async function join(parts: Buffer[]): Promise<{ bytes: Buffer; pages: number }> {
  const chunks: Uint8Array[] = []
  const joiner = new PdfJoiner(async (bytes) => void chunks.push(bytes))
  for (const part of parts) await joiner.add(part)
  const pages = await joiner.finish()
  return { bytes: Buffer.concat(chunks), pages }
}

describe('joining PDFs', () => {
  test('joins parts into one PDF whose cross-references point at their objects, with the pages in order', async () => {
    const parts = await Promise.all([
      pdf.render(document('Eerste', 2, '<p dir="rtl" lang="ar">مرحبا بكم ١٢٣</p>')),
      pdf.render(document('Tweede', 1, `<img src="${qrPng('https://welkom.example/r/abc')}" alt="" width="120">`)),
      pdf.render(document('Derde', 3)),
    ])
    const { bytes, pages } = await join(parts)
    assert.equal(pages, 6)
    const { text, pages: read } = await pdfText(bytes)
    assert.equal(read, 6)
    assert.match(text, /Eerste 1 .*Eerste 2 .*Tweede 1 .*Derde 1 .*Derde 2 .*Derde 3/)
    assert.deepEqual(await pdfQrCodes(bytes), [[], [], ['https://welkom.example/r/abc'], [], [], []])

    // A reader that trusts the table (not only pdf.js, which repairs a broken one) finds every object.
    const latin = bytes.toString('latin1')
    const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(latin)?.[1])
    const table = /^xref\n0 (\d+)\n/.exec(latin.slice(start))
    assert.ok(table, 'startxref points at the table')
    const entries = latin.slice(start + table[0].length).split('\r\n').slice(0, Number(table[1]))
    const used = entries.map((entry, n) => ({ n, entry })).filter(({ entry }) => entry.endsWith(' n'))
    assert.ok(used.length > 10)
    for (const { n, entry } of used) assert.ok(latin.startsWith(`${n} 0 obj\n`, Number(entry.slice(0, 10))), `object ${n} is where the table says`)
    assert.match(latin, /^%PDF-1\.7\n/)
    assert.match(latin, /trailer\n<< \/Size \d+ \/Root 1 0 R >>/)
  })

  test('a batch larger than one render is printed in parts and joined in the order given', async () => {
    const frame: LetterFrame = {
      letterhead: { name: 'Mol', address: null, phone: null, logo: null, window: { topMm: 50, leftMm: 110 } },
      edition: { startsAt: new Date('2026-06-14T17:00:00Z'), venueName: null, venueRoom: null, venueAddress: null, replyBy: null, guestsPerInvitee: 0, organisers: [{ id: 'm', name: 'Mol', nisCode: '13025' }] },
      printedOn: new Date('2026-05-01T10:00:00Z'),
      replyAddress: 'welkom.example/r',
    }
    const numbers = Array.from({ length: LETTERS_PER_RENDER + 1 }, (_, i) => i + 1)
    const chunks: Uint8Array[] = []
    const pages = await renderLetterBatch(
      pdf,
      numbers,
      (n) => ({ members: [{ name: `Persoon ${n}`, code: 'ACDE-FGHJ', qr: null }], address: { street: 'Kerkstraat', houseNumber: String(n), box: null, postcode: '2400', city: 'Mol' }, translations: [] }),
      frame,
      async (bytes) => void chunks.push(bytes),
    )
    assert.equal(pages, LETTERS_PER_RENDER + 1)
    const { text } = await pdfText(Buffer.concat(chunks))
    const greetings = [...text.matchAll(/Beste Persoon (\d+),/g)].map((m) => Number(m[1]))
    assert.deepEqual(greetings, numbers)
    assert.match(text, /Waar\? Dat laten we u later weten\. .*De ceremonie is alleen voor u\./)
  })
})
