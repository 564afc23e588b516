import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { bestFirst, queryCatalog, type Catalog, type CatalogPractice } from './catalog.ts'

// Four practices, newest first: a (taal; Mol), b (taal, wonen; Geel), c (wonen; Mol, Geel), d (sport; none).
const vocabulary = {
  categories: [
    { value: 'taal', label: 'Taal' },
    { value: 'wonen', label: 'Wonen' },
    { value: 'sport', label: 'Sport' },
  ],
  targetGroups: [
    { value: 'ouders', label: 'Ouders' },
    { value: 'jongeren', label: 'Jongeren' },
  ],
  municipalities: [
    { value: '11016', label: 'Geel' },
    { value: '13025', label: 'Mol' },
  ],
}
const practice = (id: string, categories: number[], targetGroups: number[], municipalities: number[]): CatalogPractice => ({
  id,
  slug: id,
  title: id,
  summary: '',
  updatedAt: new Date(0),
  isDemo: false,
  categories,
  targetGroups,
  municipalities,
})
const practices = [practice('a', [0], [0], [1]), practice('b', [0, 1], [1], [0]), practice('c', [1], [0], [0, 1]), practice('d', [2], [], [])]
const catalog: Catalog = { practices, positionOf: new Map(practices.map((p, i) => [p.id, i])), ...vocabulary }
const none = { categories: [], targetGroups: [], municipalities: [], page: 1 }
const ids = (result: ReturnType<typeof queryCatalog>) => result.page.map((p) => p.id)
const counts = (facets: { value: string; count: number }[]) => Object.fromEntries(facets.map((f) => [f.value, f.count]))

describe('the practice catalog', () => {
  test('without a search: every practice, newest first, with counts per value', () => {
    const result = queryCatalog(catalog, none, null, 20)
    assert.deepEqual(ids(result), ['a', 'b', 'c', 'd'])
    assert.equal(result.total, 4)
    assert.deepEqual(counts(result.facets.categories), { taal: 2, wonen: 2, sport: 1 })
    assert.deepEqual(counts(result.facets.targetGroups), { ouders: 2, jongeren: 1 })
    assert.deepEqual(result.facets.municipalities, [
      { value: '11016', label: 'Geel', count: 2 },
      { value: '13025', label: 'Mol', count: 2 },
    ])
  })

  test('values of one filter are alternatives, filters all apply, and each count leaves its own filter out', () => {
    const result = queryCatalog(catalog, { ...none, categories: ['taal', 'sport'], municipalities: ['13025'] }, null, 20)
    assert.deepEqual(ids(result), ['a'])
    // Categories counted within Mol: a (taal) and c (wonen).
    assert.deepEqual(counts(result.facets.categories), { taal: 1, wonen: 1, sport: 0 })
    // Municipalities counted within taal or sport: a (Mol), b (Geel); d has none.
    assert.deepEqual(counts(result.facets.municipalities), { '11016': 1, '13025': 1 })
    assert.deepEqual(counts(result.facets.targetGroups), { ouders: 1, jongeren: 0 })
  })

  test('a search keeps the matching practices, best rank first and newest first among equals; others count nothing', () => {
    const result = queryCatalog(catalog, none, new Map([['c', 2], ['b', 1], ['d', 2], ['unknown', 9]]), 20)
    assert.deepEqual(ids(result), ['c', 'd', 'b'])
    assert.deepEqual(counts(result.facets.categories), { taal: 1, wonen: 2, sport: 1 })
    assert.equal(queryCatalog(catalog, none, new Map(), 20).total, 0, 'no match, no results')
  })

  test('pages cut the ordered results; a page past the end is empty but keeps the total', () => {
    assert.deepEqual(ids(queryCatalog(catalog, { ...none, page: 2 }, null, 3)), ['d'])
    const past = queryCatalog(catalog, { ...none, page: 5 }, null, 3)
    assert.deepEqual(ids(past), [])
    assert.equal(past.total, 4)
  })

  test('unknown filter values match nothing and break nothing', () => {
    const result = queryCatalog(catalog, { ...none, categories: ['no-such-category'] }, null, 20)
    assert.equal(result.total, 0)
    assert.deepEqual(counts(result.facets.categories), { taal: 2, wonen: 2, sport: 1 })
  })

  test('the first k by rank are those a full sort gives, ties in position order, for any k', () => {
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (const size of [0, 1, 50, 1000]) {
      const rank = Float64Array.from({ length: size }, () => Math.floor(random() * 20) / 4)
      const positions = [...Array(size).keys()].filter(() => random() < 0.7)
      const sorted = positions.slice().sort((a, b) => rank[b]! - rank[a]! || a - b)
      for (const k of [1, 5, 20, 100, size]) assert.deepEqual(bestFirst(positions, rank, k), sorted.slice(0, k), `size ${size}, k ${k}`)
    }
  })
})
