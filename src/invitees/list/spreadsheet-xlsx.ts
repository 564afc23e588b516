// The export as an Excel workbook. Every cell is written as text with the text number format:
// nothing becomes a formula, a phone number keeps its "+", and a date or postcode is not reinterpreted.

export async function spreadsheetXlsx(sheetName: string, rows: readonly (readonly string[])[]): Promise<Buffer> {
  // Imported when needed: exceljs takes half a second to load, which every process would pay.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Welkom'
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31))
  const width = Math.max(0, ...rows.map((r) => r.length))
  sheet.columns = Array.from({ length: width }, () => ({ width: 18, style: { numFmt: '@' } }))
  for (const row of rows) {
    const added = sheet.addRow([])
    // Assigned cell by cell as plain strings: exceljs only writes a formula for a { formula } value.
    row.forEach((value, i) => {
      const cell = added.getCell(i + 1)
      cell.value = value
      cell.numFmt = '@'
    })
  }
  if (rows.length > 0) {
    sheet.getRow(1).font = { bold: true }
    sheet.views = [{ state: 'frozen', ySplit: 1 }]
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
