// The Belgian national register number (rijksregisternummer / INSZ): yymmdd-sss-cc, where cc is a
// mod-97 check over the first nine digits (with a leading 2 for people born in 2000 or later).
// The number itself never leaves this module in an error: callers get a reason, never the digits.

export type NationalNumberResult = { ok: true; digits: string } | { ok: false; reason: 'format' | 'checksum' }

/** The punctuation lists write around the digits: "05.09.15-517.06", "050915 517 06". */
const SEPARATORS = /[\s.-]/g

/**
 * Normalise a national register number to its 11 digits and check the checksum.
 * A number of 10 digits without any punctuation is read as one whose leading zero Excel dropped
 * (it stores "05091551706" as the number 5091551706); the checksum still has to hold.
 */
export function normaliseNationalNumber(raw: string): NationalNumberResult {
  const trimmed = raw.trim()
  let digits = trimmed.replace(SEPARATORS, '')
  if (/^\d{10}$/.test(trimmed)) digits = `0${digits}`
  if (!/^\d{11}$/.test(digits)) return { ok: false, reason: 'format' }
  return hasValidChecksum(digits) ? { ok: true, digits } : { ok: false, reason: 'checksum' }
}

function hasValidChecksum(digits: string): boolean {
  const base = Number(digits.slice(0, 9))
  const check = Number(digits.slice(9))
  // Nine digits (and 2 followed by nine) stay far below 2^53, so plain numbers are exact.
  return 97 - (base % 97) === check || 97 - ((2_000_000_000 + base) % 97) === check
}
