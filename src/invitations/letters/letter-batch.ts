// Printing a batch of letters: the invitable people get their invitation, the letters are chosen
// and sorted, rendered by Chromium a part at a time and joined into one PDF as they come (memory
// stays flat however large the batch), and only then marked printed and audited, in one
// transaction. The web route and `welkom letters` both print through here.
import type { Scope } from '../../accounts/accounts.ts'
import type { AuditActor } from '../../audit/audit.ts'
import { recordAudit } from '../../audit/audit-queries.ts'
import type { Config } from '../../config.ts'
import type { Edition } from '../../editions/editions.ts'
import { inTransaction, type AnyDb } from '../../platform/db/transaction.ts'
import type { PdfService } from '../../platform/pdf/pdf.ts'
import { paths } from '../../paths.ts'
import { ensureInvitations, invitationKeys } from '../invitations-queries.ts'
import { formatShortCode } from '../reply-codes.ts'
import { lettersHtml, type LetterFrame, type PrintedLetter } from './letter-html.tsx'
import { chooseLetters, chunksOf, LETTERS_PER_RENDER, type Letter } from './letters.ts'
import { findLetterhead, listLetterPeople, markLettersPrinted } from './letters-queries.ts'
import { PdfJoiner, type PdfSink } from './pdf-join.ts'
import { qrPng } from './qr-png.ts'

type Secrets = Pick<Config, 'hashKey' | 'encryptionKey' | 'baseUrl'>

/**
 * Renders the items a part at a time and joins the parts into `sink`; returns the page count.
 * Chromium renders in processes of its own: meanwhile this one prepares the next part and joins
 * the previous one, so at most two parts are held at any time.
 */
export async function renderLetterBatch<T>(pdf: PdfService, items: readonly T[], prepare: (item: T) => PrintedLetter, frame: LetterFrame, sink: PdfSink): Promise<number> {
  const joiner = new PdfJoiner(sink)
  const parts = chunksOf(items, LETTERS_PER_RENDER)
  const htmlOf = (part: IteratorResult<T[]>) => (part.done ? null : lettersHtml(part.value.map(prepare), frame))
  let html = htmlOf(parts.next())
  let joining: Promise<void> = Promise.resolve()
  while (html !== null) {
    const rendering = pdf.render(html)
    html = htmlOf(parts.next())
    const rendered = await rendering
    await joining
    joining = joiner.add(rendered)
  }
  await joining
  return joiner.finish()
}

/** A letter with each member's code and QR code, unsealed only while its part is rendered. */
export function printedLetter(letter: Letter, secrets: Secrets): PrintedLetter {
  const members = letter.members.map((member) => {
    if (!member.invitation) throw new Error('A letter was chosen for a person without an invitation')
    const keys = invitationKeys(secrets, { token_sealed: member.invitation.tokenSealed, code_sealed: member.invitation.codeSealed })
    return { name: `${member.firstName} ${member.lastName}`, code: formatShortCode(keys.code), qr: qrPng(keys.url) }
  })
  return { members, address: letter.address!, translations: letter.translations }
}

/** "welkom.mol.be/r": where to type a code, as a person would type it. */
export function replyAddress(baseUrl: string): string {
  return new URL(paths.replyCode(), baseUrl).toString().replace(/^https?:\/\//, '')
}

export interface PrintRequest {
  scope: Scope
  edition: Edition
  onlyUnsent: boolean
  actor: AuditActor | null
  via: 'web' | 'cli'
  now: Date
}

export interface PrintOutcome {
  letters: number
  people: number
  pages: number
  /** Letters left out for want of a street or postcode. */
  withoutAddress: number
}

/**
 * Prints the edition's letters into `sink`. Nothing is marked printed or audited when there is
 * nothing to print or rendering fails; the caller decides what to do with the output then.
 */
export async function printLetters(deps: { db: AnyDb; pdf: PdfService; config: Secrets }, request: PrintRequest, sink: PdfSink): Promise<PrintOutcome> {
  const { db, pdf, config } = deps
  const { scope, edition, now } = request
  await ensureInvitations(db, config, edition.id, now)
  const people = await listLetterPeople(db, scope, edition.id)
  const batch = chooseLetters(people, edition.languages, { onlyUnsent: request.onlyUnsent })
  const inviteeIds = batch.letters.flatMap((letter) => letter.members.map((m) => m.inviteeId))
  const outcome = { letters: batch.letters.length, people: inviteeIds.length, pages: 0, withoutAddress: batch.withoutAddress }
  if (batch.letters.length === 0) return outcome
  const letterhead = await findLetterhead(db, scope)
  if (!letterhead) throw new Error('The municipality printing the letters does not exist')
  const frame: LetterFrame = { letterhead, edition, printedOn: now, replyAddress: replyAddress(config.baseUrl) }
  outcome.pages = await renderLetterBatch(pdf, batch.letters, (letter) => printedLetter(letter, config), frame, sink)
  // Printing is a change (the letters count as sent) and a download of personal data: one entry
  // records both, with counts only.
  await inTransaction(db, async (trx) => {
    await markLettersPrinted(trx, scope, edition.id, inviteeIds, now)
    await recordAudit(trx, {
      municipalityId: scope.municipalityId,
      actor: request.actor,
      action: 'letters.printed',
      record: { type: 'edition', id: edition.id },
      details: { letters: outcome.letters, people: outcome.people, pages: outcome.pages, onlyUnsent: request.onlyUnsent, via: request.via },
    })
  })
  return outcome
}
