import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { PRACTICE_STATUSES } from '../practices.ts'
import { allowedTransitions, canTransition, entryDiff, monthKey, nextReminderRun, practiceDiff, restorableVersion, uniqueSlug } from './editorial.ts'
import { parseAcceptance, parseRejection } from './editorial-forms.ts'
import { webAddress } from '../practice-form.ts'
import { TEXT } from './editorial-test-support.ts'
import { wordDiff, type DiffPart } from './word-diff.ts'

const render = (parts: DiffPart[]) => parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'added' ? `{+${p.text}+}` : `[-${p.text}-]`)).join('')

describe('word diff', () => {
  test('identical texts are one unchanged part', () => {
    assert.deepEqual(wordDiff('De burgemeester geeft een speech.', 'De burgemeester geeft een speech.'), [{ kind: 'same', text: 'De burgemeester geeft een speech.' }])
  })

  test('a replaced word shows as removed then added, with the rest unchanged', () => {
    assert.equal(render(wordDiff('De burgemeester geeft een speech.', 'De schepen geeft een speech.')), 'De [-burgemeester-]{+schepen+} geeft een speech.')
  })

  test('inserted and deleted words are marked where they occur', () => {
    assert.equal(render(wordDiff('jaarlijks een ceremonie', 'jaarlijks een warme ceremonie')), 'jaarlijks een {+warme +}ceremonie')
    assert.equal(render(wordDiff('jaarlijks een warme ceremonie', 'jaarlijks een ceremonie')), 'jaarlijks een [-warme -]ceremonie')
  })

  test('a space between two changed words belongs to the change, so it reads as one replacement', () => {
    assert.equal(render(wordDiff('a b c d', 'a x y d')), 'a [-b c-]{+x y+} d')
  })

  test('both sides can be rebuilt from the parts', () => {
    const before = 'Een inburgeringsceremonie is een warm gebeuren.\nDe burgemeester geeft een speech.'
    const after = 'Een ceremonie is een warm en feestelijk gebeuren.\nDe schepen geeft een korte speech.\nEn er is muziek.'
    const parts = wordDiff(before, after)
    assert.equal(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join(''), before)
    assert.equal(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join(''), after)
  })

  test('an empty side is all added or all removed', () => {
    assert.deepEqual(wordDiff('', 'nieuw'), [{ kind: 'added', text: 'nieuw' }])
    assert.deepEqual(wordDiff('oud', ''), [{ kind: 'removed', text: 'oud' }])
  })

  test('very long, entirely different texts are shown as replaced without a quadratic search', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ')
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ')
    const parts = wordDiff(before, after)
    assert.deepEqual(parts.map((p) => p.kind), ['removed', 'added'])
  })
})

describe('field differences', () => {
  const vocabulary = { categories: new Map([['taal', 'Taal en Nederlands oefenen'], ['onthaalbeleid', 'Onthaalbeleid']]), targetGroups: new Map([['anderstaligen', 'Anderstaligen']]) }

  test('each practice field is compared, with names instead of slugs and one goal per line', () => {
    const diffs = practiceDiff(TEXT, { ...TEXT, categories: ['onthaalbeleid'], goals: ['Nederlands oefenen', 'Vrienden maken'] }, vocabulary)
    const changed = diffs.filter((d) => d.changed).map((d) => d.field)
    assert.deepEqual(changed, ['categories', 'goals'])
    const categories = diffs.find((d) => d.field === 'categories')!
    assert.equal(categories.before, 'Taal en Nederlands oefenen')
    assert.equal(categories.after, 'Onthaalbeleid')
    assert.equal(render(diffs.find((d) => d.field === 'goals')!.parts!), 'Nederlands oefenen\n[-Mensen leren kennen-]{+Vrienden maken+}')
  })

  test('a field filled in for the first time has no word diff, only the new text', () => {
    const empty = { blurb: null, since: null, contactName: null, contactEmail: null, contactPhone: null, website: null }
    const blurb = entryDiff(empty, { ...empty, blurb: 'Jaarlijks.' }).find((d) => d.field === 'blurb')!
    assert.deepEqual({ changed: blurb.changed, before: blurb.before, after: blurb.after, parts: blurb.parts }, { changed: true, before: '', after: 'Jaarlijks.', parts: null })
  })
})

describe('practice status', () => {
  test('a practice moves draft → in review → published → archived, and back from the archive', () => {
    assert.deepEqual(allowedTransitions('draft'), ['in_review'])
    assert.deepEqual(allowedTransitions('in_review'), ['published', 'draft'])
    assert.deepEqual(allowedTransitions('published'), ['archived'])
    assert.deepEqual(allowedTransitions('archived'), ['published'])
  })

  test('no status can be skipped or kept, and a draft cannot be archived', () => {
    assert.equal(canTransition('draft', 'published'), false)
    assert.equal(canTransition('draft', 'archived'), false)
    assert.equal(canTransition('published', 'draft'), false)
    for (const status of PRACTICE_STATUSES) assert.equal(canTransition(status, status), false, status)
  })
})

describe('slugs, versions and the reminder calendar', () => {
  test('a taken slug gets the first free number, within 80 characters', () => {
    assert.equal(uniqueSlug('taalcafe', new Set()), 'taalcafe')
    assert.equal(uniqueSlug('taalcafe', new Set(['taalcafe', 'taalcafe-2'])), 'taalcafe-3')
    assert.equal(uniqueSlug('indienen', new Set()), 'indienen-2', 'a page of the site is never a practice slug')
    const long = 'a'.repeat(80)
    const slug = uniqueSlug(long, new Set([long]))
    assert.equal(slug.length, 80)
    assert.ok(slug.endsWith('-2'))
  })

  test('a stored snapshot gives back its text, slugs and image; a damaged one gives nothing', () => {
    const snapshot = JSON.parse(JSON.stringify({ ...TEXT, categories: [{ slug: 'taal', name: 'Taal' }], targetGroups: [], image: { id: 'img1', alt: 'Koffie', credit: null }, version: 2, createdAt: new Date() }))
    const restorable = restorableVersion(snapshot)!
    assert.deepEqual(restorable.text.categories, ['taal'])
    assert.equal(restorable.text.description, TEXT.description)
    assert.deepEqual(restorable.image, { id: 'img1', alt: 'Koffie', credit: null })
    assert.equal(restorableVersion({ ...snapshot, title: 5 }), null)
    assert.equal(restorableVersion(null), null)
  })

  test('the reminder month is the calendar month in Brussels', () => {
    assert.equal(monthKey(new Date('2026-11-30T22:30:00Z')), '2026-11')
    assert.equal(monthKey(new Date('2026-11-30T23:30:00Z')), '2026-12', 'after midnight in Brussels it is December')
  })

  test('the monthly run is on the first of the next month', () => {
    assert.deepEqual(nextReminderRun(new Date('2026-11-15T10:00:00Z')), new Date('2026-12-01T08:00:00Z'))
    assert.deepEqual(nextReminderRun(new Date('2026-12-01T07:00:00Z')), new Date('2026-12-01T08:00:00Z'))
    assert.deepEqual(nextReminderRun(new Date('2026-12-20T10:00:00Z')), new Date('2027-01-01T08:00:00Z'))
  })
})

describe('editor forms', () => {
  const vocabulary = { categories: ['taal', 'onthaalbeleid'], targetGroups: ['anderstaligen'] }

  test('a rejection needs a reason of at most 1000 characters', () => {
    assert.deepEqual(parseRejection({ reason: '  ' }).ok, false)
    assert.deepEqual(parseRejection({ reason: 'x'.repeat(1001) }).ok, false)
    assert.deepEqual(parseRejection({ reason: 'Dit staat er al in.' }), { ok: true, value: { reason: 'Dit staat er al in.' } })
  })

  test('the accept form reads goals and resources one per line with the contribution rules; unknown categories do not count', () => {
    const parsed = parseAcceptance('text_change', { ...TEXT, categories: ['taal'], targetGroups: 'anderstaligen', goals: 'Eén\r\n\r\nTwee\r\n', resources: 'Draaiboek | www.example.org/draaiboek\nFolder', partners: '' }, vocabulary)
    assert.ok(parsed.ok)
    assert.equal(parsed.value.kind, 'text_change')
    if (parsed.value.kind !== 'text_change') return
    assert.deepEqual(parsed.value.practice.goals, ['Eén', 'Twee'])
    assert.deepEqual(parsed.value.practice.targetGroups, ['anderstaligen'])
    assert.deepEqual(parsed.value.practice.resources, [{ label: 'Draaiboek', url: 'https://www.example.org/draaiboek' }, { label: 'Folder', url: null }])
    assert.equal(parsed.value.practice.partners, null)
    const unknown = parseAcceptance('text_change', { ...TEXT, categories: ['bestaat-niet'], goals: '' }, vocabulary)
    assert.ok(!unknown.ok)
    assert.deepEqual(unknown.errors.map((e) => e.message), ['practices.form.categoriesRequired', 'practices.form.goalsRequired'])
  })

  test('a municipality joining must say what it does; an entry update may leave its line empty', () => {
    const contact = { entryContactEmail: 'Dienst@Geel.example', entryWebsite: 'www.geel.be/buddy' }
    const join = parseAcceptance('join', contact, vocabulary)
    assert.ok(!join.ok && join.errors.some((e) => e.field === 'entryBlurb'))
    const update = parseAcceptance('entry_update', contact, vocabulary)
    assert.ok(update.ok && update.value.kind === 'entry_update')
    if (update.value.kind !== 'entry_update') return
    assert.equal(update.value.entry.contactEmail, 'dienst@geel.example')
    assert.equal(update.value.entry.website, 'https://www.geel.be/buddy')
    const phone = parseAcceptance('entry_update', { entryContactPhone: 'bel me' }, vocabulary)
    assert.ok(!phone.ok && phone.errors.some((e) => e.message === 'practices.form.phoneInvalid'))
  })

  test('web addresses are http(s) only; a bare domain gets https', () => {
    assert.equal(webAddress('www.mol.be'), 'https://www.mol.be')
    assert.equal(webAddress('http://mol.be/x'), 'http://mol.be/x')
    assert.equal(webAddress('javascript:alert(1)'), null)
    assert.equal(webAddress('data:text/html,hoi'), null)
    assert.equal(webAddress('mol'), null, 'a word is not an address')
  })
})
