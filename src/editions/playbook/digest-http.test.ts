import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipality, createUser } from '../../../test/helpers/factories.ts'
import { addDays, brusselsDate, brusselsTime } from '../../platform/calendar.ts'
import { enqueueJob } from '../../platform/jobs/jobs-queries.ts'
import { DEFAULT_PLAYBOOK } from './playbook.ts'
import { PLAYBOOK_DIGESTS } from './digest-job.ts'

describe(`the weekly playbook digest on ${suiteDialect()}`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  const mailsTo = (email: string) => t.db.selectFrom('mail_messages').select(['subject', 'text_body']).where('to_address', '=', email).execute()

  test('each planner gets one e-mail a week, in their language, with their late and coming tasks and the unowned ones (also those of people who left); people with nothing due get none', async () => {
    const mechelen = await createMunicipality(t.db, { name: 'Mechelen' })
    const skw = await createMunicipality(t.db, { name: 'Sint-Katelijne-Waver' })
    const mol = await createMunicipality(t.db, { name: 'Mol' })
    const lotte = await createUser(t.db, { role: 'staff', municipalityId: mechelen.id, name: 'Lotte', locale: 'en' })
    const admin = await createUser(t.db, { role: 'municipality_admin', municipalityId: mechelen.id, name: 'An' })
    const partner = await createUser(t.db, { role: 'staff', municipalityId: skw.id, name: 'Pieter' })
    const leaver = await createUser(t.db, { role: 'staff', municipalityId: mechelen.id })
    await t.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', leaver.id).execute()
    const quiet = await createUser(t.db, { role: 'staff', municipalityId: mol.id, name: 'Mira' })
    const editor = await createUser(t.db, { role: 'practice_editor' })

    // Ten weeks ahead: the tasks of 16 and 12 weeks before are late, the one of 10 weeks is due today.
    const edition = await createEdition(t.db, mechelen.id, { name: 'Welkom Mechelen 2027', coOrganiserIds: [skw.id] })
    const held = await createEdition(t.db, mechelen.id, { name: 'Vorige editie' })
    await t.db.updateTable('editions').set({ status: 'archived' }).where('id', '=', held.id).execute()
    // Mol's ceremony is far off: nothing due within the week.
    await createEdition(t.db, mol.id, { name: 'Welkom Mol', date: addDays(brusselsDate(new Date()), 200) })
    const council = await t.db.selectFrom('edition_tasks').select('id').where('edition_id', '=', edition.id).where('title', '=', DEFAULT_PLAYBOOK[0]!.title).executeTakeFirstOrThrow()
    await t.db.updateTable('edition_tasks').set({ owner_id: lotte.id }).where('id', '=', council.id).execute()
    // The leaver's task is nobody's now, so it is offered to everyone as unowned.
    await t.db.updateTable('edition_tasks').set({ owner_id: leaver.id }).where('edition_id', '=', edition.id).where('title', 'like', 'De lijst opvragen%').execute()

    for (let run = 0; run < 2; run++) {
      await enqueueJob(t.db, PLAYBOOK_DIGESTS, {})
      await t.runJobs()
    }

    for (const person of [lotte, admin, partner]) assert.equal((await mailsTo(person.email)).length, 1, `${person.email} gets one digest after two runs`)
    for (const person of [leaver, quiet, editor]) assert.deepEqual(await mailsTo(person.email), [], 'nobody else')

    const [english] = await mailsTo(lotte.email)
    assert.equal(english!.subject, '4 playbook tasks need your attention')
    assert.match(english!.text_body, /^Dear Lotte,/)
    assert.match(english!.text_body, new RegExp(`Late:\\n- ${DEFAULT_PLAYBOOK[0]!.title} \\(due [^)]+\\): http://localhost:3000/edities/${edition.id}/draaiboek/${council.id}\\n`))
    assert.match(english!.text_body, /Nobody has taken these yet \(can you\?\):\n- Protocol voor gegevensdeling/)
    assert.match(english!.text_body, /All your tasks: http:\/\/localhost:3000\/mijn-taken/)
    assert.doesNotMatch(english!.text_body, /Vorige editie/, 'an archived edition is no longer in the digest')

    const [dutch] = await mailsTo(partner.email)
    assert.equal(dutch!.subject, '3 taken uit het draaiboek vragen uw aandacht')
    assert.match(dutch!.text_body, /^Beste Pieter,/)
    assert.match(dutch!.text_body, /Welkom Mechelen 2027, ceremonie op/)
    assert.match(dutch!.text_body, /Nog zonder verantwoordelijke \(kunt u dit opnemen\?\):\n- Protocol voor gegevensdeling[^\n]+\n- De lijst opvragen[^\n]+\n- De lijst koppelen aan het bevolkingsregister/)
    assert.doesNotMatch(dutch!.text_body, new RegExp(DEFAULT_PLAYBOOK[0]!.title), 'someone else’s task is not in it')

    const next = await t.db.selectFrom('jobs').select('run_at').where('kind', '=', PLAYBOOK_DIGESTS).where('status', '=', 'queued').execute()
    assert.equal(next.length, 1, 'the next run is scheduled once')
    const runAt = next[0]!.run_at
    assert.ok(runAt > new Date())
    assert.equal(new Date(`${brusselsDate(runAt)}T12:00:00Z`).getUTCDay(), 1, 'on a Monday')
    assert.equal(brusselsTime(runAt), '07:00')
  })
})
