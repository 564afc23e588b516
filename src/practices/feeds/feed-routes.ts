// The machine-readable doors to the practice database: /sitemap.xml for search engines and the
// Atom feed for people who follow new and updated practices. Both only ever show published
// practices, and both build every URL from BASE_URL, because they are read outside the site.
import type { FastifyInstance } from 'fastify'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { listPublishedPractices } from '../practices-queries.ts'
import { listParticipatingMunicipalities, listPublishedSlugs } from './feed-queries.ts'
import { buildAtomFeed, buildSitemap, FEED_SIZE, SITEMAP_MAX_URLS, type SitemapUrl } from './feeds.ts'

/** Crawlers and feed readers poll; a few minutes of staleness is fine and spares the database. */
const CACHE = 'public, max-age=300'

export function feedRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database
  const absolute = (path: string) => `${services.config.baseUrl}${path}`

  app.get(paths.sitemap(), async (_request, reply) => {
    // The list page, then every practice, then every municipality page, within the 50,000 URLs
    // one sitemap file may hold (far beyond the expected size of the database).
    const practices = await listPublishedSlugs(db, SITEMAP_MAX_URLS - 1)
    const municipalities = await listParticipatingMunicipalities(db, SITEMAP_MAX_URLS - 1 - practices.length)
    const urls: SitemapUrl[] = [
      { loc: absolute(paths.practices()), lastmod: practices[0]?.updatedAt ?? null },
      ...practices.map((p) => ({ loc: absolute(paths.practice(p.slug)), lastmod: p.updatedAt })),
      ...municipalities.map((m) => ({ loc: absolute(paths.practiceMunicipality(m.nisCode)), lastmod: m.updatedAt })),
    ]
    return reply.type('application/xml; charset=utf-8').header('cache-control', CACHE).send(buildSitemap(urls))
  })

  app.get(paths.practicesFeed(), async (_request, reply) => {
    // The practices are written in Dutch, so the feed is Dutch whatever the reader's settings.
    const { t, locale } = createTranslator('nl')
    const { practices } = await listPublishedPractices(db, { limit: FEED_SIZE, offset: 0 })
    const xml = buildAtomFeed({
      id: absolute(paths.practices()),
      lang: locale,
      title: t('feeds.title'),
      subtitle: t('feeds.subtitle'),
      authorName: t('feeds.author'),
      selfUrl: absolute(paths.practicesFeed()),
      alternateUrl: absolute(paths.practices()),
      emptyUpdated: new Date(),
      entries: practices.map((p) => ({
        // The practice id never changes; an id built on the slug would break if a slug ever did.
        id: `urn:uuid:${p.id}`,
        title: p.title,
        updated: p.updatedAt,
        published: p.publishedAt,
        link: absolute(paths.practice(p.slug)),
        summary: p.summary,
        categories: p.categories.map((c) => c.name),
      })),
    })
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', CACHE).send(xml)
  })
}
