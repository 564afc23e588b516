// The QR code of a reply address as a PNG data URL, for the printed letters. The `qrcode` package
// finds the modules; the PNG is written here, black and white at one bit per pixel and compressed
// by Node's zlib, because qrcode's own PNG writer (pngjs, in JavaScript) took about 60 ms a code:
// most of the time of a 1,000-letter batch. Here a code takes about a millisecond, most of it
// qrcode choosing the mask.
import { deflateSync } from 'node:zlib'
import QRCode from 'qrcode'
import { crc32 } from '../../platform/crc32.ts'

/** The standard quiet zone: four modules of white around the code. */
const QUIET_ZONE = 4
/** Pixels per module: 8 prints sharp at the 32 mm the letter gives the code. */
const SCALE = 4

/** Level Q survives a crease or a stain on a paper letter. */
export function qrPng(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'Q' })
  const size = modules.size + 2 * QUIET_ZONE
  const pixels = size * SCALE
  const rowBytes = Math.ceil(pixels / 8)
  // Each scanline: a filter byte (0, none), then the pixels, 1 for white.
  const raw = Buffer.alloc((rowBytes + 1) * pixels)
  for (let y = 0; y < size; y++) {
    const line = Buffer.alloc(rowBytes + 1, 0xff)
    line[0] = 0
    for (let x = 0; x < size; x++) {
      const dark = x >= QUIET_ZONE && y >= QUIET_ZONE && x < size - QUIET_ZONE && y < size - QUIET_ZONE && modules.get(y - QUIET_ZONE, x - QUIET_ZONE)
      if (!dark) continue
      for (let p = x * SCALE; p < (x + 1) * SCALE; p++) line[1 + (p >> 3)]! &= ~(0x80 >> (p & 7))
    }
    for (let r = 0; r < SCALE; r++) line.copy(raw, (y * SCALE + r) * (rowBytes + 1))
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(pixels, 0)
  header.writeUInt32BE(pixels, 4)
  header.set([1, 0, 0, 0, 0], 8) // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  const png = Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
  return `data:image/png;base64,${png.toString('base64')}`
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

