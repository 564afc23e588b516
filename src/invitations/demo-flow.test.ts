// The whole way of an invitation with the demo data, through HTTP as the officer and the newcomer
// use it: import the sample list into Mol's edition, open invitations, send the e-mails (they land
// in the outbox), print the letter batch, open a letter's reply address and answer in Arabic,
// see the answer in the overview, and get the reminder at the right moment (a controllable clock).
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { Client, visibleText } from '../../test/helpers/client.ts'
import { suiteDialect } from '../../test/helpers/database.ts'
import { signIn } from '../../test/helpers/factories.ts'
import { pdfText } from '../../test/helpers/pdf.ts'
import { SAMPLES_DIR } from '../../test/helpers/samples.ts'
import { seedDemo } from '../demo/demo-data.ts'
import { DEMO_PASSWORD } from '../demo/demo-users.ts'
import { findEdition } from '../editions/editions-queries.ts'
import { importFiles } from '../invitees/import/import-files.ts'
import { paths } from '../paths.ts'
import { invitationKeys } from './invitations-queries.ts'
import { formatShortCode } from './reply-codes.ts'
import { reminderDueAt } from './reminders/reminder-rules.ts'
import { scheduleReminders } from './reminders/reminders-job.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
  await seedDemo(t.db)
})
after(() => t?.close())

test(`with the demo data on ${suiteDialect()}: import, e-mail, letters, a reply in Arabic, the overview and the reminder`, async () => {
  const officer = await signIn(t.app, { email: 'medewerker@mol.example', password: DEMO_PASSWORD })
  const row = await t.db.selectFrom('editions').innerJoin('municipalities', 'municipalities.id', 'editions.municipality_id').select(['editions.id', 'editions.municipality_id']).where('municipalities.nis_code', '=', '13025').executeTakeFirstOrThrow()
  const scope = { municipalityId: row.municipality_id as string }
  const edition = (await findEdition(t.db, scope, row.id as string))!

  // The sample list, as the import wizard and `welkom import` read it.
  const imported = await importFiles(t.db, { edition, scope, actor: null, file: readFileSync(join(SAMPLES_DIR, 'attesten-2026-q1.csv')), dryRun: false, hashKey: t.config.hashKey })
  assert.ok(imported.ok)
  assert.equal((await officer.post(paths.editionStatus(edition.id), { status: 'invitations_open' })).statusCode, 303)

  // E-mails, through the jobs into the outbox.
  assert.equal((await officer.post(paths.editionInvitationsSend(edition.id))).statusCode, 303)
  await t.runJobs()
  const outbox = readdirSync(join(t.config.dataDir, 'outbox'))
  const withEmail = Number((await t.db.selectFrom('invitees').select((eb) => eb.fn.countAll().as('n')).where('edition_id', '=', edition.id).where('email', 'is not', null).executeTakeFirstOrThrow()).n)
  assert.ok(outbox.length > 0 && outbox.length <= withEmail, `${outbox.length} e-mails in the outbox`)

  // The letter batch, with Omar's name and short code.
  const omar = await t.db.selectFrom('invitees').innerJoin('invitations', 'invitations.invitee_id', 'invitees.id').select(['invitees.id', 'invitations.token_sealed', 'invitations.code_sealed']).where('invitees.edition_id', '=', edition.id).where('invitees.email', '=', 'omar.haddad@hotmail.com').executeTakeFirstOrThrow()
  const keys = invitationKeys(t.config, omar)
  const pdf = await officer.post(paths.editionLettersPdf(edition.id), {})
  assert.equal(pdf.statusCode, 200)
  assert.equal(pdf.headers['content-type'], 'application/pdf')
  const letters = await pdfText(pdf.rawPayload)
  assert.match(letters.text, /Omar Haddad/)
  assert.ok(letters.text.includes(formatShortCode(keys.code)), 'the short code is printed')

  // The QR address, opened by a phone whose language is Arabic; the answer posted as a form.
  const phone = new Client(t.app)
  const page = await phone.get(new URL(keys.url).pathname, { 'accept-language': 'ar' })
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /<html lang="ar" dir="rtl"/)
  assert.match(page.body, /Omar/)
  const answered = await phone.post(paths.reply(keys.token), { attending: 'yes', adults: '1', children: '1', halal: 'on' }, { csrf: false })
  assert.equal(answered.statusCode, 303)
  const reply = await t.db.selectFrom('replies').selectAll().where('invitee_id', '=', omar.id).executeTakeFirstOrThrow()
  assert.equal(reply.attending, 'yes')
  assert.equal(reply.language, 'ar')

  // The officer sees it in the overview.
  const overview = visibleText((await officer.get(paths.editionReplies(edition.id))).body)
  assert.match(overview, /Geantwoord 1 /)
  assert.match(overview, /Komt \(met 2 gasten\) 1 /)

  // The 14-day reminder: not an hour early, then once to each person without an answer, never to Omar.
  const due = reminderDueAt(edition.startsAt, 14)
  await scheduleReminders(t.db, new Date(due.getTime() - 2 * 3600_000))
  await t.runJobs(new Date(due.getTime() - 3600_000))
  const reminders = () => t.db.selectFrom('invitee_messages').select('invitee_id').where('edition_id', '=', edition.id).where('kind', '=', 'reminder').execute()
  assert.equal((await reminders()).length, 0, 'nothing before 10:00 on the day')
  await t.runJobs(new Date(due.getTime() + 60_000))
  const sent = await reminders()
  assert.ok(sent.length > 0, 'the reminder went out at 10:00')
  assert.ok(!sent.some((m) => m.invitee_id === omar.id), 'not to someone who answered')
  await t.runJobs(new Date(due.getTime() + 3600_000 + 60_000))
  assert.equal((await reminders()).length, sent.length, 'and nobody gets it twice')
})
