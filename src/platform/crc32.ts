// CRC-32 as gzip and PNG define it. Node has zlib.crc32 from 20.15 on; Welkom supports 20.11, so
// older versions get the same sums from a table, slower.
import * as zlib from 'node:zlib'

const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32

const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

/** The CRC-32 of `bytes`, continuing from `previous` (the CRC of the bytes before them), as zlib.crc32 does. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  return native ? native(bytes, previous) : tableCrc32(bytes, previous)
}

export function tableCrc32(bytes: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0
  for (const byte of bytes) c = TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
