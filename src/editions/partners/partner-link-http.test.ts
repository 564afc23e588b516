import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { addDays, brusselsDate } from '../../platform/calendar.ts'
import { hashToken } from '../../platform/crypto.ts'
import { paths } from '../../paths.ts'
import { insertPartner } from './partners-queries.ts'
import { addStand, editionOffers } from './stands-queries.ts'

describe(`the partner link on ${suiteDialect()}`, () => {
  let t: TestApp
  let mol: Awaited<ReturnType<typeof createMunicipalityWithPeople>>

  before(async () => {
    t = await createTestApp()
    mol = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
  })
  after(() => t.close())

  const today = () => brusselsDate(new Date())
  const fill = { offer: 'Gratis lidkaart voor het hele gezin', tables: '2', needsPower: 'yes', notes: 'Wij brengen een roll-up mee' }

  /** An edition with two stands: the library (with a contact address) and VDAB. */
  async function market(overrides: { date?: string } = {}) {
    const edition = await createEdition(t.db, mol.municipality.id, { name: 'Welkomstceremonie Mol 2027', ...overrides })
    const scope = { municipalityId: mol.municipality.id }
    const library = await insertPartner(t.db, scope, { name: 'Bibliotheek Mol', offer: 'Gratis lidkaart', contactName: 'An Peeters', contactEmail: 'an@bib.example', contactPhone: null }, new Date())
    const vdab = await insertPartner(t.db, scope, { name: 'VDAB Mol', offer: 'Hulp bij werk zoeken', contactName: null, contactEmail: null, contactPhone: null }, new Date())
    const standId = await addStand(t.db, edition.id, library, new Date())
    const vdabStandId = await addStand(t.db, edition.id, vdab, new Date())
    await t.db.updateTable('edition_stands').set({ notes: 'Naast de bar' }).where('id', '=', vdabStandId).execute()
    return { edition, standId, vdabStandId }
  }

  /** Makes a link as staff and reads it off the page that shows it once. */
  async function makeLink(editionId: string, standId: string, fields: Record<string, string> = {}) {
    const response = await mol.staffClient.post(paths.editionStand(editionId, standId), { action: 'link', until: addDays(today(), 30), ...fields })
    assert.equal(response.statusCode, 201, visibleText(response.body))
    const path = /value="http:\/\/localhost:3000(\/partner\/[^"]+)"/.exec(response.body)?.[1]
    assert.ok(path, 'the page shows the link')
    return { response, path, token: path.split('/').pop()! }
  }

  const stand = (id: string) => t.db.selectFrom('edition_stands').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

  test('staff make a link and e-mail it; the partner, without an account, sees the ceremony and only their own stand, fills it in and updates it later', async () => {
    const { edition, standId, vdabStandId } = await market()
    const { response, path, token } = await makeLink(edition.id, standId, { sendEmail: 'yes' })
    assert.equal(response.headers['cache-control'], 'no-store')
    assert.match(visibleText(response.body), /Kopieer de link nu\. Welkom toont hem maar één keer\. .* Welkom stuurt de link ook naar an@bib\.example/)
    assert.equal((await stand(standId)).link_token_hash, hashToken(token), 'only the hash is kept')

    await t.runJobs()
    const mail = await t.db.selectFrom('mail_messages').selectAll().where('to_address', '=', 'an@bib.example').executeTakeFirstOrThrow()
    assert.equal(mail.status, 'sent')
    assert.equal(mail.subject, 'Uw stand op de infomarkt van Welkomstceremonie Mol 2027')
    assert.ok(mail.text_body.includes(`http://localhost:3000${path}`))
    assert.match(mail.text_body, /Beste An Peeters,\n\nMol nodigt u uit/)

    const partner = new Client(t.app)
    const page = await partner.get(path)
    assert.equal(page.statusCode, 200)
    const text = visibleText(page.body)
    assert.match(text, /Bibliotheek Mol Uw stand op de infomarkt/)
    assert.match(text, /Ceremonie Welkomstceremonie Mol 2027/)
    assert.match(text, /Waar Cultuurcentrum, Kerkstraat 1, 2400 Mol/)
    assert.match(page.body, /value="Gratis lidkaart"/, 'the form starts from the usual offer')
    assert.ok(!text.includes('VDAB') && !text.includes('Naast de bar'), 'nothing about other partners')
    assert.match(page.body, /<meta name="robots" content="noindex"/)

    const saved = await partner.post(path, fill)
    assert.equal(saved.statusCode, 303)
    assert.equal(saved.headers.location, path)
    const after = visibleText((await partner.get(path)).body)
    assert.match(after, /Bedankt\. Uw stand is bewaard\./)
    assert.match(after, /U vulde dit in op/)
    const row = await stand(standId)
    assert.deepEqual({ offer: row.offer, tables: row.tables, power: Boolean(row.needs_power), notes: row.notes }, { offer: fill.offer, tables: 2, power: true, notes: fill.notes })
    assert.ok(row.filled_in_at instanceof Date)
    const audit = await t.db.selectFrom('audit_events').selectAll().where('record_id', '=', standId).where('action', '=', 'edition_stand.filled_in').executeTakeFirstOrThrow()
    assert.equal(audit.actor_user_id, null)
    assert.equal(audit.municipality_id, mol.municipality.id)
    assert.ok(!JSON.stringify(audit.details_json).includes('lidkaart'), 'no values in the audit log')

    const market2 = visibleText((await mol.staffClient.get(paths.editionStands(edition.id))).body)
    assert.match(market2, /Bibliotheek Mol Gratis lidkaart voor het hele gezin 2 Ja – Wij brengen een roll-up mee Ja, op .* Geldig tot en met/)

    assert.equal((await partner.post(path, { ...fill, offer: 'Gratis lidkaart en voorleesuurtjes', tables: '1', needsPower: 'no' })).statusCode, 303)
    assert.equal((await stand(standId)).offer, 'Gratis lidkaart en voorleesuurtjes')

    assert.deepEqual(await editionOffers(t.db, edition.id), [
      { standId, partnerName: 'Bibliotheek Mol', offer: 'Gratis lidkaart en voorleesuurtjes' },
      { standId: vdabStandId, partnerName: 'VDAB Mol', offer: 'Hulp bij werk zoeken' },
    ])
  })

  test('the partner’s form refuses an empty offer, a wrong number of tables and no answer about power, and saves nothing', async () => {
    const { edition, standId } = await market()
    const { path } = await makeLink(edition.id, standId)
    const partner = new Client(t.app)
    const response = await partner.post(path, { offer: '', tables: 'veel', notes: 'Wij komen met twee' })
    assert.equal(response.statusCode, 400)
    const text = visibleText(response.body)
    assert.match(text, /Vul in wat u aanbiedt/)
    assert.match(text, /Vul een aantal tafels in van 0 tot 20/)
    assert.match(text, /Kies of er stroom nodig is/)
    assert.match(response.body, /Wij komen met twee<\/textarea>/)
    const row = await stand(standId)
    assert.equal(row.filled_in_at, null)
    assert.equal(row.notes, null)
  })

  test('a link used after it expired says so with status 410 and keeps nothing that is posted', async () => {
    const { edition, standId } = await market()
    const { path } = await makeLink(edition.id, standId)
    await t.db.updateTable('edition_stands').set({ link_expires_at: new Date(Date.now() - 60_000) }).where('id', '=', standId).execute()
    const partner = new Client(t.app)
    const page = await partner.get(path)
    assert.equal(page.statusCode, 410)
    assert.match(visibleText(page.body), /Deze link is verlopen\. Vraag de gemeente om een nieuwe link\./)
    assert.ok(!page.body.includes('Welkomstceremonie Mol 2027'))
    const posted = await partner.post(path, fill)
    assert.equal(posted.statusCode, 410)
    const row = await stand(standId)
    assert.equal(row.offer, null)
    assert.equal(row.filled_in_at, null)
    assert.match(visibleText((await mol.staffClient.get(paths.editionStand(edition.id, standId))).body), /Verlopen \(was geldig tot en met/)
  })

  test('a revoked link and an unknown token are not found; a new link replaces the old one', async () => {
    const { edition, standId } = await market()
    const first = await makeLink(edition.id, standId)
    const second = await makeLink(edition.id, standId)
    const partner = new Client(t.app)
    assert.equal((await partner.get(first.path)).statusCode, 404, 'the renewed link replaced the first')
    assert.equal((await partner.get(second.path)).statusCode, 200)

    const revoked = await mol.staffClient.post(paths.editionStand(edition.id, standId), { action: 'revoke' })
    assert.equal(revoked.statusCode, 303)
    assert.equal((await partner.get(second.path)).statusCode, 404)
    assert.equal((await partner.post(second.path, fill)).statusCode, 404)
    assert.equal((await stand(standId)).filled_in_at, null)
    assert.equal((await partner.get(paths.partnerStand('onbekend-token'))).statusCode, 404)
    assert.match(visibleText((await mol.staffClient.get(paths.editionStand(edition.id, standId))).body), /Link Geen link/)
    const actions = await t.db.selectFrom('audit_events').select('action').where('record_id', '=', standId).where('action', 'like', 'edition_stand.link%').execute()
    assert.deepEqual(actions.map((a) => a.action).sort(), ['edition_stand.link_created', 'edition_stand.link_created', 'edition_stand.link_revoked'])
  })

  test('a link works 30 days by default, never past the ceremony day; a day after it or already past is refused', async () => {
    const far = await market()
    const form = await mol.staffClient.get(paths.editionStand(far.edition.id, far.standId))
    assert.match(form.body, new RegExp(`name="until" type="date" value="${addDays(today(), 30)}"`))
    const ceremony = brusselsDate(far.edition.startsAt)
    const tooLate = await mol.staffClient.post(paths.editionStand(far.edition.id, far.standId), { action: 'link', until: addDays(ceremony, 1) })
    assert.equal(tooLate.statusCode, 400)
    assert.match(visibleText(tooLate.body), /De link kan niet langer geldig zijn dan de dag van de ceremonie/)
    const past = await mol.staffClient.post(paths.editionStand(far.edition.id, far.standId), { action: 'link', until: addDays(today(), -1) })
    assert.equal(past.statusCode, 400)
    assert.match(visibleText(past.body), /Die datum is al voorbij/)
    assert.equal((await stand(far.standId)).link_token_hash, null)

    const soon = await market({ date: addDays(today(), 5) })
    const soonForm = await mol.staffClient.get(paths.editionStand(soon.edition.id, soon.standId))
    assert.match(soonForm.body, new RegExp(`name="until" type="date" value="${addDays(today(), 5)}"`))
    await makeLink(soon.edition.id, soon.standId, { until: addDays(today(), 5) })
    const expiresAt = (await stand(soon.standId)).link_expires_at!
    assert.equal(brusselsDate(new Date(expiresAt.getTime() - 1)), addDays(today(), 5), 'the link works until the end of the ceremony day')
  })

  test('the partner link counts requests per address and refuses once the budget is spent', async () => {
    const guesser = new Client(t.app)
    let status = 0
    for (let i = 0; i < 61 && status !== 429; i++) status = (await guesser.get(paths.partnerStand(`geraden-${i}`))).statusCode
    assert.equal(status, 429)
    const other = new Client(t.app)
    assert.equal((await other.get(paths.partnerStand('geraden-0'))).statusCode, 404, 'another address is not affected')
  })
})
