// What a recording of "how to say my name" may be. The file is recognised by its first bytes, never
// by the name or the type the browser sends, so a renamed picture or document is refused. Pure.

/** About 30–60 seconds of compressed speech; a name takes a few seconds. */
export const RECORDING_MAX_BYTES = 1024 * 1024
/** The in-browser recorder stops itself here. */
export const RECORDER_SECONDS = 15
/** Where the length can be read from the file (WAV), longer recordings are refused. */
export const RECORDING_MAX_SECONDS = 30

export const AUDIO_TYPES = ['audio/webm', 'audio/ogg', 'audio/mp4', 'audio/3gpp', 'audio/3gpp2', 'audio/mpeg', 'audio/wav', 'audio/aac'] as const
export type AudioType = (typeof AUDIO_TYPES)[number]

export type RecordingProblem = 'empty' | 'notAudio' | 'tooLarge' | 'tooLong'

export type RecordingCheck = { ok: true; contentType: AudioType } | { ok: false; problem: RecordingProblem }

/** Decides whether the uploaded bytes may be kept as a recording, and as what type. */
export function checkRecording(bytes: Buffer | null): RecordingCheck {
  if (!bytes || bytes.length === 0) return { ok: false, problem: 'empty' }
  // The upload limit lets one byte more through than allowed, so a longer file shows up here.
  if (bytes.length > RECORDING_MAX_BYTES) return { ok: false, problem: 'tooLarge' }
  const contentType = sniffAudioType(bytes)
  if (!contentType) return { ok: false, problem: 'notAudio' }
  if (contentType === 'audio/wav') {
    const seconds = wavDurationSeconds(bytes)
    if (seconds === null) return { ok: false, problem: 'notAudio' }
    if (seconds > RECORDING_MAX_SECONDS) return { ok: false, problem: 'tooLong' }
  }
  return { ok: true, contentType }
}

// MP4 "brands" that hold sound. Pictures share the container (HEIC, AVIF: "heic", "mif1", "avif"),
// so only these are taken as audio.
const MP4_AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'mp41', 'mp42', 'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso8', 'iso9', 'dash', 'MSNV', 'f4a '])

/** The audio format of the bytes, or null when they are not a format we take. */
export function sniffAudioType(bytes: Buffer): AudioType | null {
  const ascii = (from: number, to: number) => (bytes.length >= to ? bytes.toString('latin1', from, to) : '')
  // EBML header: WebM (what Chromium and Firefox record) or Matroska.
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) return 'audio/webm'
  if (ascii(0, 4) === 'OggS') return 'audio/ogg'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'audio/wav'
  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12)
    if (brand.startsWith('3gp') || brand.startsWith('3gr')) return 'audio/3gpp'
    if (brand.startsWith('3g2')) return 'audio/3gpp2'
    return MP4_AUDIO_BRANDS.has(brand) ? 'audio/mp4' : null
  }
  if (ascii(0, 3) === 'ID3') return 'audio/mpeg'
  if (bytes.length >= 3 && bytes[0] === 0xff) {
    const b1 = bytes[1]!
    const b2 = bytes[2]!
    // AAC in ADTS frames: 12 sync bits, then layer "00"; the sampling index 13–15 is reserved.
    if ((b1 & 0xf6) === 0xf0 && ((b2 >> 2) & 0x0f) <= 12) return 'audio/aac'
    // An MPEG audio frame: 11 sync bits, a version and layer that exist, a bitrate and sample rate
    // that are not "bad"/"reserved". JPEG (FF D8) fails the sync bits.
    const version = (b1 >> 3) & 0b11
    const layer = (b1 >> 1) & 0b11
    const bitrate = b2 >> 4
    const sampleRate = (b2 >> 2) & 0b11
    if ((b1 & 0xe0) === 0xe0 && version !== 0b01 && layer !== 0b00 && bitrate !== 0b1111 && sampleRate !== 0b11) return 'audio/mpeg'
  }
  return null
}

/**
 * The length of a WAV recording in seconds, from its header: the "data" chunk's size over the
 * "fmt " chunk's bytes per second. Null when the header cannot be read. A streamed WAV may state
 * a huge or zero size; the bytes actually present then count.
 */
export function wavDurationSeconds(bytes: Buffer): number | null {
  let byteRate: number | null = null
  let offset = 12
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('latin1', offset, offset + 4)
    const size = bytes.readUInt32LE(offset + 4)
    const body = offset + 8
    if (id === 'fmt ' && body + 12 <= bytes.length) byteRate = bytes.readUInt32LE(body + 8)
    if (id === 'data') {
      if (!byteRate) return null
      const present = bytes.length - body
      const dataBytes = size === 0 || size > present ? present : size
      return dataBytes / byteRate
    }
    // Chunks are padded to an even length.
    offset = body + size + (size % 2)
  }
  return null
}
