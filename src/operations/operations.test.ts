import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { visibleText } from '../../test/helpers/client.ts'
import { suiteDialect } from '../../test/helpers/database.ts'
import { createMunicipalityWithPeople, createUser, signIn } from '../../test/helpers/factories.ts'
import { expectNotFoundForOtherMunicipality } from '../../test/helpers/tenant.ts'
import { enqueueJob, findJob } from '../platform/jobs/jobs-queries.ts'
import { queueMail } from '../platform/mail/mail.ts'

describe(`background jobs and the outbox on ${suiteDialect()}`, () => {
  let t: TestApp
  before(async () => (t = await createTestApp()))
  after(() => t.close())

  const tableText = (html: string) => visibleText(/<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '')

  async function deadJob(municipalityId: string) {
    const id = (await enqueueJob(t.db, 'mail.send', { mailId: 'payload-marker' }, { municipalityId, maxAttempts: 6 }))!
    await t.db.updateTable('jobs').set({ status: 'dead', attempts: 6, last_error: 'Error: Delivery failed: ECONNREFUSED', finished_at: new Date() }).where('id', '=', id).execute()
    return id
  }

  async function mailFor(municipalityId: string) {
    return queueMail(
      t.db,
      {
        municipalityId,
        to: 'amina@example.org',
        subject: 'Uw uitnodiging voor de ceremonie',
        text: 'Beste Amina,\n\nWelkom op de ceremonie.',
        html: '<p>Welkom <img src=x onerror=alert(1)></p>',
        attachments: [{ filename: 'ceremonie.ics', contentType: 'text/calendar', content: Buffer.from('BEGIN:VCALENDAR').toString('base64') }],
      },
      'welkom.test',
    )
  }

  test('the jobs page counts jobs by status and shows a dead job with its error, never its payload', async () => {
    const { municipality, adminClient } = await createMunicipalityWithPeople(t.app, t.db)
    await deadJob(municipality.id)
    await enqueueJob(t.db, 'report.build', {}, { municipalityId: municipality.id })

    const response = await adminClient.get('/beheer/taken')
    assert.equal(response.statusCode, 200)
    const text = visibleText(response.body)
    assert.match(text, /Definitief mislukt 1 taak In de wachtrij 1 taak Bezig geen taken Klaar geen taken/)
    const rows = tableText(response.body)
    assert.match(rows, /E-mail versturen Definitief mislukt 6 van 6 – Error: Delivery failed: ECONNREFUSED Opnieuw proberen/)
    assert.match(rows, /report\.build In de wachtrij 0 van 5/, 'an unknown kind shows its code')
    assert.doesNotMatch(response.body, /payload-marker/)

    const dead = tableText((await adminClient.get('/beheer/taken?status=dead')).body)
    assert.match(dead, /E-mail versturen/)
    assert.doesNotMatch(dead, /report\.build/)
  })

  test('retrying a dead job queues it again with fresh attempts, audits it, and cannot be repeated', async () => {
    const { municipality, admin, adminClient } = await createMunicipalityWithPeople(t.app, t.db)
    const id = await deadJob(municipality.id)

    const response = await adminClient.post(`/beheer/taken/${id}/opnieuw`)
    assert.equal(response.statusCode, 303)
    assert.equal(response.headers.location, '/beheer/taken')
    const job = (await findJob(t.db, municipality.id, id))!
    assert.equal(job.status, 'queued')
    assert.equal(job.attempts, 0)
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'job.retried').where('record_id', '=', id).execute()
    assert.equal(audit.length, 1)
    assert.equal(audit[0]!.actor_user_id, admin.id)
    assert.equal(audit[0]!.municipality_id, municipality.id)
    assert.match(visibleText((await adminClient.get('/beheer/taken')).body), /De taak staat opnieuw in de wachtrij\./)

    assert.equal((await adminClient.post(`/beheer/taken/${id}/opnieuw`)).statusCode, 404, 'a job that is not dead cannot be retried')
  })

  test('the outbox lists a queued message and says mail lands in the outbox folder, which only platform admins see', async () => {
    const { municipality, adminClient } = await createMunicipalityWithPeople(t.app, t.db)
    await mailFor(municipality.id)

    const page = await adminClient.get('/beheer/uitgaande-post')
    assert.equal(page.statusCode, 200)
    const text = visibleText(page.body)
    assert.match(text, /E-mails worden niet echt verstuurd: ze komen in de map outbox onder de datamap terecht\./)
    assert.ok(!text.includes(t.config.dataDir), 'a municipality admin does not see server paths')
    assert.match(tableText(page.body), /^amina@example\.org Uw uitnodiging voor de ceremonie In de wachtrij .+ –$/)

    await t.runJobs()
    assert.match(tableText((await adminClient.get('/beheer/uitgaande-post')).body), /Uw uitnodiging voor de ceremonie Verstuurd/)

    const platform = await signIn(t.app, await createUser(t.db, { role: 'platform_admin' }))
    const platformText = visibleText((await platform.get('/beheer/uitgaande-post')).body)
    assert.ok(platformText.includes(`${t.config.dataDir}/outbox`), 'the platform admin sees the folder')
    assert.match(platformText, /Uw uitnodiging voor de ceremonie/, 'and every municipality’s mail')
  })

  test('one message shows its headers, text and attachment names, not its HTML, and the view is audited', async () => {
    const { municipality, admin, adminClient } = await createMunicipalityWithPeople(t.app, t.db)
    const id = await mailFor(municipality.id)

    const response = await adminClient.get(`/beheer/uitgaande-post/${id}`)
    assert.equal(response.statusCode, 200)
    const text = visibleText(response.body)
    assert.match(text, /Aan amina@example\.org Onderwerp Uw uitnodiging voor de ceremonie Toestand In de wachtrij/)
    assert.match(text, /Bijlagen ceremonie\.ics \(text\/calendar\)/)
    assert.match(response.body, /<pre class="mail-body">Beste Amina,\n\nWelkom op de ceremonie\.<\/pre>/)
    assert.doesNotMatch(response.body, /<img src=x|onerror/, 'the HTML body is not on the page')
    assert.match(text, /ook een opgemaakte versie \(HTML\)/)

    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'mail.viewed').where('record_id', '=', id).execute()
    assert.equal(audit.length, 1)
    assert.equal(audit[0]!.record_type, 'mail')
    assert.equal(audit[0]!.actor_user_id, admin.id)
    assert.equal(audit[0]!.municipality_id, municipality.id)
  })

  test('staff members who are not admins get 403 on the jobs page, retrying and the outbox', async () => {
    const { municipality, staffClient } = await createMunicipalityWithPeople(t.app, t.db)
    const jobId = await deadJob(municipality.id)
    const mailId = await mailFor(municipality.id)
    for (const url of ['/beheer/taken', '/beheer/uitgaande-post', `/beheer/uitgaande-post/${mailId}`]) assert.equal((await staffClient.get(url)).statusCode, 403, url)
    assert.equal((await staffClient.post(`/beheer/taken/${jobId}/opnieuw`)).statusCode, 403)
    assert.equal((await findJob(t.db, municipality.id, jobId))!.status, 'dead')
  })

  test('another municipality’s admin gets 404 on a message and on retrying a job, and sees neither listed', async () => {
    const owner = await createMunicipalityWithPeople(t.app, t.db)
    const outsider = await createMunicipalityWithPeople(t.app, t.db)
    const jobId = await deadJob(owner.municipality.id)
    const mailId = await mailFor(owner.municipality.id)

    await expectNotFoundForOtherMunicipality(outsider.adminClient, [
      { method: 'GET', url: `/beheer/uitgaande-post/${mailId}` },
      { method: 'POST', url: `/beheer/taken/${jobId}/opnieuw` },
    ])
    assert.equal((await findJob(t.db, null, jobId))!.status, 'dead')
    assert.doesNotMatch((await outsider.adminClient.get('/beheer/uitgaande-post')).body, /amina@example\.org/)
    assert.doesNotMatch(visibleText((await outsider.adminClient.get('/beheer/taken')).body), /E-mail versturen|ECONNREFUSED/)
    const viewed = await t.db.selectFrom('audit_events').select('id').where('action', '=', 'mail.viewed').where('record_id', '=', mailId).execute()
    assert.equal(viewed.length, 0, 'a refused view is not recorded as a view')
  })
})
