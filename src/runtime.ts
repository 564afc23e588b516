// Starting the pieces of a Welkom process: services, web server, worker.
import pino from 'pino'
import { buildApp } from './app.ts'
import type { Config } from './config.ts'
import { connectWithRetry, describeUrl } from './platform/db/database.ts'
import { migrateToLatest } from './platform/db/migrate.ts'
import { Worker } from './platform/jobs/worker.ts'
import { createMailTransport } from './platform/mail/transport.ts'
import { createPdfService } from './platform/pdf/pdf.ts'
import { fileSmsTransport } from './platform/sms/transport.ts'
import { jobDefinitions } from './job-definitions.ts'
import type { Services } from './services.ts'
import { scheduleDigests } from './editions/playbook/digest-job.ts'
import { schedulePurge } from './invitees/purge-job.ts'
import { scheduleReminders } from './invitations/reminders/reminders-job.ts'
import { scheduleIncompleteReminders } from './practices/editorial/editorial-jobs.ts'
import { loadReferenceData } from './practices/reference-data.ts'
import { scheduleMaintenance } from './shell/maintenance-job.ts'


export async function createServices(config: Config): Promise<Services> {
  const log = pino({ level: config.logLevel, base: undefined })
  const database = await connectWithRetry(config.databaseUrl, {
    onRetry: (attempt, error) => log.warn({ attempt, database: describeUrl(config.databaseUrl), reason: error.message }, 'database not reachable yet, retrying'),
  })
  return {
    config,
    log,
    database,
    mail: createMailTransport({ smtpUrl: config.smtpUrl, dataDir: config.dataDir }),
    pdf: createPdfService({ chromiumPath: config.chromiumPath }),
    sms: fileSmsTransport(config.dataDir),
  }
}

export async function closeServices(services: Services): Promise<void> {
  services.mail.close()
  await services.pdf.close()
  await services.database.close()
}

/** Brings the schema up to date and loads the reference content every installation has. */
export async function migrate(services: Services): Promise<string[]> {
  const outcome = await migrateToLatest(services.database.db)
  if (outcome.error) throw new Error(`Migration failed: ${outcome.error}`)
  await loadReferenceData(services.database.db)
  return outcome.applied
}

export function startWorker(services: Services): Worker {
  const worker = new Worker({ db: services.database.db, dialect: services.database.dialect, definitions: jobDefinitions(services), log: services.log.child({ part: 'worker' }) })
  worker.start()
  void scheduleMaintenance(services.database.db).catch((error) => services.log.error({ err: error.message }, 'could not schedule maintenance'))
  void scheduleIncompleteReminders(services.database.db).catch((error) => services.log.error({ err: error.message }, 'could not schedule the practice reminders'))
  void scheduleDigests(services.database.db).catch((error) => services.log.error({ err: error.message }, 'could not schedule the playbook digest'))
  void schedulePurge(services.database.db).catch((error) => services.log.error({ err: error.message }, 'could not schedule the purge'))
  void scheduleReminders(services.database.db).catch((error) => services.log.error({ err: error.message }, 'could not schedule the reminders'))
  return worker
}

export async function serve(services: Services, options: { withWorker: boolean }): Promise<() => Promise<void>> {
  const app = await buildApp(services)
  await app.listen({ port: services.config.port, host: services.config.host })
  const worker = options.withWorker ? startWorker(services) : null
  return async () => {
    await app.close()
    await worker?.stop()
  }
}

/** Stops cleanly on Ctrl-C or a container's SIGTERM: finish the job in hand, close connections. */
export function onShutdown(log: Services['log'], stop: () => Promise<void>): void {
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return
      stopping = true
      log.info({ signal }, 'shutting down')
      stop().then(
        () => process.exit(0),
        (error) => {
          log.error({ err: String(error) }, 'shutdown failed')
          process.exit(1)
        },
      )
    })
  }
}
