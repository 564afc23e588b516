// The app as tests use it: a real database (the suite's dialect), a temporary data directory,
// and the file outbox unless a test passes an SMTP server.
import { mkdtempSync, rmSync } from 'node:fs'
import pino from 'pino'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.ts'
import { loadConfig, type Config } from '../../src/config.ts'
import { jobDefinitions } from '../../src/job-definitions.ts'
import { Worker } from '../../src/platform/jobs/worker.ts'
import { createMailTransport } from '../../src/platform/mail/transport.ts'
import { createPdfService } from '../../src/platform/pdf/pdf.ts'
import { fileSmsTransport } from '../../src/platform/sms/transport.ts'
import type { Services } from '../../src/services.ts'
import { createTestDatabase, type TestDatabase } from './database.ts'

export interface TestApp {
  app: FastifyInstance
  services: Services
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: TestDatabase['db'] & import('kysely').Kysely<any>
  config: Config
  /** Runs every due background job (e-mail, …) to completion; with `now`, as if it were that moment. */
  runJobs(now?: Date): Promise<number>
  close(): Promise<void>
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase()
  const dataDir = mkdtempSync(join(tmpdir(), 'welkom-data-'))
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: database.url, BASE_URL: 'http://localhost:3000', DEMO: 'false', ...env })
  const services: Services = {
    config,
    log: pino({ level: 'silent' }),
    database,
    mail: createMailTransport({ smtpUrl: config.smtpUrl, dataDir }),
    pdf: createPdfService({ chromiumPath: config.chromiumPath }),
    sms: fileSmsTransport(dataDir),
  }
  const app = await buildApp(services)
  await app.ready()
  const worker = new Worker({ db: database.db, dialect: database.dialect, definitions: jobDefinitions(services), log: { info() {}, error() {} } })
  return {
    app,
    services,
    db: database.db,
    config,
    runJobs: (now) => worker.drain(now),
    async close() {
      await app.close()
      services.mail.close()
      await services.pdf.close()
      await database.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
