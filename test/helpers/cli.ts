// The `welkom` command for tests: in-process through welkom() (a process start spends seconds
// loading the app), or as the real binary where the process itself is what a test is about.
import { spawn } from 'node:child_process'
import { welkom } from '../../src/cli/welkom.ts'

export interface CliRun {
  /** The exit status (what the process would exit with). */
  code: number | null
  stdout: string
  stderr: string
  /** Standard output as the one JSON document `--json` prints. */
  json(): any // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * `welkom …` in this process, with the given environment instead of process.env. `welkom import`
 * writes its progress straight to process.stderr, so that stream is captured while the command
 * runs, and reports no terminal, as when the binary's standard error is a pipe.
 */
export async function runWelkom(env: Record<string, string | undefined>, ...args: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const stream = process.stderr
  const write = stream.write
  const isTTY = Object.getOwnPropertyDescriptor(stream, 'isTTY')
  stream.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  }) as typeof stream.write
  Object.defineProperty(stream, 'isTTY', { value: false, configurable: true, writable: true })
  let code: number
  try {
    code = await welkom(args, { env, stdout: (line) => void (stdout += `${line}\n`), stderr: (line) => void (stderr += `${line}\n`) })
  } finally {
    stream.write = write
    if (isTTY) Object.defineProperty(stream, 'isTTY', isTTY)
    else delete (stream as { isTTY?: boolean }).isTTY
  }
  return { code, stdout, stderr, json: () => JSON.parse(stdout) }
}

/** `bin/welkom.js …` as a child process, without blocking this one (so slow ones can overlap). */
export function runWelkomProcess(env: Record<string, string | undefined>, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/welkom.js', ...args], { env })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (data: string) => void (stdout += data))
    child.stderr.setEncoding('utf8').on('data', (data: string) => void (stderr += data))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) }))
  })
}
