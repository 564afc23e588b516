// `welkom`: parses the command line, runs the command and maps its errors to an exit status.
// src/cli/main.ts is the process around it.
import { ConfigError, loadConfig } from '../config.ts'
import { BackupRefused } from '../platform/db/backup.ts'
import { DatabaseUnreachable } from '../platform/db/database.ts'
import { parseArgs, UsageError } from './args.ts'
import { runExport, type Write } from './export-command.ts'
import { runLetters } from './letters-command.ts'
import { runBackup, runEdition, runImport, runMigrate, runPurge, runSeed, runServe, runUserCreate, runWorker, type Output } from './commands.ts'

/** Where a command's lines and settings come from and go. */
export interface CliIo {
  env: Record<string, string | undefined>
  /** One line of standard output (console.log adds the newline). */
  stdout(line: string): void
  stderr(line: string): void
  /** Raw standard output (an exported CSV); undefined: the process's own. */
  write?: Write
}

const processIo: CliIo = {
  env: process.env,
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
}

const USAGE = `Usage: welkom <command> [options]

  start                 migrate, load demo data into an empty database (demo mode), then serve
  serve                 migrate and serve the web app (worker included unless WORKER_IN_PROCESS=false)
  worker                run background jobs only (run as many as you like on PostgreSQL)
  migrate [--json]      bring the database schema up to date
  seed demo [--json]    load the demo municipalities and users into an empty database
  user create --email E --name N --role R [--municipality NIS] [--json]
                        create a staff account; roles: platform_admin, municipality_admin, staff,
                        practice_editor. The person gets an e-mail to set their password.
  edition create --municipality NIS [--with NIS[,NIS]] --name N --date YYYY-MM-DDTHH:MM
          --period-from YYYY-MM-DD --period-to YYYY-MM-DD --capacity N [--venue V] [--address A] [--json]
                        create a draft edition (Brussels time) with the municipality's playbook
  edition list [--municipality NIS] [--json]
                        the editions, latest first
  import --edition ID FILE [--register FILE] [--sheet NAME] [--dry-run] [--json]
                        import a list of people into an edition (CSV or XLSX); with --register, FILE
                        is the agency's list and the register extract supplies names and addresses
  export invitees --edition ID [--format csv|xlsx] [--out FILE] [--json]
                        the edition's invitees as CSV (standard output unless --out) or XLSX (needs --out)
  letters --edition ID --out FILE.pdf [--only-unsent] [--json]
                        the edition's invitation letters as one PDF in postal order (a household gets
                        one letter), marked printed; --only-unsent: only those not printed yet
  purge [--dry-run] [--json]
                        delete the personal data of every edition whose retention has passed
                        (the worker does this every night at 03:00), keeping a receipt
  backup FILE [--json]  consistent copy of the SQLite database while it runs (PostgreSQL: pg_dump)

Configuration comes from environment variables; see README.md.`

/**
 * Runs one `welkom` command and returns the exit status (-1: a long-running command that stays up
 * until a signal stops it). `io` defaults to the process; tests pass their own to run commands
 * in-process, without paying a process start per command.
 */
export async function welkom(argv: string[], io: CliIo = processIo): Promise<number> {
  const args = parseArgs(argv)
  const json = args.flags.json === true
  const out: Output = (human, data) => io.stdout(json ? JSON.stringify(data) : human)
  const command = args.positional[0]
  try {
    if (!command || command === 'help' || args.flags.help) {
      io.stdout(USAGE)
      return command || args.flags.help ? 0 : 1
    }
    const config = loadConfig(io.env)
    switch (command) {
      case 'start':
        await runServe(config, { demoOnEmpty: true })
        return -1
      case 'serve':
        await runServe(config, { demoOnEmpty: false })
        return -1
      case 'worker':
        await runWorker(config)
        return -1
      case 'migrate':
        await runMigrate(config, out)
        return 0
      case 'seed':
        await runSeed(config, args, out)
        return 0
      case 'user':
        if (args.positional[1] !== 'create') throw new UsageError('usage: welkom user create --email E --name N --role R [--municipality NIS]')
        await runUserCreate(config, args, out)
        return 0
      case 'edition':
        await runEdition(config, args, out)
        return 0
      case 'import':
        await runImport(config, args, out)
        return 0
      case 'export':
        await runExport(config, args, out, io.write)
        return 0
      case 'letters':
        await runLetters(config, args, out)
        return 0
      case 'purge':
        await runPurge(config, args, out)
        return 0
      case 'backup':
        await runBackup(config, args, out)
        return 0
      default:
        throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`)
    }
  } catch (error) {
    const known = error instanceof UsageError || error instanceof ConfigError || error instanceof DatabaseUnreachable || error instanceof BackupRefused
    const message = known ? (error as Error).message : `Unexpected error: ${(error as Error).stack ?? error}`
    if (json) io.stdout(JSON.stringify({ error: (error as Error).message }))
    io.stderr(message)
    return error instanceof UsageError ? 2 : 1
  }
}

