import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import iconv from 'iconv-lite'
import { readTable, readTableSummary, type ReadTableResult } from './read-table.ts'
import type { Table } from './types.ts'
import { SAMPLES_DIR } from '../../../test/helpers/samples.ts'

function sample(file: string): Buffer {
  return readFileSync(join(SAMPLES_DIR, file))
}

function tableOf(result: ReadTableResult): Table {
  if (!result.ok) assert.fail(`expected a table, got ${result.problem.message}`)
  return result.table
}

async function readText(text: string): Promise<Table> {
  return tableOf(await readTable(Buffer.from(text, 'utf8')))
}

const attestenText = sample('attesten-2026-q1.csv').toString('utf8').replace(/^\uFEFF/, '')

describe('readTable: the sample lists', () => {
  it('reads the attesten CSV as UTF-8 with a BOM and ";" into 17 headers and 240 rows', async () => {
    const table = tableOf(await readTable(sample('attesten-2026-q1.csv')))
    assert.equal(table.format, 'csv')
    assert.equal(table.encoding, 'utf-8')
    assert.equal(table.separator, ';')
    assert.equal(table.headers.length, 17)
    assert.equal(table.headers[0], 'Rijksregisternummer', 'the BOM is not part of the first header')
    assert.equal(table.rows.length, 240)
    assert.deepEqual(table.rows[0]?.cells.slice(1, 3), ['Haddad', 'Omar'])
    assert.equal(table.rows[0]?.line, 2)
    assert.deepEqual(table.skipped, { blank: 0, footer: 0 })
  })

  it('reads the agency CSV without a BOM into 5 headers and 242 rows, keeping empty trailing cells', async () => {
    const table = tableOf(await readTable(sample('agentschap-lijst-2026-q1.csv')))
    assert.equal(table.encoding, 'utf-8')
    assert.equal(table.separator, ';')
    assert.deepEqual(table.headers, ['Rijksregisternummer', 'Contract ondertekend', 'Datum contract', 'Attest behaald', 'Datum attest'])
    assert.equal(table.rows.length, 242)
    assert.deepEqual(table.rows.at(-1)?.cells.slice(1), ['ja', '03/09/2025', 'nee', ''])
  })

  it('reads the population-register extract into 11 headers and 231 rows', async () => {
    const table = tableOf(await readTable(sample('bevolkingsregister-uittreksel.csv')))
    assert.equal(table.headers[0], 'INSZ')
    assert.equal(table.headers.length, 11)
    assert.equal(table.rows.length, 231)
  })

  it('reads the attesten XLSX into the same headers and cells as the attesten CSV', async () => {
    const csv = tableOf(await readTable(sample('attesten-2026-q1.csv')))
    const xlsx = tableOf(await readTable(sample('attesten-2026-q1.xlsx')))
    assert.equal(xlsx.format, 'xlsx')
    assert.equal(xlsx.sheet, 'Attesten')
    assert.deepEqual(xlsx.sheets, ['Attesten'])
    assert.deepEqual(xlsx.headers, csv.headers)
    assert.equal(xlsx.rows.length, csv.rows.length)
    for (const index of [0, 3, 100, 239]) assert.deepEqual(xlsx.rows[index], csv.rows[index])
    assert.deepEqual(xlsx.rows, csv.rows)
  })
})

describe('readTableSummary: a file checked without keeping its rows', () => {
  it('gives the headers and counts the data rows as readTable reads them, and the same problems', async () => {
    const summary = await readTableSummary(sample('attesten-2026-q1.csv'))
    assert.ok(summary.ok)
    assert.deepEqual([summary.summary.headers.length, summary.summary.rowCount, summary.summary.separator, summary.summary.encoding], [17, 240, ';', 'utf-8'])
    assert.deepEqual(await readTableSummary(Buffer.from('Naam;Voornaam\nPeeters;Jan\n"Janssens;An\n')), { ok: false, problem: { message: 'invitees.import.badQuotes', values: { line: 3 } } })
  })
})

describe('readTable: encodings and separators', () => {
  it('decodes a Windows-1252 copy of the attesten list without mojibake', async () => {
    const table = tableOf(await readTable(iconv.encode(attestenText, 'windows-1252')))
    assert.equal(table.encoding, 'windows-1252')
    const names = table.rows.map((row) => `${row.cells[2]} ${row.cells[1]}`)
    for (const name of ['Héritier Tshibanda', 'Zeynep Çelik', 'Ana Luíza Gonçalves']) assert.ok(names.includes(name), name)
    // Names with letters Windows-1252 lacks (Zieliński, Doğan) cannot survive the copy; all others must.
    const utf8Rows = tableOf(await readTable(sample('attesten-2026-q1.csv'))).rows
    assert.equal(table.rows.length, utf8Rows.length)
    const representable = (text: string) => iconv.decode(iconv.encode(text, 'windows-1252'), 'windows-1252') === text
    utf8Rows.forEach((row, index) => {
      if (row.cells.every(representable)) assert.deepEqual(table.rows[index], row)
    })
  })

  it('detects a comma as separator when the list uses commas', async () => {
    const table = await readText(attestenText.replaceAll(';', ','))
    assert.equal(table.separator, ',')
    assert.equal(table.headers.length, 17)
    assert.equal(table.rows.length, 240)
  })

  it('detects a tab as separator when the list uses tabs', async () => {
    const table = await readText(attestenText.replaceAll(';', '\t'))
    assert.equal(table.separator, '\t')
    assert.equal(table.headers.length, 17)
    assert.equal(table.rows.length, 240)
  })

  it('chooses ";" when a header splits into as many cells with "," as with ";"', async () => {
    const table = await readText('Naam;Voornaam,roepnaam\nPeeters;Jan,Jantje\n')
    assert.equal(table.separator, ';')
    assert.deepEqual(table.headers, ['Naam', 'Voornaam,roepnaam'])
  })

  it('follows Excel\'s "sep=" first line over the separator counts', async () => {
    const table = await readText('sep=,\nNaam;Voornaam,Gemeente\nPeeters;Jan,Mol\n')
    assert.equal(table.separator, ',')
    assert.deepEqual(table.headers, ['Naam;Voornaam', 'Gemeente'])
  })
})

describe('readTable: the shape of real lists', () => {
  it('keeps ";" and line breaks inside quoted fields and numbers rows by the line they start on', async () => {
    const table = await readText('Naam;Voornaam;Opmerking\r\n"Peeters; de oude";"Jan ""Jantje""";"lijn 1\r\nlijn 2"\r\nJanssens;An;ok\r\n')
    assert.deepEqual(table.rows, [
      { line: 2, cells: ['Peeters; de oude', 'Jan "Jantje"', 'lijn 1\nlijn 2'] },
      { line: 4, cells: ['Janssens', 'An', 'ok'] },
    ])
  })

  it('skips blank lines and a footer "Aantal personen: 62", counting them, and trims cells', async () => {
    const table = await readText('Naam;Voornaam\n\n Peeters ; Jan \n;\n\nJanssens;An\nTotaal;2\n\nAantal personen: 62;\n\n\n')
    assert.deepEqual(table.rows, [
      { line: 3, cells: ['Peeters', 'Jan'] },
      { line: 6, cells: ['Janssens', 'An'] },
    ])
    assert.deepEqual(table.skipped, { blank: 4, footer: 2 })
  })

  it('passes over title lines above the header without counting them as skipped', async () => {
    const plain = await readText('Gemeente Mol – export 03/04/2026\n\nNaam;Voornaam\nPeeters;Jan\n')
    assert.deepEqual(plain.headers, ['Naam', 'Voornaam'])
    assert.deepEqual(plain.rows, [{ line: 4, cells: ['Peeters', 'Jan'] }])
    assert.deepEqual(plain.skipped, { blank: 0, footer: 0 })

    const fromExcel = await readText('Attesten Q1 2026;;\nNaam;Voornaam;Gemeente\nPeeters;Jan;Mol\n')
    assert.deepEqual(fromExcel.headers, ['Naam', 'Voornaam', 'Gemeente'])
    assert.equal(fromExcel.rows[0]?.line, 3)
  })

  it('keeps ";" as separator when a title above the header holds a comma', async () => {
    const table = await readText('Gemeente Mol, export 03/04/2026\nNaam;Voornaam;Gemeente\nPeeters;Jan;Mol\n')
    assert.equal(table.separator, ';')
    assert.deepEqual(table.headers, ['Naam', 'Voornaam', 'Gemeente'])
  })

  it('keeps duplicate header names and pads short rows to the header width', async () => {
    const table = await readText('Naam;Naam;Gemeente\nPeeters;Jan\n')
    assert.deepEqual(table.headers, ['Naam', 'Naam', 'Gemeente'])
    assert.deepEqual(table.rows[0]?.cells, ['Peeters', 'Jan', ''])
  })

  it('reads a single-column list with its first line as header', async () => {
    const table = await readText('Rijksregisternummer\n05091551706\n')
    assert.deepEqual(table.headers, ['Rijksregisternummer'])
    assert.deepEqual(table.rows, [{ line: 2, cells: ['05091551706'] }])
  })
})

describe('readTable: files that are not a list', () => {
  it('refuses an empty file and a file of blank lines as empty', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('\uFEFF \r\n\r\n\t\n', 'utf8'), Buffer.from(';;\n;\n', 'utf8')]) {
      assert.deepEqual(await readTable(bytes), { ok: false, problem: { message: 'invitees.import.empty' } })
    }
  })

  it('refuses a PNG, a PDF and text with NUL characters as not a table', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1')
    const nul = Buffer.from('Naam;Voornaam\n\0Peeters;Jan\n', 'utf8')
    for (const bytes of [png, pdf, nul]) {
      assert.deepEqual(await readTable(bytes), { ok: false, problem: { message: 'invitees.import.notATable' } })
    }
  })

  it('refuses a file larger than the limit, naming the limit in MB', async () => {
    const limit = 1024 * 1024
    const result = await readTable(Buffer.alloc(limit + 1, 'a;b\n'), { maxBytes: limit })
    assert.deepEqual(result, { ok: false, problem: { message: 'invitees.import.tooLarge', values: { mb: 1 } } })
    assert.equal((await readTable(Buffer.from('a;b\n1;2\n'), { maxBytes: 8 })).ok, true, 'a file of exactly the limit is read')
  })

  it('names the line of an unclosed quote far down a long file, past rows already read', async () => {
    const lines = ['Naam;Voornaam;Opmerking']
    for (let i = 0; i < 6000; i++) lines.push(i % 1000 === 0 ? `Naam${i};Voornaam${i};"twee\r\nregels"` : `Achternaam${i};Voornamen${i};een opmerking zonder meer`)
    const text = `${lines.join('\r\n')}\r\n"Peeters;Jan;ok\r\nMaes;An;ok\r\n`
    assert.ok(text.length > 3 * 64 * 1024, 'several chunks')
    // Six records hold a line break in a quoted field: each takes two lines.
    assert.deepEqual(await readTable(Buffer.from(text)), { ok: false, problem: { message: 'invitees.import.badQuotes', values: { line: 6008 } } })
  })

  it('refuses an unclosed quote, naming the line where its record starts', async () => {
    const result = await readTable(Buffer.from('Naam;Voornaam\nPeeters;Jan\n"Janssens;An\nMaes;Pieter\n'))
    assert.deepEqual(result, { ok: false, problem: { message: 'invitees.import.badQuotes', values: { line: 3 } } })
  })
})
