import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ATOM_NS, buildAtomFeed, buildSitemap, SITEMAP_NS, type AtomEntry } from './feeds.ts'
import { el, escapeXml, renderXml } from './xml.ts'
import { child, childrenNamed, parseXml } from './xml-parse.test-helper.ts'

const XSS = '<img src=x onerror=alert(1)>'
const TRICKY = `Koffie & "praat" ${XSS} bij 't gemeentehuis`

describe('XML writing', () => {
  test('the five special characters are escaped in text and attributes, and characters XML forbids are dropped', () => {
    assert.equal(escapeXml(`a & b < c > d " e ' f`), 'a &amp; b &lt; c &gt; d &quot; e &apos; f')
    assert.equal(escapeXml('tab\tnew\nline\u0001\u0008\u001F\uFFFE'), 'tab\tnew\nline')
    assert.equal(escapeXml('lone \uD800 surrogate, pair \uD83D\uDE00 kept'), 'lone  surrogate, pair \uD83D\uDE00 kept')
    const doc = parseXml(renderXml(el('root', { title: TRICKY }, el('text', {}, TRICKY), el('empty', { skipped: undefined }), null)))
    assert.equal(doc.attrs.title, TRICKY, 'the attribute reads back as the original text')
    assert.equal(child(doc, 'text').text, TRICKY, 'the text reads back as the original text')
    assert.deepEqual(child(doc, 'empty').attrs, {}, 'undefined attributes are left out')
  })

  test('the test reader refuses documents that are not well-formed', () => {
    for (const bad of ['<a>x & y</a>', '<a><b></a></b>', '<a>', '<a b="<"/>', '<a/><b/>', '<a b="1" b="2"/>', '<a>\u0001</a>', 'text<a/>']) assert.throws(() => parseXml(bad), bad)
    assert.equal(parseXml('<a>&#60;&#x3E;&amp;</a>').text, '<>&')
  })
})

describe('the sitemap', () => {
  test('lists each URL with its lastmod as a W3C date in the sitemaps.org namespace, escaping every URL', () => {
    const xml = buildSitemap([
      { loc: 'https://welkom.be/praktijken', lastmod: new Date('2026-11-26T10:00:00.123Z') },
      { loc: "https://welkom.be/praktijken/o'neil%26co?a=1&b=<2>", lastmod: null },
    ])
    const urlset = parseXml(xml)
    assert.equal(urlset.name, 'urlset')
    assert.equal(urlset.attrs.xmlns, SITEMAP_NS)
    const urls = childrenNamed(urlset, 'url')
    assert.deepEqual(urls.map((u) => child(u, 'loc').text), ['https://welkom.be/praktijken', "https://welkom.be/praktijken/o'neil%26co?a=1&b=<2>"])
    assert.equal(child(urls[0]!, 'lastmod').text, '2026-11-26T10:00:00Z')
    assert.deepEqual(childrenNamed(urls[1]!, 'lastmod'), [], 'no lastmod when unknown')
    assert.ok(xml.includes('o&apos;neil%26co?a=1&amp;b=&lt;2&gt;'))
  })
})

describe('the Atom feed', () => {
  const entry = (overrides: Partial<AtomEntry>): AtomEntry => ({
    id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    title: 'Taalcafé',
    updated: new Date('2026-11-01T09:00:00Z'),
    published: new Date('2026-10-01T09:00:00Z'),
    link: 'https://welkom.be/praktijken/taalcafe',
    summary: 'Nederlands oefenen.',
    categories: ['Taal en Nederlands oefenen'],
    ...overrides,
  })
  const feed = (entries: AtomEntry[]) =>
    buildAtomFeed({
      id: 'https://welkom.be/praktijken',
      lang: 'nl',
      title: 'Praktijken',
      subtitle: 'Nieuw en bijgewerkt',
      authorName: 'Welkom – praktijkendatabank',
      selfUrl: 'https://welkom.be/praktijken/feed.xml',
      alternateUrl: 'https://welkom.be/praktijken',
      emptyUpdated: new Date('2026-01-01T00:00:00Z'),
      entries,
    })

  test('lists entries newest first, dates the feed by its newest entry, and carries the required RFC 4287 elements', () => {
    const older = entry({ id: 'urn:uuid:00000000-0000-4000-8000-000000000001', updated: new Date('2026-11-01T09:00:00Z') })
    const newer = entry({ id: 'urn:uuid:00000000-0000-4000-8000-000000000002', updated: new Date('2026-11-20T09:00:00.500Z'), published: null })
    const doc = parseXml(feed([older, newer]))
    assert.equal(doc.name, 'feed')
    assert.equal(doc.attrs.xmlns, ATOM_NS)
    assert.equal(doc.attrs['xml:lang'], 'nl')
    assert.equal(child(doc, 'id').text, 'https://welkom.be/praktijken')
    assert.equal(child(doc, 'updated').text, '2026-11-20T09:00:00Z')
    assert.equal(child(child(doc, 'author'), 'name').text, 'Welkom – praktijkendatabank')
    const links = childrenNamed(doc, 'link').map((l) => l.attrs)
    assert.deepEqual(links, [
      { rel: 'self', type: 'application/atom+xml', href: 'https://welkom.be/praktijken/feed.xml' },
      { rel: 'alternate', type: 'text/html', href: 'https://welkom.be/praktijken' },
    ])
    const entries = childrenNamed(doc, 'entry')
    assert.deepEqual(entries.map((e) => child(e, 'id').text), [newer.id, older.id])
    const first = entries[0]!
    for (const name of ['id', 'title', 'updated', 'link', 'author', 'summary', 'category']) assert.equal(childrenNamed(first, name).length, 1, name)
    assert.deepEqual(childrenNamed(first, 'published'), [], 'no published date when unknown')
    assert.equal(child(entries[1]!, 'published').text, '2026-10-01T09:00:00Z')
    assert.deepEqual(child(first, 'category').attrs, { term: 'Taal en Nederlands oefenen' })
  })

  test('markup in a title, summary or category is escaped text, never markup', () => {
    const xml = feed([entry({ title: TRICKY, summary: `${XSS} & more`, categories: [TRICKY] })])
    assert.ok(!xml.includes(XSS), 'the raw tag never appears')
    const first = child(parseXml(xml), 'entry')
    assert.equal(child(first, 'title').text, TRICKY)
    assert.equal(child(first, 'summary').text, `${XSS} & more`)
    assert.equal(child(first, 'category').attrs.term, TRICKY)
    assert.equal(child(first, 'title').children.length, 0, 'no element was injected')
  })

  test('a feed without entries is still valid and dated by the fallback', () => {
    const doc = parseXml(feed([]))
    assert.equal(child(doc, 'updated').text, '2026-01-01T00:00:00Z')
    assert.deepEqual(childrenNamed(doc, 'entry'), [])
  })
})
