// The import benchmark: a generated list of 100,000 people (BENCH_IMPORT_ROWS) imported into a
// fresh SQLite edition, timed as a ratio to bare csv-parse streaming the same file in the same
// run, with the import's peak memory. Each measurement runs in a child process (its peak RSS is
// its own); parse and import alternate, twice each, and the faster of each counts, so a noisy
// neighbour on a shared machine weighs less. Runs alone with `node --import tsx bench/invitee-import.ts`.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateInviteeList } from './generate-invitees.ts'
import { printLines } from './print-lines.ts'

/** The aims: at most 5× bare csv-parse, under 300 MB. */
export const IMPORT_RATIO_TARGET = 5
export const IMPORT_PEAK_MB_TARGET = 300

interface Run {
  /** Wall-clock time of the work, start-up excluded */
  ms: number
  /** CPU time of the work (all threads): steadier than wall-clock on a busy machine */
  cpuMs: number
  peakMb: number
}

export interface ImportBench {
  rows: number
  bytes: number
  parse: Run
  import: Run & { imported: number }
}

export async function measureInviteeImport(rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000)): Promise<ImportBench> {
  const dir = mkdtempSync(join(tmpdir(), 'welkom-bench-import-'))
  try {
    const file = join(dir, 'lijst.csv')
    const generated = await generateInviteeList(file, { rows })
    const parses: Run[] = []
    const imports: (Run & { imported: number })[] = []
    for (let round = 0; round < 2; round++) {
      parses.push(await child(['parse', file]))
      const databaseDir = mkdtempSync(join(dir, 'db-'))
      imports.push(await child(['import', file, databaseDir]))
    }
    const fastest = <T extends { ms: number }>(runs: T[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a))
    const imported = fastest(imports)
    return { rows, bytes: generated.bytes, parse: fastest(parses), import: { ...imported, peakMb: Math.max(...imports.map((r) => r.peakMb)) } }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function child<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const measured = spawn(process.execPath, ['--import', 'tsx', 'bench/invitee-import-child.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    measured.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    measured.once('error', reject)
    measured.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as T) : reject(new Error(`bench child ${args[0]} exited with ${code}`))))
  })
}

/** The rows of the benchmark's table: measurement, time, ratio to bare csv-parse, peak RSS, aim met. */
export function importBenchLines(bench: ImportBench): string[][] {
  const ratio = bench.import.ms / bench.parse.ms
  const seconds = (ms: number) => (ms / 1000).toFixed(2)
  return [
    ['measurement', 'seconds', 'ratio to csv-parse', 'CPU seconds', 'CPU ratio', 'peak RSS MB', 'aim met'],
    [`bare csv-parse, streaming the file (baseline)`, seconds(bench.parse.ms), '1.00', seconds(bench.parse.cpuMs), '1.00', bench.parse.peakMb.toFixed(0), '–'],
    [
      `import into a fresh SQLite edition (read, normalise, reconcile, write)`,
      seconds(bench.import.ms),
      ratio.toFixed(2),
      seconds(bench.import.cpuMs),
      (bench.import.cpuMs / bench.parse.cpuMs).toFixed(2),
      bench.import.peakMb.toFixed(0),
      ratio <= IMPORT_RATIO_TARGET && bench.import.peakMb < IMPORT_PEAK_MB_TARGET ? 'yes' : 'no',
    ],
  ]
}

export function importBenchTitle(bench: ImportBench): string {
  return `invitee import: ${bench.rows.toLocaleString('en')} generated people, ${(bench.bytes / 1024 / 1024).toFixed(1)} MB CSV, faster of two runs each, same run (aim: at most ${IMPORT_RATIO_TARGET}× csv-parse, peak RSS under ${IMPORT_PEAK_MB_TARGET} MB)`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bench = await measureInviteeImport()
  console.log(`\n${importBenchTitle(bench)}\n`)
  printLines(importBenchLines(bench))
}
