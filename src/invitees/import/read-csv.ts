// Decoded CSV text to rows: which separator the file uses, and each record with the line it starts on.
import { CsvError, parse, type Options } from 'csv-parse'
import { Readable } from 'node:stream'
import type { FileProblem } from './types.ts'
import type { SourceRow } from './table-rows.ts'

export const SEPARATORS = [';', ',', '\t'] as const
export type Separator = (typeof SEPARATORS)[number]

const SAMPLE_CHARS = 64 * 1024
const SAMPLE_LINES = 50

/**
 * The separator that splits the header into the most cells. The header is looked for under each
 * candidate in turn (the first line with two filled cells), so a title line such as
 * "Gemeente Mol, export 03/04/2026" above a ';' header does not make the file comma-separated.
 * Ties go to ';', what Excel writes in Belgium. Excel's own "sep=;" first line wins outright.
 */
export function detectSeparator(text: string): Separator {
  const lines = sampleLines(text)
  const hint = /^sep=(.)$/i.exec(lines[0] ?? '')?.[1]
  const hinted = SEPARATORS.find((separator) => separator === hint)
  if (hinted) return hinted

  let best: Separator = ';'
  let bestCells = 0
  for (const separator of SEPARATORS) {
    const header = lines.map((line) => splitLine(line, separator)).find((cells) => cells.filter(Boolean).length >= 2)
    if (header && header.length > bestCells) {
      best = separator
      bestCells = header.length
    }
  }
  return best
}

/** The first lines of the text, keeping line breaks inside quoted fields within their line. */
function sampleLines(text: string): string[] {
  const sample = text.slice(0, SAMPLE_CHARS)
  const lines: string[] = []
  let start = 0
  let quoted = false
  for (let i = 0; i < sample.length && lines.length < SAMPLE_LINES; i++) {
    const char = sample[i]
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) {
      lines.push(sample.slice(start, i))
      if (char === '\r' && sample[i + 1] === '\n') i++
      start = i + 1
    }
  }
  if (lines.length < SAMPLE_LINES && start < sample.length) lines.push(sample.slice(start))
  return lines
}

/** The cells of one line, split outside quotes, without their quotes, trimmed. */
function splitLine(line: string, separator: Separator): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (const char of line) {
    if (char === '"') quoted = !quoted
    else if (char === separator && !quoted) {
      cells.push(cell.trim())
      cell = ''
    } else cell += char
  }
  cells.push(cell.trim())
  return cells
}

/** A file that cannot be read as a list, found partway through reading it. */
export class FileProblemError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.message)
  }
}

/** Rows handed on together: one step of the reader per few hundred rows rather than per row. */
const BATCH_ROWS = 256

/**
 * Every record of the text, blank ones included, with the line it starts on, in batches as the
 * parser streams them: memory stays flat however long the list. We count lines ourselves from the
 * line breaks inside each record: csv-parse's `info.lines` counts a CRLF inside quotes twice. A
 * broken quote throws a FileProblemError naming the line where its record starts. `text` gives
 * the text from its start each time it is called (once, or twice when a quote is broken).
 */
export async function* csvBatches(text: () => AsyncIterable<Buffer>, separator: Separator): AsyncGenerator<SourceRow[]> {
  let nextLine = 1
  const { input, parser } = parsing(text(), parserOptions(separator))
  let batch: SourceRow[] = []
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      batch.push({ line: nextLine, cells: record })
      nextLine += 1
      // Cleaned in place: the parser's array is ours, and a copy per row is garbage by the 100,000.
      for (let i = 0; i < record.length; i++) {
        const field = record[i]!
        // Most fields hold no line break at all: test before counting.
        if (field.includes('\n') || field.includes('\r')) {
          nextLine += lineBreaks(field)
          record[i] = field.replace(/\r\n?/g, '\n').trim()
        } else record[i] = field.trim()
      }
      if (batch.length === BATCH_ROWS) {
        yield batch
        batch = []
      }
    }
  } catch (error) {
    // The parser's message quotes the field, which may hold personal data: only the line leaves here.
    if (error instanceof CsvError) throw new FileProblemError({ message: 'invitees.import.badQuotes', values: { line: await brokenRecordLine(text(), separator) } })
    throw error
  } finally {
    // Stops reading the rest of the file when the reader gives up early (a problem, a crash).
    input.destroy()
    parser.destroy()
  }
  if (batch.length) yield batch
}

/**
 * The text fed to a parser. Bytes, not objects: the reader then runs at most a chunk or two ahead
 * of the rows, so the share of the file read is a fair measure of progress. A read error (a file
 * gone from disk) fails the parser, rather than leaving it waiting for the rest.
 */
function parsing(text: AsyncIterable<Buffer>, options: Options) {
  const input = Readable.from(text, { objectMode: false })
  const parser = parse(options)
  input.on('error', (error) => parser.destroy(error))
  input.pipe(parser)
  return { input, parser }
}

function parserOptions(separator: Separator): Options {
  return {
    delimiter: separator,
    bom: false,
    relax_column_count: true,
    // Excel leaves a quote inside an unquoted field as it is (Jan "Johnny" Peeters); so do we.
    relax_quotes: true,
    skip_empty_lines: false,
  }
}

/**
 * The line where the record the parser failed on starts. The parser drops the records it had
 * read ahead when it fails, so the line is found by reading the text again, numbering every
 * record inside the parser (on_record: slower, hence only when reading failed).
 */
async function brokenRecordLine(text: AsyncIterable<Buffer>, separator: Separator): Promise<number> {
  let nextLine = 1
  const { input, parser } = parsing(text, {
    ...parserOptions(separator),
    on_record: (record: string[]) => {
      nextLine += 1 + record.reduce((breaks, field) => breaks + lineBreaks(field), 0)
      return null
    },
  })
  try {
    for await (const _ of parser);
  } catch {
    // The same error as before: nextLine now names the record it stopped at.
  } finally {
    input.destroy()
  }
  return nextLine
}

function lineBreaks(field: string): number {
  return field.match(/\r\n|\r|\n/g)?.length ?? 0
}
