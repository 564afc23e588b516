// The check every feature runs: another municipality's staff get 404 — not 403, so they cannot
// even learn that the record exists — on every route that shows or changes a record.
import assert from 'node:assert/strict'
import type { Client } from './client.ts'

export interface RouteUnderTest {
  method: 'GET' | 'POST'
  url: string
  fields?: Record<string, string | string[]>
}

export async function expectNotFoundForOtherMunicipality(outsider: Client, routes: RouteUnderTest[]): Promise<void> {
  for (const route of routes) {
    const response = route.method === 'GET' ? await outsider.get(route.url) : await outsider.post(route.url, route.fields ?? {})
    assert.equal(response.statusCode, 404, `${route.method} ${route.url} must be 404 for another municipality, got ${response.statusCode}`)
  }
}
