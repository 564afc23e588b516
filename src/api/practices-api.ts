// The public read API of the practice database: practices are public records, so these routes
// take no token. They are registered by api-routes.ts in their own encapsulated plugin under
// /api/v1, beside (not inside) the bearer-protected one, and count requests per address instead.
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { NotFound } from '../platform/errors.ts'
import { limitRate } from '../platform/http/rate-limit.ts'
import { paths } from '../paths.ts'
import { PAGE_SIZE, type Practice } from '../practices/practices.ts'
import { findPracticeBySlug, searchPractices } from '../practices/practices-queries.ts'
import type { Services } from '../services.ts'

/** Generous for an integration that pages through everything, low enough to stop a scraper loop. */
export const PUBLIC_API_LIMIT = { max: 600, windowMs: 15 * 60_000 }
export const publicApiRateKey = (ip: string) => `api-public:ip:${ip}`

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const errorRef = (description: string) => ({ $ref: 'ApiError#', description })
const errors = {
  429: errorRef('Too many requests from this address; see the Retry-After header.'),
  500: errorRef('Server error.'),
}
// An empty list overrides any document-wide requirement: these operations need no credentials.
const open = { security: [] }

const FILTER_MAX = 20
const SlugList = (description: string) => Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: FILTER_MAX, description }))
const PracticeQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words to search for (Dutch full-text search). Without it, the newest practices come first.' })),
  category: SlugList('Category slug, e.g. onthaalbeleid. Repeat the parameter for several: a practice matches any of them.'),
  targetGroup: SlugList('Target group slug, e.g. inburgeraars. Repeat for several (any of them).'),
  municipality: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{5}$' }), { maxItems: FILTER_MAX, description: 'Five-digit NIS code of a municipality taking part. Repeat for several (any of them).' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1, description: `Page number; ${PAGE_SIZE} practices per page.` })),
})

const Term = Type.Object({ slug: Type.String(), name: Type.String() })
const Timestamp = Type.String({ format: 'date-time' })
const Url = Type.String({ format: 'uri' })

const PracticeSummary = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  categories: Type.Array(Term),
  municipalities: Type.Array(Type.String(), { description: 'Names of the municipalities that do this practice.' }),
  isDemo: Type.Boolean({ description: 'True for demonstration content (demo installations only).' }),
  updatedAt: Timestamp,
  url: Url,
})
const PracticePage = Type.Object(
  { items: Type.Array(PracticeSummary), total: Type.Integer({ description: 'Matching practices in all pages.' }), page: Type.Integer(), pageSize: Type.Integer() },
  { description: 'One page of published practices: by relevance when searching, newest first otherwise.' },
)

const Entry = Type.Object({
  municipality: Type.Object({ name: Type.String(), nisCode: Type.String({ description: 'The five-digit NIS code.' }), url: Url }),
  blurb: Nullable(Type.String({ description: 'What the municipality does, in its own words.' })),
  since: Nullable(Type.String({ description: 'Since when or how often, as free text.' })),
  contactName: Nullable(Type.String()),
  contactEmail: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  website: Nullable(Type.String()),
  updatedAt: Timestamp,
})
const PracticeDetail = Type.Object(
  {
    id: Type.String({ description: 'Never changes, unlike the slug.' }),
    slug: Type.String(),
    url: Url,
    title: Type.String(),
    summary: Type.String(),
    categories: Type.Array(Term),
    targetGroups: Type.Array(Term),
    goals: Type.Array(Type.String()),
    targetGroup: Type.String({ description: 'The target group described in words.' }),
    description: Type.String(),
    partners: Nullable(Type.String()),
    resources: Type.Array(Type.Object({ label: Type.String(), url: Nullable(Type.String()) })),
    successFactors: Nullable(Type.String()),
    challenges: Nullable(Type.String()),
    image: Nullable(Type.Object({ url: Url, alt: Type.String(), credit: Nullable(Type.String()) })),
    isDemo: Type.Boolean(),
    version: Type.Integer({ description: 'The published version number.' }),
    publishedAt: Nullable(Timestamp),
    updatedAt: Timestamp,
    entries: Type.Array(Entry, { description: 'Every municipality that does this practice, by name.' }),
  },
  { description: 'A published practice with every field of its page.' },
)
const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) })

export function practicesApiRoutes(api: FastifyInstance, services: Services): void {
  const { db, dialect } = services.database
  const absolute = (path: string) => `${services.config.baseUrl}${path}`

  api.addHook('onRequest', async (request) => {
    await limitRate(db, publicApiRateKey(request.ip), PUBLIC_API_LIMIT)
  })

  api.get<{ Querystring: Static<typeof PracticeQuery> }>(
    '/practices',
    {
      schema: {
        ...open,
        tags: ['practices'],
        summary: 'Search the published practices (public, no token)',
        querystring: PracticeQuery,
        response: { 200: PracticePage, 400: errorRef('A query parameter is invalid; details says which.'), ...errors },
      },
    },
    async (request): Promise<Static<typeof PracticePage>> => {
      // Ajv fills the default page; the fallbacks only satisfy the type.
      const { q = '', category = [], targetGroup = [], municipality = [], page = 1 } = request.query
      // Unknown categories or NIS codes match nothing, so asking only for those gives an empty page.
      const result = await searchPractices(db, dialect, { text: q, categories: category, targetGroups: targetGroup, municipalities: municipality, page })
      const items = result.items.map((p) => ({
        slug: p.slug,
        title: p.title,
        summary: p.summary,
        categories: p.categories,
        municipalities: p.municipalityNames,
        isDemo: p.isDemo,
        updatedAt: p.updatedAt.toISOString(),
        url: absolute(paths.practice(p.slug)),
      }))
      return { items, total: result.total, page, pageSize: PAGE_SIZE }
    },
  )

  api.get<{ Params: Static<typeof SlugParams> }>(
    '/practices/:slug',
    {
      schema: {
        ...open,
        tags: ['practices'],
        summary: 'One published practice with every municipality that does it (public, no token)',
        params: SlugParams,
        response: { 200: PracticeDetail, 404: errorRef('No published practice has this slug.'), ...errors },
      },
    },
    async (request): Promise<Static<typeof PracticeDetail>> => {
      const practice = await findPracticeBySlug(db, request.params.slug, { publishedOnly: true })
      if (!practice) throw new NotFound('practice')
      return toDetail(practice, absolute)
    },
  )
}

function toDetail(p: Practice, absolute: (path: string) => string): Static<typeof PracticeDetail> {
  return {
    id: p.id,
    slug: p.slug,
    url: absolute(paths.practice(p.slug)),
    title: p.title,
    summary: p.summary,
    categories: p.categories,
    targetGroups: p.targetGroups,
    goals: p.goals,
    targetGroup: p.targetGroup,
    description: p.description,
    partners: p.partners,
    resources: p.resources,
    successFactors: p.successFactors,
    challenges: p.challenges,
    image: p.image ? { url: absolute(paths.practiceImage(p.image.id)), alt: p.image.alt, credit: p.image.credit } : null,
    isDemo: p.isDemo,
    version: p.version,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    updatedAt: p.updatedAt.toISOString(),
    entries: p.entries.map((e) => ({
      municipality: { name: e.municipalityName, nisCode: e.nisCode, url: absolute(paths.practiceMunicipality(e.nisCode)) },
      blurb: e.blurb,
      since: e.since,
      contactName: e.contactName,
      contactEmail: e.contactEmail,
      contactPhone: e.contactPhone,
      website: e.website,
      updatedAt: e.updatedAt.toISOString(),
    })),
  }
}
