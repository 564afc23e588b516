// Municipalities (the tenants): their settings and the rules for them.

export interface Municipality {
  id: string
  nisCode: string
  name: string
  themeColor: string
  hasLogo: boolean
  contactEmail: string | null
  contactPhone: string | null
  website: string | null
  address: string | null
  retentionDays: number
}

export const DEFAULT_THEME_COLOR = '#1d4f91'
export const RETENTION_DAYS = { min: 30, max: 730 }
export const LOGO_MAX_BYTES = 512 * 1024

/** NIS codes are five digits: a province digit, then the municipality. */
export function isNisCode(value: string): boolean {
  return /^[1-9]\d{4}$/.test(value)
}

export function isHexColor(value: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(value)
}

/**
 * The theme colour is used for the header background with white text, so it must give white text
 * a contrast of at least 4.5:1 (WCAG 2.2 AA). Returns the contrast ratio.
 */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
  return 1.05 / (luminance + 0.05)
}

/** Recognises PNG and JPEG by their first bytes (never trust the file name or browser's type). */
export function logoType(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  return null
}
