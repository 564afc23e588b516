// Municipalities (the tenants): their settings and the rules for them.
import { FormParser, text, type Parsed } from '../platform/http/forms.ts'
import type { FieldError } from '../platform/views/context.ts'
import type { MunicipalitySettings } from './municipalities-queries.ts'

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

/** Where the address goes on printed letters: millimetres from the top and the left edge of the A4 sheet to the envelope's window. */
export interface LetterWindow {
  topMm: number
  leftMm: number
}

/** The window is 85 mm wide and 40 mm high on the letter: these keep it on the sheet, above the fold. */
export const LETTER_WINDOW = { top: { min: 20, max: 140 }, left: { min: 10, max: 120 } }

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

// Forms. Parsed once at the edge; the routes never see raw strings or raw uploads.

export const MIN_CONTRAST = 4.5
const NAME_MAX = 120

export type MunicipalitySettingsInput = MunicipalitySettings

/** What to do with the logo: keep it, replace it with an uploaded image, or remove it. */
export type LogoChange = { kind: 'keep' } | { kind: 'replace'; bytes: Buffer; type: 'image/png' | 'image/jpeg' } | { kind: 'remove' }

export function parseMunicipalitySettings(body: unknown): Parsed<{ settings: MunicipalitySettingsInput; logo: LogoChange; letterWindow: LetterWindow | null }> {
  const form = new FormParser(body)
  const name = form.required('name', 'municipalities.settings.nameRequired', { max: NAME_MAX })
  const themeColor = text(body, 'themeColor').toLowerCase()
  const colorProblem = themeColorProblem(themeColor)
  if (colorProblem) form.errors.push(colorProblem)
  const contactEmail = form.email('contactEmail', { required: false }) || null
  const contactPhone = form.optional('contactPhone', { max: 40 })
  form.check(contactPhone === null || isPhoneNumber(contactPhone), 'contactPhone', 'municipalities.settings.phoneInvalid')
  const website = form.optional('website', { max: 300 })
  form.check(website === null || isWebsite(website), 'website', 'municipalities.settings.websiteInvalid')
  const address = form.optional('address', { max: 500 })?.replace(/\r\n?/g, '\n') ?? null
  const retentionDays = form.integer('retentionDays', RETENTION_DAYS, 'municipalities.settings.retentionInvalid')
  const logo = parseLogo(body, form)
  const letterWindow = parseLetterWindow(body, form)
  return form.result({ settings: { name, themeColor, contactEmail, contactPhone, website, address, retentionDays }, logo, letterWindow })
}

/** The header shows white text on the theme colour, so a colour that is too light is refused with the reason. */
export function themeColorProblem(value: string): FieldError | null {
  if (!isHexColor(value)) return { field: 'themeColor', message: 'municipalities.settings.colorInvalid' }
  const ratio = contrastWithWhite(value)
  // Round down, so a refused colour never shows as "4.5".
  if (ratio < MIN_CONTRAST) return { field: 'themeColor', message: 'municipalities.settings.colorContrast', values: { ratio: Math.floor(ratio * 10) / 10, minimum: MIN_CONTRAST } }
  return null
}

export function isWebsite(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

export function isPhoneNumber(value: string): boolean {
  return /^\+?[0-9][0-9 ()./-]{5,38}$/.test(value)
}

function parseLogo(body: unknown, form: FormParser): LogoChange {
  const file = body && typeof body === 'object' ? (body as Record<string, unknown>).logo : undefined
  // A browser sends an empty file part when no file was chosen.
  if (Buffer.isBuffer(file) && file.length > 0) {
    if (file.length > LOGO_MAX_BYTES) {
      form.errors.push({ field: 'logo', message: 'municipalities.settings.logoTooLarge', values: { kb: LOGO_MAX_BYTES / 1024 } })
      return { kind: 'keep' }
    }
    const type = logoType(file)
    if (!type) {
      form.errors.push({ field: 'logo', message: 'municipalities.settings.logoType' })
      return { kind: 'keep' }
    }
    return { kind: 'replace', bytes: file, type }
  }
  return text(body, 'removeLogo') === 'yes' ? { kind: 'remove' } : { kind: 'keep' }
}

/**
 * The envelope window, or null when the form did not send it: the fields came after the rest of
 * the form, and a form opened before they did must still save (the window then stays as it is).
 */
function parseLetterWindow(body: unknown, form: FormParser): LetterWindow | null {
  const sent = (name: string) => body !== null && typeof body === 'object' && name in body
  if (!sent('letterAddressTopMm') && !sent('letterAddressLeftMm')) return null
  const topMm = form.integer('letterAddressTopMm', LETTER_WINDOW.top, 'letters.envelope.topInvalid')
  const leftMm = form.integer('letterAddressLeftMm', LETTER_WINDOW.left, 'letters.envelope.leftInvalid')
  return { topMm, leftMm }
}

/** The names (never the values) of the settings a save changes, for the audit log. */
export function changedSettingsFields(before: Municipality, after: MunicipalitySettingsInput, logo: LogoChange, letterWindow?: { before: LetterWindow; after: LetterWindow | null }): string[] {
  const fields: string[] = (Object.keys(after) as (keyof MunicipalitySettingsInput)[]).filter((key) => before[key] !== after[key])
  if (logo.kind === 'replace' || (logo.kind === 'remove' && before.hasLogo)) fields.push('logo')
  const window = letterWindow?.after
  if (window && (window.topMm !== letterWindow.before.topMm || window.leftMm !== letterWindow.before.leftMm)) fields.push('letterWindow')
  return fields
}

export interface NewMunicipality {
  nisCode: string
  name: string
  adminName: string
  adminEmail: string
}

export function parseNewMunicipality(body: unknown): Parsed<NewMunicipality> {
  const form = new FormParser(body)
  const nisCode = text(body, 'nisCode')
  form.check(isNisCode(nisCode), 'nisCode', 'municipalities.new.nisInvalid')
  const name = form.required('name', 'municipalities.settings.nameRequired', { max: NAME_MAX })
  const adminName = form.required('adminName', 'municipalities.new.adminNameRequired', { max: NAME_MAX })
  const adminEmail = form.email('adminEmail', { required: true })
  return form.result({ nisCode, name, adminName, adminEmail })
}
