// Editions in the bearer API: list the municipality's editions and create a draft edition, with
// the same fields and rules as the command line (edition-commands.ts).
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { createEditionFromCommand, editionSummary } from '../editions/edition-commands.ts'
import { EDITION_STATUSES } from '../editions/editions.ts'
import { findEdition, listEditions } from '../editions/editions-queries.ts'
import { NotFound } from '../platform/errors.ts'
import { createTranslator } from '../platform/i18n/i18n.ts'
import { INVITEE_LANGUAGES } from '../platform/i18n/languages.ts'
import type { Services } from '../services.ts'
import { apiScopeOf } from './bearer.ts'

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])
const DATE = { pattern: '^\\d{4}-\\d{2}-\\d{2}$' }

const Edition = Type.Object({
  id: Type.String(),
  name: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  status: Type.Unsafe<string>({ type: 'string', enum: [...EDITION_STATUSES] }),
  capacity: Type.Integer(),
  periodFrom: Type.String({ ...DATE, description: 'First day of the certificate period honoured.' }),
  periodTo: Type.String({ ...DATE, description: 'Last day of the certificate period.' }),
  replyBy: Nullable(Type.String(DATE)),
  venueName: Nullable(Type.String()),
  organisers: Type.Array(Type.String(), { description: 'NIS codes of every organising municipality.' }),
})
const EditionList = Type.Object({ items: Type.Array(Edition) }, { description: 'The editions the municipality organises, latest first.' })

const NewEdition = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  startsAt: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$', description: 'Date and time in Brussels, YYYY-MM-DDTHH:MM.' }),
  periodFrom: Type.String(DATE),
  periodTo: Type.String(DATE),
  capacity: Type.Integer({ minimum: 1, maximum: 100_000 }),
  with: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{5}$' }), { maxItems: 10, description: 'NIS codes of co-organising municipalities.' })),
  venueName: Type.Optional(Type.String({ maxLength: 200 })),
  venueAddress: Type.Optional(Type.String({ maxLength: 200 })),
  replyBy: Type.Optional(Type.String(DATE)),
  guestsPerInvitee: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
  languages: Type.Optional(Type.Array(Type.Unsafe<string>({ type: 'string', enum: [...INVITEE_LANGUAGES] }), { maxItems: INVITEE_LANGUAGES.length })),
  retentionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
})
const Created = Type.Object({ id: Type.String() }, { description: 'The new draft edition, with the municipality’s playbook.' })
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) })

const secured = { security: [{ bearer: [] }] }
const error = (description: string) => ({ $ref: 'ApiError#', description })
const errors = { 401: error('No token, an unknown token or a revoked token.'), 429: error('Too many failed attempts.'), 500: error('Server error.') }

export function editionsApiRoutes(api: FastifyInstance, services: Services): void {
  const { db } = services.database
  const { t } = createTranslator('en')

  api.get('/editions', { schema: { ...secured, tags: ['editions'], summary: 'The editions the municipality organises', response: { 200: EditionList, ...errors } } }, async (request): Promise<Static<typeof EditionList>> => {
    return { items: (await listEditions(db, apiScopeOf(request))).map(editionSummary) }
  })

  api.get<{ Params: Static<typeof IdParams> }>(
    '/editions/:id',
    { schema: { ...secured, tags: ['editions'], summary: 'One edition the municipality organises', params: IdParams, response: { 200: Edition, 404: error('No such edition, or another municipality’s.'), ...errors } } },
    async (request): Promise<Static<typeof Edition>> => {
      const edition = await findEdition(db, apiScopeOf(request), request.params.id)
      if (!edition) throw new NotFound('edition')
      return editionSummary(edition)
    },
  )

  api.post<{ Body: Static<typeof NewEdition> }>(
    '/editions',
    {
      schema: {
        ...secured,
        tags: ['editions'],
        summary: 'Create a draft edition with the municipality’s playbook (the same rules as the form)',
        body: NewEdition,
        response: { 201: Created, 400: error('The body breaks a rule: a date in the past, a period ending before it starts, …; details says which field.'), ...errors },
      },
    },
    async (request, reply) => {
      const scope = apiScopeOf(request)
      const outcome = await createEditionFromCommand(db, scope, request.body, new Date())
      if (!outcome.ok) return reply.code(400).send({ error: 'invalid_request', details: outcome.errors.map((e) => ({ path: `/${e.field}`, message: t(e.message, e.values) })) })
      return reply.code(201).send({ id: outcome.id })
    },
  )
}
