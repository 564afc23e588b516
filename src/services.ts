// The long-lived parts of a running Welkom process, built once at start-up and handed down.
import type { Logger } from 'pino'
import type { Config } from './config.ts'
import type { Database } from './platform/db/database.ts'
import type { MailTransport } from './platform/mail/transport.ts'
import type { PdfService } from './platform/pdf/pdf.ts'
import type { SmsTransport } from './platform/sms/transport.ts'

export interface Services {
  config: Config
  /** For work outside a request (start-up, the worker); requests log through Fastify. */
  log: Logger
  database: Database
  mail: MailTransport
  pdf: PdfService
  sms: SmsTransport
}
