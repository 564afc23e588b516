// What each `welkom` command does. Commands that report results print one JSON document on
// stdout with --json; otherwise a short human-readable line.
import { ROLES, type Role } from '../accounts/accounts.ts'
import { findUserByEmail } from '../accounts/accounts-queries.ts'
import type { Config } from '../config.ts'
import { isEmptyDatabase, seedDemo } from '../demo/demo-data.ts'
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/demo-users.ts'
import { findMunicipalityByNis } from '../municipalities/municipalities-queries.ts'
import { backupSqlite } from '../platform/db/backup.ts'
import { isEmail } from '../platform/http/forms.ts'
import { inviteStaffMember } from '../staff/staff-invitations.ts'
import { createEditionFromCommand, editionSummary } from '../editions/edition-commands.ts'
import { findEdition, listAllEditions, listEditions } from '../editions/editions-queries.ts'
import { importFiles } from '../invitees/import/import-files.ts'
import { importReport } from '../invitees/import/import-report.ts'
import { duePurges, purgeEdition } from '../invitees/purge-queries.ts'
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import { fileSource } from '../invitees/import/byte-source.ts'
import { progressLine } from './progress-line.ts'
import { createTranslator } from '../platform/i18n/i18n.ts'
import { closeServices, createServices, migrate, onShutdown, serve, startWorker } from '../runtime.ts'
import { stringFlag, UsageError, type Args } from './args.ts'

export type Output = (human: string, json: object) => void

export async function runServe(config: Config, options: { demoOnEmpty: boolean }): Promise<void> {
  const services = await createServices(config)
  await migrate(services)
  if (options.demoOnEmpty && config.demo && (await isEmptyDatabase(services.database.db))) {
    await seedDemo(services.database.db)
    printDemoUsers(config)
  }
  const stop = await serve(services, { withWorker: config.inProcessWorker })
  console.log(`Welkom is running at ${config.baseUrl} (${services.database.dialect}${config.inProcessWorker ? ', with worker' : ''}). Stop with Ctrl-C.`)
  onShutdown(services.log, async () => {
    await stop()
    await closeServices(services)
  })
}

function printDemoUsers(config: Config): void {
  console.log(`\nDemo data loaded. Sign in at ${config.baseUrl}/aanmelden with password "${DEMO_PASSWORD}" as:`)
  for (const user of DEMO_USERS) console.log(`  ${user.email.padEnd(30)} ${user.label}`)
  console.log('')
}

export async function runWorker(config: Config): Promise<void> {
  const services = await createServices(config)
  await migrate(services)
  const worker = startWorker(services)
  console.log(`Welkom worker ${worker.id} started (${services.database.dialect}). Stop with Ctrl-C.`)
  onShutdown(services.log, async () => {
    await worker.stop()
    await closeServices(services)
  })
}

export async function runMigrate(config: Config, out: Output): Promise<void> {
  await withServices(config, async (services) => {
    const applied = await migrate(services)
    out(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.', { applied })
  })
}

export async function runSeed(config: Config, args: Args, out: Output): Promise<void> {
  if (args.positional[1] !== 'demo') throw new UsageError('usage: welkom seed demo')
  if (!config.demo) throw new UsageError('Demo data is only loaded in demo mode (not in production, DEMO=false).')
  await withServices(config, async (services) => {
    await migrate(services)
    if (!(await isEmptyDatabase(services.database.db))) {
      out('The database already holds data; demo data was not loaded.', { seeded: false })
      return
    }
    const counts = await seedDemo(services.database.db)
    out(`Demo data loaded: ${counts.municipalities} municipalities, ${counts.users} users (password "${DEMO_PASSWORD}").`, { seeded: true, ...counts })
  })
}

export async function runUserCreate(config: Config, args: Args, out: Output): Promise<void> {
  const email = stringFlag(args, 'email')!.toLowerCase()
  const name = stringFlag(args, 'name')!
  const role = stringFlag(args, 'role')! as Role
  if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`)
  if (!isEmail(email)) throw new UsageError(`--email "${email}" is not an e-mail address`)
  // Platform admins and practice editors work across municipalities; everyone else belongs to one.
  const nis = stringFlag(args, 'municipality', role !== 'platform_admin' && role !== 'practice_editor')
  await withServices(config, async (services) => {
    const { db } = services.database
    await migrate(services)
    const municipality = nis ? await findMunicipalityByNis(db, nis) : null
    if (nis && !municipality) throw new UsageError(`No municipality with NIS code ${nis}`)
    if (await findUserByEmail(db, email)) throw new UsageError(`A user with e-mail ${email} already exists`)
    const id = await db.transaction().execute((trx) => inviteStaffMember(trx, services, null, municipality?.id ?? null, { email, name, role }))
    out(`Created ${role} ${email}; an e-mail with a link to set the password is queued.`, { id, email, role, municipality: municipality?.nisCode ?? null })
  })
}

export async function runEdition(config: Config, args: Args, out: Output): Promise<void> {
  const action = args.positional[1]
  if (action !== 'create' && action !== 'list') throw new UsageError('usage: welkom edition create … | welkom edition list [--municipality NIS]')
  await withServices(config, async (services) => {
    const { db } = services.database
    await migrate(services)
    const nis = stringFlag(args, 'municipality', action === 'create')
    const municipality = nis ? await findMunicipalityByNis(db, nis) : null
    if (nis && !municipality) throw new UsageError(`No municipality with NIS code ${nis}`)
    if (action === 'list') {
      const editions = municipality ? await listEditions(db, { municipalityId: municipality.id }) : await listAllEditions(db)
      const items = editions.map(editionSummary)
      out(items.map((e) => `${e.id}  ${e.startsAt.slice(0, 16)}  ${e.status.padEnd(16)} ${e.name} (${e.organisers.join(', ')})`).join('\n') || 'No editions.', { items })
      return
    }
    const capacity = Number(stringFlag(args, 'capacity'))
    const outcome = await createEditionFromCommand(
      db,
      { municipalityId: municipality!.id },
      {
        name: stringFlag(args, 'name')!,
        startsAt: stringFlag(args, 'date')!,
        periodFrom: stringFlag(args, 'period-from')!,
        periodTo: stringFlag(args, 'period-to')!,
        capacity: Number.isInteger(capacity) ? capacity : Number.NaN,
        with: stringFlag(args, 'with', false)?.split(',').map((s) => s.trim()).filter(Boolean),
        venueName: stringFlag(args, 'venue', false),
        venueAddress: stringFlag(args, 'address', false),
      },
      new Date(),
    )
    if (!outcome.ok) {
      const { t } = createTranslator('en')
      throw new UsageError(outcome.errors.map((e) => `--${flagOf(e.field)}: ${t(e.message, e.values)}`).join('\n'))
    }
    out(`Created edition ${outcome.id} (draft, with the playbook).`, { id: outcome.id })
  })
}

const FLAGS: Record<string, string> = { startsAt: 'date', periodFrom: 'period-from', periodTo: 'period-to', venueName: 'venue', venueAddress: 'address' }
function flagOf(field: string): string {
  return FLAGS[field] ?? field
}

export async function runImport(config: Config, args: Args, out: Output): Promise<void> {
  const editionId = stringFlag(args, 'edition')!
  const file = args.positional[1]
  if (!file) throw new UsageError('usage: welkom import --edition ID FILE [--register FILE] [--sheet NAME] [--dry-run] [--json]')
  const registerFile = stringFlag(args, 'register', false)
  // The files stream from disk: a list of 100,000 people is never read into memory whole.
  const open = async (path: string) => {
    try {
      if (!statSync(path).isFile()) throw new Error('not a file')
      return await fileSource(path)
    } catch {
      throw new UsageError(`Cannot read ${path}`)
    }
  }
  const list = await open(file)
  const register = registerFile ? await open(registerFile) : undefined
  await withServices(config, async (services) => {
    const { db } = services.database
    await migrate(services)
    // An operator's command: the edition's own municipality is the scope.
    const owner = await db.selectFrom('editions').select('municipality_id').where('id', '=', editionId).executeTakeFirst()
    const edition = owner ? await findEdition(db, { municipalityId: owner.municipality_id }, editionId) : null
    if (!edition) throw new UsageError(`No edition with id ${editionId}`)
    if (edition.purgedAt) throw new UsageError(`The personal data of edition ${editionId} was purged; nobody can be added to it`)
    const dryRun = args.flags['dry-run'] === true
    // Progress goes to standard error, so that --json keeps standard output to its one document.
    const progress = progressLine(process.stderr, `Reading ${basename(file)}`, { saving: !dryRun })
    const result = await importFiles(db, { edition, scope: { municipalityId: edition.municipalityId }, actor: null, file: list, register, sheet: stringFlag(args, 'sheet', false), dryRun, hashKey: config.hashKey, onProgress: progress.update })
    progress.end()
    const { t } = createTranslator('en')
    if (!result.ok) throw new UsageError(`${result.file === 'register' ? registerFile : file}: ${t(result.problem.message, result.problem.values)}`)
    const report = importReport(result.plan, t)
    out(
      `${dryRun ? 'Dry run: would import' : 'Imported'} ${report.imported}, updated ${report.updated}, unchanged ${report.unchanged}, duplicates ${report.duplicates}, skipped ${report.skipped} of ${report.rows} rows; not invited: ${report.notInvited.noCertificate} without certificate, ${report.notInvited.outsidePeriod} outside the period, ${report.notInvited.notInRegister} not in the register; ${report.warnings.length} warnings.`,
      report,
    )
  })
}

export async function runPurge(config: Config, args: Args, out: Output): Promise<void> {
  const dryRun = args.flags['dry-run'] === true
  await withServices(config, async (services) => {
    const { db, dialect } = services.database
    await migrate(services)
    const now = new Date()
    const due = await duePurges(db, now)
    const editions = []
    for (const d of due) if (dryRun || (await purgeEdition(db, dialect, d, now, config.dataDir))) editions.push({ id: d.editionId, name: d.name, dueOn: d.dueOn, ...d.counts })
    const verb = dryRun ? 'Would purge' : 'Purged'
    out(editions.length ? editions.map((e) => `${verb} ${e.name} (${e.id}): ${e.invitees} invitees, ${e.households} households, ${e.contributions} contributions, ${e.uploads} uploads, ${e.replies} replies, ${e.recordings} recordings, ${e.messages} messages`).join('\n') : 'Nothing to purge.', { dryRun, editions })
  })
}

export async function runBackup(config: Config, args: Args, out: Output): Promise<void> {
  const target = args.positional[1]
  if (!target) throw new UsageError('usage: welkom backup FILE')
  const { file, bytes } = await backupSqlite(config.databaseUrl, target)
  out(`Backup written to ${file} (${bytes} bytes).`, { file, bytes })
}

async function withServices<T>(config: Config, work: (services: Awaited<ReturnType<typeof createServices>>) => Promise<T>): Promise<T> {
  const services = await createServices(config)
  try {
    return await work(services)
  } finally {
    await closeServices(services)
  }
}
