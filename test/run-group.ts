// Runs several test files in this one process, one after another: `npm test` (test/run.ts) starts
// two of these instead of one process per file. Starting a process that loads the app through tsx
// costs about 3 s of CPU, which was over a third of the suite when every file had its own.
// Files share the process, so a test file keeps its hooks inside a describe block and leaves no
// global state behind (none changes process.env or mocks a module).
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

for (const file of process.argv.slice(2)) {
  try {
    await import(pathToFileURL(resolve(file)).href)
  } catch (error) {
    // A file that cannot even load fails the run; the other files still run.
    console.error(`not ok - ${file} could not be loaded:`, error)
    process.exitCode = 1
  }
}
