import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { FormParser } from '../../platform/http/forms.ts'
import { LIMITS } from '../submissions.ts'
import { isHoneypotFilled, kindFromParam } from './contribution-forms.ts'
import { parsePracticeText } from '../practice-form.ts'
import { confirmationStep } from './contribution-submit.ts'

const vocabulary = { categories: ['onthaalbeleid', 'taal'], targetGroups: ['inburgeraars'] }
const valid = { title: 'Taalcafé', summary: 'Oefenen bij een koffie.', categories: ['taal', 'onbekend'], goals: 'Oefenen', targetGroup: 'Anderstaligen', description: 'Elke week.' }

function parse(body: Record<string, unknown>) {
  const form = new FormParser(body)
  return { practice: parsePracticeText(form, vocabulary), errors: form.errors }
}

describe('contribution form rules', () => {
  test('resources are read one per line as "label | address", a bare address, or a label alone', () => {
    const { practice, errors } = parse({ ...valid, resources: 'Draaiboek | https://example.org/draaiboek\nhttps://example.org/folder\n\nAffiche in het gemeentehuis | ' })
    assert.deepEqual(errors, [])
    assert.deepEqual(practice.resources, [
      { label: 'Draaiboek', url: 'https://example.org/draaiboek' },
      { label: 'https://example.org/folder', url: 'https://example.org/folder' },
      { label: 'Affiche in het gemeentehuis', url: null },
    ])
  })

  test('a resource address must be http or https, and the error names its line', () => {
    const { errors } = parse({ ...valid, resources: 'Goed | https://example.org\nSlecht | javascript:alert(1)' })
    assert.deepEqual(errors, [{ field: 'resources', message: 'practices.form.resourceUrlInvalid', values: { line: 2 } }])
  })

  test('goals are one per line, at most ten, each at most 200 characters', () => {
    assert.deepEqual(parse({ ...valid, goals: ' a \r\n\r\n b ' }).practice.goals, ['a', 'b'])
    assert.deepEqual(parse({ ...valid, goals: Array.from({ length: 11 }, (_, i) => `doel ${i}`).join('\n') }).errors, [{ field: 'goals', message: 'practices.form.tooManyGoals', values: { max: LIMITS.goals } }])
    assert.deepEqual(parse({ ...valid, goals: `kort\n${'x'.repeat(201)}` }).errors, [{ field: 'goals', message: 'practices.form.goalTooLong', values: { line: 2, max: LIMITS.goal } }])
  })

  test('only known categories count, in the vocabulary order; an over-long title names the limit', () => {
    const { practice, errors } = parse({ ...valid, categories: ['taal', 'onthaalbeleid', 'onbekend'], title: 'x'.repeat(LIMITS.title + 1) })
    assert.deepEqual(practice.categories, ['onthaalbeleid', 'taal'])
    assert.deepEqual(errors, [{ field: 'title', message: 'common.tooLong', values: { max: 120 } }])
    assert.deepEqual(parse({ ...valid, categories: 'onbekend' }).errors, [{ field: 'categories', message: 'practices.form.categoriesRequired' }])
  })

  test('the honeypot counts as filled with anything but whitespace', () => {
    assert.equal(isHoneypotFilled({ homepage: '' }), false)
    assert.equal(isHoneypotFilled({ homepage: '  ' }), false)
    assert.equal(isHoneypotFilled({ homepage: 'http://spam.example' }), true)
  })

  test('the kind of change request is chosen by its Dutch name', () => {
    assert.equal(kindFromParam('tekst'), 'text_change')
    assert.equal(kindFromParam('ook-bij-ons'), 'join')
    assert.equal(kindFromParam('text_change'), null)
    assert.equal(kindFromParam(undefined), null)
  })

  test('a confirmation link asks within seven days, thanks once confirmed, and is gone when expired or decided', () => {
    const now = new Date('2026-12-10T12:00:00Z')
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86400_000)
    assert.equal(confirmationStep({ status: 'unconfirmed', createdAt: daysAgo(6.9) }, now), 'ask')
    assert.equal(confirmationStep({ status: 'unconfirmed', createdAt: daysAgo(7.1) }, now), 'gone')
    assert.equal(confirmationStep({ status: 'pending', createdAt: daysAgo(30) }, now), 'done')
    assert.equal(confirmationStep({ status: 'accepted', createdAt: daysAgo(1) }, now), 'gone')
  })
})
