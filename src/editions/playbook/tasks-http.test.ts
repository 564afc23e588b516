import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { type Organiser, createEdition, createOrganisers, editionFields } from '../../../test/helpers/editions.ts'
import { createUser, signIn } from '../../../test/helpers/factories.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { addDays, brusselsDate } from '../../platform/calendar.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { paths } from '../../paths.ts'
import { DEFAULT_PLAYBOOK } from './playbook.ts'

const nl = createTranslator('nl')
const today = () => brusselsDate(new Date())

describe(`the playbook's tasks on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser, skw: Organiser, mol: Organiser

  before(async () => {
    t = await createTestApp()
    ;({ mechelen, skw, mol } = await createOrganisers(t))
  })
  after(() => t.close())

  const taskId = async (editionId: string, title: string) => (await t.db.selectFrom('edition_tasks').select('id').where('edition_id', '=', editionId).where('title', '=', title).executeTakeFirstOrThrow()).id
  const fields = (overrides: Record<string, string> = {}) => ({ title: 'Sprekers bellen', description: '', dueOn: addDays(today(), 10), ownerId: '', status: 'todo', ...overrides })

  test('the tasks page lists every task by due date from the ceremony, counts the late ones and marks them in words', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const ceremony = brusselsDate(edition.startsAt)
    const response = await mechelen.staffClient.get(paths.editionTasks(edition.id))
    assert.equal(response.statusCode, 200)
    const text = visibleText(response.body)
    // Ten weeks ahead, the tasks of 16 and 12 weeks before are late.
    assert.match(text, /3 taken zijn te laat\./)
    assert.match(text, /0 van de 20 taken klaar/)
    const council = DEFAULT_PLAYBOOK[0]!
    assert.ok(text.includes(`${council.title} Te laat ${nl.formatDate(addDays(ceremony, -112))} Te doen Nog niemand`), 'a late task says so in words')
    const venue = DEFAULT_PLAYBOOK.find((task) => task.title === 'De zaal reserveren')!
    assert.ok(text.includes(`De zaal reserveren ${nl.formatDate(addDays(ceremony, venue.offsetDays))} Te doen`))
    const table = text.slice(text.indexOf('20 taken, op datum'))
    const order = DEFAULT_PLAYBOOK.map((task) => table.indexOf(task.title))
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'in due-date order')
  })

  test('moving the ceremony through the edition form moves every due date on the tasks page', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const later = addDays(brusselsDate(edition.startsAt), 21)
    const moved = await mechelen.staffClient.post(paths.editionEdit(edition.id), editionFields({ date: later, replyBy: '' }))
    assert.equal(moved.statusCode, 303)
    const text = visibleText((await mechelen.staffClient.get(paths.editionTasks(edition.id))).body)
    assert.ok(text.includes(`De zaal reserveren ${nl.formatDate(addDays(later, -56))}`), 'eight weeks before the new date')
    assert.ok(text.includes(`De persoonsgegevens wissen ${nl.formatDate(addDays(later, 91))}`))
    assert.match(text, /2 taken zijn te laat\./, 'three weeks later, the 12-week task is no longer late')
  })

  test('a planner adds a task for a co-organiser’s staff member, who then finds it under my tasks', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id, { coOrganiserIds: [skw.municipality.id] })
    const form = visibleText((await mechelen.staffClient.get(paths.editionTaskNew(edition.id))).body)
    assert.match(form, /Medewerker Sint-Katelijne-Waver \(Sint-Katelijne-Waver\)/, 'the owners include the co-organiser’s staff')
    assert.doesNotMatch(form, /Medewerker Mol/)
    const due = addDays(today(), 10)
    const added = await mechelen.staffClient.post(paths.editionTaskNew(edition.id), fields({ ownerId: skw.staff.id, description: 'Twee sprekers' }))
    assert.equal(added.statusCode, 303)
    assert.equal(added.headers.location, paths.editionTasks(edition.id))
    const row = await t.db.selectFrom('edition_tasks').selectAll().where('edition_id', '=', edition.id).where('title', '=', 'Sprekers bellen').executeTakeFirstOrThrow()
    assert.equal(row.offset_days, -60, 'the due date is kept as days before the ceremony')
    assert.equal(row.owner_id, skw.staff.id)
    const page = visibleText((await mechelen.staffClient.get(paths.editionTasks(edition.id))).body)
    assert.ok(page.includes(`Sprekers bellen ${nl.formatDate(due)} Te doen Medewerker Sint-Katelijne-Waver`))
    const mine = visibleText((await skw.staffClient.get(paths.myTasks())).body)
    assert.match(mine, /Sprekers bellen Welkomstceremonie 2027/)
    const audit = await t.db.selectFrom('audit_events').select(['action', 'municipality_id']).where('record_id', '=', row.id).execute()
    assert.deepEqual(audit, [{ action: 'edition_task.created', municipality_id: mechelen.municipality.id }])
  })

  test('adding a task with bad input is refused with a message per field, keeping what was typed', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const response = await mechelen.staffClient.post(paths.editionTaskNew(edition.id), fields({ title: '', description: 'Mijn beschrijving', dueOn: addDays(today(), -1), ownerId: mol.staff.id, status: 'misschien' }))
    assert.equal(response.statusCode, 400)
    const text = visibleText(response.body)
    assert.match(text, /^Fout:/)
    assert.match(text, /Vul in wat er moet gebeuren/)
    assert.match(text, /Die datum is al voorbij/)
    assert.match(text, /Kies iemand uit de lijst/)
    assert.match(text, /Kies of de taak te doen, bezig of klaar is/)
    assert.match(response.body, /Mijn beschrijving/)
    assert.match(visibleText((await mechelen.staffClient.post(paths.editionTaskNew(edition.id), fields({ dueOn: '21/05/2027' }))).body), /Vul een datum in/)
    const count = await t.db.selectFrom('edition_tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('edition_id', '=', edition.id).executeTakeFirstOrThrow()
    assert.equal(Number(count.n), DEFAULT_PLAYBOOK.length)
  })

  test('a task page changes the task; marking it done records when, and the audit names the fields only', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const id = await taskId(edition.id, 'De zaal reserveren')
    const description = DEFAULT_PLAYBOOK.find((task) => task.title === 'De zaal reserveren')!.description!
    const page = await mechelen.staffClient.get(paths.editionTask(edition.id, id))
    assert.equal(page.statusCode, 200)
    assert.match(visibleText(page.body), /Wanneer 8 weken voor de ceremonie/)
    const dueOn = addDays(brusselsDate(edition.startsAt), -56)
    const done = await mechelen.staffClient.post(paths.editionTask(edition.id, id), fields({ title: 'De zaal reserveren', description, dueOn, ownerId: mechelen.staff.id, status: 'done', notes: 'Zaal 2 vastgelegd' }))
    assert.equal(done.statusCode, 303)
    const row = await t.db.selectFrom('edition_tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(row.status, 'done')
    assert.ok(row.done_at instanceof Date)
    assert.equal(row.notes, 'Zaal 2 vastgelegd')
    assert.equal(row.offset_days, -56)
    const audit = await t.db.selectFrom('audit_events').select(['action', 'details_json']).where('record_id', '=', id).executeTakeFirstOrThrow()
    assert.equal(audit.action, 'edition_task.updated')
    assert.deepEqual(audit.details_json, { edition: edition.id, fields: ['ownerId', 'status', 'notes'] })
    assert.doesNotMatch(JSON.stringify(audit.details_json), /Zaal 2/)

    const reopened = await mechelen.staffClient.post(paths.editionTask(edition.id, id), fields({ title: 'De zaal reserveren', description, dueOn, ownerId: mechelen.staff.id, status: 'doing', notes: 'Zaal 2 vastgelegd' }))
    assert.equal(reopened.statusCode, 303)
    assert.equal((await t.db.selectFrom('edition_tasks').select('done_at').where('id', '=', id).executeTakeFirstOrThrow()).done_at, null)
  })

  test('the filters show only open tasks, or only mine', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const mine = await mechelen.staffClient.post(paths.editionTaskNew(edition.id), fields({ title: 'Mijn eigen taak', ownerId: mechelen.staff.id }))
    assert.equal(mine.statusCode, 303)
    const council = await taskId(edition.id, DEFAULT_PLAYBOOK[0]!.title)
    await t.db.updateTable('edition_tasks').set({ status: 'done', done_at: new Date() }).where('id', '=', council).execute()
    const open = visibleText((await mechelen.staffClient.get(`${paths.editionTasks(edition.id)}?open=yes`)).body)
    assert.doesNotMatch(open, new RegExp(DEFAULT_PLAYBOOK[0]!.title))
    assert.match(open, /20 taken, op datum/)
    const onlyMine = visibleText((await mechelen.staffClient.get(`${paths.editionTasks(edition.id)}?mijn=yes`)).body)
    assert.match(onlyMine, /1 taak, op datum/)
    assert.match(onlyMine, /Mijn eigen taak/)
  })

  test('my tasks lists the open tasks given to me across editions, late ones first, and nobody else’s', async () => {
    const person = await createUser(t.db, { role: 'staff', municipalityId: mechelen.municipality.id, name: 'Lotte' })
    const client = await signIn(t.app, person)
    const soon = await createEdition(t.db, mechelen.municipality.id, { name: 'Editie voorjaar' })
    const autumn = await createEdition(t.db, mechelen.municipality.id, { name: 'Editie najaar', date: addDays(today(), 200) })
    const late = await taskId(soon.id, DEFAULT_PLAYBOOK[0]!.title)
    const upcoming = await taskId(autumn.id, 'De zaal reserveren')
    const finished = await taskId(soon.id, 'De zaal reserveren')
    await t.db.updateTable('edition_tasks').set({ owner_id: person.id }).where('id', 'in', [late, upcoming, finished]).execute()
    await t.db.updateTable('edition_tasks').set({ status: 'done' }).where('id', '=', finished).execute()
    const text = visibleText((await client.get(paths.myTasks())).body)
    assert.match(text, /1 taak is te laat\./)
    assert.match(text, /2 open taken/)
    assert.ok(text.indexOf('Editie voorjaar') < text.indexOf('Editie najaar'), 'the late task comes first')
    assert.ok(text.includes(`De zaal reserveren Editie najaar ${nl.formatDate(addDays(brusselsDate(autumn.startsAt), -56))} Te doen`))
    assert.doesNotMatch(visibleText((await mol.staffClient.get(paths.myTasks())).body), /Editie voorjaar|Editie najaar/)
    const editor = await signIn(t.app, await createUser(t.db, { role: 'practice_editor' }))
    assert.equal((await editor.get(paths.myTasks())).statusCode, 403, 'only planners have tasks')
  })

  test('a third municipality gets 404 on every playbook route of an edition, and a task asked for under another edition is 404', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id, { coOrganiserIds: [skw.municipality.id] })
    const other = await createEdition(t.db, mechelen.municipality.id, { name: 'Andere editie' })
    const task = await taskId(edition.id, 'De zaal reserveren')
    await expectNotFoundForOtherMunicipality(mol.staffClient, [
      { method: 'GET', url: paths.editionTasks(edition.id) },
      { method: 'GET', url: paths.editionTaskNew(edition.id) },
      { method: 'POST', url: paths.editionTaskNew(edition.id), fields: fields() },
      { method: 'GET', url: paths.editionTask(edition.id, task) },
      { method: 'POST', url: paths.editionTask(edition.id, task), fields: fields() },
      { method: 'GET', url: paths.editionCalendar(edition.id) },
      { method: 'POST', url: paths.editionCalendar(edition.id), fields: { action: 'create' } },
    ])
    assert.equal((await mechelen.staffClient.get(paths.editionTask(other.id, task))).statusCode, 404)
    assert.equal((await mechelen.staffClient.post(paths.editionTask(other.id, task), fields())).statusCode, 404)
    assert.equal((await skw.staffClient.get(paths.editionTask(edition.id, task))).statusCode, 200, 'the co-organiser works on it')
    assert.equal((await t.db.selectFrom('editions').select('calendar_token_hash').where('id', '=', edition.id).executeTakeFirstOrThrow()).calendar_token_hash, null)
  })
})
