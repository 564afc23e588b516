import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { accessExport, EXPORT_HEADERS, exportRow, flemishDate, parseListQuery, searchTerm, type Invitee } from './invitee-list.ts'

const person: Invitee = {
  id: 'f0e1d2c3-0000-4000-8000-000000000001',
  lastName: 'Haddad',
  firstName: 'Omar',
  birthDate: '2005-09-15',
  street: 'Zandstraat',
  houseNumber: '67',
  box: null,
  postcode: '2200',
  city: 'Herentals',
  email: 'omar.haddad@hotmail.com',
  phone: '+32499247533',
  language: 'ar',
  certificateDate: '2026-01-22',
  warnings: [{ column: 'GSM', message: 'invitees.import.phoneInvalid' }],
  source: 'import',
  status: 'invitable',
  excludedReason: null,
  excludedAt: null,
  selection: null,
  householdId: null,
  carriedFromEditionId: null,
  hasAskedNextTime: false,
  createdAt: new Date('2026-02-01T10:00:00Z'),
  updatedAt: new Date('2026-02-02T10:00:00Z'),
}

describe('the invitee list', () => {
  test('the query string gives search, known filters and a page; unknown languages, odd pages and other values are ignored', () => {
    assert.deepEqual(parseListQuery({ zoek: '  Haddad ', status: 'excluded', taal: 'ar', gemeente: 'Mol', waarschuwingen: 'ja', pagina: '3' }), {
      filter: { search: 'Haddad', status: 'excluded', language: 'ar', city: 'Mol', withWarnings: true },
      page: 3,
      tickAll: false,
      values: { zoek: 'Haddad', status: 'excluded', taal: 'ar', gemeente: 'Mol', waarschuwingen: 'ja' },
    })
    assert.deepEqual(parseListQuery({ taal: 'xx', status: 'gone', waarschuwingen: 'misschien', pagina: '-1' }), { filter: {}, page: 1, tickAll: false, values: {} })
    assert.equal(parseListQuery({ aanvinken: 'alle' }).tickAll, true)
    assert.deepEqual(parseListQuery({ aanvinken: 'alle' }).values, {}, 'ticking is not a filter')
    assert.deepEqual(parseListQuery({ taal: 'geen', pagina: ['2', '9'] }).filter, { language: 'geen' })
    assert.equal(parseListQuery({ pagina: '2.5' }).page, 1)
    assert.equal(parseListQuery(undefined).page, 1)
  })

  test('a phone number typed in a national form is searched as its international digits; other text as words', () => {
    assert.deepEqual(searchTerm('0499 24 75 33'), { kind: 'phone', digits: '32499247533' })
    assert.deepEqual(searchTerm('0032 499/24.75.33'), { kind: 'phone', digits: '32499247533' })
    assert.deepEqual(searchTerm('+32499247533'), { kind: 'phone', digits: '32499247533' })
    assert.deepEqual(searchTerm('Omar  Haddad'), { kind: 'words', words: ['Omar', 'Haddad'] })
    assert.deepEqual(searchTerm('2400'), { kind: 'words', words: ['2400'] }, 'a postcode is not a phone number')
  })

  test('an export row has the list’s columns with dates as dd/mm/yyyy, then the status and the reason of an exclusion', () => {
    assert.deepEqual(exportRow(person), ['Haddad', 'Omar', '15/09/2005', 'Zandstraat', '67', '', '2200', 'Herentals', 'omar.haddad@hotmail.com', '+32499247533', 'ar', '22/01/2026', 'uit te nodigen', ''])
    assert.deepEqual(exportRow({ ...person, status: 'excluded', excludedReason: 'no_contact' }).slice(-2), ['uitgesloten', 'wil geen contact'])
    assert.deepEqual(exportRow({ ...person, status: 'not_selected', selection: 'not_selected' }).slice(-2), ['niet geselecteerd', ''])
    assert.equal(exportRow(person).length, EXPORT_HEADERS.length)
    assert.equal(flemishDate(null), '')
  })

  test('the access export holds every field, the status and the import warnings, and nothing named after the national number', () => {
    const data = accessExport({ ...person, status: 'excluded', excludedReason: 'moved_away', excludedAt: new Date('2026-02-10T09:00:00Z'), hasAskedNextTime: true }, { id: 'e1', name: 'Welkom 2026' }, new Date('2026-03-01T00:00:00Z'))
    assert.equal(data.person.address.city, 'Herentals')
    assert.deepEqual(
      { source: data.person.source, status: data.person.status, exclusion: data.person.exclusion, selection: data.person.selection, nextTime: data.person.hasAskedNextTime },
      { source: 'import', status: 'excluded', exclusion: { reason: 'moved_away', at: '2026-02-10T09:00:00.000Z' }, selection: null, nextTime: true },
    )
    assert.deepEqual(data.person.importWarnings, [{ column: 'GSM', message: 'invitees.import.phoneInvalid' }])
    assert.doesNotMatch(JSON.stringify(data), /national|hash|rijksregister/i)
  })
})
