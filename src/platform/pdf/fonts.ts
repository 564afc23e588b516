// The fonts every PDF uses, embedded in the page as data: URLs. Printed letters must look the
// same on every host, and a host often has no Arabic or Ethiopic font at all, so we never rely
// on the fonts installed on the machine.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** One family name covers Latin, Cyrillic, Greek, Arabic script and Ethiopic. */
export const FONT_FAMILY = 'Welkom Sans'

const require = createRequire(import.meta.url)

// Package, file prefix and subsets. The subsets are the names in each package's unicode.json.
const SOURCES = [
  { pkg: '@fontsource/noto-sans', prefix: 'noto-sans', subsets: ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek'] },
  { pkg: '@fontsource/noto-sans-ethiopic', prefix: 'noto-sans-ethiopic', subsets: ['ethiopic'] },
  // Last on purpose: for a code point in several ranges the browser tries the face declared last
  // first, so joiners (U+200C-200E) and hyphens inside Arabic and Farsi text come from the Arabic
  // font and stay in the same shaping run.
  { pkg: '@fontsource/noto-sans-arabic', prefix: 'noto-sans-arabic', subsets: ['arabic'] },
] as const

const WEIGHTS = [400, 700] as const

interface Face {
  file: string
  weight: number
  /** As in CSS, e.g. "U+0000-00FF,U+0131". */
  unicodeRange: string
  ranges: [number, number][]
  rule: string | null
}

let faces: Face[] | null = null
let allRules: string | null = null

/**
 * `@font-face` rules for FONT_FAMILY, fonts inlined as base64 woff2 (read once per process).
 *
 * Given the document's text (its HTML will do), only the faces whose unicode-range it uses are
 * returned. All of them are 0.6 MB of CSS; a Dutch letter needs 36 KB of it, and a render with
 * only the faces it uses was measurably faster here (ADR 0011).
 */
export function fontFaceCss(text?: string): string {
  if (text === undefined || mayUseAnyCharacter(text)) {
    allRules ??= allFaces().map(rule).join('\n')
    return allRules
  }
  const used = codePoints(text)
  return allFaces()
    .filter((face) => face.ranges.some(([from, to]) => used.some((c) => c >= from && c <= to)))
    .map(rule)
    .join('\n')
}

function allFaces(): Face[] {
  faces ??= SOURCES.flatMap((source) => {
    // unicode.json holds the same ranges as the package's CSS files, as plain JSON.
    const ranges = require(`${source.pkg}/unicode.json`) as Record<string, string>
    return source.subsets.flatMap((subset) => {
      const unicodeRange = ranges[subset]
      if (!unicodeRange) throw new Error(`${source.pkg} has no subset "${subset}"`)
      return WEIGHTS.map((weight) => ({
        file: require.resolve(`${source.pkg}/files/${source.prefix}-${subset}-${weight}-normal.woff2`),
        weight,
        unicodeRange,
        ranges: parseUnicodeRange(unicodeRange),
        rule: null,
      }))
    })
  })
  return faces
}

function rule(face: Face): string {
  face.rule ??=
    `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${face.weight};` +
    // block: a PDF is printed only after document.fonts.ready, never with a fallback font.
    `font-display:block;src:url(data:font/woff2;base64,${readFileSync(face.file).toString('base64')}) format('woff2');` +
    `unicode-range:${face.unicodeRange}}`
  return face.rule
}

function parseUnicodeRange(value: string): [number, number][] {
  return value.split(',').map((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-')
    return [parseInt(from, 16), parseInt(to, 16)]
  })
}

/** The distinct code points of the text, with those written as &#...; or as CSS escapes. */
function codePoints(text: string): number[] {
  const found = new Set<number>()
  for (const char of text) found.add(char.codePointAt(0) ?? 0)
  for (const [, hex, dec] of text.matchAll(/&#(?:x([0-9a-f]+)|([0-9]+));/gi)) found.add(hex ? parseInt(hex, 16) : Number(dec))
  // In CSS, e.g. content: "\2192". Any backslash and hex digits count: a face too many is harmless.
  for (const [, hex = ''] of text.matchAll(/\\([0-9a-f]{1,6})/gi)) found.add(parseInt(hex, 16))
  return [...found]
}

/** A named character reference such as &alpha; can stand for anything: then load every face. */
function mayUseAnyCharacter(text: string): boolean {
  return /&(?!(?:amp|lt|gt|quot|apos|nbsp);)[a-z][a-z0-9]*;/i.test(text)
}
