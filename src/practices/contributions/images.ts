// Photos sent with a change request: recognised by their bytes, re-encoded by sharp (libvips) so
// that what we store and serve is a clean image of a sensible size, without EXIF or GPS data.
import sharp from 'sharp'

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024
export const PHOTO_MAX_WIDTH = 1600
/** A small file can still decode into a huge bitmap ("decompression bomb"); refuse those early. */
export const PHOTO_MAX_PIXELS = 40_000_000

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp'

/** Recognises JPEG, PNG and WebP by their first bytes; the file name and the browser's type are never trusted. */
export function sniffPhotoType(bytes: Buffer): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp'
  return null
}

export interface ProcessedPhoto {
  bytes: Buffer
  type: PhotoType
  width: number
  height: number
}

export type PhotoProblem = 'unreadable' | 'tooManyPixels'

/**
 * Turns the photo upright (EXIF orientation), scales it down to at most 1600 px wide and encodes
 * it again in its own format. sharp writes no metadata unless asked to, so EXIF, GPS, XMP and
 * ICC data are all dropped (colours are converted to sRGB first).
 */
export async function processPhoto(input: Buffer, type: PhotoType): Promise<{ ok: true; photo: ProcessedPhoto } | { ok: false; problem: PhotoProblem }> {
  try {
    const pipeline = sharp(input, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: PHOTO_MAX_WIDTH, withoutEnlargement: true })
    const encoded = type === 'image/jpeg' ? pipeline.jpeg({ quality: 82, mozjpeg: true }) : type === 'image/png' ? pipeline.png({ compressionLevel: 9 }) : pipeline.webp({ quality: 82 })
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true })
    return { ok: true, photo: { bytes: data, type, width: info.width, height: info.height } }
  } catch (error) {
    return { ok: false, problem: /pixel limit/i.test((error as Error).message) ? 'tooManyPixels' : 'unreadable' }
  }
}
