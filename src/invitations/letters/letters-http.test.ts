// The letter batch through HTTP, read back from the PDF as the post and a phone would read it:
// names and addresses in postal order, a household on one letter, the short codes, QR codes that
// open exactly the right reply page, the Arabic translation; "only unsent"; the audit; 404 for
// another municipality.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { pdfText } from '../../../test/helpers/pdf.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import type { Edition } from '../../editions/editions.ts'
import { insertPeople, type PersonOverrides } from '../../invitees/households/people-test-support.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { paths } from '../../paths.ts'
import { invitationKeys } from '../invitations-queries.ts'
import { formatShortCode } from '../reply-codes.ts'
import { carriedCharacters, pdfLines, pdfQrCodes } from './letters-test-support.ts'

type Organiser = Awaited<ReturnType<typeof createMunicipalityWithPeople>>

describe(`printed letters on ${suiteDialect()}`, () => {
  let t: TestApp
  let mol: Organiser
  let geel: Organiser

  before(async () => {
    t = await createTestApp()
    mol = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
    geel = await createMunicipalityWithPeople(t.app, t.db, { name: 'Geel' })
    await t.db.updateTable('municipalities').set({ contact_phone: '014 33 07 00', address: 'Markt 1\n2400 Mol' }).where('id', '=', mol.municipality.id).execute()
  })
  after(() => t.close())

  const kerkstraat = { street: 'Kerkstraat', postcode: '2400', city: 'Mol', language: 'nl' }
  const haddads = { street: 'Zandstraat', house_number: '67', postcode: '2200', city: 'Herentals', language: 'ar' }

  /** An edition with a household, four people in one street, and three who get no letter. */
  async function editionWithPeople(): Promise<{ edition: Edition; ids: Record<string, string> }> {
    const edition = await createEdition(t.db, mol.municipality.id, { languages: ['nl', 'ar'], replyBy: null })
    const household = randomUUID()
    await t.db.insertInto('invitee_households').values({ id: household, edition_id: edition.id, created_by: null, created_at: new Date() }).execute()
    const people: (PersonOverrides & { first_name: string })[] = [
      { first_name: 'Jan', last_name: 'Peeters', ...kerkstraat, house_number: '10' },
      { first_name: 'Els', last_name: 'Peeters', ...kerkstraat, house_number: '2', box: '10' },
      { first_name: 'Omar', last_name: 'Haddad', ...haddads, household_id: household },
      { first_name: 'Lies', last_name: 'Peeters', ...kerkstraat, house_number: '2', box: '2' },
      { first_name: 'Amal', last_name: 'Haddad', ...haddads, household_id: household },
      { first_name: 'An', last_name: 'Peeters', ...kerkstraat, house_number: '2' },
      { first_name: 'Verhuisd', last_name: 'Weg', ...kerkstraat, house_number: '3', excluded_reason: 'moved_away' },
      { first_name: 'Niet', last_name: 'Gekozen', ...kerkstraat, house_number: '4', selection: 'not_selected' },
      { first_name: 'Zonder', last_name: 'Adres', language: 'nl' },
    ]
    const inserted = await insertPeople(t.db, edition.id, people)
    return { edition, ids: Object.fromEntries(people.map((p, i) => [p.first_name, inserted[i]!])) }
  }

  async function keysOf(inviteeId: string) {
    const row = await t.db.selectFrom('invitations').select(['token_sealed', 'code_sealed']).where('invitee_id', '=', inviteeId).executeTakeFirstOrThrow()
    return invitationKeys(t.config, row)
  }

  describe('a first batch of every letter', () => {
    let edition: Edition
    let ids: Record<string, string>
    let pdf: Buffer
    let disposition: string

    before(async () => {
      ;({ edition, ids } = await editionWithPeople())
      const response = await mol.staffClient.post(paths.editionLettersPdf(edition.id), {})
      assert.equal(response.statusCode, 200, response.body.slice(0, 500))
      assert.equal(response.headers['content-type'], 'application/pdf')
      disposition = String(response.headers['content-disposition'])
      pdf = response.rawPayload
    })

    test('prints one letter per household or person in postal order, with names, addresses and codes; excluded, unselected and address-less people get none', async () => {
      assert.match(disposition, /^attachment; filename="brieven-\d{4}-\d{2}-\d{2}\.pdf"$/)
      const { text } = await pdfText(pdf)
      const greetings = [...text.matchAll(/Beste (.+?), U hebt/g)].map((m) => m[1])
      assert.deepEqual(greetings, ['Amal Haddad en Omar Haddad', 'An Peeters', 'Lies Peeters', 'Els Peeters', 'Jan Peeters'])
      assert.match(text, /Amal Haddad en Omar Haddad Zandstraat 67 2200 Herentals/)
      assert.match(text, /Lies Peeters Kerkstraat 2 bus 2 2400 Mol/)
      assert.match(text, /Mol Markt 1 2400 Mol Tel\. 014 33 07 00 Mol, \d+ \w+ \d{4}/)
      for (const name of ['Amal', 'Omar', 'Jan', 'Els', 'Lies', 'An']) {
        const { code } = await keysOf(ids[name]!)
        assert.ok(text.includes(`Code: ${formatShortCode(code)}`), `the code of ${name} is printed`)
      }
      for (const name of ['Verhuisd', 'Niet', 'Zonder']) assert.ok(!text.includes(name), `${name} gets no letter`)
      assert.match(text, /Scan de QR-code .* ga naar localhost:3000\/r en typ uw code\./)
    })

    test('every QR code decodes to exactly the reply address of the person it is printed for', async () => {
      const expected = await Promise.all(['Amal', 'Omar', 'An', 'Lies', 'Els', 'Jan'].map(async (name) => `http://localhost:3000/r/${(await keysOf(ids[name]!)).token}`))
      assert.deepEqual((await pdfQrCodes(pdf)).flat(), expected)
    })

    test('each letter starts on a page of its own, with the address where the window envelope shows it', async () => {
      const lines = await pdfLines(pdf)
      const { pages } = await pdfText(pdf)
      const titles = lines.filter((l) => l.text === 'Uitnodiging voor de inburgeringsceremonie')
      assert.equal(titles.length, 5)
      assert.equal(new Set(titles.map((l) => l.page)).size, 5, 'no page holds two letters')
      assert.ok(titles.every((l) => Math.abs(l.topMm - titles[0]!.topMm) < 0.5), 'every letter starts at the same height')
      // The household with its Arabic translation takes two pages; the others one each.
      assert.deepEqual(titles.map((l) => l.page), [1, 3, 4, 5, 6])
      assert.equal(pages, 6)
      // The default window: 50 mm from the top, 110 mm from the left.
      const addressee = lines.find((l) => l.text === 'Jan Peeters')!
      assert.ok(Math.abs(addressee.leftMm - 110) < 1, `address starts ${addressee.leftMm} mm from the left`)
      assert.ok(addressee.topMm >= 50 && addressee.topMm < 54, `address starts ${addressee.topMm} mm from the top`)
    })

    test('an Arabic reader gets the labelled translation after the Dutch text, right-aligned, with the date as Arabic writes it', async () => {
      const ar = createTranslator('ar')
      const all = await pdfLines(pdf)
      const lines = all.filter((l) => l.page <= 2)
      const dutchEnd = lines.findIndex((l) => l.text.startsWith('Met vriendelijke groeten'))
      const label = lines.findIndex((l) => l.text.startsWith('Vertaling van de Nederlandse tekst'))
      assert.ok(dutchEnd >= 0 && label > dutchEnd, 'the translation comes after the Dutch text')
      // pdf.js gives Arabic words one by one: each line of the block ends at the right margin.
      const lineEnds = new Map<string, number>()
      for (const l of lines.slice(label + 1).filter((l) => l.dir === 'rtl')) {
        const key = `${l.page}:${l.topMm.toFixed(0)}`
        lineEnds.set(key, Math.max(lineEnds.get(key) ?? 0, l.rightMm))
      }
      assert.ok(lineEnds.size > 10, 'the block is written right to left')
      assert.ok([...lineEnds.values()].every((end) => end > 187 && end < 191), `right-aligned: ${[...lineEnds.values()].map((e) => e.toFixed(0)).join(', ')}`)
      // A phone number inside Arabic text keeps its order (a bidi isolate), as does the web address.
      const block = lines.slice(label + 1).map((l) => l.text)
      assert.ok(block.includes('014 33 07 00') && block.includes('localhost:3000/r'), 'the phone number and address read left to right')
      const carried = await carriedCharacters(pdf)
      for (const phrase of [ar.t('letter.translationLabel'), ar.t('letter.title'), ar.formatDateTime(edition.startsAt, 'long')]) {
        const missing = [...phrase.replace(/\s/g, '')].filter((c) => !carried.has(c))
        assert.deepEqual(missing, [], `"${phrase}" is in the PDF`)
      }
      // Digits are single glyphs, read back in logical order: the year and the day as Arabic writes them.
      const { text } = await pdfText(pdf)
      const day = new Intl.DateTimeFormat('ar-BE', { day: 'numeric', timeZone: 'Europe/Brussels' }).format(edition.startsAt)
      assert.ok(text.includes(day) && text.includes(String(edition.startsAt.getUTCFullYear())), 'the day and year of the ceremony')
      assert.ok(!/Vertaling van de Nederlandse tekst/.test(pageText(all, 3)), 'no translation for Dutch readers')
    })

    test('the people printed are marked, and the download is audited with counts only', async () => {
      const marked = await t.db.selectFrom('invitations').select(['invitee_id', 'letter_printed_at']).where('edition_id', '=', edition.id).execute()
      assert.deepEqual(new Set(marked.filter((m) => m.letter_printed_at).map((m) => m.invitee_id)), new Set(['Amal', 'Omar', 'An', 'Lies', 'Els', 'Jan'].map((n) => ids[n])))
      const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'letters.printed').where('record_id', '=', edition.id).execute()
      assert.equal(audit.length, 1)
      assert.equal(audit[0]!.actor_user_id, mol.staff.id)
      assert.deepEqual(audit[0]!.details_json, { letters: 5, people: 6, pages: 6, onlyUnsent: false, via: 'web' })
    })
  })

  test('"only unsent" prints only the people added after the first batch, and the household a new member joined', async () => {
    const { edition, ids } = await editionWithPeople()
    assert.equal((await mol.staffClient.post(paths.editionLettersPdf(edition.id), {})).statusCode, 200)
    const household = (await t.db.selectFrom('invitees').select('household_id').where('id', '=', ids.Omar!).executeTakeFirstOrThrow()).household_id
    const [newcomer, child] = await insertPeople(t.db, edition.id, [
      { first_name: 'Nieuw', last_name: 'Janssens', ...kerkstraat, house_number: '7' },
      { first_name: 'Sami', last_name: 'Haddad', ...haddads, household_id: household },
    ])
    const before = visibleText((await mol.staffClient.get(paths.editionLetters(edition.id))).body)
    assert.match(before, /Brieven 6 brieven voor 8 personen Nog niet geprint 2 Teruggekomen \(adres onbekend\), niet opnieuw geprint 0 Onvolledig adres \(geen brief\) 1/)

    const response = await mol.staffClient.post(paths.editionLettersPdf(edition.id), { onlyUnsent: 'yes' })
    assert.equal(response.statusCode, 200)
    const { text } = await pdfText(response.rawPayload)
    const greetings = [...text.matchAll(/Beste (.+?), U hebt/g)].map((m) => m[1])
    assert.deepEqual(greetings, ['Amal Haddad, Omar Haddad en Sami Haddad', 'Nieuw Janssens'])
    assert.deepEqual((await pdfQrCodes(response.rawPayload)).flat().length, 4)
    for (const id of [newcomer!, child!]) assert.ok(text.includes(`Code: ${formatShortCode((await keysOf(id)).code)}`))

    const audit = await t.db.selectFrom('audit_events').select('details_json').where('action', '=', 'letters.printed').where('record_id', '=', edition.id).orderBy('occurred_at').execute()
    assert.deepEqual(audit.at(-1)!.details_json, { letters: 2, people: 4, pages: 3, onlyUnsent: true, via: 'web' })

    // Nothing left: back to the page with a message, nothing audited, no empty PDF.
    const nothing = await mol.staffClient.post(paths.editionLettersPdf(edition.id), { onlyUnsent: 'yes' })
    assert.equal(nothing.statusCode, 303)
    assert.equal(nothing.headers.location, paths.editionLetters(edition.id))
    assert.match(visibleText((await mol.staffClient.get(paths.editionLetters(edition.id))).body), /Er zijn geen brieven om te printen: alle brieven zijn al geprint\. .*Nog niet geprint 0/)
    assert.equal((await t.db.selectFrom('audit_events').select('id').where('action', '=', 'letters.printed').where('record_id', '=', edition.id).execute()).length, 2)
  })

  test('the page counts letters with a household once, those not printed, returned and without address, and says where the address goes', async () => {
    const { edition, ids } = await editionWithPeople()
    await t.db.insertInto('invitations').values({ id: randomUUID(), municipality_id: mol.municipality.id, edition_id: edition.id, invitee_id: ids.Jan!, token_hash: randomUUID(), token_sealed: 'x', code_hash: randomUUID(), code_sealed: 'x', letter_printed_at: new Date(), letter_returned_at: new Date(), created_at: new Date() }).execute()
    const staffPage = visibleText((await mol.staffClient.get(paths.editionLetters(edition.id))).body)
    assert.match(staffPage, /Brieven 4 brieven voor 5 personen Nog niet geprint 4 Teruggekomen \(adres onbekend\), niet opnieuw geprint 1 Onvolledig adres \(geen brief\) 1/)
    assert.match(staffPage, /Het adres staat 50 mm van de bovenkant en 110 mm van de linkerkant van het blad\./)
    assert.match(staffPage, /Een beheerder van uw gemeente kan dat wijzigen/)
    assert.match(staffPage, /Deze editie staat nog in ontwerp\./)
    const adminPage = (await mol.adminClient.get(paths.editionLetters(edition.id))).body
    assert.match(adminPage, /<a href="\/beheer\/gemeente#field-letterAddressTopMm">Plaats van het adres wijzigen<\/a>/)
    assert.match(adminPage, /<input type="hidden" name="_csrf"/)
    // Looking is not printing: the page makes no invitations and marks nothing.
    assert.equal((await t.db.selectFrom('invitations').select('id').where('edition_id', '=', edition.id).execute()).length, 1)
  })

  test('an admin moves the address for the window envelopes; out-of-range values are refused and kept; the next letters print it there', async () => {
    const balen = await createMunicipalityWithPeople(t.app, t.db, { name: 'Balen' })
    const settings = { name: 'Balen', themeColor: '#1d4f91', contactEmail: '', contactPhone: '', website: '', address: '', retentionDays: '90' }
    const refused = await balen.adminClient.post(paths.municipalitySettings(), { ...settings, letterAddressTopMm: '300', letterAddressLeftMm: 'links' })
    assert.equal(refused.statusCode, 400)
    assert.match(visibleText(refused.body), /Er is een probleem Vul een afstand van de bovenkant in tussen 20 en 140 mm Vul een afstand van de linkerkant in tussen 10 en 120 mm/)
    assert.match(refused.body, /value="300"/)

    assert.equal((await balen.adminClient.post(paths.municipalitySettings(), { ...settings, letterAddressTopMm: '45', letterAddressLeftMm: '20' })).statusCode, 303)
    const audit = await t.db.selectFrom('audit_events').select('details_json').where('action', '=', 'municipality.updated').where('record_id', '=', balen.municipality.id).executeTakeFirstOrThrow()
    assert.deepEqual(audit.details_json, { fields: ['letterWindow'] })
    // A form without the envelope fields (opened before they existed) leaves the window alone.
    assert.equal((await balen.adminClient.post(paths.municipalitySettings(), { ...settings, retentionDays: '91' })).statusCode, 303)
    const page = (await balen.adminClient.get(paths.municipalitySettings())).body
    assert.match(page, /name="letterAddressTopMm" type="number" value="45"/)
    assert.match(page, /name="letterAddressLeftMm" type="number" value="20"/)

    const edition = await createEdition(t.db, balen.municipality.id, { languages: ['nl'] })
    await insertPeople(t.db, edition.id, [{ first_name: 'Jan', last_name: 'Peeters', ...kerkstraat, house_number: '1' }])
    assert.match(visibleText((await balen.staffClient.get(paths.editionLetters(edition.id))).body), /Het adres staat 45 mm van de bovenkant en 20 mm van de linkerkant/)
    const lines = await pdfLines((await balen.staffClient.post(paths.editionLettersPdf(edition.id), {})).rawPayload)
    const addressee = lines.find((l) => l.text === 'Jan Peeters')!
    assert.ok(Math.abs(addressee.leftMm - 20) < 1 && addressee.topMm >= 45 && addressee.topMm < 49, `address at ${addressee.leftMm} × ${addressee.topMm} mm`)
    // The sender's name heads the page, beside the window: now on its right.
    const sender = lines.filter((l) => l.text === 'Balen').sort((a, b) => a.topMm - b.topMm)[0]!
    assert.ok(sender.topMm < 25 && sender.leftMm > 105, `the sender block starts at ${sender.leftMm} × ${sender.topMm} mm`)
  })

  test('another municipality gets 404 on the page and the download; a purged edition prints nothing', async () => {
    const { edition } = await editionWithPeople()
    await expectNotFoundForOtherMunicipality(geel.staffClient, [
      { method: 'GET', url: paths.editionLetters(edition.id) },
      { method: 'POST', url: paths.editionLettersPdf(edition.id), fields: {} },
    ])
    assert.equal((await t.db.selectFrom('invitations').select('id').where('edition_id', '=', edition.id).execute()).length, 0)
    await t.db.updateTable('editions').set({ purged_at: new Date() }).where('id', '=', edition.id).execute()
    assert.equal((await mol.staffClient.post(paths.editionLettersPdf(edition.id), {})).statusCode, 409)
  })
})

function pageText(lines: { page: number; text: string }[], page: number): string {
  return lines
    .filter((l) => l.page === page)
    .map((l) => l.text)
    .join(' ')
}
