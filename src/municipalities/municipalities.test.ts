import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { Client, visibleText } from '../../test/helpers/client.ts'
import { suiteDialect } from '../../test/helpers/database.ts'
import { createMunicipality, createMunicipalityWithPeople, createUser, signIn } from '../../test/helpers/factories.ts'
import { paths } from '../paths.ts'
import { isWebsite, LOGO_MAX_BYTES, parseMunicipalitySettings, themeColorProblem } from './municipalities.ts'

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

interface FilePart {
  filename: string
  contentType: string
  content: Buffer
}

/**
 * Posts a multipart form the way a browser does, with the client's cookies and CSRF token. Built
 * by hand because the Client's payload is a string, and binary file bytes must go as a Buffer.
 */
async function postMultipart(client: Client, url: string, fields: Record<string, string>, files: Record<string, FilePart> = {}, options: { csrf?: boolean } = {}) {
  const boundary = `----welkom${randomUUID()}`
  const parts: Buffer[] = []
  const all = options.csrf === false ? fields : { _csrf: await client.token(), ...fields }
  for (const [name, value] of Object.entries(all)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  for (const [name, file] of Object.entries(files)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`), file.content, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  const cookie = ['welkom_session', 'welkom_csrf']
    .flatMap((name) => (client.cookie(name) ? [`${name}=${client.cookie(name)}`] : []))
    .join('; ')
  return client.app.inject({ method: 'POST', url, payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } })
}

/** What a browser sends for a file input left empty. */
const noFile: FilePart = { filename: '', contentType: 'application/octet-stream', content: Buffer.alloc(0) }

const validSettings = {
  name: 'Gemeente Mol',
  themeColor: '#1d4f91',
  contactEmail: 'Welkom@Gemeentemol.be',
  contactPhone: '014 33 07 00',
  website: 'https://www.gemeentemol.be',
  address: 'Markt 1\r\n2400 Mol',
  retentionDays: '120',
}

describe('municipality rules', () => {
  test('a theme colour must be a hex colour that gives white text at least 4.5:1 contrast', () => {
    assert.equal(themeColorProblem('#1d4f91'), null)
    assert.deepEqual(themeColorProblem('#ffff00'), { field: 'themeColor', message: 'municipalities.settings.colorContrast', values: { ratio: 1, minimum: 4.5 } })
    assert.equal(themeColorProblem('blue')?.message, 'municipalities.settings.colorInvalid')
  })

  test('a website must be an http or https address', () => {
    assert.equal(isWebsite('https://www.mol.be/welkom'), true)
    assert.equal(isWebsite('javascript:alert(1)'), false)
    assert.equal(isWebsite('ftp://mol.be'), false)
    assert.equal(isWebsite('www.mol.be'), false)
  })

  test('a logo is recognised by its bytes, not its name', () => {
    const parsed = parseMunicipalitySettings({ ...validSettings, logo: Buffer.from('just text, named logo.png') })
    assert.equal(parsed.ok, false)
    assert.deepEqual(!parsed.ok && parsed.errors.map((e) => e.message), ['municipalities.settings.logoType'])
  })
})

describe(`municipality settings on ${suiteDialect()}`, () => {
  let t: TestApp
  beforeEach(async () => {
    t = await createTestApp()
  })
  afterEach(() => t.close())

  const municipalityRow = (id: string) => t.db.selectFrom('municipalities').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

  test('an admin saves the settings from the multipart form, sees them again, and the change is audited by field name', async () => {
    const { adminClient, municipality } = await createMunicipalityWithPeople(t.app, t.db)
    const other = await createMunicipality(t.db, { name: 'Geel' })
    const saved = await postMultipart(adminClient, paths.municipalitySettings(), validSettings, { logo: noFile })
    assert.equal(saved.statusCode, 303)
    assert.equal(saved.headers.location, paths.municipalitySettings())

    const page = await adminClient.get(paths.municipalitySettings())
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /value="Gemeente Mol"/)
    assert.match(page.body, /value="welkom@gemeentemol.be"/)
    assert.match(page.body, /value="https:\/\/www.gemeentemol.be"/)
    assert.match(page.body, /value="120"/)
    assert.match(page.body, />Markt 1\n2400 Mol<\/textarea>/)
    assert.equal((await adminClient.get(paths.theme(municipality.id))).body.trim(), ':root { --brand: #1d4f91; }')
    assert.equal((await municipalityRow(other.id)).name, 'Geel')

    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'municipality.updated').executeTakeFirstOrThrow()
    assert.equal(audit.record_id, municipality.id)
    assert.deepEqual(audit.details_json, { fields: ['name', 'contactEmail', 'contactPhone', 'website', 'address', 'retentionDays'] })
  })

  test('refuses a colour too light for white text, says why, and keeps the typed values', async () => {
    const { adminClient, municipality } = await createMunicipalityWithPeople(t.app, t.db)
    const refused = await postMultipart(adminClient, paths.municipalitySettings(), { ...validSettings, themeColor: '#ffff00' }, { logo: noFile })
    assert.equal(refused.statusCode, 400)
    const text = visibleText(refused.body)
    assert.match(text, /Er is een probleem Deze kleur is te licht: witte tekst erop heeft een contrast van 1 op 1, en dat moet minstens 4,5 op 1 zijn/)
    assert.match(refused.body, /value="#ffff00"/)
    assert.match(refused.body, /value="Gemeente Mol"/)
    assert.equal((await municipalityRow(municipality.id)).theme_color, '#1d4f91')
  })

  test('refuses a website that is not an http(s) address and a retention period out of range', async () => {
    const { adminClient } = await createMunicipalityWithPeople(t.app, t.db)
    const refused = await adminClient.post(paths.municipalitySettings(), { ...validSettings, website: 'javascript:alert(1)', retentionDays: '5' })
    assert.equal(refused.statusCode, 400)
    assert.match(visibleText(refused.body), /Vul een webadres in dat begint met https:\/\/ .* Vul een aantal dagen in tussen 30 en 730/)
  })

  test('an uploaded PNG becomes the logo, served as image/png, and can be removed again', async () => {
    const { adminClient, municipality } = await createMunicipalityWithPeople(t.app, t.db)
    const saved = await postMultipart(adminClient, paths.municipalitySettings(), validSettings, { logo: { filename: 'logo.png', contentType: 'image/png', content: PNG } })
    assert.equal(saved.statusCode, 303)
    const logo = await adminClient.get(paths.logo(municipality.id))
    assert.equal(logo.statusCode, 200)
    assert.equal(logo.headers['content-type'], 'image/png')
    assert.deepEqual(logo.rawPayload, PNG)
    assert.match((await adminClient.get(paths.municipalitySettings())).body, /<img src="\/gemeente\/[^"]+\/logo" alt="Huidig logo van de gemeente"/)

    assert.equal((await postMultipart(adminClient, paths.municipalitySettings(), { ...validSettings, removeLogo: 'yes' }, { logo: noFile })).statusCode, 303)
    assert.equal((await adminClient.get(paths.logo(municipality.id))).statusCode, 404)
    const fields = (await t.db.selectFrom('audit_events').select('details_json').where('action', '=', 'municipality.updated').execute()).map((a) => a.details_json)
    assert.deepEqual(fields.at(-1), { fields: ['logo'] })
  })

  test('refuses a text file renamed to .png, and stores no logo', async () => {
    const { adminClient, municipality } = await createMunicipalityWithPeople(t.app, t.db)
    const refused = await postMultipart(adminClient, paths.municipalitySettings(), validSettings, { logo: { filename: 'logo.png', contentType: 'image/png', content: Buffer.from('dit is geen afbeelding\n') } })
    assert.equal(refused.statusCode, 400)
    assert.match(visibleText(refused.body), /Het logo moet een PNG- of JPEG-afbeelding zijn/)
    assert.match(refused.body, /value="Gemeente Mol"/)
    assert.equal((await municipalityRow(municipality.id)).logo_type, null)
  })

  test('refuses a logo larger than the limit with a field error, and stores nothing', async () => {
    const { adminClient, municipality } = await createMunicipalityWithPeople(t.app, t.db)
    const big = Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES * 4)])
    const refused = await postMultipart(adminClient, paths.municipalitySettings(), validSettings, { logo: { filename: 'logo.png', contentType: 'image/png', content: big } })
    assert.equal(refused.statusCode, 400)
    assert.match(visibleText(refused.body), /Er is een probleem Het logo mag hoogstens 512 kB groot zijn/)
    assert.equal((await municipalityRow(municipality.id)).logo_type, null)
  })

  test('a multipart form without its CSRF token is refused', async () => {
    const { adminClient, municipality } = await createMunicipalityWithPeople(t.app, t.db)
    await adminClient.token()
    const refused = await postMultipart(adminClient, paths.municipalitySettings(), { ...validSettings, name: 'Overgenomen' }, { logo: noFile }, { csrf: false })
    assert.equal(refused.statusCode, 403)
    assert.match(visibleText(refused.body), /Het formulier is verlopen/)
    assert.notEqual((await municipalityRow(municipality.id)).name, 'Overgenomen')
  })

  test('staff without the admin role, and platform admins, get 403 on the settings', async () => {
    const { staffClient } = await createMunicipalityWithPeople(t.app, t.db)
    const platformAdmin = await signIn(t.app, await createUser(t.db, { role: 'platform_admin' }))
    for (const client of [staffClient, platformAdmin]) {
      assert.equal((await client.get(paths.municipalitySettings())).statusCode, 403)
      assert.equal((await client.post(paths.municipalitySettings(), validSettings)).statusCode, 403)
    }
  })
})

describe(`adding municipalities on ${suiteDialect()}`, () => {
  let t: TestApp
  beforeEach(async () => {
    t = await createTestApp()
  })
  afterEach(() => t.close())

  const newMunicipality = { nisCode: '13025', name: 'Mol', adminName: 'Lien Janssens', adminEmail: 'Lien.Janssens@example.org' }

  test('a platform admin adds a municipality and its first admin gets an invitation e-mail', async () => {
    const platformAdmin = await signIn(t.app, await createUser(t.db, { role: 'platform_admin' }))
    const created = await platformAdmin.post(paths.municipalityNew(), newMunicipality)
    assert.equal(created.statusCode, 303)
    assert.equal(created.headers.location, paths.municipalities())
    assert.match(visibleText((await platformAdmin.get(paths.municipalities())).body), /De gemeente is toegevoegd.* Mol 13025 1 /)

    const municipality = await t.db.selectFrom('municipalities').selectAll().where('nis_code', '=', '13025').executeTakeFirstOrThrow()
    const admin = await t.db.selectFrom('users').selectAll().where('email', '=', 'lien.janssens@example.org').executeTakeFirstOrThrow()
    assert.equal(admin.role, 'municipality_admin')
    assert.equal(admin.municipality_id, municipality.id)
    await t.runJobs()
    const mail = await t.db.selectFrom('mail_messages').selectAll().where('to_address', '=', 'lien.janssens@example.org').executeTakeFirstOrThrow()
    assert.equal(mail.subject, 'U hebt een account voor Welkom')
    assert.equal(mail.status, 'sent')
    assert.match(mail.text_body, /Beste Lien Janssens,[\s\S]*http:\/\/localhost:3000\/wachtwoord-herstellen\//)
    const actions = (await t.db.selectFrom('audit_events').select(['action', 'municipality_id']).where('municipality_id', '=', municipality.id).orderBy('action').execute()).map((a) => a.action)
    assert.deepEqual(actions, ['municipality.created', 'staff.created'])
  })

  test('refuses a NIS code that is taken or malformed, keeping the values', async () => {
    await createMunicipality(t.db, { nisCode: '13025', name: 'Mol' })
    const platformAdmin = await signIn(t.app, await createUser(t.db, { role: 'platform_admin' }))
    const taken = await platformAdmin.post(paths.municipalityNew(), { ...newMunicipality, name: 'Mol bis' })
    assert.equal(taken.statusCode, 400)
    assert.match(visibleText(taken.body), /Er is een probleem Er bestaat al een gemeente met deze NIS-code/)
    assert.match(taken.body, /value="Mol bis"/)
    const malformed = await platformAdmin.post(paths.municipalityNew(), { ...newMunicipality, nisCode: '1302' })
    assert.equal(malformed.statusCode, 400)
    assert.match(visibleText(malformed.body), /Vul een NIS-code van vijf cijfers in/)
    assert.equal((await t.db.selectFrom('municipalities').select('id').execute()).length, 1)
    assert.equal(await t.db.selectFrom('users').select('id').where('email', '=', 'lien.janssens@example.org').executeTakeFirst(), undefined)
  })

  test('a municipality admin gets 403 on the municipalities pages', async () => {
    const { adminClient } = await createMunicipalityWithPeople(t.app, t.db)
    assert.equal((await adminClient.get(paths.municipalities())).statusCode, 403)
    assert.equal((await adminClient.get(paths.municipalityNew())).statusCode, 403)
    assert.equal((await adminClient.post(paths.municipalityNew(), newMunicipality)).statusCode, 403)
    assert.equal(await t.db.selectFrom('municipalities').select('id').where('nis_code', '=', '13025').executeTakeFirst(), undefined)
  })
})
