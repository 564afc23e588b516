import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { listHref, MAX_SEARCH_LENGTH, readListQuery, withoutFilters, withoutValue } from './list-query.ts'

describe('the practice list query', () => {
  test('reads repeated filter parameters as several values and drops duplicates and empty ones', () => {
    const q = readListQuery({ zoek: ' ceremonie ', categorie: ['taal', 'onthaalbeleid', 'taal', ''], doelgroep: 'inburgeraars', gemeente: ['13025'], pagina: '2' })
    assert.deepEqual(q, { text: 'ceremonie', categories: ['taal', 'onthaalbeleid'], targetGroups: ['inburgeraars'], municipalities: ['13025'], page: 2, allMunicipalities: false })
  })

  test('cuts a search text longer than 200 characters instead of refusing it, and removes control characters', () => {
    assert.equal(readListQuery({ zoek: 'a'.repeat(5000) }).text.length, MAX_SEARCH_LENGTH)
    assert.equal(readListQuery({ zoek: 'cere\u0002monie\u0003' }).text, 'cere monie')
    assert.equal([...readListQuery({ zoek: '😀'.repeat(300) }).text].length, MAX_SEARCH_LENGTH, 'cut by character, not by UTF-16 unit')
  })

  test('turns a missing, negative, fractional or absurd page number into a usable one', () => {
    for (const pagina of [undefined, '', '0', '-3', '1.5', 'abc', ['x', '2']]) assert.equal(readListQuery({ pagina }).page, 1, String(pagina))
    assert.equal(readListQuery({ pagina: '999999' }).page, 10_000)
  })

  test('links keep every filter, repeat parameters for several values and leave out page 1', () => {
    const q = { text: 'inburger', categories: ['taal', 'onthaalbeleid'], targetGroups: ['inburgeraars'], municipalities: ['13025'], page: 3, allMunicipalities: false }
    assert.equal(listHref(q), '/praktijken?zoek=inburger&categorie=taal&categorie=onthaalbeleid&doelgroep=inburgeraars&gemeente=13025&pagina=3')
    assert.equal(listHref(withoutValue(q, 'categories', 'taal')), '/praktijken?zoek=inburger&categorie=onthaalbeleid&doelgroep=inburgeraars&gemeente=13025')
    assert.equal(listHref(withoutFilters(q)), '/praktijken?zoek=inburger')
    assert.equal(listHref(readListQuery({})), '/praktijken')
  })
})
