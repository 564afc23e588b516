// Which Chromium to run, and how to start it. Order: CHROMIUM_PATH → a system Chromium/Chrome →
// the Chromium shipped inside @sparticuz/chromium, so `npm install` alone is enough on Linux.
import { constants, accessSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Browser, LaunchOptions } from 'playwright-core'

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium'

export interface ResolvedChromium {
  path: string
  source: ChromiumSource
}

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome']

// Headless as root needs --no-sandbox. The rest stop background traffic: the network is closed
// where we run, and Debian's build otherwise keeps retrying it.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

// Keyed by the configured path, holding the promise so concurrent callers share one lookup (and
// one unpack of the bundled Chromium).
const cache = new Map<string, Promise<ResolvedChromium>>()

export function resolveChromium(configured: string | null): Promise<ResolvedChromium> {
  const key = configured ?? ''
  let found = cache.get(key)
  if (!found) {
    found = findChromium(configured)
    cache.set(key, found)
    // A failed lookup (say, an unpack that ran out of disk) may succeed later: do not keep it.
    found.catch(() => cache.delete(key))
  }
  return found
}

async function findChromium(configured: string | null): Promise<ResolvedChromium> {
  if (configured) {
    if (!isExecutable(configured)) {
      throw new Error(`CHROMIUM_PATH is set to "${configured}", but no executable file exists there`)
    }
    return { path: configured, source: 'CHROMIUM_PATH' }
  }
  const system = findSystemChromium()
  if (system) return { path: system, source: 'system' }
  return { path: await unpackBundledChromium(), source: '@sparticuz/chromium' }
}

function findSystemChromium(): string | null {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'chromium'))
  return [...SYSTEM_PATHS, ...onPath].find(isExecutable) ?? null
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

// @sparticuz/chromium unpacks its binary to <tmpdir>/chromium (about 190 MB, 2 s) and afterwards
// reuses whatever file is there: one another process is still writing, one an interrupted unpack
// left half-written, or an older version. So our processes unpack one at a time under a lock
// file, and a marker holding the package version records an unpack that finished.
async function unpackBundledChromium(): Promise<string> {
  const { default: bundled } = await import('@sparticuz/chromium')
  const version = bundledVersion()
  const marker = join(tmpdir(), 'chromium.welkom-unpacked')
  return withLockFile(join(tmpdir(), 'chromium.welkom-lock'), async () => {
    if (readOrNull(marker) !== version) rmSync(join(tmpdir(), 'chromium'), { force: true })
    const path = await bundled.executablePath()
    writeFileSync(marker, version)
    return path
  })
}

function bundledVersion(): string {
  // The package exports no package.json; it sits two levels above the entry point.
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium')
  const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', '..', 'package.json'), 'utf8')) as { version: string }
  return pkg.version
}

async function withLockFile<T>(file: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if (!holderAlive(file)) {
        rmSync(file, { force: true })
        continue
      }
      if (Date.now() > deadline) throw new Error(`Waited 2 minutes for ${file}: delete it if no process is unpacking Chromium`)
      await sleep(200)
    }
  }
  try {
    return await work()
  } finally {
    rmSync(file, { force: true })
  }
}

/** Whether the process named in a lock file still runs (a crashed holder must not block us). */
function holderAlive(file: string): boolean {
  const text = readOrNull(file)
  // Empty: the holder has created the file and not yet written its pid.
  if (text === '') return true
  const pid = Number(text)
  if (text === null || !Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/**
 * Launches a headless Chromium. `options` is for browser tests that need more (extra `args` are
 * appended, e.g. a fake camera); PDFs need none.
 *
 * The same flags are used whatever the source. @sparticuz/chromium's own `args` are meant for AWS
 * Lambda and include --single-process, with which closing one browser context kills the whole
 * browser (measured here); its binary runs fine without them.
 */
export async function launchChromium(configured: string | null, options: LaunchOptions = {}): Promise<Browser> {
  let chromiumFound = await resolveChromium(configured)
  // A tmp cleaner may have removed the unpacked binary while the process ran: unpack it again.
  if (chromiumFound.source === '@sparticuz/chromium' && !existsSync(chromiumFound.path)) {
    cache.delete(configured ?? '')
    chromiumFound = await resolveChromium(configured)
  }
  // Imported on first launch: playwright-core takes about a second of CPU to load, which every
  // process (and every test file) would otherwise pay without ever printing a PDF.
  const { chromium } = await import('playwright-core')
  return chromium.launch({
    ...options,
    executablePath: chromiumFound.path,
    headless: true,
    args: [...FLAGS, ...(options.args ?? [])],
  })
}
