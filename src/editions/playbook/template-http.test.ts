import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition, editionFields } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { paths } from '../../paths.ts'
import { DEFAULT_PLAYBOOK } from './playbook.ts'
import { templateFormValues } from './template-form.ts'

describe(`the municipality's playbook template on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Awaited<ReturnType<typeof createMunicipalityWithPeople>>
  let mol: Awaited<ReturnType<typeof createMunicipalityWithPeople>>

  before(async () => {
    t = await createTestApp()
    mechelen = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mechelen' })
    mol = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
  })
  after(() => t.close())

  const tasksOf = async (editionId: string) => t.db.selectFrom('edition_tasks').select(['title', 'offset_days']).where('edition_id', '=', editionId).orderBy('position').execute()
  const newEdition = async (client: typeof mechelen.adminClient) => {
    const created = await client.post(paths.editionNew(), editionFields())
    assert.equal(created.statusCode, 303)
    return created.headers.location!.split('/').pop()!
  }
  const asRows = (tasks: typeof DEFAULT_PLAYBOOK) => tasks.map((task) => ({ title: task.title, offset_days: task.offsetDays }))

  test('an admin sees the shipped default with a note, offsets in weeks before or after the ceremony; staff may not change it', async () => {
    const page = await mechelen.adminClient.get(paths.playbookTemplate())
    assert.equal(page.statusCode, 200)
    const text = visibleText(page.body)
    assert.match(text, /U gebruikt nu het standaarddraaiboek van Welkom/)
    assert.match(page.body, /name="title-4" type="text" value="De zaal reserveren"/)
    assert.match(page.body, /name="amount-4" type="number" value="8"/)
    assert.match(page.body, /<option value="before" selected>voor de ceremonie<\/option>/)
    assert.equal((await mechelen.staffClient.get(paths.playbookTemplate())).statusCode, 403)
    assert.equal((await mechelen.staffClient.post(paths.playbookTemplate(), { action: 'reset' })).statusCode, 403)
  })

  test('saving the template changes the editions made afterwards, not those that exist; resetting brings back the default', async () => {
    const existing = await createEdition(t.db, mechelen.municipality.id)
    const values = templateFormValues(DEFAULT_PLAYBOOK)
    const saved = await mechelen.adminClient.post(paths.playbookTemplate(), {
      ...values,
      action: 'save',
      'remove-1': 'yes',
      'title-4': 'De raadzaal reserveren',
      'amount-4': '10',
      'title-new': 'Fotograaf boeken',
      'amount-new': '3',
      'unit-new': 'days',
      'direction-new': 'before',
    })
    assert.equal(saved.statusCode, 303)
    assert.match(visibleText((await mechelen.adminClient.get(paths.playbookTemplate())).body), /Dit is het draaiboek van uw gemeente/)

    const expected = [...DEFAULT_PLAYBOOK.filter((_, i) => i !== 1).map((task) => (task.title === 'De zaal reserveren' ? { ...task, title: 'De raadzaal reserveren', offsetDays: -70 } : task)), { title: 'Fotograaf boeken', description: null, offsetDays: -3 }].sort((a, b) => a.offsetDays - b.offsetDays)
    assert.deepEqual(await tasksOf(await newEdition(mechelen.staffClient)), asRows(expected))
    assert.deepEqual(await tasksOf(existing.id), asRows(DEFAULT_PLAYBOOK), 'an existing edition keeps its tasks')
    assert.deepEqual(await tasksOf(await newEdition(mol.staffClient)), asRows(DEFAULT_PLAYBOOK), 'another municipality keeps the default')

    const reset = await mechelen.adminClient.post(paths.playbookTemplate(), { action: 'reset' })
    assert.equal(reset.statusCode, 303)
    assert.deepEqual(await tasksOf(await newEdition(mechelen.staffClient)), asRows(DEFAULT_PLAYBOOK))
    const audit = await t.db.selectFrom('audit_events').select(['action', 'record_type', 'details_json']).where('municipality_id', '=', mechelen.municipality.id).where('action', 'like', 'playbook.%').orderBy('occurred_at').execute()
    assert.deepEqual(audit, [
      { action: 'playbook.template_updated', record_type: 'playbook_template', details_json: { tasks: 20 } },
      { action: 'playbook.template_reset', record_type: 'playbook_template', details_json: null },
    ])
  })

  test('a template with a task without a title or an impossible offset is refused, keeping what was typed', async () => {
    const values = templateFormValues(DEFAULT_PLAYBOOK)
    const response = await mechelen.adminClient.post(paths.playbookTemplate(), { ...values, action: 'save', 'title-2': '', 'amount-3': 'tien', 'title-new': 'Nieuwe taak', 'amount-new': '400', 'unit-new': 'days', 'direction-new': 'after' })
    assert.equal(response.statusCode, 400)
    const text = visibleText(response.body)
    assert.match(text, /Vul in wat er moet gebeuren/)
    assert.match(text, /Vul een aantal weken in van 0 tot 52/)
    assert.match(text, /Vul een aantal dagen in van 0 tot 365/)
    assert.match(response.body, /value="Nieuwe taak"/)
    assert.match(response.body, /name="amount-3" type="number" value="tien"/)
    const all = { ...values, action: 'save', ...Object.fromEntries(DEFAULT_PLAYBOOK.map((_, i) => [`remove-${i}`, 'yes'])) }
    assert.match(visibleText((await mechelen.adminClient.post(paths.playbookTemplate(), all)).body), /Houd minstens één taak over/)
    assert.equal((await t.db.selectFrom('playbook_template_tasks').select('id').where('municipality_id', '=', mechelen.municipality.id).execute()).length, 0)
  })
})
