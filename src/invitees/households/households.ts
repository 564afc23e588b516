// Households: people at the same address whom one invitation reaches. Welkom suggests them from
// the addresses on the list and staff confirm them; each person keeps their own answers and
// consents. Pure: the address key, and which people make a suggestion.
import { inviteeStatus, type StatusColumns } from '../invitee-status.ts'

export interface AddressParts {
  street: string | null
  houseNumber: string | null
  box: string | null
  postcode: string | null
}

/** Lower case without accents: "Sint-Rumoldusstraat" and "sint rumoldusstraat" are one street. */
function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()
}

// How lists write a box ("bus 2", "bte 2", "boîte 2", "b2", "/2"), after folding.
const BOX_MARKER = String.raw`(?:bus|bte|boite|box|bt|b)\.?\s*|\/\s*`

/** A box without its marker or leading zeros: "bus 002" → "2", "B" → "b". */
function boxKey(value: string): string {
  const bare = fold(value).replace(new RegExp(`^(?:${BOX_MARKER})`), '').replace(/[^a-z0-9]/g, '')
  return bare.replace(/^0+(?=\d)/, '')
}

/**
 * A house number as the digits, an optional letter ("12a" is another house than "12") and a box
 * when the number column holds one ("12 bus 3", "12/3", "12b3"). Null when no number is there.
 */
function houseNumberKey(value: string): { number: string; box: string } | null {
  const m = /^0*(\d+)\s*(.*)$/.exec(fold(value))
  if (!m) return null
  const digits = m[1]!
  const rest = m[2]!.replace(/[\s.,-]+$/, '')
  if (rest === '') return { number: digits, box: '' }
  const boxOnly = new RegExp(`^(?:${BOX_MARKER})([a-z0-9]+)$`).exec(rest)
  if (boxOnly) return { number: digits, box: boxKey(boxOnly[1]!) }
  const letterAndBox = new RegExp(`^([a-z])\\s*(?:${BOX_MARKER})([a-z0-9]+)$`).exec(rest)
  if (letterAndBox) return { number: `${digits}${letterAndBox[1]}`, box: boxKey(letterAndBox[2]!) }
  if (/^[a-z]$/.test(rest)) return { number: `${digits}${rest}`, box: '' }
  // Anything else stays part of the number, without spaces: only the same text matches it.
  return { number: `${digits}${rest.replace(/[^a-z0-9]/g, '')}`, box: '' }
}

/**
 * The key of an address: postcode, street, house number and box, insensitive to case, accents,
 * spaces and punctuation. A street column holding the whole address ("Kerkstraat 1 bus 2") is
 * split. Null when the address is incomplete: people are then never grouped on a guess.
 */
export function addressKey(address: AddressParts): string | null {
  let street = fold(address.street ?? '')
  let number = fold(address.houseNumber ?? '')
  if (!number) {
    const m = /^(.*?\D)\s+(\d.*)$/.exec(street)
    if (m) [street, number] = [m[1]!, m[2]!]
  }
  const streetKey = street.replace(/[^a-z0-9]/g, '')
  const postcode = (address.postcode ?? '').replace(/\D/g, '')
  const parsed = houseNumberKey(number)
  if (!streetKey || !postcode || !parsed) return null
  const box = address.box && fold(address.box) ? boxKey(address.box) : parsed.box
  return `${postcode}|${streetKey}|${parsed.number}|${box}`
}

export interface HouseholdCandidate extends AddressParts, StatusColumns {
  id: string
  householdId: string | null
}

export interface Suggestion {
  /** The address key; it is never shown, and a dismissal stores only its keyed hash. */
  key: string
  memberIds: string[]
}

/**
 * Suggested households: two or more people at the same address who are not excluded and not in
 * a household yet, leaving out addresses staff dismissed. Ordered by address key (postcode
 * first), so the pages of suggestions stay in the same order between visits.
 */
export function suggestHouseholds(people: readonly HouseholdCandidate[], isDismissed: (key: string) => boolean): Suggestion[] {
  const byKey = new Map<string, string[]>()
  for (const p of people) {
    if (inviteeStatus(p) === 'excluded' || p.householdId) continue
    const key = addressKey(p)
    if (!key) continue
    const members = byKey.get(key)
    if (members) members.push(p.id)
    else byKey.set(key, [p.id])
  }
  const suggestions: Suggestion[] = []
  for (const [key, memberIds] of byKey) if (memberIds.length >= 2 && !isDismissed(key)) suggestions.push({ key, memberIds })
  return suggestions.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/** What staff may confirm of a suggestion: at least two of its people, and none from elsewhere. */
export function confirmationProblem(suggestion: Suggestion, chosen: readonly string[]): 'households.confirm.tooFew' | 'households.confirm.notInSuggestion' | null {
  const unique = new Set(chosen)
  if ([...unique].some((id) => !suggestion.memberIds.includes(id))) return 'households.confirm.notInSuggestion'
  if (unique.size < 2) return 'households.confirm.tooFew'
  return null
}

/** After taking people out, a household of one is no household: it is dissolved. */
export function remainsHousehold(memberCount: number): boolean {
  return memberCount >= 2
}
