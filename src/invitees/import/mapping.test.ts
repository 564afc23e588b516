import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { suggestMapping, validateMapping } from './mapping.ts'
import { SAMPLES_DIR } from '../../../test/helpers/samples.ts'

const samples = SAMPLES_DIR

function headersOf(file: string): string[] {
  const firstLine = readFileSync(join(samples, file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!
  return firstLine.split(';').map((header) => header.trim())
}

describe('suggested column mapping', () => {
  test('maps the joined sample list and ignores gender, nationality, certificate kind and counsellor', () => {
    // Rijksregisternummer;Naam;Voornaam;Geslacht;Geboortedatum;Nationaliteit;Straat;Huisnummer;Bus;
    // Postcode;Gemeente;E-mailadres;GSM;Contacttaal;Datum attest;Soort attest;Trajectbegeleider
    assert.deepEqual(suggestMapping(headersOf('attesten-2026-q1.csv')), {
      nationalNumber: 0, lastName: 1, firstName: 2, birthDate: 4, street: 6, houseNumber: 7, box: 8,
      postcode: 9, city: 10, email: 11, phone: 12, language: 13, certificateDate: 14,
    })
  })

  test('maps the agency list and ignores the contract date', () => {
    // Rijksregisternummer;Contract ondertekend;Datum contract;Attest behaald;Datum attest
    assert.deepEqual(suggestMapping(headersOf('agentschap-lijst-2026-q1.csv')), {
      nationalNumber: 0, certificateDate: 4, certificateObtained: 3, contractSigned: 1,
    })
  })

  test('maps the population-register extract keyed by INSZ', () => {
    // INSZ;Familienaam;Voornamen;Geboortedatum;Geslacht;Nationaliteit;Straat;Huisnummer;Busnummer;Postcode;Gemeente
    assert.deepEqual(suggestMapping(headersOf('bevolkingsregister-uittreksel.csv')), {
      nationalNumber: 0, lastName: 1, firstName: 2, birthDate: 3, street: 6, houseNumber: 7, box: 8, postcode: 9, city: 10,
    })
  })

  test('maps French header names, in any order', () => {
    const headers = ['Prénom', 'Nom de famille', 'Numéro de registre national', 'Date de naissance', 'Rue', 'Numéro', 'Boîte',
      'Code postal', 'Localité', 'Adresse e-mail', 'Téléphone', 'Langue de contact', 'Date attestation', 'Attestation obtenue', 'Contrat signé', 'Sexe']
    assert.deepEqual(suggestMapping(headers), {
      nationalNumber: 2, lastName: 1, firstName: 0, birthDate: 3, street: 4, houseNumber: 5, box: 6, postcode: 7, city: 8,
      email: 9, phone: 10, language: 11, certificateDate: 12, certificateObtained: 13, contractSigned: 14,
    })
  })

  test('maps English header names', () => {
    const headers = ['National register number', 'Surname', 'Given names', 'Date of birth', 'Street', 'House number', 'Box',
      'Postal code', 'Town', 'Email', 'Mobile', 'Contact language', 'Certificate date', 'Certificate obtained', 'Contract signed', 'Gender']
    assert.deepEqual(suggestMapping(headers), {
      nationalNumber: 0, lastName: 1, firstName: 2, birthDate: 3, street: 4, houseNumber: 5, box: 6, postcode: 7, city: 8,
      email: 9, phone: 10, language: 11, certificateDate: 12, certificateObtained: 13, contractSigned: 14,
    })
  })

  test('ignores case, accents, spaces, punctuation and a trailing note in brackets', () => {
    assert.deepEqual(suggestMapping(['NUMERO NATIONAL', 'nom', 'PRENOM', 'date-de-naissance (jj/mm/aaaa)', 'e mail', 'Tél.']), {
      nationalNumber: 0, lastName: 1, firstName: 2, birthDate: 3, email: 4, phone: 5,
    })
    assert.deepEqual(suggestMapping(['R.R.N.']), { nationalNumber: 0 })
    assert.deepEqual(suggestMapping(['niss', 'Familie naam', 'first_name', 'DOB', 'zip', 'Woonplaats', 'Courriel', 'Telefoonnummer', 'Taal']), {
      nationalNumber: 0, lastName: 1, firstName: 2, birthDate: 3, postcode: 4, city: 5, email: 6, phone: 7, language: 8,
    })
  })

  test('uses each column at most once and prefers the more specific name when two columns fit a field', () => {
    assert.deepEqual(suggestMapping(['Naam', 'Familienaam', 'Voornaam']), { lastName: 1, firstName: 2 })
    assert.deepEqual(suggestMapping(['E-mail', 'E-mail', 'Telefoon', 'GSM']), { email: 0, phone: 3 })
  })

  test('suggests nothing for headers it does not know', () => {
    assert.deepEqual(suggestMapping(['Geslacht', 'Nationaliteit', 'Trajectbegeleider', 'Soort attest', 'Datum contract', 'Opmerking', '']), {})
    assert.deepEqual(suggestMapping([]), {})
  })
})

describe('mapping validation', () => {
  const headers = ['Rijksregisternummer', 'Naam', 'Voornaam', 'GSM']

  test('accepts a mapping with both names, or with the national number alone (names come from the register)', () => {
    assert.deepEqual(validateMapping({ lastName: 1, firstName: 2 }, headers), [])
    assert.deepEqual(validateMapping({ nationalNumber: 0 }, headers), [])
  })

  test('asks for the name columns when the national number is not mapped', () => {
    assert.deepEqual(validateMapping({ phone: 3 }, headers), [
      { field: 'lastName', message: 'invitees.import.lastNameColumnMissing' },
      { field: 'firstName', message: 'invitees.import.firstNameColumnMissing' },
    ])
    assert.deepEqual(validateMapping({ lastName: 1 }, headers), [{ field: 'firstName', message: 'invitees.import.firstNameColumnMissing' }])
  })

  test('refuses a column chosen for two fields, naming the column', () => {
    assert.deepEqual(validateMapping({ lastName: 1, firstName: 1 }, headers), [
      { field: 'firstName', message: 'invitees.import.columnUsedTwice', values: { column: 'Naam' } },
    ])
  })

  test('refuses a column the file does not have', () => {
    assert.deepEqual(validateMapping({ nationalNumber: 0, phone: 4 }, headers), [{ field: 'phone', message: 'invitees.import.columnUnknown' }])
    assert.deepEqual(validateMapping({ nationalNumber: 0, phone: -1 }, headers), [{ field: 'phone', message: 'invitees.import.columnUnknown' }])
  })
})
