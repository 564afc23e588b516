// Test set-up for the recording and the partner help page: small real audio files for uploads.
import { randomUUID } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import type { Client } from '../../../test/helpers/client.ts'

/**
 * A WAV file of silence: 8 kHz, 8-bit mono, so one second is 8,000 bytes and a 40-second
 * recording still fits under the upload limit (what makes it too long is its duration).
 */
export function wav(seconds: number, sampleRate = 8000): Buffer {
  const data = Math.round(seconds * sampleRate)
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'latin1')
  header.writeUInt32LE(36 + data, 4)
  header.write('WAVE', 8, 'latin1')
  header.write('fmt ', 12, 'latin1')
  header.writeUInt32LE(16, 16) // size of the fmt chunk
  header.writeUInt16LE(1, 20) // PCM
  header.writeUInt16LE(1, 22) // mono
  header.writeUInt32LE(sampleRate, 24)
  header.writeUInt32LE(sampleRate, 28) // bytes per second: one byte per sample
  header.writeUInt16LE(1, 32) // block align
  header.writeUInt16LE(8, 34) // bits per sample
  header.write('data', 36, 'latin1')
  header.writeUInt32LE(data, 40)
  return Buffer.concat([header, Buffer.alloc(data, 0x80)])
}

/** The start of a WebM file as MediaRecorder writes it: the EBML header naming the "webm" doc type. */
export function webm(): Buffer {
  const docType = Buffer.from([0x42, 0x82, 0x84, ...Buffer.from('webm')])
  const header = Buffer.concat([Buffer.from([0x42, 0x86, 0x81, 0x01]), docType])
  return Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | header.length]), header, Buffer.alloc(400, 0)])
}

/** An Ogg page header ("OggS", version 0, first page) and some bytes after it. */
export function ogg(): Buffer {
  return Buffer.concat([Buffer.from('OggS', 'latin1'), Buffer.from([0x00, 0x02]), Buffer.alloc(400, 0)])
}

export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

interface FilePart {
  filename: string
  contentType: string
  content: Buffer
}

/**
 * Posts a multipart form the way a browser (or the recorder script's fetch) does, with the
 * client's cookies and CSRF token. Built by hand because the Client's payload is a string, and
 * audio must go as bytes. Cookies the answer sets (none expected) are not kept.
 */
export async function postMultipart(client: Client, url: string, fields: Record<string, string>, files: Record<string, FilePart>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const boundary = `----welkom${randomUUID()}`
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries({ _csrf: await client.token(), ...fields })) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  for (const [name, file] of Object.entries(files)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`), file.content, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  const cookie = ['welkom_session', 'welkom_csrf'].flatMap((name) => (client.cookie(name) ? [`${name}=${client.cookie(name)}`] : [])).join('; ')
  return client.app.inject({ method: 'POST', url, payload: Buffer.concat(parts), remoteAddress: client.address, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } })
}
