import assert from 'node:assert/strict'
import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { ConfigError, loadConfig } from './config.ts'

const dataDir = () => mkdtempSync(join(tmpdir(), 'welkom-config-'))
const secrets = { SESSION_SECRET: 'a'.repeat(64), HASH_KEY: 'b'.repeat(64), ENCRYPTION_KEY: 'c'.repeat(64) }

test('defaults: SQLite under data/, port 3000, file outbox, demo mode in development', () => {
  const dir = dataDir()
  const config = loadConfig({ DATA_DIR: dir })
  assert.equal(config.databaseUrl, `sqlite:${join(dir, 'welkom.db')}`)
  assert.equal(config.port, 3000)
  assert.equal(config.baseUrl, 'http://localhost:3000')
  assert.equal(config.smtpUrl, null)
  assert.equal(config.demo, true)
  assert.equal(config.inProcessWorker, true)
})

test('in development missing secrets are generated once, kept with mode 0600 and reused', () => {
  const dir = dataDir()
  const first = loadConfig({ DATA_DIR: dir })
  const second = loadConfig({ DATA_DIR: dir })
  assert.equal(first.sessionSecret, second.sessionSecret)
  assert.equal(first.hashKey.length, 64)
  assert.equal(statSync(join(dir, 'secrets.json')).mode & 0o777, 0o600)
})

test('in production a missing secret stops start-up naming the variable', () => {
  const env = { NODE_ENV: 'production', DATA_DIR: dataDir(), SMTP_URL: 'smtp://mail.example:587', ...secrets }
  assert.equal(loadConfig(env).demo, false)
  for (const variable of ['SESSION_SECRET', 'HASH_KEY', 'ENCRYPTION_KEY']) {
    const without = { ...env, [variable]: undefined }
    assert.throws(() => loadConfig(without), (e: Error) => e instanceof ConfigError && e.message.includes(variable))
  }
  assert.throws(() => loadConfig({ ...env, SMTP_URL: undefined }), /SMTP_URL/)
  assert.throws(() => loadConfig({ ...env, DEMO: 'true' }), /DEMO/)
})

test('wrong values are refused with the variable and the value named', () => {
  const base = { DATA_DIR: dataDir() }
  assert.throws(() => loadConfig({ ...base, PORT: 'abc' }), /PORT must be a port number.*"abc"/)
  assert.throws(() => loadConfig({ ...base, BASE_URL: 'welkom.gemeente.be' }), /BASE_URL/)
  assert.throws(() => loadConfig({ ...base, DATABASE_URL: 'mysql://x' }), /DATABASE_URL/)
  assert.throws(() => loadConfig({ ...base, SMTP_URL: 'mail.example' }), /SMTP_URL/)
  assert.throws(() => loadConfig({ ...base, MAIL_FROM: 'welkom' }), /MAIL_FROM/)
  assert.throws(() => loadConfig({ ...base, NODE_ENV: 'staging' }), /NODE_ENV/)
  assert.throws(() => loadConfig({ ...base, WORKER_IN_PROCESS: 'maybe' }), /WORKER_IN_PROCESS/)
  assert.throws(() => loadConfig({ ...base, SESSION_SECRET: 'short' }), /SESSION_SECRET must be at least 32/)
})

test('a PostgreSQL URL and SMTP settings are taken as given', () => {
  const config = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://welkom@db:5432/welkom', SMTP_URL: 'smtps://u:p@mail.example:465', PORT: '8080', BASE_URL: 'https://welkom.mol.be/' })
  assert.equal(config.databaseUrl, 'postgres://welkom@db:5432/welkom')
  assert.equal(config.smtpUrl, 'smtps://u:p@mail.example:465')
  assert.equal(config.port, 8080)
  assert.equal(config.baseUrl, 'https://welkom.mol.be')
})
