// `npm run bench`: throughput of Welkom pages as a ratio to a bare Fastify hello-world measured in
// the same run on the same machine, so the figure means something on a noisy, shared machine.
// autocannon on loopback only; every run is bounded in time (BENCH_SECONDS, default 5 each, after
// a discarded second of warm-up).
// Then the invitee import of a generated 100,000-row list, as a ratio to bare csv-parse.
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { DEMO_PASSWORD } from '../src/demo/demo-users.ts'
import { paths } from '../src/paths.ts'
import { importBenchLines, importBenchTitle, measureInviteeImport } from './invitee-import.ts'
import type { SearchLatency } from './practice-search.ts'
import { printLines } from './print-lines.ts'
import { BROWSER_ACCEPT_ENCODING, firstVisit, getReplyPages, postReplies, runLoad } from './reply-page.ts'
import { lettersBenchLines, lettersBenchTitle, measureLetters } from './letters.ts'

interface ServersReady {
  baseline: number
  welkom: number
  practices: { dialect: string; generation: { practices: number; municipalities: number; ms: number }; search: SearchLatency; list: SearchLatency }
  replies: { dutch: string[]; arabic: string[] }
}

/** The aims for the reply page. */
const REPLY_GET_RATIO_TARGET = 0.35
const FIRST_VISIT_TARGET_BYTES = 20 * 1024
const REPLY_POST_P99_TARGET_MS = 50

/** The aim for practice search on SQLite. */
const SEARCH_P95_TARGET_MS = 20

const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const WARM_UP_SECONDS = 1

const started = performance.now()
const servers = spawn(process.execPath, ['--import', 'tsx', 'bench/servers.ts'], { stdio: ['ignore', 'pipe', 'inherit'] })
const ports = await new Promise<ServersReady>((resolve, reject) => {
  createInterface({ input: servers.stdout! }).once('line', (line) => resolve(JSON.parse(line)))
  servers.once('exit', (code) => reject(new Error(`bench servers exited with ${code}`)))
})

try {
  const cookie = await signIn(ports.welkom, 'medewerker@mol.example')
  const rows = [
    { name: 'Fastify hello-world (baseline)', result: await load(`http://127.0.0.1:${ports.baseline}/`, {}) },
    { name: 'Welkom signed-in home page', result: await load(`http://127.0.0.1:${ports.welkom}/`, { cookie }) },
    { name: 'Welkom sign-in page (anonymous)', result: await load(`http://127.0.0.1:${ports.welkom}/aanmelden`, {}) },
  ]
  const skipped: string[] = []
  for (const [name, path] of [
    ['practice list page /praktijken', paths.practices()],
    ['practice search page /praktijken?zoek=taal', `${paths.practices()}?zoek=taal`],
  ] as const) {
    const url = `http://127.0.0.1:${ports.welkom}${path}`
    // The practice pages may not exist yet in a tree under construction: say so, measure the rest.
    const status = (await fetch(url, { redirect: 'manual' })).status
    if (status === 200) rows.push({ name, result: await load(url, {}) })
    else skipped.push(`${name}: route not available yet (answered ${status}), row skipped`)
  }
  const welkom = `http://127.0.0.1:${ports.welkom}`
  // Each request opens another person's page, as a wave of letters or messages brings them.
  const pages = async (tokens: string[], headers: Record<string, string>) => {
    await getReplyPages(welkom, tokens, { connections, seconds: WARM_UP_SECONDS, headers })
    return getReplyPages(welkom, tokens, { connections, seconds, headers })
  }
  const gzip = { 'accept-encoding': BROWSER_ACCEPT_ENCODING }
  rows.push({ name: 'reply page /r/<token>, Dutch, gzip as browsers ask', result: await pages(ports.replies.dutch, gzip) })
  rows.push({ name: 'reply page /r/<token>, Arabic, gzip as browsers ask', result: await pages(ports.replies.arabic, gzip) })
  rows.push({ name: 'reply page /r/<token>, Dutch, uncompressed', result: await pages(ports.replies.dutch, {}) })
  printTable(rows)
  for (const line of skipped) console.log(`- ${line}`)
  printSearchTable(ports.practices)
  await printReplyTables(welkom, ports.replies, rows[0]!.result.requests.average)
} finally {
  servers.kill('SIGTERM')
}

// After the servers stop: the import has the machine to itself, as the search timing had.
const importBench = await measureInviteeImport()
console.log(`\n${importBenchTitle(importBench)}\n`)
printLines(importBenchLines(importBench))
const lettersBench = await measureLetters()
console.log(`\n${lettersBenchTitle(lettersBench)}\n`)
printLines(lettersBenchLines(lettersBench))
console.log(`\nwhole bench: ${((performance.now() - started) / 1000).toFixed(1)} s`)

async function signIn(port: number, email: string): Promise<string> {
  const base = `http://127.0.0.1:${port}`
  const form = await fetch(`${base}/aanmelden`)
  const csrfCookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!
  const response = await fetch(`${base}/aanmelden`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, _csrf: token }),
  })
  const session = response.headers.getSetCookie().find((c) => c.startsWith('welkom_session='))
  if (response.status !== 303 || !session) throw new Error(`bench sign-in failed (${response.status})`)
  // Check that the page measured is the real signed-in page, not a redirect.
  const home = await fetch(`${base}/`, { headers: { cookie: session.split(';')[0]! }, redirect: 'manual' })
  if (home.status !== 200) throw new Error(`signed-in home page answered ${home.status}`)
  return session.split(';')[0]!
}

/** Measured after a second of the same load, discarded: the first requests compile code and fill caches. */
async function load(url: string, headers: Record<string, string>, clients = connections): Promise<autocannon.Result> {
  await loadFor(url, headers, clients, WARM_UP_SECONDS)
  return loadFor(url, headers, clients, seconds)
}

function loadFor(url: string, headers: Record<string, string>, clients: number, duration: number): Promise<autocannon.Result> {
  return runLoad({ url, connections: clients, duration, headers }, url)
}

function printTable(rows: { name: string; result: autocannon.Result }[]) {
  const baseline = rows[0]!.result.requests.average
  console.log(`\nautocannon, ${connections} connections, ${seconds} s each, loopback, same run\n`)
  printLines([
    ['measurement', 'req/s', 'p50 ms', 'p99 ms', 'ratio to baseline'],
    ...rows.map(({ name, result }) => [name, result.requests.average.toFixed(0), String(result.latency.p50), String(result.latency.p99), ratio(result.requests.average / baseline)]),
  ])
}

// Three decimals as before; below 0.01 two significant digits, so a slow page does not read 0.000.
function ratio(r: number): string {
  return r > 0 && r < 0.01 ? r.toPrecision(2) : r.toFixed(3)
}

function printSearchTable({ dialect, generation, search, list }: ServersReady['practices']) {
  const ms = (n: number) => n.toFixed(1)
  console.log(`\nsearchPractices in-process on ${dialect}: ${generation.practices} generated practices, ${generation.municipalities} generated municipalities (generated in ${(generation.ms / 1000).toFixed(1)} s)`)
  console.log(`${search.queries} queries round-robin (median ${search.medianTotal} matches), one call at a time\n`)
  printLines([
    ['measurement', 'calls', 'p50 ms', 'p95 ms', 'max ms', `p95 < ${SEARCH_P95_TARGET_MS} ms`],
    [`practice search (${dialect === 'sqlite' ? 'SQLite' : dialect}), p95`, String(search.calls), ms(search.p50), ms(search.p95), ms(search.max), search.p95 < SEARCH_P95_TARGET_MS ? 'yes' : 'no'],
    ['practice list, no search (newest first)', String(list.calls), ms(list.p50), ms(list.p95), ms(list.max), '–'],
  ])
}


async function printReplyTables(welkom: string, tokens: ServersReady['replies'], baseline: number) {
  const at50 = await getReplyPages(welkom, tokens.dutch, { connections: 50, seconds, headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING } })
  const ratioAt50 = at50.requests.average / baseline
  console.log(`\nthe reply page at 50 connections, another person each time, gzip (aim: ratio to the hello-world above ≥ ${REPLY_GET_RATIO_TARGET})\n`)
  printLines([
    ['measurement', 'req/s', 'p50 ms', 'p99 ms', 'ratio to baseline', 'aim met'],
    ['reply page GET, 50 connections', at50.requests.average.toFixed(0), String(at50.latency.p50), String(at50.latency.p99), ratio(ratioAt50), ratioAt50 >= REPLY_GET_RATIO_TARGET ? 'yes' : 'no'],
  ])
  const visits = [await firstVisit(welkom, tokens.dutch[2]!, 'nl'), await firstVisit(welkom, tokens.arabic[2]!, 'ar')]
  console.log(`\nfirst visit of a reply page: HTML as sent gzip-compressed, CSS as gzip would send it, no JavaScript (aim < ${FIRST_VISIT_TARGET_BYTES / 1024} KB)\n`)
  printLines([
    ['language', 'HTML bytes', 'CSS bytes', 'total KB', 'stylesheets', 'aim met'],
    ...visits.map((v) => [v.language, String(v.htmlBytes), String(v.cssBytes), (v.total / 1024).toFixed(1), v.resources.join(' '), v.total < FIRST_VISIT_TARGET_BYTES ? 'yes' : 'no']),
  ])
  const people = [...tokens.dutch.slice(10), ...tokens.arabic.slice(10)]
  // Saving an answer runs many more functions than a page: it takes a full run to warm up.
  await postReplies(welkom, people, { connections: 50, seconds })
  const posts = await postReplies(welkom, people, { connections: 50, seconds })
  console.log(`\nreplies posted by 50 clients at once on SQLite, each for another person (aim: p99 < ${REPLY_POST_P99_TARGET_MS} ms, no error)\n`)
  printLines([
    ['measurement', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'aim met'],
    ['reply POST /r/<token>', posts.requests.average.toFixed(0), String(posts.latency.p50), String(posts.latency.p99), String(posts.errors + posts.non2xx - posts['3xx']), posts.latency.p99 < REPLY_POST_P99_TARGET_MS ? 'yes' : 'no'],
  ])
}
