// Bundles the small progressive-enhancement scripts under src/client/ into public/js/.
// Runs after `npm install`; pages work without these scripts.
import { build } from 'esbuild'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const dir = 'src/client'
const entryPoints = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f))

await build({
  entryPoints,
  outdir: 'public/js',
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2019'],
  logLevel: 'warning',
})
