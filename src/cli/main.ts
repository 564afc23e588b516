// The `welkom` command line: the process around welkom(), which does the work.
import { welkom } from './welkom.ts'

const code = await welkom(process.argv.slice(2))
// Long-running commands (-1) keep the process alive until a signal stops them.
if (code >= 0) process.exit(code)
