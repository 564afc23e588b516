import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createTestApp } from '../../../test/helpers/app.ts'
import { createUser } from '../../../test/helpers/factories.ts'
import { findMunicipalityByNis } from '../../municipalities/municipalities-queries.ts'
import { enqueueJob } from '../../platform/jobs/jobs-queries.ts'
import { CEREMONY_SLUG, loadReferenceData } from '../reference-data.ts'
import { INCOMPLETE_REMINDERS } from './editorial-jobs.ts'
import { mailsTo } from './editorial-test-support.ts'

test('the monthly reminder e-mails the active admins and staff of each municipality with incomplete entries once a month, and skips municipalities without anyone in Welkom', async () => {
  const t = await createTestApp()
  try {
    await loadReferenceData(t.db)
    const mol = (await findMunicipalityByNis(t.db, '13025'))!
    const geel = (await findMunicipalityByNis(t.db, '13008'))!
    const molAdmin = await createUser(t.db, { role: 'municipality_admin', municipalityId: mol.id, name: 'Lien Mol' })
    const molStaff = await createUser(t.db, { role: 'staff', municipalityId: mol.id })
    const molLeaver = await createUser(t.db, { role: 'staff', municipalityId: mol.id })
    await t.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', molLeaver.id).execute()
    const geelStaff = await createUser(t.db, { role: 'staff', municipalityId: geel.id })
    const editor = await createUser(t.db, { role: 'practice_editor' })

    for (let run = 0; run < 2; run++) {
      await enqueueJob(t.db, INCOMPLETE_REMINDERS, {})
      await t.runJobs()
    }

    for (const person of [molAdmin, molStaff, geelStaff]) assert.equal((await mailsTo(t.db, person.email)).length, 1, `${person.email} gets one reminder after two runs`)
    for (const person of [molLeaver, editor]) assert.equal((await mailsTo(t.db, person.email)).length, 0, 'nobody else')
    const [mail] = await mailsTo(t.db, molAdmin.email)
    assert.equal(mail!.subject, 'Vul de gegevens van Mol aan in de praktijkendatabank')
    assert.match(mail!.text_body, /^Beste Lien Mol,/)
    assert.ok(mail!.text_body.includes(`- Inburgeringsceremonie: http://localhost:3000/praktijken/${CEREMONY_SLUG}/onze-gemeente`))
    const total = await t.db.selectFrom('mail_messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    assert.equal(Number(total.n), 3, 'the ten municipalities without anyone in Welkom are skipped')
    const perMunicipality = await t.db.selectFrom('jobs').select('unique_key').where('kind', '=', 'practices.incomplete_reminder').orderBy('unique_key').execute()
    assert.equal(perMunicipality.length, 2)
    assert.match(perMunicipality[0]!.unique_key!, /^practices\.incomplete:[0-9a-f-]+:\d{4}-\d{2}$/)
    const next = await t.db.selectFrom('jobs').select('run_at').where('kind', '=', INCOMPLETE_REMINDERS).where('status', '=', 'queued').executeTakeFirst()
    assert.ok(next && next.run_at > new Date(), 'the next monthly run is scheduled')
  } finally {
    await t.close()
  }
})

test('a municipality whose entries were completed before its reminder ran is not e-mailed', async () => {
  const t = await createTestApp()
  try {
    await loadReferenceData(t.db)
    const mol = (await findMunicipalityByNis(t.db, '13025'))!
    const staff = await createUser(t.db, { role: 'staff', municipalityId: mol.id })
    await enqueueJob(t.db, 'practices.incomplete_reminder', { municipalityId: mol.id, month: '2026-11' })
    await t.db.updateTable('practice_entries').set({ blurb: 'Elk jaar in juni.', contact_phone: '014 33 09 00' }).where('municipality_id', '=', mol.id).execute()
    await t.runJobs()
    assert.equal((await mailsTo(t.db, staff.email)).length, 0)
  } finally {
    await t.close()
  }
})
