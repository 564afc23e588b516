// `npm test`: every *.test.ts(x) under src/ and test/, through node's test runner.
// (On Node 20, `node --test dir/` finds no .ts files and exits 0, so we name the files.)
import { spawnSync } from 'node:child_process'
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
// Two at a time on CI's two cores; three was measured as no faster (each file is one busy process).
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } })
process.exit(result.status ?? 1)
