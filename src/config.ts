// One validated configuration, read once at start-up. Every problem names the variable.
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export type Mode = 'development' | 'production' | 'test'

export interface Config {
  mode: Mode
  /** Demo data and demo sign-in hints; never in production. */
  demo: boolean
  databaseUrl: string
  port: number
  host: string
  baseUrl: string
  dataDir: string
  smtpUrl: string | null
  mailFrom: string
  /** Signs cookies (CSRF secret, flash). */
  sessionSecret: string
  /** Keys hashes of identifiers we must never store in clear (national register numbers). */
  hashKey: string
  /** Encrypts secrets at rest (second-factor keys). At least 32 characters; hashed into an AES key. */
  encryptionKey: string
  /** Run the job worker inside the web process. */
  inProcessWorker: boolean
  /** Behind a reverse proxy: trust X-Forwarded-* (needed for client IPs in rate limits). */
  trustProxy: boolean
  chromiumPath: string | null
  logLevel: string
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`)
  }
}

type Env = Record<string, string | undefined>

/** The secrets, with the variable that holds each and how to generate one. */
export const SECRETS = [
  { key: 'sessionSecret', variable: 'SESSION_SECRET', bytes: 32 },
  { key: 'hashKey', variable: 'HASH_KEY', bytes: 32 },
  { key: 'encryptionKey', variable: 'ENCRYPTION_KEY', bytes: 32 },
] as const

export function loadConfig(env: Env = process.env): Config {
  const mode = parseMode(env.NODE_ENV)
  const dataDir = resolve(env.DATA_DIR || 'data')
  const port = parsePort(env.PORT)
  const baseUrl = parseBaseUrl(env.BASE_URL, port)
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL, dataDir)
  const smtpUrl = parseSmtpUrl(env.SMTP_URL)
  const mailFrom = env.MAIL_FROM || 'Welkom <welkom@localhost>'
  if (!/@/.test(mailFrom)) throw new ConfigError('MAIL_FROM', 'must be an e-mail address, e.g. "Welkom <welkom@gemeente.be>"')
  if (mode === 'production' && !env.SMTP_URL) throw new ConfigError('SMTP_URL', 'is required in production (smtp://user:pass@host:587)')
  const secrets = loadSecrets(env, mode, dataDir)
  const demo = parseBoolean(env.DEMO, 'DEMO', mode !== 'production')
  if (demo && mode === 'production') throw new ConfigError('DEMO', 'cannot be on in production')
  return {
    mode,
    demo,
    databaseUrl,
    port,
    host: env.HOST || (mode === 'production' ? '0.0.0.0' : '127.0.0.1'),
    baseUrl,
    dataDir,
    smtpUrl,
    mailFrom,
    ...secrets,
    inProcessWorker: parseBoolean(env.WORKER_IN_PROCESS, 'WORKER_IN_PROCESS', true),
    trustProxy: parseBoolean(env.TRUST_PROXY, 'TRUST_PROXY', false),
    chromiumPath: env.CHROMIUM_PATH || null,
    logLevel: env.LOG_LEVEL || (mode === 'test' ? 'silent' : 'info'),
  }
}

function parseMode(value: string | undefined): Mode {
  if (!value || value === 'development') return 'development'
  if (value === 'production' || value === 'test') return value
  throw new ConfigError('NODE_ENV', `must be development, production or test (got "${value}")`)
}

function parsePort(value: string | undefined): number {
  if (!value) return 3000
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('PORT', `must be a port number 0–65535 (got "${value}")`)
  return port
}

function parseBaseUrl(value: string | undefined, port: number): string {
  const url = value || `http://localhost:${port}`
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ConfigError('BASE_URL', `must be an absolute URL such as https://welkom.gemeente.be (got "${url}")`)
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) throw new ConfigError('BASE_URL', 'must start with http:// or https://')
  return url.replace(/\/+$/, '')
}

function parseDatabaseUrl(value: string | undefined, dataDir: string): string {
  if (!value) return `sqlite:${join(dataDir, 'welkom.db')}`
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value)
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid postgres:// URL')
    }
    return value
  }
  if (value.startsWith('sqlite:')) return value
  throw new ConfigError('DATABASE_URL', 'must start with postgres://, postgresql:// or sqlite: (e.g. sqlite:data/welkom.db)')
}

function parseSmtpUrl(value: string | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error()
  } catch {
    throw new ConfigError('SMTP_URL', 'must look like smtp://user:password@host:587 or smtps://host:465')
  }
  return value
}

function parseBoolean(value: string | undefined, variable: string, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false
  throw new ConfigError(variable, `must be true or false (got "${value}")`)
}

type Secrets = Pick<Config, (typeof SECRETS)[number]['key']>

/**
 * Production must be given every secret. Elsewhere a missing secret is generated once and kept in
 * DATA_DIR/secrets.json (mode 0600), so sessions survive a restart.
 */
function loadSecrets(env: Env, mode: Mode, dataDir: string): Secrets {
  const file = join(dataDir, 'secrets.json')
  let stored: Record<string, string> | null = null
  const result: Partial<Secrets> = {}
  for (const { key, variable, bytes } of SECRETS) {
    const given = env[variable]
    if (given) {
      if (given.length < 32) throw new ConfigError(variable, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)')
      result[key] = given
      continue
    }
    if (mode === 'production') throw new ConfigError(variable, 'is required in production; generate one with `openssl rand -hex 32`')
    stored ??= readStoredSecrets(file)
    stored[variable] ??= randomBytes(bytes).toString('hex')
    result[key] = stored[variable]
  }
  if (stored) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 })
    chmodSync(file, 0o600)
  }
  return result as Secrets
}

function readStoredSecrets(file: string): Record<string, string> {
  if (!existsSync(file)) return {}
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    throw new ConfigError('DATA_DIR', `holds an unreadable ${file}; remove it to generate new secrets`)
  }
}
