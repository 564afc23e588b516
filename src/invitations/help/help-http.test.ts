// The partner help link through HTTP on the suite's database: staff make, replace and revoke it
// (audited; a new link ends the old one); the public page explains the ceremony in the reader's
// language, names and counts nobody, and sends the code form to /r with its token as "hulp";
// a wrong, revoked or purged link opens the friendly not-found page.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { addProgrammeItems } from '../../editions/programme/programme-queries.ts'
import { duePurges, purgeEdition } from '../../invitees/purge-queries.ts'
import { paths } from '../../paths.ts'

import { openEditionWithPeople } from '../reply/reply-test-support.ts'

describe(`the partner help link on ${suiteDialect()}`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  /** The link as the staff page shows it, as a path. */
  const shownLink = async (staff: Client, editionId: string): Promise<string | null> => {
    const page = await staff.get(paths.editionHelpLink(editionId))
    assert.equal(page.statusCode, 200)
    const match = /<code>http:\/\/localhost:3000(\/uitnodiging\/[A-Za-z0-9_-]+)<\/code>/.exec(page.body)
    return match ? match[1]! : null
  }

  const auditOf = (editionId: string) => t.db.selectFrom('audit_events').select(['action', 'details_json']).where('record_id', '=', editionId).where('action', 'like', 'edition.help_link%').orderBy('occurred_at').execute()

  test('staff make a link: the page shows it with a QR code, the link opens the help page, and it is audited', async () => {
    const { organiser, edition } = await openEditionWithPeople(t, [{ firstName: 'Amina' }])
    const staff = organiser.staffClient
    const before = visibleText((await staff.get(paths.editionHelpLink(edition.id))).body)
    assert.match(before, /Er is nog geen hulplink voor deze editie\./)
    assert.equal(await shownLink(staff, edition.id), null)

    const made = await staff.post(paths.editionHelpLink(edition.id), { action: 'create' })
    assert.equal(made.statusCode, 303)
    assert.equal(made.headers.location, paths.editionHelpLink(edition.id))
    const page = await staff.get(made.headers.location!)
    assert.match(visibleText(page.body), /De hulplink is gemaakt\./)
    assert.match(page.body, /role="img" aria-label="QR-code van de hulplink"><svg/)
    const link = await shownLink(staff, edition.id)
    assert.ok(link, 'the link is shown again on a later visit')
    const stored = await t.db.selectFrom('editions').select(['help_token_hash', 'help_token_sealed']).where('id', '=', edition.id).executeTakeFirstOrThrow()
    assert.ok(stored.help_token_hash && !link.includes(stored.help_token_hash), 'only a hash of the token is looked up')
    assert.ok(stored.help_token_sealed && !stored.help_token_sealed.includes(link.split('/').pop()!), 'the copy is sealed')
    assert.equal((await new Client(t.app).get(link)).statusCode, 200)
    assert.deepEqual(await auditOf(edition.id), [{ action: 'edition.help_link_created', details_json: { replaced: false } }])
  })

  test('a new link ends the old one, and a revoked link opens nothing', async () => {
    const { organiser, edition } = await openEditionWithPeople(t, [{ firstName: 'Yonas' }])
    const staff = organiser.staffClient
    const visitor = new Client(t.app)
    await staff.post(paths.editionHelpLink(edition.id), { action: 'create' })
    const first = (await shownLink(staff, edition.id))!
    const again = await staff.post(paths.editionHelpLink(edition.id), { action: 'create' })
    assert.match(visibleText((await staff.get(again.headers.location!)).body), /Er is een nieuwe hulplink\. De oude werkt niet meer\./)
    const second = (await shownLink(staff, edition.id))!
    assert.notEqual(second, first)
    const old = await visitor.get(first)
    assert.equal(old.statusCode, 404)
    assert.match(old.headers['x-robots-tag'] as string, /noindex/)
    assert.equal((await visitor.get(second)).statusCode, 200)

    const revoked = await staff.post(paths.editionHelpLink(edition.id), { action: 'revoke' })
    assert.equal(revoked.statusCode, 303)
    assert.match(visibleText((await staff.get(revoked.headers.location!)).body), /De hulplink is ingetrokken\./)
    assert.equal(await shownLink(staff, edition.id), null)
    assert.equal((await visitor.get(second)).statusCode, 404)
    await staff.post(paths.editionHelpLink(edition.id), { action: 'revoke' })
    assert.deepEqual(
      (await auditOf(edition.id)).map((a) => a.action),
      ['edition.help_link_created', 'edition.help_link_created', 'edition.help_link_revoked'],
      'revoking nothing is not recorded',
    )
  })

  test('the help page explains the ceremony, names and counts nobody, and sends the code form to /r with its token', async () => {
    const { organiser, edition, people } = await openEditionWithPeople(t, [{ firstName: 'Zahra', lastName: 'Haidari' }, { firstName: 'Mehmet', lastName: 'Yilmaz' }], { guestsPerInvitee: 3, replyBy: null })
    await addProgrammeItems(t.db, edition.id, [{ kind: 'welcome', title: 'Welkom door de burgemeester', durationMinutes: 10, performer: 'Burgemeester Peeters' }], new Date())
    await organiser.staffClient.post(paths.editionHelpLink(edition.id), { action: 'create' })
    const link = (await shownLink(organiser.staffClient, edition.id))!
    const token = link.split('/').pop()!
    const visitor = new Client(t.app)
    const page = await visitor.get(link, { 'accept-language': 'nl-BE' })
    assert.equal(page.headers['cache-control'], 'no-store')
    assert.equal(page.headers['referrer-policy'], 'no-referrer')
    assert.match(page.body, /<meta name="robots" content="noindex, nofollow"/)
    const text = visibleText(page.body)
    assert.match(text, new RegExp(`${organiser.municipality.name} nodigt nieuwe inwoners uit op een feest`))
    assert.match(text, /Komen is gratis\. Het is niet verplicht\./)
    assert.match(text, /U mag 3 personen meebrengen/)
    assert.match(text, /Welkom door de burgemeester/)
    assert.match(text, /Cultuurcentrum/)
    for (const name of ['Zahra', 'Haidari', 'Mehmet', 'Yilmaz', 'Burgemeester Peeters']) assert.ok(!text.includes(name), `the page does not name ${name}`)
    assert.match(page.body, /<form method="post" action="\/r" novalidate><input type="hidden" name="_csrf" value="[^"]+"\/><input type="hidden" name="taal" value="nl"\/><input type="hidden" name="hulp" value="[^"]+"\/>/)
    assert.ok(page.body.includes(`name="hulp" value="${token}"`))

    const english = await visitor.get(`${link}?taal=en`)
    assert.match(english.body, /<html lang="en" dir="ltr">/)
    assert.match(visibleText(english.body), /Vertaling van de Nederlandse tekst .*You may bring 3 people/, 'a translation is labelled as one')
    assert.match(english.body, /name="taal" value="en"/)
    const arabic = await visitor.get(`${link}?taal=ar`)
    assert.match(arabic.body, /<html lang="ar" dir="rtl">/)
    assert.match(arabic.body, /name="taal" value="ar"/)

    const sent = await visitor.post(paths.replyCode(), { code: people[0]!.code.toLowerCase(), hulp: token, taal: 'nl' })
    assert.equal(sent.statusCode, 303)
    assert.equal(sent.headers.location, paths.reply(people[0]!.token), 'the code from the letter opens the person’s reply page')
  })

  test('a link that was never made opens the same friendly page as any unknown address', async () => {
    const response = await new Client(t.app).get(paths.replyHelp('nZ3dbQ8m0t0ExZ8sCq3fJdbeK1BtqfO3Wf4u3tq8k3Q'))
    assert.equal(response.statusCode, 404)
    assert.match(visibleText(response.body), /Wij vinden deze uitnodiging niet/)
  })

  test('co-organisers manage the link too; another municipality gets 404 on the page and its button', async () => {
    const { organiser, edition } = await openEditionWithPeople(t, [{ firstName: 'Lina' }])
    const partner = await createMunicipalityWithPeople(t.app, t.db, { name: 'Sint-Katelijne-Waver' })
    await t.db.insertInto('edition_organisers').values({ edition_id: edition.id, municipality_id: partner.municipality.id }).execute()
    assert.equal((await partner.staffClient.post(paths.editionHelpLink(edition.id), { action: 'create' })).statusCode, 303)
    assert.ok(await shownLink(organiser.staffClient, edition.id), 'both organisers see the same link')

    const outsider = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
    await expectNotFoundForOtherMunicipality(outsider.staffClient, [
      { method: 'GET', url: paths.editionHelpLink(edition.id) },
      { method: 'POST', url: paths.editionHelpLink(edition.id), fields: { action: 'revoke' } },
      { method: 'POST', url: paths.editionHelpLink(edition.id), fields: { action: 'create' } },
    ])
    assert.ok(await shownLink(organiser.staffClient, edition.id), 'the link still works')
  })

  test('once the edition is purged its link opens nothing and staff cannot make one (409)', async () => {
    const { organiser, edition } = await openEditionWithPeople(t, [{ firstName: 'Ivan' }])
    await organiser.staffClient.post(paths.editionHelpLink(edition.id), { action: 'create' })
    const link = (await shownLink(organiser.staffClient, edition.id))!
    await t.db.updateTable('editions').set({ starts_at: new Date(Date.now() - 100 * 86_400_000), retention_days: 90 }).where('id', '=', edition.id).execute()
    const due = (await duePurges(t.db, new Date())).find((d) => d.editionId === edition.id)!
    assert.ok(await purgeEdition(t.db, t.services.database.dialect, due, new Date(), t.config.dataDir))
    assert.equal((await new Client(t.app).get(link)).statusCode, 404)
    assert.equal((await organiser.staffClient.get(paths.editionHelpLink(edition.id))).statusCode, 409)
    assert.equal((await organiser.staffClient.post(paths.editionHelpLink(edition.id), { action: 'create' })).statusCode, 409)
  })
})
