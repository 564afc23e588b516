// The servers under test, in their own process so the load generator does not share their core:
// a bare Fastify hello-world (the baseline) and Welkom on a fresh SQLite database with demo data
// and generated practices, and a thousand invited people on the Mol edition for the reply page. Before serving, it times practice search in-process (nothing else runs
// then) and reports that with the ports on its one line of stdout.
import Fastify from 'fastify'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { seedDemo } from '../src/demo/demo-data.ts'
import { closeServices, createServices, migrate } from '../src/runtime.ts'
import { generatePractices } from './generate-practices.ts'
import { measurePracticeSearch, practiceQueries } from './practice-search.ts'
import { prepareReplyBench } from './reply-page.ts'

const practices = Number(process.env.BENCH_PRACTICES ?? 5000)
const municipalities = Number(process.env.BENCH_MUNICIPALITIES ?? 300)
const searchCalls = Number(process.env.BENCH_SEARCH_CALLS ?? 500)
// Bounds the in-process search timing whatever the machine: the figures then rest on fewer calls.
const searchSeconds = Number(process.env.BENCH_SEARCH_SECONDS ?? 20)

const baseline = Fastify()
baseline.get('/', async () => 'Hello, world')
await baseline.listen({ port: 0, host: '127.0.0.1' })

const dataDir = mkdtempSync(join(tmpdir(), 'welkom-bench-'))
const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'warn', PORT: '0', DEMO: 'true' })
const services = await createServices({ ...config, logLevel: 'warn' })
await migrate(services)
await seedDemo(services.database.db)
const { db, dialect } = services.database
const generated = await generatePractices(db, { practices, municipalities })
const search = await measurePracticeSearch(db, dialect, practiceQueries(generated.municipalityNames), { calls: searchCalls, maxMs: searchSeconds * 1000 })
// The list without a search (newest first) is what /praktijken shows first.
const list = await measurePracticeSearch(db, dialect, [''], { calls: Math.ceil(searchCalls / 10), maxMs: (searchSeconds * 1000) / 4 })
const replies = await prepareReplyBench(db, services.config, Number(process.env.BENCH_REPLY_PEOPLE ?? 1000))
const app = await buildApp(services)
await app.listen({ port: 0, host: '127.0.0.1' })

const port = (instance: { server: import('node:net').Server }) => (instance.server.address() as { port: number }).port
const { municipalityNames: _, ...generation } = generated
process.stdout.write(JSON.stringify({ baseline: port(baseline), welkom: port(app), practices: { dialect, generation, search, list }, replies }) + '\n')

process.on('SIGTERM', async () => {
  await app.close()
  await baseline.close()
  await closeServices(services)
  rmSync(dataDir, { recursive: true, force: true })
  process.exit(0)
})
