// The letters benchmark: a batch of generated letters (BENCH_LETTERS, default 1,000; about one in
// ten a household of two; Arabic, English and French readers get a translation) printed the way
// the letters page prints them, in pages per second, as a ratio to rendering the same letters with
// the personal data left out (same layout and translations, placeholder text, no QR code) in the
// same run; and the peak RSS of the Node process at a quarter of the batch and at the whole batch,
// to show that memory stays flat. Each measurement runs in a process of its own, so its peak RSS
// is its own; Chromium runs in processes of its own too and is not counted.
// Runs alone with `node --import tsx bench/letters.ts`.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Config } from '../src/config.ts'
import { createEdition } from '../src/editions/edition-creation.ts'
import { findEdition } from '../src/editions/editions-queries.ts'
import type { EditionInput } from '../src/editions/editions.ts'
import { ensureInvitations } from '../src/invitations/invitations-queries.ts'
import { printLetters, renderLetterBatch, replyAddress } from '../src/invitations/letters/letter-batch.ts'
import type { LetterFrame } from '../src/invitations/letters/letter-html.tsx'
import { chooseLetters, type LetterPerson } from '../src/invitations/letters/letters.ts'
import { findLetterhead } from '../src/invitations/letters/letters-queries.ts'
import { insertPeople, type PersonOverrides } from '../src/invitees/households/people-test-support.ts'
import { insertMunicipality } from '../src/municipalities/municipalities-queries.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { createPdfService } from '../src/platform/pdf/pdf.ts'
import { random } from './generate-practices.ts'
import { printLines } from './print-lines.ts'

interface Run {
  letters: number
  pages: number
  /** Wall-clock time of the batch, Chromium's start excluded */
  ms: number
  peakMb: number
}

export interface LettersBench {
  real: Run
  /** The same letters without personal data. */
  baseline: Run
  /** The real batch at a quarter of the size, for the memory comparison. */
  quarter: Run
}

const LANGUAGES = ['nl', 'nl', 'nl', 'ar', 'ar', 'en', 'fr', 'ti', 'uk', 'ps'] as const
const EDITION_LANGUAGES = ['nl', 'ar', 'en', 'fr'] as const
const FIRST = ['Omar', 'Amal', 'Ioana', 'Wahid', 'Zeynep', 'Selam', 'Oksana', 'José', 'Nour', 'Karim', 'Fatemeh', 'Yonas']
const LAST = ['Haddad', 'Durrani', 'Popescu', 'Çelik', 'Tesfaye', 'Petrenko', 'García', 'Al-Masri', 'Rahimi', 'Nowak']
const STREETS = ['Zandstraat', 'Molenstraat', 'Kerkstraat', 'Stationsstraat', 'Dorpsstraat', 'Astridlaan']
const PLACES: [string, string][] = [['2400', 'Mol'], ['2440', 'Geel'], ['2200', 'Herentals']]
const SECRETS = { hashKey: 'bench-hash-key-0123456789abcdef0123456789abcdef', encryptionKey: 'bench-encryption-key-0123456789abcdef0123456789', baseUrl: 'https://welkom.mol.be' }

/** The people of a batch of `letters` letters: deterministic, so every run prints the same batch. */
function generatePeople(letters: number): PersonOverrides[] {
  const next = random(2026)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const people: PersonOverrides[] = []
  for (let i = 0; i < letters; i++) {
    const [postcode, city] = pick(PLACES)
    const address = { street: pick(STREETS), house_number: String(1 + Math.floor(next() * 200)), box: next() < 0.1 ? String(1 + Math.floor(next() * 12)) : null, postcode, city }
    const last = pick(LAST)
    const household = next() < 0.1 ? `household-${i}` : null
    people.push({ ...address, first_name: pick(FIRST), last_name: last, language: pick(LANGUAGES), household_id: household })
    if (household) people.push({ ...address, first_name: pick(FIRST), last_name: last, language: pick(LANGUAGES), household_id: household })
  }
  return people
}

/** A logo as municipalities upload them: a PNG of a few kilobytes. */
async function logo(): Promise<Buffer> {
  return sharp({ create: { width: 480, height: 180, channels: 3, background: '#1d4f91' } }).png().toBuffer()
}

const peakMb = () => process.resourceUsage().maxRSS / 1024

/** One measurement in this process: `real` prints from a fresh SQLite database, `baseline` renders placeholders. */
async function measure(mode: 'real' | 'baseline', letters: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'welkom-bench-letters-'))
  const pdf = createPdfService({ chromiumPath: process.env.CHROMIUM_PATH || null })
  const database = openDatabase(`sqlite:${join(dir, 'welkom.db')}`)
  const file = await open(join(dir, 'brieven.pdf'), 'w')
  const sink = async (bytes: Uint8Array) => void (await file.write(bytes))
  try {
    const { db } = database
    await migrateToLatest(db)
    const municipalityId = await insertMunicipality(db, { nisCode: '13025', name: 'Mol' })
    await db.updateTable('municipalities').set({ address: 'Hemelrijken 10\n2400 Mol', contact_phone: '014 33 07 00', logo: await logo(), logo_type: 'image/png' }).where('id', '=', municipalityId).execute()
    const scope = { municipalityId }
    const input: EditionInput = { name: 'Benchmark', startsAt: new Date(Date.now() + 60 * 86_400_000), venueName: 'Cultuurcentrum', venueAddress: 'Kerkstraat 1, 2400 Mol', venueRoom: 'Grote zaal', capacity: 5000, accessibility: null, periodFrom: '2026-01-01', periodTo: '2026-12-31', replyBy: null, guestsPerInvitee: 2, languages: [...EDITION_LANGUAGES], retentionDays: 90, coOrganiserIds: [] }
    const edition = (await findEdition(db, scope, await createEdition(db, { user: null, scope, input, source: null, now: new Date() })))!
    const people = generatePeople(letters)
    // Chromium starts once per process, before the clock runs.
    await pdf.render('<!doctype html><title>warm</title><p>Welkom</p>')
    if (mode === 'real') {
      await insertPeople(db, edition.id, people)
      await ensureInvitations(db, SECRETS, edition.id, new Date())
      const started = performance.now()
      const outcome = await printLetters({ db, pdf, config: SECRETS as Pick<Config, 'hashKey' | 'encryptionKey' | 'baseUrl'> }, { scope, edition, onlyUnsent: false, actor: null, via: 'cli', now: new Date() }, sink)
      return { letters: outcome.letters, pages: outcome.pages, ms: performance.now() - started, peakMb: peakMb() }
    }
    // The same letters, grouped, sorted and translated as the real ones, with nothing personal in them.
    const batch = chooseLetters(people.map(asLetterPerson), edition.languages, { onlyUnsent: false })
    const frame: LetterFrame = { letterhead: (await findLetterhead(db, scope))!, edition, printedOn: new Date(), replyAddress: replyAddress(SECRETS.baseUrl) }
    const started = performance.now()
    const pages = await renderLetterBatch(
      pdf,
      batch.letters,
      (letter) => ({
        members: letter.members.map(() => ({ name: 'Voornaam Achternaam', code: 'XXXX-XXXX', qr: null })),
        address: { street: 'Straatnaam', houseNumber: '1', box: null, postcode: '0000', city: 'Gemeente' },
        translations: letter.translations,
      }),
      frame,
      sink,
    )
    return { letters: batch.letters.length, pages, ms: performance.now() - started, peakMb: peakMb() }
  } finally {
    await file.close()
    await pdf.close()
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

function asLetterPerson(p: PersonOverrides, i: number): LetterPerson {
  return {
    inviteeId: String(i),
    firstName: p.first_name ?? '',
    lastName: p.last_name ?? '',
    street: p.street ?? null,
    houseNumber: p.house_number ?? null,
    box: p.box ?? null,
    postcode: p.postcode ?? null,
    city: p.city ?? null,
    language: p.language ?? null,
    householdId: p.household_id ?? null,
    invitation: { tokenSealed: '', codeSealed: '', printedAt: null, returnedAt: null },
  }
}

export async function measureLetters(letters = Number(process.env.BENCH_LETTERS ?? 1000)): Promise<LettersBench> {
  const quarter = await child('real', Math.round(letters / 4))
  const real = await child('real', letters)
  const baseline = await child('baseline', letters)
  return { real, baseline, quarter }
}

function child(mode: 'real' | 'baseline', letters: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const measured = spawn(process.execPath, ['--import', 'tsx', 'bench/letters.ts', 'child', mode, String(letters)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    measured.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    measured.once('error', reject)
    measured.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Run) : reject(new Error(`letters bench child ${mode} exited with ${code}`))))
  })
}

export function lettersBenchTitle(bench: LettersBench): string {
  return `letters: ${bench.real.letters.toLocaleString('en')} generated letters (${bench.real.pages.toLocaleString('en')} pages; households, Arabic/English/French translations), rendered by Chromium 100 letters at a time and joined as they come, same run`
}

/** The rows of the table: pages per second and its ratio to the letters without personal data, and the peak RSS. */
export function lettersBenchLines(bench: LettersBench): string[][] {
  const rate = (run: Run) => run.pages / (run.ms / 1000)
  const row = (name: string, run: Run, compared = true) => [name, String(run.letters), String(run.pages), (run.ms / 1000).toFixed(1), rate(run).toFixed(1), compared ? (rate(run) / rate(bench.baseline)).toFixed(2) : '–', run.peakMb.toFixed(0)]
  return [
    ['measurement', 'letters', 'pages', 'seconds', 'pages/s', 'ratio to no personal data', 'peak RSS MB'],
    row('same letters without personal data, no QR (baseline)', bench.baseline),
    row('letter batch: codes, QR codes, mark printed, audit', bench.real),
    row('letter batch, a quarter of the size (memory check)', bench.quarter, false),
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === 'child') {
    console.log(JSON.stringify(await measure(process.argv[3] === 'baseline' ? 'baseline' : 'real', Number(process.argv[4]))))
  } else {
    const bench = await measureLetters()
    console.log(`\n${lettersBenchTitle(bench)}\n`)
    printLines(lettersBenchLines(bench))
    console.log(`\npeak RSS grows ${(bench.real.peakMb - bench.quarter.peakMb).toFixed(0)} MB from ${bench.quarter.letters} to ${bench.real.letters} letters`)
  }
}
