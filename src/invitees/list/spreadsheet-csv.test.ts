import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import { csvCell, neutraliseFormula, spreadsheetCsv } from './spreadsheet-csv.ts'

describe('CSV for spreadsheet programs', () => {
  test('the file starts with a byte-order mark, separates cells with ";" and ends every row with CRLF', () => {
    assert.equal(spreadsheetCsv([['Naam', 'Voornaam'], ['Haddad', 'Omar']]), '\uFEFFNaam;Voornaam\r\nHaddad;Omar\r\n')
  })

  test('a cell holding the separator, a quote or a line break is quoted, quotes doubled; parsing gives it back', () => {
    const rows = [['a;b', 'zeg "hallo"', 'regel 1\nregel 2', 'a,b', ''], ['gewoon', 'Çağlar', 'Nguyễn', 'دری', '']]
    const csv = spreadsheetCsv(rows)
    assert.equal(csvCell('zeg "hallo"'), '"zeg ""hallo"""')
    assert.equal(csvCell('a,b'), 'a,b', 'a comma is not the separator here')
    assert.deepEqual(parse(csv, { bom: true, delimiter: ';', relax_column_count: false }), rows)
  })

  test('a cell a spreadsheet would run as a formula gets a leading apostrophe, also after spaces, a tab or a carriage return', () => {
    for (const formula of ['=HYPERLINK("http://x","klik")', '+32499247533', '-2+3', '@SUM(A1)', '  =1+1', '\t=1+1', '\r=1+1', '\tplain']) {
      assert.equal(neutraliseFormula(formula), `'${formula}`, JSON.stringify(formula))
    }
    for (const safe of ['Haddad', '2400', '15/09/2005', 'a=b', 'omar@example.org', 'Jean-Pierre', '']) assert.equal(neutraliseFormula(safe), safe)
    const parsed = parse(spreadsheetCsv([['=HYPERLINK("http://x","klik")']]), { bom: true, delimiter: ';' }) as string[][]
    assert.equal(parsed[0]?.[0], `'=HYPERLINK("http://x","klik")`)
  })

  test('missing values are empty cells', () => {
    assert.equal(spreadsheetCsv([['a', null, undefined, 'b']]), '\uFEFFa;;;b\r\n')
  })
})
