import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fromBrussels } from '../../platform/calendar.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { NO_NEEDS } from '../reply.ts'
import { channelsOf, smsNumber } from './channels.ts'
import { blocksText, renderMail } from './mail-render.tsx'
import { composeMessage, formatDay, isolate, type MessageFacts } from './message-blocks.ts'
import { carriesCalendar, parseReminderOccasion, translationFor } from './message-compose.ts'
import { composeSms, smsSegments } from './sms-content.ts'

const nl = createTranslator('nl')
const en = createTranslator('en')

function facts(overrides: Partial<MessageFacts> = {}): MessageFacts {
  return {
    kind: 'invitation',
    reminder: null,
    firstName: 'Amina',
    editionName: 'Welkomstfeest 2027',
    municipalityName: 'Mol',
    municipalityPhone: '014 33 08 00',
    startsAt: fromBrussels('2027-05-21', '19:00'),
    place: 'Cultuurcentrum, Kerkstraat 1, 2400 Mol',
    replyBy: '2027-05-07',
    guestsPerInvitee: 2,
    replyUrl: 'https://welkom.mol.be/r/AbCdEfGhIjKlMnOpQrStUvWx',
    codeUrl: 'https://welkom.mol.be/r',
    code: 'ACDE-FGHJ',
    reply: null,
    ...overrides,
  }
}

const text = (f: MessageFacts) => blocksText(composeMessage(f, nl).blocks)

test('an invitation gives the date, time and place first, then how to reply by link, code or phone', () => {
  const body = text(facts())
  assert.match(body, /^Beste Amina,\n\nProficiat met uw inburgeringsattest! Mol nodigt u uit voor een feest: Welkomstfeest 2027\.\n\nWanneer: vrijdag 21 mei 2027 om 19:00\nWaar: Cultuurcentrum/)
  assert.match(body, /U mag 2 personen meebrengen\./)
  assert.match(body, /Dat kan tot en met vrijdag 7 mei 2027\./)
  assert.match(body, /Antwoorden kan met deze link:\nhttps:\/\/welkom\.mol\.be\/r\/AbCd/)
  assert.match(body, /typ uw code: ACDE-FGHJ/)
  assert.match(body, /Bel ons op 014\u00a033\u00a008\u00a000\./, 'the number does not break over two lines')
  assert.match(text(facts({ place: null, municipalityPhone: null, guestsPerInvitee: 0 })), /Waar: Dat laten we u nog weten\./)
  assert.doesNotMatch(text(facts({ municipalityPhone: null })), /Bel ons/)
})

test('a "not replied" reminder asks for an answer, and asks people who said "not sure yet" to decide', () => {
  const reminder = { audience: 'not_replied' as const, daysBefore: 14 }
  assert.match(text(facts({ kind: 'reminder', reminder })), /Wij hebben nog geen antwoord van u\./)
  const maybe = text(facts({ kind: 'reminder', reminder, reply: { attending: 'maybe', place: null, adults: 0, children: 0, needs: NO_NEEDS } }))
  assert.match(maybe, /U weet nog niet of u komt naar Welkomstfeest 2027\. Weet u het nu\?/)
  assert.doesNotMatch(maybe, /nog geen antwoord/)
})

test('a reminder to those coming says when it is and how to cancel, without asking again', () => {
  const tomorrow = composeMessage(facts({ kind: 'reminder', reminder: { audience: 'coming', daysBefore: 1 } }), nl)
  assert.equal(tomorrow.subject, 'Tot morgen: Welkomstfeest 2027')
  assert.match(blocksText(tomorrow.blocks), /Morgen is het zover!/)
  assert.match(blocksText(tomorrow.blocks), /Kunt u toch niet komen\?/)
  assert.doesNotMatch(blocksText(tomorrow.blocks), /typ uw code/)
  assert.equal(composeMessage(facts({ kind: 'reminder', reminder: { audience: 'coming', daysBefore: 3 } }), nl).subject, 'Nog 3 dagen: Welkomstfeest 2027')
})

test('a confirmation for the waiting list says so, and a "no" leaves out the date and the calendar file', () => {
  const waiting = facts({ kind: 'confirmation', reply: { attending: 'yes', place: 'waiting', adults: 0, children: 0, needs: NO_NEEDS } })
  assert.match(text(waiting), /U staat op de wachtlijst\./)
  assert.equal(carriesCalendar('confirmation', waiting), true)
  const no = facts({ kind: 'confirmation', reply: { attending: 'no', place: null, adults: 0, children: 0, needs: NO_NEEDS } })
  assert.doesNotMatch(text(no), /Wanneer:/)
  assert.equal(carriesCalendar('confirmation', no), false)
})

test('the e-mail puts the Dutch text first and the translation after it under a label in both languages, escaped', () => {
  const f = facts({ firstName: '<b>Amina</b>' })
  const mail = renderMail({ translator: nl, composed: composeMessage(f, nl) }, { translator: en, composed: composeMessage(f, en) })
  assert.equal(mail.subject, 'Uitnodiging: Welkomstfeest 2027 / Invitation: Welkomstfeest 2027')
  assert.ok(mail.text.indexOf('Beste') < mail.text.indexOf('Vertaling van de Nederlandse tekst / Translation of the Dutch text'))
  assert.ok(mail.text.indexOf('Vertaling van de Nederlandse tekst') < mail.text.indexOf('Dear'))
  assert.match(mail.html, /<div lang="en" dir="ltr"><p><strong><span lang="nl" dir="ltr">Vertaling van de Nederlandse tekst<\/span> \/ <span>Translation of the Dutch text<\/span>/)
  assert.ok(mail.html.includes('Beste &lt;b>Amina&lt;/b>,'), 'markup in a name is shown as text')
  assert.ok(!mail.html.includes('<b>Amina'))
  const dutchOnly = renderMail({ translator: nl, composed: composeMessage(f, nl) }, null)
  assert.doesNotMatch(dutchOnly.text, /Vertaling/)
})

test('a translation is added only for a language the edition offers and whose catalog has the text', () => {
  assert.equal(translationFor('en', ['nl', 'en'])?.locale, 'en')
  assert.equal(translationFor('en', ['nl', 'ar']), null)
  assert.equal(translationFor('nl', ['nl', 'en']), null)
  assert.equal(translationFor(null, ['nl', 'en']), null)
  assert.equal(translationFor('xx', ['nl', 'xx']), null)
})

test('dates in a translation use the Gregorian calendar, as the Dutch text does', () => {
  assert.match(formatDay('fa', fromBrussels('2027-05-21', '19:00')), /۲۰۲۷/)
  assert.match(formatDay('nl', '2027-05-07'), /^vrijdag 7 mei 2027$/)
  // Dari is Afghan Persian: Afghan month names, not Iranian ones.
  assert.match(formatDay('prs', '2027-02-05'), /فبروری/)
  assert.doesNotMatch(formatDay('prs', '2027-02-05'), /فوریه/)
  assert.match(formatDay('fa', '2027-02-05'), /فوریه/)
})

test('a Dutch text message takes one segment; with a line in the reader’s language it stays short', () => {
  const dutch = composeSms(facts(), nl, null)
  assert.equal(dutch, 'Mol: u bent uitgenodigd voor een feest op vr 21 mei om 19:00. Antwoord via https://welkom.mol.be/r/AbCdEfGhIjKlMnOpQrStUvWx')
  assert.equal(smsSegments(dutch), 1)
  const withEnglish = composeSms(facts(), nl, en)
  assert.equal(withEnglish, `${dutch}\nInvitation. Reply with the link.`)
  assert.ok(smsSegments(withEnglish) <= 2)
  for (const kind of ['reminder', 'confirmation', 'promoted'] as const) {
    const sms = composeSms(facts({ kind, reminder: kind === 'reminder' ? { audience: 'coming', daysBefore: 1 } : null, municipalityName: 'Sint-Katelijne-Waver' }), nl, en)
    assert.ok(smsSegments(sms) <= 2, `${kind}: ${sms.length} characters`)
    assert.ok(sms.includes('https://welkom.mol.be/r/AbCd'))
  }
})

test('segments count GSM characters, the extension table double, and fall back to UCS-2', () => {
  assert.equal(smsSegments('a'.repeat(160)), 1)
  assert.equal(smsSegments('a'.repeat(161)), 2)
  assert.equal(smsSegments('€'.repeat(80)), 1)
  assert.equal(smsSegments('€'.repeat(81)), 2)
  assert.equal(smsSegments('ش'.repeat(70)), 1)
  assert.equal(smsSegments('ش'.repeat(71)), 2)
  assert.equal(smsSegments('ش'.repeat(135)), 3)
})

test('text messages go only to valid mobile numbers, e-mail only to addresses', () => {
  assert.equal(smsNumber('0470 12 34 56'), '+32470123456')
  assert.equal(smsNumber('+31 6 12345678'), '+31612345678')
  assert.equal(smsNumber('014 33 08 00'), null)
  assert.equal(smsNumber('12'), null)
  assert.equal(smsNumber(null), null)
  assert.deepEqual(channelsOf({ email: 'a@example.org', phone: '0470123456' }), ['email', 'sms'])
  assert.deepEqual(channelsOf({ email: 'not an address', phone: '+3214330800' }), [])
})

test('a reminder occasion names its rule', () => {
  assert.deepEqual(parseReminderOccasion('14-not_replied'), { daysBefore: 14, audience: 'not_replied' })
  assert.deepEqual(parseReminderOccasion('1-coming'), { daysBefore: 1, audience: 'coming' })
})

test('in a right-to-left translation, names, numbers and addresses are isolated so they keep their order', () => {
  const ar = createTranslator('ar')
  const body = blocksText(composeMessage(facts(), ar).blocks)
  assert.equal(ar.dir, 'rtl')
  assert.ok(body.includes(isolate('Welkomstfeest 2027')))
  assert.ok(body.includes(isolate('014\u00a033\u00a008\u00a000')))
  assert.ok(!blocksText(composeMessage(facts(), en).blocks).includes('\u2068'), 'left-to-right text needs no isolation')
})
