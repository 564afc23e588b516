// For the tests of messages, sending and reminders: the test app with this part's routes and jobs
// (registered here only while src/app.ts and src/job-definitions.ts do not have them yet, so the
// tests run the same before and after), an edition open for invitations with people on its list,
// and readers for the text messages the file transport wrote.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { buildApp } from '../../app.ts'
import { loadConfig } from '../../config.ts'
import { jobDefinitions } from '../../job-definitions.ts'
import type { AnyDb } from '../../platform/db/transaction.ts'
import type { JobDefinition } from '../../platform/jobs/jobs.ts'
import { Worker } from '../../platform/jobs/worker.ts'
import { createMailTransport } from '../../platform/mail/transport.ts'
import { createPdfService } from '../../platform/pdf/pdf.ts'
import { fileSmsTransport } from '../../platform/sms/transport.ts'
import type { Services } from '../../services.ts'
import type { TestApp } from '../../../test/helpers/app.ts'
import { createTestDatabase } from '../../../test/helpers/database.ts'
import { NO_NEEDS, type Needs } from '../reply.ts'
import { remindersJob } from '../reminders/reminders-job.ts'
import { reminderRoutes } from '../reminders/reminders-routes.tsx'
import { invitationSendingRoutes } from '../sending/sending-routes.tsx'
import { inviteeSmsJob } from './sms-job.ts'

export async function createInvitationsTestApp(env: Record<string, string> = {}): Promise<TestApp> {
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
  if (!app.hasRoute({ method: 'GET', url: '/edities/:id/uitnodigingen' })) invitationSendingRoutes(app, services)
  if (!app.hasRoute({ method: 'GET', url: '/edities/:id/herinneringen' })) reminderRoutes(app, services)
  await app.ready()
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const definitions: JobDefinition<any>[] = jobDefinitions(services)
  for (const mine of [inviteeSmsJob(services.sms), remindersJob(config)]) if (!definitions.some((d) => d.kind === mine.kind)) definitions.push(mine)
  const worker = new Worker({ db: database.db, dialect: database.dialect, definitions, log: { info() {}, error() {} } })
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

/** Puts the edition in the state where invitations go out, with the municipality's phone number. */
export async function openInvitations(db: AnyDb, edition: { id: string; municipalityId: string }, phone = '014 33 08 00'): Promise<void> {
  await db.updateTable('editions').set({ status: 'invitations_open' }).where('id', '=', edition.id).execute()
  await db.updateTable('municipalities').set({ contact_phone: phone }).where('id', '=', edition.municipalityId).execute()
}

export interface WrittenSms {
  to: string
  reference: string
  text: string
}

/** The text messages the file transport wrote, oldest first. */
export function writtenSms(dataDir: string): WrittenSms[] {
  const dir = join(dataDir, 'sms')
  let files: string[]
  try {
    files = readdirSync(dir).sort()
  } catch {
    return []
  }
  return files.map((file) => {
    const [head = '', ...body] = readFileSync(join(dir, file), 'utf8').split('\n\n')
    const header = Object.fromEntries(head.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]))
    return { to: header.To ?? '', reference: header.Reference ?? '', text: body.join('\n\n').replace(/\n$/, '') }
  })
}

/** An answer as the reply page stores it, with overrides. */
export async function insertReply(
  db: AnyDb,
  edition: { id: string; municipalityId: string },
  inviteeId: string,
  overrides: { attending: 'yes' | 'no' | 'maybe'; place?: 'confirmed' | 'waiting' | null; adults?: number; children?: number; needs?: Partial<Needs> },
): Promise<void> {
  const now = new Date()
  await db
    .insertInto('replies')
    .values({
      invitee_id: inviteeId,
      municipality_id: edition.municipalityId,
      edition_id: edition.id,
      attending: overrides.attending,
      place: overrides.place ?? (overrides.attending === 'yes' ? 'confirmed' : null),
      waitlisted_at: overrides.place === 'waiting' ? now : null,
      adults: overrides.adults ?? 0,
      children: overrides.children ?? 0,
      needs_json: { ...NO_NEEDS, ...overrides.needs },
      phonetic_name: null,
      has_photo_consent: false,
      has_group_photo_consent: false,
      has_publication_consent: false,
      has_children_photo_consent: false,
      interests_json: [],
      contribution_kinds_json: [],
      contribution_text: null,
      channel: 'web',
      recorded_by: null,
      language: null,
      replied_at: now,
      updated_at: now,
    })
    .execute()
}
