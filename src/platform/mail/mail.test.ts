import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts'
import { findJob } from '../jobs/jobs-queries.ts'
import { Worker } from '../jobs/worker.ts'
import { queueMail, sendMailJob } from './mail.ts'
import { findMail } from './mail-queries.ts'
import { createMailTransport } from './transport.ts'

const quiet = { info() {}, error() {} }

describe('e-mail over SMTP', () => {
  let server: SMTPServer
  let port = 0
  const received: ParsedMail[] = []
  let rejectNext = 0

  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(address, _session, callback) {
        if (rejectNext > 0) {
          rejectNext--
          const error = new Error(`mailbox ${address.address} unavailable`) as Error & { responseCode: number }
          error.responseCode = 451
          return callback(error)
        }
        callback()
      },
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          received.push(mail)
          callback()
        }, callback)
      },
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.server.address() as { port: number }).port
  })
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))

  test('a queued message is delivered by the job, with text, HTML and attachment, and marked sent', async () => {
    const database = await createTestDatabase()
    try {
      const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, dataDir: '/nonexistent' })
      const worker = new Worker({ db: database.db, dialect: database.dialect, definitions: [sendMailJob(transport, 'Welkom <welkom@mol.be>')], log: quiet })
      const id = await queueMail(
        database.db,
        { municipalityId: 'm1', to: 'amina@example.org', subject: 'Uitnodiging – دعوة', text: 'Welkom op de ceremonie.', html: '<p>Welkom op de ceremonie.</p>', attachments: [{ filename: 'ceremonie.ics', contentType: 'text/calendar', content: Buffer.from('BEGIN:VCALENDAR').toString('base64') }] },
        'welkom.test',
      )
      assert.equal(received.length, 0, 'nothing is sent before the job runs')
      await worker.drain()
      const mail = received.at(-1)!
      assert.equal(mail.subject, 'Uitnodiging – دعوة')
      assert.equal(mail.text?.trim(), 'Welkom op de ceremonie.')
      assert.match(String(mail.html), /<p>Welkom op de ceremonie.<\/p>/)
      assert.equal(mail.attachments[0]?.filename, 'ceremonie.ics')
      assert.equal(mail.attachments[0]?.content.toString(), 'BEGIN:VCALENDAR')
      assert.equal(mail.messageId, `<${id}@welkom.test>`)
      const stored = (await findMail(database.db, 'm1', id))!
      assert.equal(stored.status, 'sent')
      assert.ok(stored.sent_at instanceof Date)

      await database.db.updateTable('jobs').set({ status: 'queued', run_at: new Date(0) }).execute()
      const before = received.length
      await worker.drain()
      assert.equal(received.length, before, 'a retried job finds the message sent and does not send it again')
    } finally {
      await database.close()
    }
  })

  test('a refused delivery is retried and the error kept without the address', async () => {
    const database = await createTestDatabase()
    try {
      rejectNext = 1
      const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, dataDir: '/nonexistent' })
      const worker = new Worker({ db: database.db, dialect: database.dialect, definitions: [sendMailJob(transport, 'welkom@mol.be')], log: quiet })
      const id = await queueMail(database.db, { municipalityId: null, to: 'yonas@example.org', subject: 'Test', text: 'Test' }, 'welkom.test')
      await worker.drain()
      const job = (await database.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow()) as { id: string }
      const failed = (await findJob(database.db, null, job.id))!
      assert.equal(failed.status, 'queued')
      assert.match(failed.lastError!, /451/)
      assert.doesNotMatch(failed.lastError!, /yonas/)
      await database.db.updateTable('jobs').set({ run_at: new Date(0) }).execute()
      const count = received.length
      await worker.drain()
      assert.equal(received.length, count + 1)
      assert.equal((await findMail(database.db, null, id))!.status, 'sent')
    } finally {
      await database.close()
    }
  })
})

test('without SMTP_URL, messages land as .eml files in the outbox under the data directory', async () => {
  const database: TestDatabase = await createTestDatabase()
  try {
    const dataDir = mkdtempSync(join(tmpdir(), 'welkom-outbox-'))
    const transport = createMailTransport({ smtpUrl: null, dataDir })
    assert.equal(transport.kind, 'outbox')
    const worker = new Worker({ db: database.db, dialect: database.dialect, definitions: [sendMailJob(transport, 'welkom@mol.be')], log: quiet })
    await queueMail(database.db, { municipalityId: null, to: 'a@example.org', subject: 'Wachtwoord herstellen', text: 'Klik op de link.' }, 'welkom.test')
    await worker.drain()
    const files = readdirSync(join(dataDir, 'outbox'))
    assert.equal(files.length, 1)
    const parsed = await simpleParser(readFileSync(join(dataDir, 'outbox', files[0]!)))
    assert.equal(parsed.subject, 'Wachtwoord herstellen')
  } finally {
    await database.close()
  }
})
