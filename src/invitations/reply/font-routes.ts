// The Ethiopic web font for Tigrinya, served from the installed @fontsource package. newcomer.css
// declares it with a unicode-range, so a browser fetches it only for a page with Ethiopic text
// and only when its system font has no Ethiopic glyphs.
import type { FastifyInstance } from 'fastify'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

const FONTS: Record<string, string> = {
  'noto-sans-ethiopic-400.woff2': 'noto-sans-ethiopic-ethiopic-400-normal.woff2',
  'noto-sans-ethiopic-700.woff2': 'noto-sans-ethiopic-ethiopic-700-normal.woff2',
}

export function fontRoutes(app: FastifyInstance): void {
  const dir = join(dirname(require.resolve('@fontsource/noto-sans-ethiopic/package.json')), 'files')
  for (const [name, file] of Object.entries(FONTS)) {
    // Read once: a font never changes while the process runs.
    let bytes: Buffer | null = null
    app.get(`/static/fonts/${name}`, async (_request, reply) => {
      bytes ??= readFileSync(join(dir, file))
      return reply.header('cache-control', 'public, max-age=604800').type('font/woff2').send(bytes)
    })
  }
}
