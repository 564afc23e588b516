// Which column holds which field, suggested from the header names lists use in Dutch, French and
// English. Suggestions match whole header names only (after folding case, accents, punctuation and
// a trailing "(dd/mm/jjjj)"): a near miss is left for the person to map, never guessed.

import { PERSON_FIELDS, type ColumnMapping, type PersonField } from './types.ts'

/** Header names per field, most specific first: when a file has two, the earlier name wins. */
const HEADER_NAMES: Record<PersonField, string[]> = {
  nationalNumber: [
    'Rijksregisternummer', 'Rijksregisternr', 'Rijksregister', 'RRN', 'RRNR', 'INSZ', 'INSZ-nummer',
    'Numéro national', 'Numéro de registre national', 'Registre national', 'NISS', 'Numéro NISS',
    'National number', 'National register number', 'National registry number', 'SSIN',
  ],
  lastName: ['Familienaam', 'Achternaam', 'Naam', 'Nom de famille', 'Nom', 'Last name', 'Surname', 'Family name'],
  firstName: ['Voornaam', 'Voornamen', 'Prénom', 'Prénoms', 'First name', 'First names', 'Given name', 'Given names', 'Forename'],
  birthDate: ['Geboortedatum', 'Geboren op', 'Date de naissance', 'Birth date', 'Date of birth', 'DOB'],
  street: ['Straat', 'Straatnaam', 'Rue', 'Street', 'Street name'],
  houseNumber: ['Huisnummer', 'Huisnr', 'Nummer', 'Nr', 'Numéro', 'Numéro de maison', 'House number'],
  box: ['Bus', 'Busnummer', 'Busnr', 'Boîte', 'Numéro de boîte', 'Box', 'Box number'],
  postcode: ['Postcode', 'Postnummer', 'Code postal', 'Postal code', 'Zip', 'Zip code'],
  city: ['Gemeente', 'Woonplaats', 'Stad', 'Plaats', 'Commune', 'Localité', 'Ville', 'City', 'Town', 'Municipality'],
  email: ['E-mailadres', 'E-mail', 'Mailadres', 'Mail', 'Courriel', 'Adresse e-mail', 'Adresse mail', 'Email address'],
  phone: [
    'GSM', 'GSM-nummer', 'Mobiel', 'Mobiel nummer', 'Telefoon', 'Telefoonnummer', 'Telefoonnr', 'Tel',
    'Téléphone', 'Numéro de téléphone', 'Portable', 'Mobile', 'Mobile phone', 'Phone', 'Phone number',
  ],
  language: ['Contacttaal', 'Taal', 'Langue de contact', 'Langue', 'Contact language', 'Language'],
  certificateDate: [
    'Datum attest', 'Attestdatum', 'Datum inburgeringsattest', 'Date attestation', "Date de l'attestation",
    "Date d'attestation", 'Certificate date', 'Date of certificate',
  ],
  certificateObtained: ['Attest behaald', 'Attestation obtenue', 'Certificate obtained'],
  contractSigned: ['Contract ondertekend', 'Contrat signé', 'Contract signed'],
}

/** "Date de naissance (jj/mm/aaaa)" → "datedenaissance": no case, accents, punctuation or note. */
export function foldHeader(header: string): string {
  return header
    .replace(/\([^)]*\)\s*$/, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
}

const FIELD_BY_NAME = new Map<string, { field: PersonField; rank: number }>()
for (const field of PERSON_FIELDS) {
  HEADER_NAMES[field].forEach((name, rank) => {
    const folded = foldHeader(name)
    const known = FIELD_BY_NAME.get(folded)
    if (known && known.field !== field) throw new Error(`Header name ${name} is listed for ${known.field} and ${field}`)
    if (!known) FIELD_BY_NAME.set(folded, { field, rank })
  })
}

/** A mapping suggested from the headers: each field to the best-named column, each column used once. */
export function suggestMapping(headers: string[]): ColumnMapping {
  const best = new Map<PersonField, { index: number; rank: number }>()
  headers.forEach((header, index) => {
    const known = FIELD_BY_NAME.get(foldHeader(header))
    if (!known) return
    const current = best.get(known.field)
    if (!current || known.rank < current.rank) best.set(known.field, { index, rank: known.rank })
  })
  const mapping: ColumnMapping = {}
  for (const field of PERSON_FIELDS) {
    const found = best.get(field)
    if (found) mapping[field] = found.index
  }
  return mapping
}

/** What is wrong with a mapping, as translation keys tied to the field to fix. */
export interface MappingProblem {
  field: PersonField
  message: string
  values?: Record<string, string | number>
}

/**
 * Problems that make a mapping unusable. Names are required unless the national number is mapped:
 * then the names come from the population-register extract (the agency's list has none).
 */
export function validateMapping(mapping: ColumnMapping, headers: string[]): MappingProblem[] {
  const problems: MappingProblem[] = []
  const fieldByColumn = new Map<number, PersonField>()
  for (const field of PERSON_FIELDS) {
    const index = mapping[field]
    if (index === undefined) continue
    if (!Number.isInteger(index) || index < 0 || index >= headers.length) {
      problems.push({ field, message: 'invitees.import.columnUnknown' })
      continue
    }
    if (fieldByColumn.has(index)) {
      problems.push({ field, message: 'invitees.import.columnUsedTwice', values: { column: headers[index] ?? '' } })
      continue
    }
    fieldByColumn.set(index, field)
  }
  if (mapping.nationalNumber === undefined) {
    if (mapping.lastName === undefined) problems.push({ field: 'lastName', message: 'invitees.import.lastNameColumnMissing' })
    if (mapping.firstName === undefined) problems.push({ field: 'firstName', message: 'invitees.import.firstNameColumnMissing' })
  }
  return problems
}
