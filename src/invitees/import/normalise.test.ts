import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import { suggestMapping } from './mapping.ts'
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { normaliseRow, parseDate, parseEmail, parsePhone, parseYesNo } from './normalise.ts'
import type { RowOutcome } from './types.ts'
import { SAMPLES_DIR } from '../../../test/helpers/samples.ts'

const samples = SAMPLES_DIR

/** A sample file read simply (the real reader is tested on its own), normalised row by row. */
function normaliseSample(file: string): RowOutcome[] {
  const [headers, ...rows] = parse(readFileSync(join(samples, file)), { delimiter: ';', bom: true, skip_empty_lines: true }) as string[][]
  const mapping = suggestMapping(headers!)
  return rows.map((cells, index) => normaliseRow(index + 2, cells, headers!, mapping))
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1
  return counts
}

const HEADERS = ['Rijksregisternummer', 'Naam', 'Voornaam', 'Geboortedatum', 'E-mailadres', 'GSM', 'Contacttaal', 'Attest behaald']
const MAPPING = suggestMapping(HEADERS)

/** One row of the in-test list; cells not given are blank. */
function row(cells: Partial<Record<(typeof HEADERS)[number], string>>): RowOutcome {
  return normaliseRow(7, HEADERS.map((header) => cells[header] ?? ''), HEADERS, MAPPING)
}

const OMAR = { Rijksregisternummer: '05.09.15-517.06', Naam: 'Haddad', Voornaam: 'Omar' }

describe('normalising the sample lists', () => {
  test('every row of the joined list becomes a person; only the unknown languages vi and de give warnings', () => {
    const outcomes = normaliseSample('attesten-2026-q1.csv')
    assert.equal(outcomes.length, 240)
    assert.equal(outcomes.filter((outcome) => outcome.person).length, 240)
    assert.deepEqual(outcomes.flatMap((outcome) => outcome.errors), [])
    const warnings = outcomes.flatMap((outcome) => outcome.warnings)
    assert.deepEqual(countBy(warnings, (warning) => `${warning.message} ${warning.values?.value}`), {
      'invitees.import.languageUnknown vi': 11,
      'invitees.import.languageUnknown de': 11,
    })
    assert.ok(warnings.every((warning) => warning.column === 'Contacttaal'))
  })

  test('the joined list yields E.164 phones, lower-cased e-mails, ISO dates and invitee languages', () => {
    const people = normaliseSample('attesten-2026-q1.csv').map((outcome) => outcome.person!)
    const phones = people.flatMap((person) => (person.phone ? [person.phone] : []))
    assert.equal(phones.length, 207)
    assert.ok(phones.every((phone) => /^\+32[1-9]\d{7,8}$/.test(phone)), 'every phone is a Belgian E.164 number')
    assert.equal(people.filter((person) => person.email).length, 151)
    assert.ok(people.every((person) => person.email === null || person.email === person.email.toLowerCase()))
    assert.ok(people.every((person) => /^\d{4}-\d{2}-\d{2}$/.test(person.birthDate!) && /^2026-0[1-3]-\d{2}$/.test(person.certificateDate!)))
    assert.equal(people.filter((person) => person.language).length, 240 - 22)
    assert.equal(people.filter((person) => person.language === 'ar').length, 27)
    assert.ok(people.every((person) => person.nationalNumber && /^\d{11}$/.test(person.nationalNumber)))
  })

  test('the first sample person is stored as expected', () => {
    assert.deepEqual(normaliseSample('attesten-2026-q1.csv')[0], {
      person: {
        row: 2, nationalNumber: '05091551706', lastName: 'Haddad', firstName: 'Omar', birthDate: '2005-09-15',
        street: 'Zandstraat', houseNumber: '67', box: null, postcode: '2200', city: 'Herentals',
        email: 'omar.haddad@hotmail.com', phone: '+32499247533', language: 'ar', certificateDate: '2026-01-22',
        certificateObtained: null, contractSigned: null,
      },
      warnings: [],
      errors: [],
    })
  })

  test('the agency list yields flags and dates without names; its two invented numbers are refused without showing them', () => {
    const outcomes = normaliseSample('agentschap-lijst-2026-q1.csv')
    const people = outcomes.flatMap((outcome) => (outcome.person ? [outcome.person] : []))
    assert.equal(people.length, 240)
    assert.ok(people.every((person) => person.lastName === '' && person.contractSigned === true && person.certificateObtained === true))
    const errors = outcomes.flatMap((outcome) => outcome.errors)
    assert.deepEqual(errors, [
      { row: 242, column: 'Rijksregisternummer', value: '', message: 'invitees.import.nationalNumberInvalid', values: { row: 242, reason: 'checksum' } },
      { row: 243, column: 'Rijksregisternummer', value: '', message: 'invitees.import.nationalNumberInvalid', values: { row: 243, reason: 'checksum' } },
    ])
  })

  test('the register extract keeps its upper-case surnames exactly as written', () => {
    const people = normaliseSample('bevolkingsregister-uittreksel.csv').flatMap((outcome) => (outcome.person ? [outcome.person] : []))
    assert.equal(people.length, 229)
    assert.equal(people[0]!.lastName, 'HADDAD')
    assert.ok(people.some((person) => person.lastName === 'ÇELIK' && person.firstName === 'Zeynep'))
  })
})

describe('normalising a row', () => {
  test('keeps names exactly as given, only trimmed and composed to NFC, never re-cased', () => {
    const person = row({ Naam: '  van  der BERG ', Voornaam: 'He\u0301ritier\u00a0' }).person!
    assert.equal(person.lastName, 'van  der BERG')
    assert.equal(person.firstName, 'H\u00e9ritier')
  })

  test('keeps a name made of markup as text, unchanged', () => {
    const outcome = row({ Naam: '<img src=x onerror=alert(1)>', Voornaam: '<script>alert(1)</script>' })
    assert.equal(outcome.person!.lastName, '<img src=x onerror=alert(1)>')
    assert.equal(outcome.person!.firstName, '<script>alert(1)</script>')
    assert.deepEqual(outcome.errors, [])
  })

  test('keeps a formula-like name unchanged (the export neutralises it)', () => {
    const person = row({ Naam: '=HYPERLINK("http://evil.example","Klik")', Voornaam: '+cmd|calc' }).person!
    assert.equal(person.lastName, '=HYPERLINK("http://evil.example","Klik")')
    assert.equal(person.firstName, '+cmd|calc')
  })

  test('skips a row without a last name or without a first name, naming the column', () => {
    const noFirstName = row({ ...OMAR, Voornaam: '  ' })
    assert.equal(noFirstName.person, null)
    assert.deepEqual(noFirstName.errors, [{ row: 7, column: 'Voornaam', value: '', message: 'invitees.import.nameMissing' }])
    assert.deepEqual(row({}).errors.map((error) => error.column), ['Naam', 'Voornaam'])
  })

  test('skips a row whose national number is invalid, without repeating the number anywhere', () => {
    const outcome = row({ ...OMAR, Rijksregisternummer: '05.09.15-517.07' })
    assert.equal(outcome.person, null)
    assert.deepEqual(outcome.errors, [
      { row: 7, column: 'Rijksregisternummer', value: '', message: 'invitees.import.nationalNumberInvalid', values: { row: 7, reason: 'checksum' } },
    ])
    assert.ok(!JSON.stringify(outcome).includes('517'))
    assert.deepEqual(row({ ...OMAR, Rijksregisternummer: '1234' }).errors[0]!.values, { row: 7, reason: 'format' })
  })

  test('imports a person without a national number when the cell is blank', () => {
    const outcome = row({ ...OMAR, Rijksregisternummer: '' })
    assert.equal(outcome.person!.nationalNumber, null)
    assert.deepEqual(outcome.errors, [])
  })

  test('imports the person without a broken e-mail address, with a warning naming row, column and value', () => {
    const outcome = row({ ...OMAR, 'E-mailadres': 'omar.haddad@hotmail' })
    assert.equal(outcome.person!.email, null)
    assert.deepEqual(outcome.warnings, [{ row: 7, column: 'E-mailadres', value: 'omar.haddad@hotmail', message: 'invitees.import.emailInvalid' }])
  })

  test('imports the person without an invalid phone number, with a warning', () => {
    const outcome = row({ ...OMAR, GSM: '0470 12 34 5' })
    assert.equal(outcome.person!.phone, null)
    assert.deepEqual(outcome.warnings, [{ row: 7, column: 'GSM', value: '0470 12 34 5', message: 'invitees.import.phoneInvalid' }])
  })

  test('imports the person without an unknown language, with a warning that names it', () => {
    const outcome = row({ ...OMAR, Contacttaal: 'vi' })
    assert.equal(outcome.person!.language, null)
    assert.deepEqual(outcome.warnings, [
      { row: 7, column: 'Contacttaal', value: 'vi', message: 'invitees.import.languageUnknown', values: { value: 'vi' } },
    ])
    assert.equal(row({ ...OMAR, Contacttaal: 'Arabisch' }).person!.language, 'ar')
  })

  test('imports the person without an impossible date, with a warning', () => {
    const outcome = row({ ...OMAR, Geboortedatum: '31/02/2005' })
    assert.equal(outcome.person!.birthDate, null)
    assert.deepEqual(outcome.warnings, [{ row: 7, column: 'Geboortedatum', value: '31/02/2005', message: 'invitees.import.dateInvalid' }])
  })

  test('warns about a yes/no cell it cannot read, and leaves a blank one unstated', () => {
    const outcome = row({ ...OMAR, 'Attest behaald': 'misschien' })
    assert.equal(outcome.person!.certificateObtained, null)
    assert.deepEqual(outcome.warnings, [
      { row: 7, column: 'Attest behaald', value: 'misschien', message: 'invitees.import.yesNoUnknown', values: { value: 'misschien' } },
    ])
    assert.equal(row({ ...OMAR, 'Attest behaald': 'Ja' }).person!.certificateObtained, true)
    assert.deepEqual(row(OMAR), { person: row(OMAR).person, warnings: [], errors: [] })
    assert.equal(row(OMAR).person!.certificateObtained, null)
  })

  test('reads a short row as blank cells and leaves unmapped fields empty', () => {
    const outcome = normaliseRow(3, ['05091551706', 'Haddad', 'Omar'], HEADERS, MAPPING)
    assert.deepEqual(outcome.warnings, [])
    assert.equal(outcome.person!.phone, null)
    assert.equal(outcome.person!.street, null)
  })

  test('leaves the names empty, without an error, when the list has no name columns (the register supplies them)', () => {
    const outcome = normaliseRow(2, ['05091551706', 'ja'], ['INSZ', 'Attest behaald'], { nationalNumber: 0, certificateObtained: 1 })
    assert.deepEqual(outcome.errors, [])
    assert.equal(outcome.person!.lastName, '')
    assert.equal(outcome.person!.certificateObtained, true)
  })
})

describe('value parsers', () => {
  test('reads day-first dates with /, - or . and ISO dates as YYYY-MM-DD', () => {
    const cases: [string, string][] = [
      ['15/09/2005', '2005-09-15'], ['5/9/2005', '2005-09-05'], ['15-09-2005', '2005-09-15'], ['15.09.2005', '2005-09-15'],
      ['2005-09-15', '2005-09-15'], ['2005-09-15T00:00:00.000Z', '2005-09-15'], ['29/02/2024', '2024-02-29'], [' 01/01/2026 ', '2026-01-01'],
    ]
    for (const [raw, expected] of cases) assert.equal(parseDate(raw), expected, raw)
  })

  test('refuses impossible, ambiguous or mixed dates', () => {
    for (const raw of ['31/02/2026', '29/02/2025', '13/13/2020', '00/01/2020', '2026-02-30', '15/09/05', '15/09-2005', '09/15/2005', '1/1/0205', 'gisteren', '2005-9-15', '2026-01-21T23:00:00.000Z']) {
      assert.equal(parseDate(raw), null, raw)
    }
  })

  test('lower-cases valid e-mail addresses and refuses broken ones', () => {
    assert.equal(parseEmail('  Omar.Haddad@Hotmail.COM '), 'omar.haddad@hotmail.com')
    assert.equal(parseEmail('ana-luiza+ceremonie@mail.gemeente.be'), 'ana-luiza+ceremonie@mail.gemeente.be')
    for (const raw of ['omar.haddad@hotmail', 'omar haddad@gmail.com', 'a@@b.be', 'a@b.be; c@d.be', 'a@b,be', '@gmail.com', 'omar.gmail.com', 'a@.be', 'a@b..be']) {
      assert.equal(parseEmail(raw), null, raw)
    }
  })

  test('writes Belgian and foreign phone numbers in every sample notation as E.164', () => {
    const cases: [string, string][] = [
      ['+32499247533', '+32499247533'], ['0032470088106', '+32470088106'], ['0489919878', '+32489919878'],
      ['+32 495 42 99 94', '+32495429994'], ['0487/75.53.63', '+32487755363'], ['014 21 23 45', '+3214212345'], ['+33 6 12 34 56 78', '+33612345678'],
    ]
    for (const [raw, expected] of cases) assert.equal(parsePhone(raw), expected, raw)
    for (const raw of ['0470 12 34 5', '12345', 'onbekend', '0470 12 34 56 / 0471 11 22 33']) assert.equal(parsePhone(raw), null, raw)
  })

  test('the shortcut for Belgian mobile numbers gives what libphonenumber’s full metadata gives, valid or not', () => {
    const full = (raw: string) => {
      const phone = parsePhoneNumberFromString(raw.trim(), 'BE')
      return phone?.isValid() ? phone.number : null
    }
    for (let prefix = 400; prefix <= 499; prefix++) {
      for (const rest of ['000000', '123456', '999999', '12345', '1234567']) {
        const digits = `${prefix}${rest}`
        for (const raw of [`0${digits}`, `+32${digits}`, `0032${digits}`, `+32 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`, `0${digits.slice(0, 3)}/${digits.slice(3, 5)}.${digits.slice(5)}`, ` 0${digits} `]) {
          assert.equal(parsePhone(raw), full(raw), raw)
        }
      }
    }
  })

  test('reads yes/no cells in Dutch, French, English, digits and crosses', () => {
    for (const raw of ['ja', 'JA', 'yes', 'oui', '1', 'x', 'X']) assert.equal(parseYesNo(raw), true, raw)
    for (const raw of ['nee', 'Nee', 'no', 'non', '0']) assert.equal(parseYesNo(raw), false, raw)
    for (const raw of ['', 'misschien', '2']) assert.equal(parseYesNo(raw), null, raw)
  })
})
