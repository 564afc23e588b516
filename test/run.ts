// `npm test`: every *.test.ts(x) under src/ and test/, through node's test runner, in two
// processes (test/run-group.ts).
// (On Node 20, `node --test dir/` finds no .ts files and exits 0, so we name the files.)
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(path)
    return /\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

const filter = process.argv[2]
// Browser tests first: they are the longest, and two files run at a time, so a long file that
// started last would finish alone with the other core idle (alphabetically, test/e2e came last).
const isBrowserTest = (file: string) => /\.e2e\.test\.tsx?$|(^|[/\\])e2e[/\\]/.test(file)
const files = [...findTests('src'), ...findTests('test')]
  .filter((f) => !filter || f.includes(filter))
  .sort((a, b) => Number(isBrowserTest(b)) - Number(isBrowserTest(a)) || (a < b ? -1 : a > b ? 1 : 0))
if (files.length === 0) {
  console.error('No test files found')
  process.exit(1)
}
const dialect = /^postgres/.test(process.env.DATABASE_URL ?? '') ? 'PostgreSQL' : 'SQLite'
console.log(`Running ${files.length} test files on ${dialect}`)

// Two processes on CI's two cores, each running its share of the files in one process (see
// test/run-group.ts): the files alternate between them, so both get browser tests and others.
const groups: string[][] = [[], []]
files.forEach((file, i) => groups[Math.floor(i / 2) % 2 === 0 ? i % 2 : 1 - (i % 2)]!.push(file))
const env = { ...process.env, NODE_ENV: 'test' }
const run = (group: string[], output: 'inherit' | 'pipe') =>
  new Promise<{ code: number; text: string }>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test-reporter=tap', 'test/run-group.ts', ...group], { stdio: ['ignore', output, output], env })
    let text = ''
    child.stdout?.on('data', (chunk) => (text += chunk))
    child.stderr?.on('data', (chunk) => (text += chunk))
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 1 : 0), text }))
  })
// The first group writes as it goes; the second's report follows when it is done.
const [first, second] = await Promise.all([run(groups[0]!, 'inherit'), run(groups[1]!, 'pipe')])
process.stdout.write(second.text)
const failed = first.code !== 0 || second.code !== 0
console.log(`\n${files.length} test files on ${dialect} in two processes: ${failed ? 'FAILED' : 'passed'} (exit codes ${first.code} and ${second.code})`)
process.exit(failed ? 1 : 0)
