import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { crc32 } from 'node:zlib'
import ExcelJS from 'exceljs'
import { readTable, type ReadTableResult } from './read-table.ts'
import type { Table } from './types.ts'

function tableOf(result: ReadTableResult): Table {
  if (!result.ok) assert.fail(`expected a table, got ${result.problem.message}`)
  return result.table
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

async function twoSheets(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Attesten').addRows([
    ['Naam', 'Voornaam'],
    ['Peeters', 'Jan'],
  ])
  workbook.addWorksheet('Agentschap').addRows([
    ['Rijksregisternummer', 'Attest behaald', 'Datum attest'],
    ['05.09.15-517.06', 'ja', '22/01/2026'],
    ['72.07.22-623.84', 'nee', ''],
  ])
  return bytesOf(workbook)
}

/** A ZIP holding one stored text file: a valid archive that is no workbook. */
function zipWithOneFile(name: string, content: string): Buffer {
  const data = Buffer.from(content)
  const fileName = Buffer.from(name)
  const crc = crc32(data)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt32LE(crc, 14)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(data.length, 22)
  local.writeUInt16LE(fileName.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(data.length, 24)
  central.writeUInt16LE(fileName.length, 28)
  const localPart = Buffer.concat([local, fileName, data])
  const centralPart = Buffer.concat([central, fileName])
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(centralPart.length, 12)
  end.writeUInt32LE(localPart.length, 16)
  return Buffer.concat([localPart, centralPart, end])
}

describe('readTable: workbooks', () => {
  it('reads the first sheet of a workbook with two sheets and lists both names', async () => {
    const table = tableOf(await readTable(await twoSheets()))
    assert.equal(table.sheet, 'Attesten')
    assert.deepEqual(table.sheets, ['Attesten', 'Agentschap'])
    assert.deepEqual(table.headers, ['Naam', 'Voornaam'])
    assert.deepEqual(table.rows, [{ line: 2, cells: ['Peeters', 'Jan'] }])
  })

  it('reads the sheet the person chose', async () => {
    const table = tableOf(await readTable(await twoSheets(), { sheet: 'Agentschap' }))
    assert.equal(table.sheet, 'Agentschap')
    assert.deepEqual(table.headers, ['Rijksregisternummer', 'Attest behaald', 'Datum attest'])
    assert.equal(table.rows.length, 2)
    assert.deepEqual(table.rows[1]?.cells, ['72.07.22-623.84', 'nee', ''])
  })

  it('refuses a sheet name the workbook does not have, listing the sheets it has', async () => {
    const result = await readTable(await twoSheets(), { sheet: 'Blad1' })
    assert.deepEqual(result, {
      ok: false,
      problem: { message: 'invitees.import.unknownSheet', values: { sheet: 'Blad1', sheets: 'Attesten, Agentschap' } },
    })
  })

  it('passes over a hidden first sheet when no sheet is chosen', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Hulp', { state: 'hidden' }).addRow(['code', 'taal'])
    workbook.addWorksheet('Lijst').addRows([['Naam', 'Voornaam'], ['Peeters', 'Jan']])
    const table = tableOf(await readTable(await bytesOf(workbook)))
    assert.equal(table.sheet, 'Lijst')
    assert.deepEqual(table.sheets, ['Hulp', 'Lijst'])
  })

  it('shows cells as Excel does: dates dd/mm/yyyy, whole numbers in full, formula results, link and rich text', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Lijst')
    sheet.addRow(['Naam', 'Geboortedatum', 'GSM', 'INSZ', 'Leeftijd', 'E-mail', 'Bus'])
    sheet.addRow([
      { richText: [{ text: 'Tshi' }, { font: { bold: true }, text: 'banda ' }] },
      new Date(Date.UTC(2005, 10, 17)),
      32495429994,
      5111732852,
      { formula: '2026-2005', result: 21 },
      { text: 'heritier@example.be', hyperlink: 'mailto:heritier@example.be' },
      2.5,
    ])
    sheet.getCell('D2').numFmt = '00000000000'
    const table = tableOf(await readTable(await bytesOf(workbook)))
    assert.deepEqual(table.rows[0]?.cells, ['Tshibanda', '17/11/2005', '32495429994', '05111732852', '21', 'heritier@example.be', '2.5'])
  })

  it('passes over a title merged across the columns above the header, and skips blank rows and the footer', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Lijst')
    sheet.getCell('A1').value = 'Attesten Q1 2026'
    sheet.mergeCells('A1:C1')
    sheet.getRow(3).values = ['Naam', 'Voornaam', 'Gemeente']
    sheet.getRow(4).values = ['Peeters', 'Jan', 'Mol']
    sheet.getRow(6).values = ['Janssens', 'An', 'Geel']
    sheet.getRow(8).values = ['Aantal personen: 2']
    const table = tableOf(await readTable(await bytesOf(workbook)))
    assert.deepEqual(table.headers, ['Naam', 'Voornaam', 'Gemeente'])
    assert.deepEqual(table.rows.map((row) => row.line), [4, 6])
    assert.deepEqual(table.skipped, { blank: 2, footer: 1 })
  })

  it('refuses a workbook whose sheet is empty as empty', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Blad1')
    assert.deepEqual(await readTable(await bytesOf(workbook)), { ok: false, problem: { message: 'invitees.import.empty' } })
  })

  it('refuses a ZIP that is not a workbook, and a broken ZIP, as not a table', async () => {
    for (const bytes of [zipWithOneFile('lijst.txt', 'Naam;Voornaam\nPeeters;Jan\n'), Buffer.from('PK\x03\x04 kapot', 'latin1')]) {
      assert.deepEqual(await readTable(bytes), { ok: false, problem: { message: 'invitees.import.notATable' } })
    }
  })
})
