// One measurement of the import benchmark, in a process of its own so that its peak memory is its
// own: `parse FILE` streams the file through bare csv-parse; `import FILE DIR` imports it into a
// fresh SQLite edition in DIR the way `welkom import` does (read, normalise, reconcile, write).
// Prints one JSON line: the time of the work itself (start-up excluded), wall-clock and CPU, and
// the peak RSS.
import { parse } from 'csv-parse'
import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import { createEdition } from '../src/editions/edition-creation.ts'
import { findEdition } from '../src/editions/editions-queries.ts'
import type { EditionInput } from '../src/editions/editions.ts'
import { fileSource } from '../src/invitees/import/byte-source.ts'
import { importFiles } from '../src/invitees/import/import-files.ts'
import { insertMunicipality } from '../src/municipalities/municipalities-queries.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'

const [mode, file, dir] = process.argv.slice(2)
if (!file || (mode !== 'parse' && mode !== 'import') || (mode === 'import' && !dir)) throw new Error('usage: invitee-import-child.ts parse FILE | import FILE DIR')

const peakMb = () => process.resourceUsage().maxRSS / 1024
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

if (mode === 'parse') {
  const started = performance.now()
  const cpu = process.cpuUsage()
  let records = 0
  // The options the import gives csv-parse; the BOM is left to the parser here.
  for await (const _ of createReadStream(file).pipe(parse({ delimiter: ';', bom: true, relax_column_count: true, relax_quotes: true }))) records++
  console.log(JSON.stringify({ ms: performance.now() - started, cpuMs: cpuMs(cpu), records, peakMb: peakMb() }))
} else {
  const database = openDatabase(`sqlite:${join(dir!, 'welkom.db')}`)
  const { db } = database
  await migrateToLatest(db)
  const municipalityId = await insertMunicipality(db, { nisCode: '13025', name: 'Mol' })
  const scope = { municipalityId }
  const input: EditionInput = { name: 'Benchmark', startsAt: new Date(Date.now() + 90 * 86_400_000), venueName: 'Cultuurcentrum', venueAddress: 'Kerkstraat 1, 2400 Mol', venueRoom: null, capacity: 500, accessibility: null, periodFrom: '2026-01-01', periodTo: '2026-12-31', replyBy: null, guestsPerInvitee: 2, languages: ['nl'], retentionDays: 90, coOrganiserIds: [] }
  const edition = (await findEdition(db, scope, await createEdition(db, { user: null, scope, input, source: null, now: new Date() })))!
  const started = performance.now()
  const cpu = process.cpuUsage()
  const result = await importFiles(db, { edition, scope, actor: null, file: await fileSource(file), dryRun: false, hashKey: 'bench-hash-key-0123456789abcdef0123456789abcdef' })
  const ms = performance.now() - started
  const cpuUsed = cpuMs(cpu)
  if (!result.ok) throw new Error(`the import failed: ${result.problem.message}`)
  console.log(JSON.stringify({ ms, cpuMs: cpuUsed, imported: result.plan.inserts.length, warnings: result.plan.warnings.length, peakMb: peakMb() }))
  await database.close()
}
