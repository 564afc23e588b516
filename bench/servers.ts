// The servers under test, in their own process so the load generator does not share their core:
// a bare Fastify hello-world (the baseline) and Welkom on a fresh SQLite database with demo data.
import Fastify from 'fastify'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { seedDemo } from '../src/demo/demo-data.ts'
import { closeServices, createServices, migrate } from '../src/runtime.ts'

const baseline = Fastify()
baseline.get('/', async () => 'Hello, world')
await baseline.listen({ port: 0, host: '127.0.0.1' })

const dataDir = mkdtempSync(join(tmpdir(), 'welkom-bench-'))
const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'warn', PORT: '0', DEMO: 'true' })
const services = await createServices({ ...config, logLevel: 'warn' })
await migrate(services)
await seedDemo(services.database.db)
const app = await buildApp(services)
await app.listen({ port: 0, host: '127.0.0.1' })

const port = (instance: { server: import('node:net').Server }) => (instance.server.address() as { port: number }).port
process.stdout.write(JSON.stringify({ baseline: port(baseline), welkom: port(app) }) + '\n')

process.on('SIGTERM', async () => {
  await app.close()
  await baseline.close()
  await closeServices(services)
  process.exit(0)
})
