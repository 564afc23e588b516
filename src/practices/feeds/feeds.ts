// The sitemap (sitemaps.org 0.9) and the Atom feed (RFC 4287) of the practice database, as pure
// functions of plain data: the routes load the data, these decide the documents.
import { el, renderXml, w3cDate } from './xml.ts'

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
export const ATOM_NS = 'http://www.w3.org/2005/Atom'
/** How many practices the feed lists: enough for a reader who checks weekly, small enough to fetch often. */
export const FEED_SIZE = 50
/** The protocol's limit per file; beyond it a sitemap index would be needed. */
export const SITEMAP_MAX_URLS = 50_000

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string
  lastmod: Date | null
}

export function buildSitemap(urls: SitemapUrl[]): string {
  return renderXml(
    el(
      'urlset',
      { xmlns: SITEMAP_NS },
      ...urls.slice(0, SITEMAP_MAX_URLS).map((u) => el('url', {}, el('loc', {}, u.loc), u.lastmod ? el('lastmod', {}, w3cDate(u.lastmod)) : null)),
    ),
  )
}

export interface AtomEntry {
  /** A URI that never changes for this practice, even when its title or slug does. */
  id: string
  title: string
  updated: Date
  published: Date | null
  /** Absolute URL of the practice page. */
  link: string
  summary: string
  categories: string[]
}

export interface AtomFeed {
  id: string
  lang: string
  title: string
  subtitle: string
  authorName: string
  /** Absolute URL of the feed itself. */
  selfUrl: string
  /** Absolute URL of the HTML page the feed mirrors. */
  alternateUrl: string
  /** Used only when there are no entries; otherwise the newest entry's date. */
  emptyUpdated: Date
  entries: AtomEntry[]
}

/** The feed lists its entries newest first, whatever order they come in. */
export function buildAtomFeed(feed: AtomFeed): string {
  const entries = [...feed.entries].sort((a, b) => b.updated.getTime() - a.updated.getTime())
  const updated = entries[0]?.updated ?? feed.emptyUpdated
  const author = el('author', {}, el('name', {}, feed.authorName))
  return renderXml(
    el(
      'feed',
      { xmlns: ATOM_NS, 'xml:lang': feed.lang },
      el('id', {}, feed.id),
      el('title', { type: 'text' }, feed.title),
      el('subtitle', { type: 'text' }, feed.subtitle),
      el('updated', {}, w3cDate(updated)),
      el('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }),
      el('link', { rel: 'alternate', type: 'text/html', href: feed.alternateUrl }),
      author,
      ...entries.map((e) =>
        el(
          'entry',
          {},
          el('id', {}, e.id),
          el('title', { type: 'text' }, e.title),
          el('updated', {}, w3cDate(e.updated)),
          e.published ? el('published', {}, w3cDate(e.published)) : null,
          el('link', { rel: 'alternate', type: 'text/html', href: e.link }),
          author,
          el('summary', { type: 'text' }, e.summary),
          ...e.categories.map((term) => el('category', { term })),
        ),
      ),
    ),
  )
}
