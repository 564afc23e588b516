// A gzip response put together from pieces compressed apart. A page rendered once (the reply
// page's template) is deflated once; each visit only adds the few bytes that differ (a name, a
// token) as stored blocks and joins the pieces. Raw deflate output that ends with a sync flush is
// byte-aligned and not final, so such pieces may follow one another; one final empty block and the
// gzip header and trailer (CRC-32 and length of the whole) make the stream (RFC 1951, RFC 1952).
import { constants, deflateRawSync } from 'node:zlib'
import { crc32 } from '../crc32.ts'

export interface DeflatedPiece {
  plain: Buffer
  deflated: Buffer
}

/** Deflated; by default as well as deflate can, for text deflated once and sent many times. */
export function deflatePiece(plain: Buffer, level = 9): DeflatedPiece {
  return { plain, deflated: plain.length === 0 ? plain : deflateRawSync(plain, { level, finishFlush: constants.Z_SYNC_FLUSH }) }
}

const STORED_MAX = 0xffff

/** Not compressed at all (stored blocks): for a few bytes, where starting deflate would cost more than it saves. */
export function storedPiece(plain: Buffer): DeflatedPiece {
  const blocks: Buffer[] = []
  for (let start = 0; start < plain.length; start += STORED_MAX) {
    const chunk = plain.subarray(start, start + STORED_MAX)
    const header = Buffer.alloc(5)
    // BFINAL 0, BTYPE 00 (stored), padded to the byte; then LEN and its one's complement.
    header.writeUInt16LE(chunk.length, 1)
    header.writeUInt16LE(~chunk.length & 0xffff, 3)
    blocks.push(header, chunk)
  }
  return { plain, deflated: Buffer.concat(blocks) }
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])
/** A final fixed-Huffman block holding only its end code. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00])

export function gzipJoin(pieces: DeflatedPiece[]): Buffer {
  let crc = 0
  let size = 0
  const parts: Buffer[] = [GZIP_HEADER]
  for (const piece of pieces) {
    crc = crc32(piece.plain, crc)
    size += piece.plain.length
    parts.push(piece.deflated)
  }
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(size >>> 0, 4)
  parts.push(FINAL_BLOCK, trailer)
  return Buffer.concat(parts)
}

/** Whether a request's Accept-Encoding takes gzip: named with a q above 0, or else through "*". */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  const q = new Map<string, number>()
  for (const entry of header.split(',')) {
    const [name, ...params] = entry.trim().toLowerCase().split(';')
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    q.set(name!, weight === undefined ? 1 : Number(weight.slice(2)))
  }
  const named = q.get('gzip') ?? q.get('x-gzip')
  return (named ?? q.get('*') ?? 0) > 0
}
