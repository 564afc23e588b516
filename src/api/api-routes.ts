// The JSON API under /api/v1: for a municipality's own systems (bearer token) and, public, the
// practice database (practices-api.ts). Every route declares its request and response schemas:
// Fastify validates the input and serializes the output with them (so a column that is not in a
// schema can never leak), and @fastify/swagger turns the same schemas into the OpenAPI document
// at /api/openapi.json.
import swagger from '@fastify/swagger'
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { ROLES, type Role } from '../accounts/accounts.ts'
import { listStaff } from '../accounts/accounts-queries.ts'
import { listAuditEvents, recordAudit } from '../audit/audit-queries.ts'
import { findMunicipality } from '../municipalities/municipalities-queries.ts'
import { NotFound } from '../platform/errors.ts'
import { paths } from '../paths.ts'
import type { Services } from '../services.ts'
import { apiScopeOf, registerBearerAuth } from './bearer.ts'
import { editionsApiRoutes } from './editions-api.ts'
import { practicesApiRoutes } from './practices-api.ts'

export const API_PREFIX = '/api/v1'

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** Every error the API returns has this shape; shared, so the document lists it once. */
const ApiError = Type.Object(
  {
    error: Type.String({ description: 'A stable code: unauthorized, not_found, invalid_request, too_many_requests, …' }),
    details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    errorId: Type.Optional(Type.String({ description: 'Quote this id when reporting a server error.' })),
  },
  { $id: 'ApiError', title: 'ApiError' },
)
const errorRef = (description: string) => ({ $ref: 'ApiError#', description })
const errors = {
  401: errorRef('No token, an unknown token or a revoked token. The response has a WWW-Authenticate header.'),
  429: errorRef('Too many failed attempts from this address; see the Retry-After header.'),
  500: errorRef('Server error.'),
}
const notFound = { 404: errorRef('Not found.') }

const Municipality = Type.Object({
  id: Type.String(),
  nisCode: Type.String({ description: 'The five-digit NIS code.' }),
  name: Type.String(),
  themeColor: Type.String({ description: 'Hex colour, e.g. #1d4f91.' }),
  contactEmail: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  website: Nullable(Type.String()),
  retentionDays: Type.Integer({ description: 'How many days personal data is kept after an event.' }),
}, { description: 'The municipality.' })

const StaffMember = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String({ description: 'Work address.' }),
  role: Type.Unsafe<Role>({ type: 'string', enum: [...ROLES] }),
  active: Type.Boolean({ description: 'False when the account is disabled.' }),
})
const StaffList = Type.Object({ items: Type.Array(StaffMember) }, { description: 'Every staff account of the municipality, by name.' })

const AUDIT_PAGE = { default: 50, max: 200 }
const AuditQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: AUDIT_PAGE.max, default: AUDIT_PAGE.default, description: 'Events per page.' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0, description: 'Events to skip.' })),
})
const AuditEvent = Type.Object({
  id: Type.String(),
  occurredAt: Type.String({ format: 'date-time' }),
  action: Type.String({ description: 'A dotted verb, e.g. account.signed_in.' }),
  actorUserId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  recordType: Nullable(Type.String()),
  recordId: Nullable(Type.String()),
  details: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: 'Ids, counts and field names; never personal data.' })),
})
const AuditPage = Type.Object(
  { items: Type.Array(AuditEvent), total: Type.Integer({ description: 'Events in the whole log.' }), limit: Type.Integer(), offset: Type.Integer() },
  { description: 'One page of the audit log.' },
)

const secured = { security: [{ bearer: [] }] }

export async function apiRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database

  // Nothing here is awaited: awaiting a register() makes avvio load the queue at once, which binds
  // every route declared so far to whatever error handler is set at that moment; not awaiting keeps
  // this module independent of where app.ts sets the error pages. Plugins still load in order, so swagger's onRoute hook is in place before the /api/v1
  // plugin declares its routes, and it sees none of the HTML routes declared before it; the
  // transform hides anything outside /api/v1 in case that order ever changes.
  void app.register(swagger, {
    openapi: {
      info: {
        title: 'Welkom API',
        version: '1',
        description:
          'For a municipality’s own systems: authenticate with `Authorization: Bearer <token>`; admins create tokens under Beheer → API-sleutels. Editions can be listed and created; the rest is read-only. The practice database (tag practices) is public and needs no token.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    hideUntagged: true,
    transform: ({ schema, url }) => ({ schema: url.startsWith(`${API_PREFIX}/`) ? schema : { ...schema, hide: true }, url }),
    // Name shared schemas by their $id in components.schemas instead of def-0, def-1, ….
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  })

  app.get(paths.openapi(), { schema: { hide: true } }, async () => app.swagger())

  // Shared by both /api/v1 plugins below, so it is added where both can see it.
  app.addSchema(ApiError)

  // The practice database is public: its routes get their own plugin under the same prefix, a
  // sibling of the bearer-protected one below, so encapsulation keeps the bearer hook away from
  // them. Making the hook skip them by URL instead would put an exemption list in front of every
  // protected route, one typo away from opening one; this way a route added to the plugin below
  // is always protected, and one added here is always public.
  void app.register(async (publicApi) => practicesApiRoutes(publicApi, services), { prefix: API_PREFIX })

  void app.register(
    async (api) => {
      registerBearerAuth(api, db)
      editionsApiRoutes(api, services)

      api.get(
        '/municipality',
        { schema: { ...secured, tags: ['municipality'], summary: 'The municipality the token belongs to', response: { 200: Municipality, ...errors, ...notFound } } },
        async (request): Promise<Static<typeof Municipality>> => {
          const scope = apiScopeOf(request)
          const m = await findMunicipality(db, scope.municipalityId)
          if (!m) throw new NotFound('municipality')
          return { id: m.id, nisCode: m.nisCode, name: m.name, themeColor: m.themeColor, contactEmail: m.contactEmail, contactPhone: m.contactPhone, website: m.website, retentionDays: m.retentionDays }
        },
      )

      api.get(
        '/staff',
        { schema: { ...secured, tags: ['staff'], summary: 'The municipality’s staff accounts (audited as api.staff_listed)', response: { 200: StaffList, ...errors } } },
        async (request): Promise<Static<typeof StaffList>> => {
          const scope = apiScopeOf(request)
          const rows = await listStaff(db, scope)
          // Listing people is a view of personal data: audited with the count, never the names.
          await recordAudit(db, { municipalityId: scope.municipalityId, actor: null, action: 'api.staff_listed', record: { type: 'api_token', id: scope.tokenId }, details: { count: rows.length } })
          return { items: rows.map((r) => ({ id: r.id, name: r.name, email: r.email, role: r.role, active: r.disabled_at === null })) }
        },
      )

      api.get<{ Querystring: Static<typeof AuditQuery> }>(
        '/audit',
        {
          schema: {
            ...secured,
            tags: ['audit'],
            summary: 'The municipality’s audit log, newest first (audited as api.audit_listed)',
            querystring: AuditQuery,
            response: { 200: AuditPage, 400: errorRef('A query parameter is out of range; details says which.'), ...errors },
          },
        },
        async (request): Promise<Static<typeof AuditPage>> => {
          const scope = apiScopeOf(request)
          // Ajv fills the defaults; the fallbacks only satisfy the type.
          const { limit = AUDIT_PAGE.default, offset = 0 } = request.query
          const { events, total } = await listAuditEvents(db, { municipalityId: scope.municipalityId, limit, offset })
          // The log names staff members (actors), so reading it is itself recorded.
          await recordAudit(db, { municipalityId: scope.municipalityId, actor: null, action: 'api.audit_listed', record: { type: 'api_token', id: scope.tokenId }, details: { count: events.length, offset } })
          const items = events.map((e) => ({
            id: e.id,
            occurredAt: e.occurred_at.toISOString(),
            action: e.action,
            actorUserId: e.actor_user_id,
            actorName: e.actor_name,
            recordType: e.record_type,
            recordId: e.record_id,
            details: e.details_json,
          }))
          return { items, total, limit, offset }
        },
      )
    },
    { prefix: API_PREFIX },
  )
}
