// Printed letters: who gets one, how people are grouped (a household gets one letter), the order
// the post wants them in, and the counts staff see before printing. Pure.
import { INVITEE_LANGUAGES, type InviteeLanguage } from '../../platform/i18n/languages.ts'
import { translationLanguage } from '../translation.ts'

/** An invitable person with their invitation, as the letter queries return them. */
export interface LetterPerson {
  inviteeId: string
  firstName: string
  lastName: string
  street: string | null
  houseNumber: string | null
  box: string | null
  postcode: string | null
  city: string | null
  language: string | null
  householdId: string | null
  /** Null until invitations are made for the edition (ensureInvitations). */
  invitation: { tokenSealed: string; codeSealed: string; printedAt: Date | null; returnedAt: Date | null } | null
}

export interface PostalAddress {
  street: string
  houseNumber: string | null
  box: string | null
  postcode: string
  city: string
}

/** One envelope: a person, or the members of a household at one address. */
export interface Letter {
  /** In name order; each gets a reply block with their own code. */
  members: LetterPerson[]
  address: PostalAddress | null
  /** The translations after the Dutch text: each member's language once, if the edition offers it. */
  translations: InviteeLanguage[]
  /** No letter was printed yet for at least one member. */
  isUnsent: boolean
}

/** Letters rendered per Chromium call: enough to keep Chromium busy, few enough to keep memory flat. */
export const LETTERS_PER_RENDER = 100

/** A street and postcode are needed to post a letter; the city is written as given. */
export function postalAddress(person: Pick<LetterPerson, 'street' | 'houseNumber' | 'box' | 'postcode' | 'city'>): PostalAddress | null {
  const street = person.street?.trim()
  const postcode = person.postcode?.trim()
  if (!street || !postcode) return null
  return { street, houseNumber: person.houseNumber?.trim() || null, box: person.box?.trim() || null, postcode, city: person.city?.trim() ?? '' }
}

/** "Kerkstraat 12 bus 3": the box gets the Belgian "bus" unless the list already wrote a marker. */
export function streetLine(address: PostalAddress): string {
  const box = address.box ? (/^(bus|bte|boîte|box|b\.?)\b|^\//i.test(address.box) ? address.box : `bus ${address.box}`) : null
  return [address.street, address.houseNumber, box].filter(Boolean).join(' ')
}

/** Groups people into letters: one per household, one per person outside a household. */
export function groupIntoLetters(people: readonly LetterPerson[], editionLanguages: readonly string[]): Letter[] {
  const households = new Map<string, LetterPerson[]>()
  const letters: LetterPerson[][] = []
  for (const person of people) {
    if (!person.householdId) {
      letters.push([person])
      continue
    }
    let members = households.get(person.householdId)
    if (!members) {
      members = []
      households.set(person.householdId, members)
      letters.push(members)
    }
    members.push(person)
  }
  return letters.map((members) => {
    const sorted = [...members].sort(byName)
    // Members of a household live at one address; take the first complete one.
    const address = sorted.map(postalAddress).find((a) => a !== null) ?? null
    const wanted = new Set(sorted.map((m) => translationLanguage(m.language, editionLanguages)))
    return {
      members: sorted,
      address,
      translations: INVITEE_LANGUAGES.filter((l) => wanted.has(l)),
      isUnsent: sorted.some((m) => !m.invitation?.printedAt),
    }
  })
}

// Numeric collation puts house number 2 before 10 and box 2 before 10, and ignores case and accents.
const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' })

function byName(a: LetterPerson, b: LetterPerson): number {
  return collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName) || a.inviteeId.localeCompare(b.inviteeId)
}

/** Print order, as the post sorts: postcode, street, house number, box, then the name. */
export function compareLetters(a: Letter, b: Letter): number {
  const [x, y] = [a.address, b.address]
  if (x && y) {
    const byAddress =
      collator.compare(x.postcode, y.postcode) ||
      collator.compare(x.street, y.street) ||
      collator.compare(x.houseNumber ?? '', y.houseNumber ?? '') ||
      collator.compare(x.box ?? '', y.box ?? '')
    if (byAddress) return byAddress
  } else if (x || y) return x ? -1 : 1
  return byName(a.members[0]!, b.members[0]!)
}

export interface LetterBatch {
  /** In print order. */
  letters: Letter[]
  /** Letters that cannot be posted: no street or postcode. Not printed. */
  withoutAddress: number
}

/**
 * The letters to print: all of them, or only those not printed yet; never one without an address,
 * and never again to someone whose letter came back: that address is wrong. Once staff correct it
 * and undo "came back" on the person's page, the person is in the letters again.
 */
export function chooseLetters(people: readonly LetterPerson[], editionLanguages: readonly string[], options: { onlyUnsent: boolean }): LetterBatch {
  const all = groupIntoLetters(people.filter(isPostable), editionLanguages).filter((l) => !options.onlyUnsent || l.isUnsent)
  const letters = all.filter((l) => l.address !== null).sort(compareLetters)
  return { letters, withoutAddress: all.length - letters.length }
}

export interface LetterCounts {
  /** Envelopes that can be posted: a household counts once. */
  letters: number
  /** The people those letters reach. */
  people: number
  /** Letters with at least one member not printed yet. */
  unsent: number
  /** People whose letter came back ("adres onbekend"): in no letter until staff undo that. */
  returned: number
  /** Letters that cannot be posted: no street or postcode. */
  withoutAddress: number
}

export function letterCounts(people: readonly LetterPerson[]): LetterCounts {
  const all = groupIntoLetters(people.filter(isPostable), [])
  const postable = all.filter((l) => l.address !== null)
  return {
    letters: postable.length,
    people: postable.reduce((n, l) => n + l.members.length, 0),
    unsent: postable.filter((l) => l.isUnsent).length,
    returned: people.filter((p) => p.invitation?.returnedAt).length,
    withoutAddress: all.length - postable.length,
  }
}

/** Not known to be at a wrong address (a returned letter). */
function isPostable(person: LetterPerson): boolean {
  return !person.invitation?.returnedAt
}

/** Splits the batch into the parts rendered one at a time. */
export function* chunksOf<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}

/** brieven-2026-06-14.pdf, after the ceremony's date: ASCII only, safe in any header. */
export function lettersFilename(ceremonyDate: string): string {
  return `brieven-${ceremonyDate}.pdf`
}
