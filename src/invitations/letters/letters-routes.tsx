// The letters of an edition: the page with the counts, and the batch as one PDF.
//
// Downloading the batch marks its letters printed, so it is a POST (with its CSRF token) that
// answers with the PDF itself, not a redirect: the browser saves the file and stays on the page.
// A POST that stores the PDF and a GET that serves it would keep personal data on the server
// between two requests for no gain. The PDF is rendered into a private temporary file first, so
// a failure shows an error page and marks nothing; the file is deleted once sent.
import type { FastifyInstance } from 'fastify'
import { createReadStream } from 'node:fs'
import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { can } from '../../accounts/accounts.ts'
import { requireEdition, requireEditionTakingPeople } from '../../editions/edition-access.ts'
import { brusselsDate } from '../../platform/calendar.ts'
import { NotFound } from '../../platform/errors.ts'
import { setFlash } from '../../platform/http/flash.ts'
import { text } from '../../platform/http/forms.ts'
import { sendPage } from '../../platform/views/render.ts'
import { paths } from '../../paths.ts'
import type { Services } from '../../services.ts'
import { pageContext } from '../../shell/page-context.ts'
import { printLetters, type PrintOutcome } from './letter-batch.ts'
import { letterCounts, lettersFilename } from './letters.ts'
import { findLetterWindow } from '../../municipalities/municipalities-queries.ts'
import { listLetterPeople } from './letters-queries.ts'
import { LettersPage } from './letters-page.tsx'
import type { PdfSink } from './pdf-join.ts'

type Params = { Params: { id: string } }

export function letterRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database

  app.get<Params>('/edities/:id/brieven', async (request, reply) => {
    const { user, scope, edition } = await requireEdition(db, request, request.params.id)
    // The window of the municipality that prints: its own envelopes.
    const window = await findLetterWindow(db, scope.municipalityId)
    if (!window) throw new NotFound('municipality')
    const counts = letterCounts(await listLetterPeople(db, scope, edition.id))
    const ctx = await pageContext(services, request, reply)
    return sendPage(reply, <LettersPage ctx={ctx} edition={edition} counts={counts} window={window} canChangeWindow={can.manageMunicipality(user)} />)
  })

  app.post<Params>('/edities/:id/brieven.pdf', async (request, reply) => {
    const { user, scope, edition } = await requireEditionTakingPeople(db, request, request.params.id)
    const onlyUnsent = text(request.body, 'onlyUnsent') === 'yes'
    const printRequest = { scope, edition, onlyUnsent, actor: user, via: 'web' as const, now: new Date() }
    const { file, outcome, remove } = await printToTemporaryFile((sink) => printLetters({ db, pdf: services.pdf, config: services.config }, printRequest, sink))
    if (outcome.letters === 0) {
      await remove()
      setFlash(reply, { kind: 'info', message: 'letters.flash.nothingToPrint' })
      return reply.redirect(paths.editionLetters(edition.id), 303)
    }
    const stream = createReadStream(file)
    // Also when the browser goes away halfway: the stream is destroyed and closes.
    stream.once('close', () => void remove())
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${lettersFilename(brusselsDate(edition.startsAt))}"`)
      .header('cache-control', 'private, no-store')
      .send(stream)
  })
}

/** Prints into a file only this process's user can read, in a directory of its own; `remove` deletes both. */
async function printToTemporaryFile(print: (sink: PdfSink) => Promise<PrintOutcome>): Promise<{ file: string; outcome: PrintOutcome; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'welkom-letters-'))
  const file = join(dir, 'letters.pdf')
  const remove = () => rm(dir, { recursive: true, force: true })
  try {
    const handle = await open(file, 'w', 0o600)
    try {
      const outcome = await print(async (bytes) => void (await handle.write(bytes)))
      return { file, outcome, remove }
    } finally {
      await handle.close()
    }
  } catch (error) {
    await remove()
    throw error
  }
}
