// The bytes of a list, wherever they are: in memory (an upload, decrypted) or in a file (the
// command line). Readers pull them in chunks and may start again from the beginning, so a large
// list is never held twice and a file on disk is never read into memory whole (XLSX aside).
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'

export interface ByteSource {
  /** The number of bytes, known before reading: for the size limit and the progress estimate. */
  size: number
  /** The bytes from the start, in chunks; each call starts again from the first byte. */
  chunks(): AsyncIterable<Buffer>
  /** The first `length` bytes, or all of them when the source is shorter. */
  head(length: number): Promise<Buffer>
  /** Every byte at once, for formats that cannot be read in pieces (an XLSX workbook). */
  all(): Promise<Buffer>
}

const CHUNK_BYTES = 64 * 1024

export function bufferSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    async *chunks() {
      for (let start = 0; start < bytes.length; start += CHUNK_BYTES) yield bytes.subarray(start, start + CHUNK_BYTES)
    },
    head: async (length) => bytes.subarray(0, length),
    all: async () => bytes,
  }
}

/** A file on disk, read in chunks; fails like `stat` does when the file cannot be read. */
export async function fileSource(path: string): Promise<ByteSource> {
  const { size } = await stat(path)
  return {
    size,
    chunks: () => createReadStream(path, { highWaterMark: CHUNK_BYTES }),
    async head(length) {
      const handle = await open(path, 'r')
      try {
        const buffer = Buffer.alloc(Math.min(length, size))
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
        return buffer.subarray(0, bytesRead)
      } finally {
        await handle.close()
      }
    },
    async all() {
      const parts: Buffer[] = []
      for await (const chunk of createReadStream(path)) parts.push(chunk as Buffer)
      return Buffer.concat(parts)
    },
  }
}
