// Where e-mail goes: an SMTP server when SMTP_URL is set, otherwise a file outbox under the data
// directory (one .eml file per message), so a demo or a test machine never needs a mail server.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import nodemailer from 'nodemailer'

export interface OutgoingMail {
  from: string
  to: string
  subject: string
  text: string
  html?: string | null
  messageId: string
  attachments?: { filename: string; contentType: string; content: string }[]
}

export interface MailTransport {
  readonly kind: 'smtp' | 'outbox'
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

export function createMailTransport(options: { smtpUrl: string | null; dataDir: string }): MailTransport {
  return options.smtpUrl ? smtpTransport(options.smtpUrl) : outboxTransport(join(options.dataDir, 'outbox'))
}

function toNodemailer(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? undefined,
    messageId: mail.messageId,
    attachments: mail.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content, encoding: 'base64' })),
  }
}

function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url)
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail(toNodemailer(mail))
    },
    close: () => transporter.close(),
  }
}

function outboxTransport(dir: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    kind: 'outbox',
    async send(mail) {
      const info = await transporter.sendMail(toNodemailer(mail))
      mkdirSync(dir, { recursive: true, mode: 0o700 })
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^a-zA-Z0-9-]/g, '')}.eml`
      writeFileSync(join(dir, name), info.message as Buffer, { mode: 0o600 })
    },
    close: () => transporter.close(),
  }
}
