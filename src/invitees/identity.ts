// How Welkom recognises the same person on an edition, wherever they come from (an import, a person
// added by hand, a carry-over): by the keyed hash of the national register number, otherwise by
// name and birth date. The number itself is never stored.
import { keyedHash } from '../platform/crypto.ts'
import type { StoredPerson } from './import/reconcile.ts'

/** What is kept of a national register number: `digits` are the 11 checksum-valid digits. */
export function nationalNumberHash(hashKey: string, digits: string): string {
  return keyedHash(hashKey, `national-number:${digits}`)
}

/** Same name and birth date, ignoring case, accents and spacing: the same person when no number tells. */
export function samePersonKey(p: Pick<StoredPerson, 'lastName' | 'firstName' | 'birthDate'>): string {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
  return `${fold(p.lastName)}|${fold(p.firstName)}|${p.birthDate ?? ''}`
}
