// Messages to invitees end to end: queued in the database, delivered by the jobs through a real
// SMTP peer (smtp-server) and the file transport for text messages, read back as a mail client
// and a phone would.
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, beforeEach, describe, test } from 'node:test'
import ICAL from 'ical.js'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipality } from '../../../test/helpers/factories.ts'
import { insertPeople } from '../../invitees/households/people-test-support.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { invitationKeys } from '../invitations-queries.ts'
import { formatShortCode } from '../reply-codes.ts'
import { queueInviteeMessages } from './invitee-messages.ts'
import { isolate } from './message-blocks.ts'
import { failedDeliveries, messageStatuses } from './messages-queries.ts'
import { insertReply, openInvitations, writtenSms } from './messages-test-support.ts'

describe('messages to invitees', () => {
  let server: SMTPServer
  let t: TestApp
  const received: ParsedMail[] = []

  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(address, _session, callback) {
        // A mailbox that does not exist: a permanent refusal, as a real server gives it.
        if (address.address.startsWith('bounce')) return callback(Object.assign(new Error(`mailbox ${address.address} unknown`), { responseCode: 550 }))
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
    const { port } = server.server.address() as { port: number }
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` })
  })
  after(async () => {
    await t?.close()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
  beforeEach(() => {
    received.length = 0
  })

  async function setUp(name: string) {
    const municipality = await createMunicipality(t.db, { name })
    const edition = await createEdition(t.db, municipality.id, { name: `Welkomstfeest ${name}`, languages: ['nl', 'ar', 'en'], venueRoom: 'Grote zaal', replyBy: null })
    await openInvitations(t.db, edition)
    return { municipality, edition, scope: { municipalityId: municipality.id } }
  }

  const mailTo = (address: string) => received.find((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address)
  const invitationOf = async (inviteeId: string): Promise<{ token_sealed: string; code_sealed: string }> =>
    t.db.selectFrom('invitations').select(['token_sealed', 'code_sealed']).where('invitee_id', '=', inviteeId).executeTakeFirstOrThrow()

  test('an invitation e-mail has the Dutch text first, then the labelled translation, the personal link, the code and a calendar file', async () => {
    const { edition } = await setUp('Mol')
    const [amina, eva] = await insertPeople(t.db, edition.id, [
      { first_name: 'Amina', email: 'amina@example.org', language: 'ar' },
      { first_name: 'Eva', email: 'eva@example.org', language: 'en' },
    ])
    const queued = await queueInviteeMessages(t.db, t.config, { editionId: edition.id, inviteeIds: [amina!, eva!], kind: 'invitation', occasion: 'first' }, new Date())
    assert.equal(queued, 2)
    assert.equal(received.length, 0, 'nothing leaves before the jobs run')
    await t.runJobs()

    // The Arabic text is the translators' work (they fill the newcomer catalogs from Dutch).
    assert.ok(existsSync(join(import.meta.dirname, '../../../locales/ar/invitation-mail.json')), 'locales/ar/invitation-mail.json exists')
    const nl = createTranslator('nl')
    for (const [id, address, language] of [[amina!, 'amina@example.org', 'ar'], [eva!, 'eva@example.org', 'en']] as const) {
      const mail = mailTo(address)
      assert.ok(mail, `an e-mail reached ${address}`)
      const keys = invitationKeys(t.config, await invitationOf(id))
      const translated = createTranslator(language)
      const text = mail.text ?? ''
      const dutchAt = text.indexOf(nl.t('invitation-mail.greeting', { firstName: address === 'amina@example.org' ? 'Amina' : 'Eva' }))
      const labelAt = text.indexOf(`${nl.t('invitation-mail.translationLabel')} / ${translated.t('invitation-mail.translationLabel')}`)
      const ltr = (value: string) => (translated.dir === 'rtl' ? isolate(value) : value)
      const translationAt = text.indexOf(translated.t('invitation-mail.invitation.intro', { edition: ltr(edition.name), municipality: ltr('Mol') }))
      assert.ok(dutchAt === 0 && labelAt > dutchAt && translationAt > labelAt, `${language}: Dutch first (${dutchAt}), then the label (${labelAt}), then the translation (${translationAt})`)
      assert.match(text, /Proficiat met uw inburgeringsattest! Mol nodigt u uit/)
      assert.ok(text.includes(keys.url), 'the personal reply link is in the text part')
      assert.ok(text.includes(formatShortCode(keys.code)), 'the short code is in the text part')
      assert.ok(text.includes('014\u00a033\u00a008\u00a000'), "the municipality's phone number is in the text part")
      const html = String(mail.html)
      assert.ok(html.includes(`href="${keys.url}"`), 'the HTML part links to the reply page')
      assert.ok(html.indexOf('lang="nl"') < html.indexOf(`lang="${language}" dir="${translated.dir}"`), 'the HTML part marks the translation with its language and direction, after the Dutch')
      const ics = mail.attachments.find((a) => a.filename === 'uitnodiging.ics')
      assert.ok(ics, 'the calendar file is attached')
      const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.content.toString('utf8'))).getFirstSubcomponent('vevent')!)
      assert.equal(event.startDate.toJSDate().toISOString(), edition.startsAt.toISOString())
      assert.equal(event.location, 'Cultuurcentrum, Grote zaal, Kerkstraat 1, 2400 Mol')
      assert.equal(event.summary, edition.name)
    }
    assert.equal(createTranslator('ar').dir, 'rtl')
  })

  test('queuing the same invitation twice queues nothing the second time, and excluded or unselected people get nothing', async () => {
    const { edition } = await setUp('Geel')
    const ids = await insertPeople(t.db, edition.id, [
      { first_name: 'Omar', email: 'omar@example.org' },
      { first_name: 'Weg', email: 'moved@example.org', excluded_reason: 'moved_away' },
      { first_name: 'Later', email: 'later@example.org', selection: 'not_selected' },
    ])
    const request = { editionId: edition.id, inviteeIds: ids, kind: 'invitation' as const, occasion: 'first' }
    assert.equal(await queueInviteeMessages(t.db, t.config, request, new Date()), 1)
    assert.equal(await queueInviteeMessages(t.db, t.config, request, new Date()), 0)
    await t.runJobs()
    assert.deepEqual(received.map((m) => (Array.isArray(m.to) ? '' : m.to?.value[0]?.address)), ['omar@example.org'])
    const rows = await t.db.selectFrom('invitee_messages').select(['invitee_id', 'channel']).where('edition_id', '=', edition.id).execute()
    assert.deepEqual(rows, [{ invitee_id: ids[0], channel: 'email' }])
  })

  test('an address the mail server refuses ends as a failed delivery, shown with a reason but without the address', async () => {
    const { edition, scope } = await setUp('Herentals')
    const [bounced, fine] = await insertPeople(t.db, edition.id, [
      { first_name: 'Rami', email: 'bounce-rami@example.org' },
      { first_name: 'Sara', email: 'sara@example.org' },
    ])
    await queueInviteeMessages(t.db, t.config, { editionId: edition.id, inviteeIds: [bounced!, fine!], kind: 'invitation', occasion: 'first' }, new Date())
    // Far enough ahead that every retry of the mail job is due: the last attempt marks it failed.
    await t.runJobs(new Date(Date.now() + 24 * 3600_000))
    assert.deepEqual(await failedDeliveries(t.db, scope, edition.id), { count: 1, inviteeIds: [bounced] })
    const [status] = await messageStatuses(t.db, scope, edition.id, bounced!)
    assert.equal(status?.status, 'failed')
    assert.match(status?.error ?? '', /550/)
    assert.doesNotMatch(status?.error ?? '', /bounce-rami/)
    assert.equal((await messageStatuses(t.db, scope, edition.id, fine!))[0]?.status, 'sent')
    const other = { municipalityId: (await createMunicipality(t.db)).id }
    assert.deepEqual(await messageStatuses(t.db, other, edition.id, bounced!), [], 'another municipality sees nothing')
    assert.deepEqual(await failedDeliveries(t.db, other, edition.id), { count: 0, inviteeIds: [] })
  })

  test('a text message with the personal link goes to a mobile number; a landline or an invalid number gets none', async () => {
    const { edition, scope } = await setUp('Tienen')
    const [mobile, landline, invalid] = await insertPeople(t.db, edition.id, [
      { first_name: 'Hiwet', phone: '0470 12 34 56', language: 'ti' },
      { first_name: 'Jan', phone: '+3214330801' },
      { first_name: 'Nina', phone: '12' },
    ])
    assert.equal(await queueInviteeMessages(t.db, t.config, { editionId: edition.id, inviteeIds: [mobile!, landline!, invalid!], kind: 'invitation', occasion: 'first' }, new Date()), 1)
    const queuedRow = await t.db.selectFrom('invitee_messages').selectAll().where('invitee_id', '=', mobile!).executeTakeFirstOrThrow()
    assert.ok(queuedRow.body, 'the text waits in the row until it is sent')
    await t.runJobs()
    const keys = invitationKeys(t.config, await invitationOf(mobile!))
    const messages = writtenSms(t.config.dataDir).filter((m) => m.reference === queuedRow.id)
    assert.equal(messages.length, 1)
    assert.equal(messages[0]!.to, '+32470123456')
    assert.ok(messages[0]!.text.startsWith('Tienen: u bent uitgenodigd'), messages[0]!.text)
    assert.ok(messages[0]!.text.includes(keys.url), 'the text holds the reply link')
    const [status] = await messageStatuses(t.db, scope, edition.id, mobile!)
    assert.equal(status?.status, 'sent')
    const sentRow = await t.db.selectFrom('invitee_messages').selectAll().where('id', '=', queuedRow.id).executeTakeFirstOrThrow()
    assert.equal(sentRow.body, null, 'once sent, the text (it holds the link) is not kept')
    assert.deepEqual(await messageStatuses(t.db, scope, edition.id, landline!), [])
    assert.deepEqual(await messageStatuses(t.db, scope, edition.id, invalid!), [])
  })

  test('a confirmation sums up the answer and carries the calendar file, except for a "no"; a place from the waiting list is announced', async () => {
    const { edition } = await setUp('Asse')
    const [yes, no, promoted] = await insertPeople(t.db, edition.id, [
      { first_name: 'Yusuf', email: 'yusuf@example.org' },
      { first_name: 'Nour', email: 'nour@example.org' },
      { first_name: 'Pavlo', email: 'pavlo@example.org' },
    ])
    await queueInviteeMessages(t.db, t.config, { editionId: edition.id, inviteeIds: [yes!, no!, promoted!], kind: 'invitation', occasion: 'first' }, new Date())
    await t.runJobs()
    received.length = 0
    await insertReply(t.db, edition, yes!, { attending: 'yes', adults: 1, children: 2, needs: { wheelchair: true, interpreter: 'ar', halal: true } })
    await insertReply(t.db, edition, no!, { attending: 'no' })
    await insertReply(t.db, edition, promoted!, { attending: 'yes', place: 'confirmed' })
    await queueInviteeMessages(t.db, t.config, { editionId: edition.id, inviteeIds: [yes!, no!], kind: 'confirmation', occasion: 'v1' }, new Date())
    await queueInviteeMessages(t.db, t.config, { editionId: edition.id, inviteeIds: [promoted!], kind: 'promoted', occasion: 'v1' }, new Date())
    await t.runJobs()
    const yesMail = mailTo('yusuf@example.org')!
    assert.match(yesMail.text ?? '', /U komt\. Fijn!/)
    assert.match(yesMail.text ?? '', /U brengt mee: 1 volwassene en 2 kinderen\./)
    assert.match(yesMail.text ?? '', /Wat u nodig hebt: toegang met een rolstoel, een tolk \(العربية\), halal eten\./)
    assert.equal(yesMail.attachments.length, 1)
    const noMail = mailTo('nour@example.org')!
    assert.match(noMail.text ?? '', /U komt niet\./)
    assert.equal(noMail.attachments.length, 0, 'nothing to put in a calendar after a "no"')
    const promotedMail = mailTo('pavlo@example.org')!
    assert.match(promotedMail.subject ?? '', /^Goed nieuws: er is plaats voor u op/)
    assert.match(promotedMail.text ?? '', /U stond op de wachtlijst\. Nu kunt u komen/)
    assert.equal(promotedMail.attachments.length, 1)
  })

  test('nothing is queued for an edition whose personal data was purged', async () => {
    const { edition } = await setUp('Malle')
    const ids = await insertPeople(t.db, edition.id, [{ first_name: 'Lina', email: 'lina@example.org' }])
    await t.db.updateTable('editions').set({ purged_at: new Date() }).where('id', '=', edition.id).execute()
    assert.equal(await queueInviteeMessages(t.db, t.config, { editionId: edition.id, inviteeIds: ids, kind: 'invitation', occasion: 'first' }, new Date()), 0)
    assert.equal(await t.db.selectFrom('invitations').select('id').where('edition_id', '=', edition.id).executeTakeFirst(), undefined)
  })
})
