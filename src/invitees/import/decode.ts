// Telling a text table from any other file, and turning its bytes into text without mojibake.
// Lists come from Excel as UTF-8 (often with a BOM) or as Windows-1252; the file name says nothing.
import iconv from 'iconv-lite'
import { isUtf8 } from 'node:buffer'
import type { ByteSource } from './byte-source.ts'

const UTF8_BOM = [0xef, 0xbb, 0xbf]
const SAMPLE_BYTES = 64 * 1024

/** An XLSX workbook is a ZIP archive; every ZIP starts with a local file header. */
export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/**
 * True when the bytes cannot be a text table: a NUL anywhere (images, PDFs, old .xls files and
 * UTF-16 all have them), a PDF header, or more than 1% control characters in the first 64 KB.
 * The ratio tolerates a stray control character in an otherwise good export.
 */
export function looksBinary(bytes: Buffer): boolean {
  if (bytes.includes(0)) return true
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return true
  const sample = bytes.subarray(0, SAMPLE_BYTES)
  let controls = 0
  for (const byte of sample) {
    // Tab, line feed, form feed, carriage return and the DOS end-of-file mark occur in real exports.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1a) controls++
  }
  return controls > sample.length / 100
}

export type TextEncoding = 'utf-8' | 'windows-1252'

export type TextInspection = { binary: true } | { binary: false; encoding: TextEncoding }

/**
 * One pass over a whole source: not text when a NUL shows up anywhere (or the first 64 KB look
 * binary), otherwise UTF-8 when every byte after a BOM is valid UTF-8, and Windows-1252 when not:
 * every byte sequence is valid Windows-1252, and it is what Excel on Windows writes for "CSV (;)".
 * Validating costs a fraction of parsing, and deciding
 * on the whole file rather than a sample means an "é" on the last line still comes out right.
 */
export async function inspectText(source: ByteSource): Promise<TextInspection> {
  if (looksBinary(await source.head(SAMPLE_BYTES))) return { binary: true }
  let utf8 = true
  // The bytes of a character split between two chunks wait for the next chunk.
  let carry: Buffer = Buffer.alloc(0)
  for await (const chunk of source.chunks()) {
    if (chunk.includes(0)) return { binary: true }
    if (!utf8) continue
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk
    const complete = completeLength(bytes)
    utf8 = isUtf8(bytes.subarray(0, complete))
    carry = bytes.subarray(complete)
  }
  return { binary: false, encoding: utf8 && carry.length === 0 ? 'utf-8' : 'windows-1252' }
}

/** The length up to the last character whose bytes are all there (UTF-8 needs at most four). */
function completeLength(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!
    if ((byte & 0xc0) === 0x80) continue // a continuation byte: its lead is further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return length > back ? bytes.length - back : bytes.length
  }
  return bytes.length
}

/** The first characters of the text (for sniffing the separator): BOM dropped, never failing. */
export function decodeHead(head: Buffer, encoding: TextEncoding): string {
  const body = hasUtf8Bom(head) ? head.subarray(UTF8_BOM.length) : head
  return encoding === 'utf-8' ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(body) : iconv.decode(body, 'windows-1252')
}

/**
 * The text as UTF-8 bytes, chunk by chunk, without the BOM: UTF-8 passes through untouched (the
 * CSV parser decodes each field once, whole, so a character split between chunks is safe);
 * Windows-1252, one byte per character, is converted chunk by chunk.
 */
export async function* utf8Chunks(source: ByteSource, encoding: TextEncoding): AsyncGenerator<Buffer> {
  let first = true
  for await (const chunk of source.chunks()) {
    const body = first && hasUtf8Bom(chunk) ? chunk.subarray(UTF8_BOM.length) : chunk
    first = false
    yield encoding === 'utf-8' ? body : Buffer.from(iconv.decode(body, 'windows-1252'), 'utf8')
  }
}

function hasUtf8Bom(bytes: Buffer): boolean {
  return UTF8_BOM.every((byte, index) => bytes[index] === byte)
}
