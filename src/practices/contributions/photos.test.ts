import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, test } from 'node:test'
import sharp from 'sharp'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createMunicipality, createUser, signIn } from '../../../test/helpers/factories.ts'
import { paths } from '../../paths.ts'
import { CEREMONY_SLUG, loadReferenceData } from '../reference-data.ts'
import { postMultipart, submissions } from './contribution-test-support.ts'
import { PHOTO_MAX_BYTES, sniffPhotoType } from './images.ts'

const url = paths.practiceChangeRequest(CEREMONY_SLUG)
const fields = { soort: 'foto', alt: 'De burgemeester geeft nieuwe inwoners een hand', credit: 'Foto: gemeente Mol', municipality: '', submitterName: 'Sara Janssens', submitterEmail: 'sara@example.org' }

/** A landscape camera photo stored sideways (EXIF orientation 6), with an author and a GPS position. */
function cameraJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#2a6f4e' } })
    .jpeg()
    .withMetadata({ orientation: 6, exif: { IFD0: { Artist: 'Sara Janssens', Copyright: 'Gemeente Mol' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 11/1 0/1' } } })
    .toBuffer()
}

describe('recognising photos by their bytes', () => {
  test('JPEG, PNG and WebP are recognised by their first bytes, whatever they are called', async () => {
    assert.equal(sniffPhotoType(await sharp({ create: { width: 2, height: 2, channels: 3, background: 'red' } }).jpeg().toBuffer()), 'image/jpeg')
    assert.equal(sniffPhotoType(await sharp({ create: { width: 2, height: 2, channels: 3, background: 'red' } }).png().toBuffer()), 'image/png')
    assert.equal(sniffPhotoType(await sharp({ create: { width: 2, height: 2, channels: 3, background: 'red' } }).webp().toBuffer()), 'image/webp')
    assert.equal(sniffPhotoType(Buffer.from('GIF89a………')), null)
    assert.equal(sniffPhotoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), null)
  })
})

describe(`photos sent with a change request on ${suiteDialect()}`, () => {
  let t: TestApp
  beforeEach(async () => {
    t = await createTestApp()
    await loadReferenceData(t.db)
  })
  afterEach(() => t.close())

  const imageRows = () => t.db.selectFrom('images').selectAll().execute() as Promise<{ id: string; bytes: Buffer; type: string; width: number; height: number }[]>

  test('a camera photo is turned upright, scaled to 1600 px wide and stripped of EXIF and GPS data; only editors see it until it is published', async () => {
    const original = await cameraJpeg()
    assert.ok((await sharp(original).metadata()).exif, 'the test photo carries EXIF data')
    const sent = await postMultipart(new Client(t.app), url, fields, { photo: { filename: 'IMG_2041.JPG', contentType: 'image/jpeg', content: original } })
    assert.equal(sent.statusCode, 303)
    assert.equal(sent.headers.location, `${url}?klaar=mail`)

    const [image] = await imageRows()
    assert.deepEqual({ type: image!.type, width: image!.width, height: image!.height }, { type: 'image/jpeg', width: 1600, height: 2400 })
    const stored = await sharp(Buffer.from(image!.bytes)).metadata()
    assert.equal(stored.exif, undefined, 'no EXIF (and so no GPS) data is kept')
    assert.equal(stored.orientation, undefined)
    assert.deepEqual({ width: stored.width, height: stored.height, format: stored.format }, { width: 1600, height: 2400, format: 'jpeg' })
    assert.ok(!Buffer.from(image!.bytes).includes('Sara Janssens'))

    const [row] = await submissions(t)
    assert.deepEqual(row!.payload_json, { kind: 'photo', imageId: image!.id, alt: fields.alt, credit: fields.credit })
    assert.equal(row!.base_version, null)

    // Waiting for review: 404 for the public and for municipality staff, visible to an editor.
    const imagePath = paths.practiceImage(image!.id)
    assert.equal((await new Client(t.app).get(imagePath)).statusCode, 404)
    const municipality = await createMunicipality(t.db)
    const staff = await signIn(t.app, await createUser(t.db, { role: 'staff', municipalityId: municipality.id }))
    assert.equal((await staff.get(imagePath)).statusCode, 404)
    const editor = await signIn(t.app, await createUser(t.db, { role: 'practice_editor', municipalityId: null }))
    const forEditor = await editor.get(imagePath)
    assert.equal(forEditor.statusCode, 200)
    assert.equal(forEditor.headers['content-type'], 'image/jpeg')
    assert.equal(forEditor.headers['cache-control'], 'private, no-store')
    assert.deepEqual(forEditor.rawPayload, Buffer.from(image!.bytes))

    // Once a published practice shows it, everyone may see it and caches may keep it.
    await t.db.updateTable('practices').set({ image_id: image!.id, image_alt: fields.alt }).where('slug', '=', CEREMONY_SLUG).execute()
    const published = await new Client(t.app).get(imagePath)
    assert.equal(published.statusCode, 200)
    assert.equal(published.headers['cache-control'], 'public, max-age=86400')
    assert.equal(published.headers['x-content-type-options'], 'nosniff')
    await t.db.updateTable('practices').set({ status: 'archived' }).where('slug', '=', CEREMONY_SLUG).execute()
    assert.equal((await new Client(t.app).get(imagePath)).statusCode, 404, 'an archived practice no longer shows its photo')
  })

  test('a small PNG keeps its size and format, and loses its metadata', async () => {
    const png = await sharp({ create: { width: 800, height: 600, channels: 4, background: '#ffffff' } }).png().withMetadata({ exif: { IFD0: { Artist: 'Sara' } } }).toBuffer()
    assert.equal((await postMultipart(new Client(t.app), url, fields, { photo: { filename: 'foto.png', contentType: 'image/png', content: png } })).statusCode, 303)
    const [image] = await imageRows()
    assert.deepEqual({ type: image!.type, width: image!.width, height: image!.height }, { type: 'image/png', width: 800, height: 600 })
    assert.equal((await sharp(Buffer.from(image!.bytes)).metadata()).exif, undefined)
  })

  test('a text file named .jpg is refused with a field error, the typed fields are kept, and nothing is stored', async () => {
    const refused = await postMultipart(new Client(t.app), url, fields, { photo: { filename: 'vakantie.jpg', contentType: 'image/jpeg', content: Buffer.from('Dit is geen foto.\n') } })
    assert.equal(refused.statusCode, 400)
    assert.match(visibleText(refused.body), /Er is een probleem Dit bestand is geen JPEG-, PNG- of WebP-foto/)
    assert.match(refused.body, /<a href="#field-photo">/)
    assert.match(refused.body, /value="De burgemeester geeft nieuwe inwoners een hand"/)
    assert.match(refused.body, /value="Sara Janssens"/)
    assert.equal((await imageRows()).length, 0)
    assert.equal((await submissions(t)).length, 0)
  })

  test('a file over 5 MB is refused with a field error that names the limit, and the typed fields are kept', async () => {
    const huge = Buffer.concat([await sharp({ create: { width: 10, height: 10, channels: 3, background: 'red' } }).jpeg().toBuffer(), Buffer.alloc(PHOTO_MAX_BYTES)])
    const refused = await postMultipart(new Client(t.app), url, fields, { photo: { filename: 'groot.jpg', contentType: 'image/jpeg', content: huge } })
    assert.equal(refused.statusCode, 400)
    assert.match(visibleText(refused.body), /De foto mag hoogstens 5 MB groot zijn/)
    assert.match(refused.body, /value="Foto: gemeente Mol"/)
    assert.match(refused.body, /value="sara@example.org"/)
    assert.equal((await imageRows()).length, 0)
  })

  test('a damaged photo and a missing description are refused with clear messages', async () => {
    const damaged = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('kapot')])
    const unreadable = await postMultipart(new Client(t.app), url, fields, { photo: { filename: 'kapot.jpg', contentType: 'image/jpeg', content: damaged } })
    assert.equal(unreadable.statusCode, 400)
    assert.match(visibleText(unreadable.body), /We konden deze foto niet lezen/)
    const noAlt = await postMultipart(new Client(t.app), url, { ...fields, alt: '' }, { photo: { filename: 'foto.jpg', contentType: 'image/jpeg', content: await cameraJpeg() } })
    assert.equal(noAlt.statusCode, 400)
    assert.match(visibleText(noAlt.body), /Beschrijf wat er op de foto staat/)
    assert.equal((await imageRows()).length, 0)
  })

  test('an unknown image id is 404', async () => {
    assert.equal((await new Client(t.app).get(paths.practiceImage('bestaat-niet'))).statusCode, 404)
  })
})
