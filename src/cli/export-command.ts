// `welkom export invitees --edition ID [--format csv|xlsx] [--out FILE]`: the same export as the
// list's download buttons, for an operator. CSV goes to standard output unless --out is given; a
// workbook is binary and is only written to a file.
import { writeFileSync } from 'node:fs'
import { recordAudit } from '../audit/audit-queries.ts'
import type { Config } from '../config.ts'
import { findEdition } from '../editions/editions-queries.ts'
import { EXPORT_HEADERS, exportRow } from '../invitees/list/invitee-list.ts'
import { listInviteesForExport } from '../invitees/list/invitee-list-queries.ts'
import { spreadsheetCsv } from '../invitees/list/spreadsheet-csv.ts'
import { spreadsheetXlsx } from '../invitees/list/spreadsheet-xlsx.ts'
import { closeServices, createServices, migrate } from '../runtime.ts'
import { stringFlag, UsageError, type Args } from './args.ts'
import type { Output } from './commands.ts'

const USAGE = 'usage: welkom export invitees --edition ID [--format csv|xlsx] [--out FILE] [--json]'

/** Where a CSV goes without --out; waits until it is written, since the process exits right after. */
export type Write = (data: string) => Promise<void>
const toStdout: Write = (data) => new Promise((resolve, reject) => process.stdout.write(data, (error) => (error ? reject(error) : resolve())))

export async function runExport(config: Config, args: Args, out: Output, write: Write = toStdout): Promise<void> {
  if (args.positional[1] !== 'invitees') throw new UsageError(USAGE)
  const editionId = stringFlag(args, 'edition')!
  const format = stringFlag(args, 'format', false) ?? 'csv'
  if (format !== 'csv' && format !== 'xlsx') throw new UsageError(`--format must be csv or xlsx.\n${USAGE}`)
  const file = stringFlag(args, 'out', false)
  if (format === 'xlsx' && !file) throw new UsageError(`--out FILE is required for xlsx: a workbook cannot go to the terminal.\n${USAGE}`)
  const services = await createServices(config)
  try {
    const { db } = services.database
    await migrate(services)
    // An operator's command: the edition's own municipality is the scope.
    const owner = await db.selectFrom('editions').select('municipality_id').where('id', '=', editionId).executeTakeFirst()
    const scope = { municipalityId: owner?.municipality_id ?? '' }
    const edition = owner ? await findEdition(db, scope, editionId) : null
    if (!edition) throw new UsageError(`No edition with id ${editionId}`)
    const invitees = await listInviteesForExport(db, scope, edition.id)
    const rows = [[...EXPORT_HEADERS], ...invitees.map(exportRow)]
    const body = format === 'csv' ? spreadsheetCsv(rows) : await spreadsheetXlsx('Genodigden', rows)
    // Recorded before the data leaves: an export that failed halfway is still in the log.
    await recordAudit(db, { municipalityId: scope.municipalityId, actor: null, action: 'invitees.exported', record: { type: 'edition', id: edition.id }, details: { format, count: invitees.length, via: 'cli' } })
    if (file) {
      try {
        writeFileSync(file, body, { mode: 0o600 })
      } catch {
        throw new UsageError(`Cannot write ${file}`)
      }
    } else await write(body as string)
    // On standard output the CSV is the output: a summary there would corrupt it.
    if (file) out(`Exported ${invitees.length} invitees to ${file} (${format}).`, { file, format, count: invitees.length })
  } finally {
    await closeServices(services)
  }
}
