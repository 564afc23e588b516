// The long-lived parts of a running Welkom process, built once at start-up and handed down.
import type { Config } from './config.ts'
import type { Database } from './platform/db/database.ts'
import type { MailTransport } from './platform/mail/transport.ts'
import type { PdfService } from './platform/pdf/pdf.ts'

export interface Services {
  config: Config
  database: Database
  mail: MailTransport
  pdf: PdfService
}
