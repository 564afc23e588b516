// The newcomer's reply page under load: people on the demo's Mol edition with invitations, the
// GET of a reply page as a ratio to the hello-world, what a first visit transfers (HTML and CSS,
// compressed, as a phone on a slow network receives them) in Dutch and Arabic, and replies posted
// by 50 clients at once on SQLite.
import autocannon from 'autocannon'
import { gzipSync } from 'node:zlib'
import type { Config } from '../src/config.ts'
import { ensureInvitations, invitationKeys } from '../src/invitations/invitations-queries.ts'
import { insertPeople } from '../src/invitees/households/people-test-support.ts'
import type { AnyDb } from '../src/platform/db/transaction.ts'
import { paths } from '../src/paths.ts'

/** Opens the Mol demo edition for replies and invites `people` generated people; returns their reply tokens. */
export async function prepareReplyBench(db: AnyDb, config: Config, people: number): Promise<{ dutch: string[]; arabic: string[] }> {
  const edition = await db
    .selectFrom('editions')
    .innerJoin('municipalities', 'municipalities.id', 'editions.municipality_id')
    .select('editions.id')
    .where('municipalities.nis_code', '=', '13025')
    .executeTakeFirstOrThrow()
  await db.updateTable('editions').set({ status: 'invitations_open' }).where('id', '=', edition.id).execute()
  const rows = Array.from({ length: people }, (_, i) => ({
    first_name: i % 2 ? 'Amal' : 'Ioana',
    last_name: `Bench ${i}`,
    street: 'Molenstraat',
    house_number: String(1 + (i % 300)),
    postcode: '2400',
    city: 'Mol',
    language: i % 2 ? 'ar' : 'nl',
  }))
  const ids = await insertPeople(db, edition.id, rows)
  await ensureInvitations(db, config, edition.id, new Date())
  const invitations = await db.selectFrom('invitations').select(['invitee_id', 'token_sealed', 'code_sealed']).where('edition_id', '=', edition.id).execute()
  const language = new Map(ids.map((id, i) => [id, rows[i]!.language]))
  const tokens = { dutch: [] as string[], arabic: [] as string[] }
  for (const row of invitations) (language.get(row.invitee_id) === 'ar' ? tokens.arabic : tokens.dutch).push(invitationKeys(config, row).token)
  return tokens
}

export interface FirstVisit {
  language: string
  htmlBytes: number
  cssBytes: number
  /** HTML and stylesheets, each gzip-compressed as a server or proxy sends them. */
  total: number
  resources: string[]
}

/**
 * Fetches the page as a browser does (taking gzip) and every stylesheet it links. The HTML counts
 * as sent; a stylesheet, which the app serves as a file, as gzip would send it (a proxy, or a
 * server with compression).
 */
export async function firstVisit(base: string, token: string, language: string): Promise<FirstVisit> {
  const response = await fetch(`${base}${paths.reply(token)}`, { headers: { 'accept-language': language, 'accept-encoding': 'gzip' } })
  const html = await response.text()
  const sent = response.headers.get('content-encoding') === 'gzip' ? Number(response.headers.get('content-length')) : NaN
  const sheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!)
  let cssBytes = 0
  for (const href of sheets) cssBytes += gzipSync(await (await fetch(new URL(href, base))).text()).length
  const htmlBytes = Number.isFinite(sent) ? sent : gzipSync(html).length
  return { language, htmlBytes, cssBytes, total: htmlBytes + cssBytes, resources: sheets }
}

/** What a browser sends besides the address; "gzip" only when the row measures compressed pages. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br'

/**
 * One autocannon run that fails unless every answer is one of those expected: a 2xx, or for a
 * posted answer a 303 to the thank-you page.
 */
export function runLoad(options: autocannon.Options, what: string, accepts: '2xx' | '3xx' = '2xx'): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => {
      const refused = accepts === '2xx' ? result?.non2xx : result && result.non2xx - result['3xx']
      if (error) reject(error)
      else if (refused > 0 || result.errors > 0) reject(new Error(`${what}: ${refused} unexpected answers, ${result.errors} errors`))
      else resolve(result)
    })
  })
}

/** Reply pages loaded by `connections` clients, each request for the next person in `tokens`. */
export function getReplyPages(base: string, tokens: string[], options: { connections: number; seconds: number; headers: Record<string, string> }): Promise<autocannon.Result> {
  let n = 0
  const request = { setupRequest: (r: autocannon.Request) => ({ ...r, path: paths.reply(tokens[n++ % tokens.length]!) }) }
  return runLoad({ url: base, connections: options.connections, duration: options.seconds, headers: options.headers, requests: [request] }, 'reply pages')
}

/**
 * Replies posted by `connections` clients at once: each request answers for another person, and
 * answers alternate so that most posts change something and are written.
 */
export function postReplies(base: string, tokens: string[], options: { connections: number; seconds: number }): Promise<autocannon.Result> {
  // No CSRF token or cookie: a post to a person's own address needs none (see the hook in app.ts).
  let n = 0
  const request = {
    method: 'POST' as const,
    setupRequest: (r: autocannon.Request) => {
      const i = n++
      const body = new URLSearchParams({ attending: i % 3 === 0 ? 'no' : 'yes', adults: String(i % 2), children: '0' })
      return { ...r, path: paths.reply(tokens[i % tokens.length]!), headers: { ...r.headers, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() }
    },
  }
  return runLoad({ url: base, connections: options.connections, duration: options.seconds, requests: [request] }, 'reply posts', '3xx')
}
