// Telling a text table from any other file, and turning its bytes into text without mojibake.
// Lists come from Excel as UTF-8 (often with a BOM) or as Windows-1252; the file name says nothing.
import iconv from 'iconv-lite'

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

export interface DecodedText {
  text: string
  encoding: 'utf-8' | 'windows-1252'
}

/**
 * UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise Windows-1252: every byte
 * sequence is valid Windows-1252, and it is what Excel on Windows writes for "CSV (;)".
 */
export function decodeText(bytes: Buffer): DecodedText {
  const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte)
  const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes
  try {
    // ignoreBOM keeps a second BOM as text rather than silently eating it; we removed the first.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body)
    return { text, encoding: 'utf-8' }
  } catch {
    return { text: iconv.decode(body, 'windows-1252'), encoding: 'windows-1252' }
  }
}
