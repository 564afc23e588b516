// `welkom letters --edition ID --out FILE.pdf [--only-unsent] [--json]`: the same letter batch as the
// download on the letters page, for an operator printing at scale. The letters come from the
// edition's own municipality (its letterhead and envelope window), and are marked printed.
import { open, rm } from 'node:fs/promises'
import type { Config } from '../config.ts'
import { findEdition } from '../editions/editions-queries.ts'
import { printLetters } from '../invitations/letters/letter-batch.ts'
import { closeServices, createServices, migrate } from '../runtime.ts'
import { stringFlag, UsageError, type Args } from './args.ts'
import type { Output } from './commands.ts'

const USAGE = 'usage: welkom letters --edition ID --out FILE.pdf [--only-unsent] [--json]'

export async function runLetters(config: Config, args: Args, out: Output): Promise<void> {
  const editionId = stringFlag(args, 'edition', false)
  const file = stringFlag(args, 'out', false)
  if (!editionId || !file) throw new UsageError(USAGE)
  const onlyUnsent = args.flags['only-unsent'] === true
  const services = await createServices(config)
  try {
    const { db } = services.database
    await migrate(services)
    // An operator's command: the edition's own municipality is the scope.
    const owner = await db.selectFrom('editions').select('municipality_id').where('id', '=', editionId).executeTakeFirst()
    const scope = { municipalityId: owner?.municipality_id ?? '' }
    const edition = owner ? await findEdition(db, scope, editionId) : null
    if (!edition) throw new UsageError(`No edition with id ${editionId}`)
    if (edition.purgedAt) throw new UsageError(`The personal data of edition ${editionId} was purged; there is nobody to write to`)
    let handle
    try {
      // Readable by the operator only: the file holds names, addresses and reply codes.
      handle = await open(file, 'w', 0o600)
    } catch {
      throw new UsageError(`Cannot write ${file}`)
    }
    let outcome
    try {
      outcome = await printLetters({ db, pdf: services.pdf, config }, { scope, edition, onlyUnsent, actor: null, via: 'cli', now: new Date() }, async (bytes) => void (await handle.write(bytes)))
    } catch (error) {
      await handle.close()
      await rm(file, { force: true })
      throw error
    }
    await handle.close()
    const summary = { file, letters: outcome.letters, people: outcome.people, pages: outcome.pages, withoutAddress: outcome.withoutAddress, onlyUnsent }
    const skipped = outcome.withoutAddress ? ` ${outcome.withoutAddress} without a street or postcode got none.` : ''
    if (outcome.letters === 0) {
      // An empty file is not a PDF: leave nothing behind.
      await rm(file, { force: true })
      out(`No letters to print${onlyUnsent ? ': every letter was printed already' : ''}.${skipped}`, { ...summary, file: null })
      return
    }
    out(`Wrote ${outcome.letters} letters for ${outcome.people} people (${outcome.pages} pages) to ${file}; they are marked printed.${skipped}`, summary)
  } finally {
    await closeServices(services)
  }
}
