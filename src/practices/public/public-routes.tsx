// The public side of the practice database: the list with search and filters, a practice's page,
// and a municipality's page. Anyone may read; only published practices are shown.
import type { FastifyInstance } from 'fastify'
import { findMunicipalityByNis } from '../../municipalities/municipalities-queries.ts'
import { NotFound } from '../../platform/errors.ts'
import { sendPage } from '../../platform/views/render.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { findMunicipalityRefs, findPracticeBySlug, listCategories, listPracticesOfMunicipality, listTargetGroups, searchPractices, type MunicipalityRef } from '../practices-queries.ts'
import type { FacetCount } from '../catalog.ts'
import type { FacetOption } from './list-filters.tsx'
import { readListQuery, type ListQuery } from './list-query.ts'
import { MunicipalityPracticesPage } from './municipality-page.tsx'
import { PracticePage } from './practice-page.tsx'
import { PracticeListPage } from './public-pages.tsx'

const NIS_CODE = /^\d{5}$/

export function practicePublicRoutes(app: FastifyInstance, services: Services): void {
  const { db, dialect } = services.database
  const absoluteUrl = (path: string) => new URL(path, services.config.baseUrl).toString()

  app.get('/praktijken', async (request, reply) => {
    const raw = readListQuery(request.query)
    const [categories, targetGroups, chosenMunicipalities] = await Promise.all([listCategories(db), listTargetGroups(db), findMunicipalityRefs(db, raw.municipalities)])
    // Unknown values are dropped here, so they neither empty the result nor stick in links.
    const query: ListQuery = {
      ...raw,
      categories: raw.categories.filter((slug) => categories.some((c) => c.slug === slug)),
      targetGroups: raw.targetGroups.filter((slug) => targetGroups.some((g) => g.slug === slug)),
      municipalities: chosenMunicipalities.map((m) => m.nisCode),
    }
    const result = await searchPractices(db, dialect, query)
    const ctx = await pageContext(services, request, reply)
    const facets = {
      categories: options(result.facets.categories, query.categories),
      targetGroups: options(result.facets.targetGroups, query.targetGroups),
      municipalities: municipalityOptions(result.facets.municipalities, chosenMunicipalities),
    }
    return sendPage(reply, <PracticeListPage ctx={ctx} query={query} items={result.items} total={result.total} facets={facets} />)
  })

  app.get<{ Params: { slug: string } }>('/praktijken/:slug', async (request, reply) => {
    const practice = await findPracticeBySlug(db, request.params.slug, { publishedOnly: true })
    if (!practice) throw new NotFound('practice')
    const ctx = await pageContext(services, request, reply)
    const user = request.user
    // Municipality staff get a link to their own entry (to complete it, or to add their municipality).
    const isMunicipalityStaff = user?.municipalityId && (user.role === 'staff' || user.role === 'municipality_admin')
    const staff = isMunicipalityStaff && ctx.municipality ? { name: ctx.municipality.name, hasEntry: practice.entries.some((e) => e.municipalityId === user.municipalityId) } : null
    return sendPage(reply, <PracticePage ctx={ctx} practice={practice} absoluteUrl={absoluteUrl} staff={staff} />)
  })

  app.get<{ Params: { nis: string } }>('/praktijken/gemeente/:nis', async (request, reply) => {
    const { nis } = request.params
    const municipality = NIS_CODE.test(nis) ? await findMunicipalityByNis(db, nis) : null
    if (!municipality) throw new NotFound('municipality')
    const practices = await listPracticesOfMunicipality(db, municipality.id)
    const ctx = await pageContext(services, request, reply)
    const items = practices.map((p) => ({ slug: p.slug, title: p.title, summary: p.summary, isDemo: p.isDemo, blurb: p.entries.find((e) => e.municipalityId === municipality.id)?.blurb ?? null }))
    return sendPage(reply, <MunicipalityPracticesPage ctx={ctx} municipality={{ name: municipality.name, nisCode: municipality.nisCode }} practices={items} />)
  })
}

function options(facets: FacetCount[], chosen: string[]): FacetOption[] {
  return facets.map((f) => ({ value: f.value, label: f.label, count: f.count, checked: chosen.includes(f.value) }))
}

/** A chosen municipality without results still shows, ticked. */
function municipalityOptions(facets: FacetCount[], chosen: MunicipalityRef[]): FacetOption[] {
  const counted = options(facets, chosen.map((c) => c.nisCode))
  const missing = chosen.filter((c) => !facets.some((f) => f.value === c.nisCode)).map((c) => ({ value: c.nisCode, label: c.name, count: 0, checked: true }))
  return missing.length ? [...counted, ...missing].sort((a, b) => a.label.localeCompare(b.label, 'nl')) : counted
}
