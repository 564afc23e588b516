// The translation catalogs: every locale has the same keys as Dutch, in the same files, with
// messages that parse and keep their arguments; every key the source uses exists in Dutch.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { IntlMessageFormat } from 'intl-messageformat'
import { MUNICIPALITY_ROLES, ROLES } from '../../accounts/accounts.ts'
import type { sendPasswordLink } from '../../accounts/password-links.ts'
import { jobDefinitions } from '../../job-definitions.ts'
import type { Services } from '../../services.ts'
import type { ErrorKind } from '../../shell/shell-pages.tsx'
import type { JobStatus } from '../jobs/jobs.ts'
import type { MailStatus } from '../mail/mail-queries.ts'
import { createTranslator, NEWCOMER_CATALOGS, STAFF_LOCALES } from './i18n.ts'
import { INVITEE_LANGUAGES } from './languages.ts'
import { EDITION_STATUSES } from '../../editions/editions.ts'
import { PROGRAMME_KINDS } from '../../editions/programme/programme.ts'
import { PERSON_FIELDS } from '../../invitees/import/types.ts'
import { PURGE_KINDS } from '../../invitees/purge.ts'

const root = join(import.meta.dirname, '../../..')
const localesDir = join(root, 'locales')
const srcDir = join(root, 'src')

// ---------------------------------------------------------------------------------------------
// The catalogs, read file by file (the loader flattens them; here the file a key lives in matters).

interface Entry {
  file: string
  message: string
}

function readLocale(locale: string): Map<string, Entry> {
  const entries = new Map<string, Entry>()
  const dir = join(localesDir, locale)
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const raw: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'))
    assert.ok(raw !== null && typeof raw === 'object' && !Array.isArray(raw), `${locale}/${file} is a JSON object`)
    for (const [key, message] of Object.entries(raw)) {
      assert.equal(typeof message, 'string', `${locale}/${file}: "${key}" is a string`)
      // Keys starting with "_" are notes for translators, not messages.
      if (!key.startsWith('_')) entries.set(key, { file, message: message as string })
    }
  }
  return entries
}

const locales = readdirSync(localesDir).filter((name) => statSync(join(localesDir, name)).isDirectory()).sort()
const catalogs = new Map(locales.map((locale) => [locale, readLocale(locale)]))
const nl = catalogs.get('nl')!
const catalogFiles = new Set(readdirSync(join(localesDir, 'nl')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')))

/** A catalog key: dotted, starting with the name of a catalog file ("accounts.signIn.title"). */
function isCatalogKey(value: string): boolean {
  return /^[a-z][a-z-]*(\.[A-Za-z0-9_]+)+$/.test(value) && catalogFiles.has(value.split('.')[0]!)
}

// ---------------------------------------------------------------------------------------------
// ICU messages: their arguments, by name and kind.

type ArgumentKind = 'argument' | 'number' | 'date' | 'time' | 'select' | 'plural' | 'selectordinal' | 'tag'

function argumentsOf(elements: MessageFormatElement[], found = new Map<string, ArgumentKind>()): Map<string, ArgumentKind> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        found.set(element.value, 'argument')
        break
      case TYPE.number:
        found.set(element.value, 'number')
        break
      case TYPE.date:
        found.set(element.value, 'date')
        break
      case TYPE.time:
        found.set(element.value, 'time')
        break
      case TYPE.select:
        found.set(element.value, 'select')
        for (const option of Object.values(element.options)) argumentsOf(option.value, found)
        break
      case TYPE.plural:
        found.set(element.value, element.pluralType === 'ordinal' ? 'selectordinal' : 'plural')
        for (const option of Object.values(element.options)) argumentsOf(option.value, found)
        break
      case TYPE.tag:
        found.set(element.value, 'tag')
        argumentsOf(element.children, found)
        break
      default:
        break
    }
  }
  return found
}

/** Select keys are data and must match across locales; plural categories may differ by language. */
function selectOptionsOf(elements: MessageFormatElement[], found = new Map<string, string[]>()): Map<string, string[]> {
  for (const element of elements) {
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      if (element.type === TYPE.select) found.set(element.value, Object.keys(element.options).sort())
      for (const option of Object.values(element.options)) selectOptionsOf(option.value, found)
    } else if (element.type === TYPE.tag) selectOptionsOf(element.children, found)
  }
  return found
}

function pluralsOf(elements: MessageFormatElement[], found: { name: string; options: string[] }[] = []) {
  for (const element of elements) {
    if (element.type === TYPE.plural) found.push({ name: element.value, options: Object.keys(element.options) })
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) pluralsOf(option.value, found)
    if (element.type === TYPE.tag) pluralsOf(element.children, found)
  }
  return found
}

function parseOrReport(problems: string[], locale: string, key: string, message: string): MessageFormatElement[] | null {
  try {
    return parse(message)
  } catch (error) {
    problems.push(`${key}: not valid ICU MessageFormat in ${locale} (${(error as Error).message}): ${JSON.stringify(message)}`)
    return null
  }
}

/** Values that let any message render: a number for plurals and numbers, a date for dates. */
function sampleValues(args: Map<string, ArgumentKind>, ast: MessageFormatElement[], count: number) {
  const selects = selectOptionsOf(ast)
  const values: Record<string, string | number | Date | ((chunks: unknown[]) => string)> = {}
  for (const [name, kind] of args) {
    if (kind === 'plural' || kind === 'selectordinal' || kind === 'number') values[name] = count
    else if (kind === 'date' || kind === 'time') values[name] = new Date(Date.UTC(2026, 5, 14, 10, 0))
    else if (kind === 'select') values[name] = selects.get(name)?.find((o) => o !== 'other') ?? 'other'
    else if (kind === 'tag') values[name] = (chunks) => chunks.join('')
    else values[name] = `‹${name}›`
  }
  return values
}

/** Arabic-Indic and Persian digits as 0–9: Persian, Dari and Pashto write numbers in their own digits. */
function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
}

function signature(args: Map<string, ArgumentKind>): string {
  return [...args].sort(([a], [b]) => a.localeCompare(b)).map(([name, kind]) => (kind === 'argument' ? `{${name}}` : `{${name}, ${kind}}`)).join(' ') || '(none)'
}

// ---------------------------------------------------------------------------------------------
// The catalogs themselves.

test('the staff languages each have a catalog directory', () => {
  for (const locale of STAFF_LOCALES) assert.ok(catalogs.has(locale), `locales/${locale}/ exists`)
})

test('every key lives in the file named after its first segment', () => {
  const misplaced: string[] = []
  for (const [locale, catalog] of catalogs) {
    for (const [key, { file }] of catalog) if (file !== `${key.split('.')[0]}.json`) misplaced.push(`${locale}/${file}: ${key}`)
  }
  assert.deepEqual(misplaced, [], `keys in the wrong file:\n  ${misplaced.join('\n  ')}`)
})

test('every invitee language has a catalog directory, and no other directory exists', () => {
  assert.deepEqual(locales, [...new Set([...STAFF_LOCALES, ...INVITEE_LANGUAGES])].sort())
})

const isNewcomerKey = (key: string) => (NEWCOMER_CATALOGS as readonly string[]).includes(key.split('.')[0]!)

for (const locale of locales.filter((l) => l !== 'nl')) {
  // A staff language has every key; the other invitee languages have the newcomer catalogs only.
  const isStaff = (STAFF_LOCALES as readonly string[]).includes(locale)
  test(`${locale} has exactly the ${isStaff ? '' : 'newcomer '}keys of nl`, () => {
    const catalog = catalogs.get(locale)!
    const missing = [...nl.keys()].filter((key) => (isStaff || isNewcomerKey(key)) && !catalog.has(key))
    const extra = [...catalog.keys()].filter((key) => !nl.has(key) || (!isStaff && !isNewcomerKey(key)))
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `locales/${locale} differs from locales/nl`)
  })
}

for (const locale of locales) {
  test(`every ${locale} message parses as ICU and has the arguments of the Dutch message`, () => {
    const problems: string[] = []
    for (const [key, { message }] of catalogs.get(locale)!) {
      if (message.trim() === '') {
        problems.push(`${key}: empty message`)
        continue
      }
      const ast = parseOrReport(problems, locale, key, message)
      const source = nl.get(key)
      if (!ast || !source || locale === 'nl') continue
      const sourceAst = parseOrReport(problems, 'nl', key, source.message)
      if (!sourceAst) continue
      const [args, sourceArgs] = [argumentsOf(ast), argumentsOf(sourceAst)]
      if (signature(args) !== signature(sourceArgs)) problems.push(`${key}: has ${signature(args)}, nl has ${signature(sourceArgs)}`)
      const [selects, sourceSelects] = [selectOptionsOf(ast), selectOptionsOf(sourceAst)]
      for (const [name, options] of sourceSelects) {
        if (selects.get(name)?.join('|') !== options.join('|')) problems.push(`${key}: select {${name}} has options ${selects.get(name)?.join(', ')}, nl has ${options.join(', ')}`)
      }
      const newlines = (text: string) => text.split('\n').length - 1
      if (newlines(message) !== newlines(source.message)) problems.push(`${key}: ${newlines(message)} line breaks, nl has ${newlines(source.message)}`)
    }
    assert.deepEqual(problems, [], `locales/${locale}:\n  ${problems.join('\n  ')}`)
  })

  test(`every ${locale} message renders, and plurals show the number for 0, 1 and 5`, () => {
    const problems: string[] = []
    for (const [key, { message }] of catalogs.get(locale)!) {
      let ast: MessageFormatElement[]
      try {
        ast = parse(message)
      } catch {
        continue // reported by the parse test
      }
      const args = argumentsOf(ast)
      const plurals = pluralsOf(ast)
      for (const count of plurals.length > 0 ? [0, 1, 5] : [1]) {
        let text: string
        try {
          text = String(new IntlMessageFormat(message, locale).format(sampleValues(args, ast, count)))
        } catch (error) {
          problems.push(`${key} (count ${count}): ${(error as Error).message}`)
          continue
        }
        if (/[{}]/.test(text)) problems.push(`${key} (count ${count}): a brace is left in ${JSON.stringify(text)}`)
        // Without an exact "=n" branch the number itself must appear: "one {1 taak}" would read
        // "1 tâche" for 0 in French, where 0 is also "one".
        const exact = plurals.some((p) => p.options.includes(`=${count}`))
        if (plurals.length > 0 && !exact && !new RegExp(`(^|\\D)${count}(\\D|$)`).test(latinDigits(text))) {
          problems.push(`${key} (count ${count}): the number is missing from ${JSON.stringify(text)}`)
        }
      }
    }
    assert.deepEqual(problems, [], `locales/${locale}:\n  ${problems.join('\n  ')}`)
  })
}

test('the translator speaks each staff language', () => {
  assert.equal(createTranslator('nl').t('errors.notFound.title'), 'Pagina niet gevonden')
  assert.equal(createTranslator('en').t('errors.notFound.title'), 'Page not found')
  assert.equal(createTranslator('fr').t('errors.notFound.title'), 'Page introuvable')
  const results = (locale: string) => [0, 1, 5].map((count) => createTranslator(locale).t('common.results', { count }))
  assert.deepEqual(results('nl'), ['Geen resultaten', '1 resultaat', '5 resultaten'])
  assert.deepEqual(results('en'), ['No results', '1 result', '5 results'])
  assert.deepEqual(results('fr'), ['Aucun résultat', '1 résultat', '5 résultats'])
  const jobs = (locale: string) => [0, 1, 5].map((count) => createTranslator(locale).t('home.deadJobs', { count }))
  assert.deepEqual(jobs('nl'), ['0 achtergrondtaken zijn definitief mislukt.', '1 achtergrondtaak is definitief mislukt.', '5 achtergrondtaken zijn definitief mislukt.'])
  assert.deepEqual(jobs('en'), ['0 background tasks have failed permanently.', '1 background task has failed permanently.', '5 background tasks have failed permanently.'])
  assert.deepEqual(jobs('fr'), ['0 tâche d’arrière-plan a définitivement échoué.', '1 tâche d’arrière-plan a définitivement échoué.', '5 tâches d’arrière-plan ont définitivement échoué.'])
})

// ---------------------------------------------------------------------------------------------
// The keys the source uses.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

const sources = sourceFiles(srcDir).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }))

/** The text between the parenthesis at `open` and its partner, skipping over strings. */
function callArguments(text: string, open: number): string {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const c = text[i]!
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++
    } else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return text.slice(open + 1, i)
  }
  return text.slice(open + 1)
}

const literal = String.raw`(['"\x60])([a-z][a-z-]*(?:\.[A-Za-z0-9_]+)+)\1`
const literals = (text: string) => [...text.matchAll(new RegExp(literal, 'g'))].map((m) => m[2]!)

/**
 * Where a string literal is a catalog key: t('…') and ctx.t('…'); label=, hint=, legend=… props
 * and label:, hint:, message:… fields; the message of a form check (form.required(…, '…'));
 * `return '…'` and both sides of `? '…' : '…'`.
 */
function keysUsedIn(text: string): string[] {
  const keys: string[] = []
  for (const call of text.matchAll(/(?<![\w$])(?:t|form\.\w+)\(/g)) keys.push(...literals(callArguments(text, call.index + call[0].length - 1)))
  const contexts = [
    String.raw`\b(?:label|hint|legend|title|caption|description|message)=\{?\s*${literal}`,
    String.raw`\b(?:label|hint|legend|title|caption|description|message):\s*${literal}`,
    String.raw`\breturn\s+${literal}`,
    String.raw`\?\s*${literal}\s*:`,
    String.raw`\?\s*(?:['"][^'"]*['"])\s*:\s*${literal}`,
  ]
  for (const context of contexts) for (const m of text.matchAll(new RegExp(context, 'g'))) keys.push(m[2]!)
  return keys.filter(isCatalogKey)
}

test('every key the source uses exists in nl', () => {
  const missing: string[] = []
  let checked = 0
  for (const { path, text } of sources) {
    for (const key of keysUsedIn(text)) {
      checked++
      if (!nl.has(key)) missing.push(`${key} (${path})`)
    }
  }
  assert.ok(checked > 100, `the scan finds the keys in the source (found ${checked})`)
  assert.deepEqual([...new Set(missing)], [], 'keys used in src/ but missing from locales/nl')
})

// Keys built at run time, like t(`errors.${kind}.title`), can't be checked from the source text.
// Each shape the source builds must be listed here with the values it can take. The `satisfies`
// clauses make the type checker complain when a value is added to the type and not here.
const ERROR_KINDS = Object.keys({ notFound: 1, forbidden: 1, csrf: 1, tooManyRequests: 1, badRequest: 1, editionPurged: 1, serverError: 1 } satisfies Record<ErrorKind, 1>)
const JOB_STATUSES = Object.keys({ queued: 1, running: 1, done: 1, dead: 1 } satisfies Record<JobStatus, 1>)
const MAIL_STATUSES = Object.keys({ queued: 1, sent: 1, failed: 1 } satisfies Record<MailStatus, 1>)
const PASSWORD_LINKS = Object.keys({ reset: 1, invitation: 1 } satisfies Record<Parameters<typeof sendPasswordLink>[3], 1>)
// The home page describes every menu item except itself.
const NAV_LABELS = [...readFileSync(join(srcDir, 'shell/navigation.ts'), 'utf8').matchAll(/label: '(nav\.\w+)'/g)].map((m) => m[1]!).filter((label) => label !== 'nav.home')

// Audit actions, record types and job kinds are shown through labelOr(), which falls back to the
// raw code ("new actions show up before their label"), so a missing label is reported, not failed.
const AUDIT_ACTIONS = [...new Set(sources.flatMap(({ text }) => [...text.matchAll(/\baction: '([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1]!)))]
const AUDIT_RECORD_TYPES = [...new Set(sources.flatMap(({ text }) => [...text.matchAll(/\brecord: \{ type: '([a-z_]+)'/g)].map((m) => m[1]!)))]
const JOB_KINDS = jobDefinitions({ mail: {}, config: { mailFrom: 'welkom@example.org' } } as unknown as Services).map((job) => job.kind)

const IMPORT_COUNTS = ['rows', 'imported', 'updated', 'unchanged', 'duplicates', 'skipped', 'noCertificate', 'outsidePeriod', 'notInRegister']

/** Shape of the key ("${…}" as "*") → the keys it stands for, and whether they must exist. */
const DYNAMIC_KEYS: Record<string, { keys: string[]; required: boolean }> = {
  'errors.*.title': { keys: ERROR_KINDS.map((kind) => `errors.${kind}.title`), required: true },
  'errors.*.body': { keys: ERROR_KINDS.map((kind) => `errors.${kind}.body`), required: true },
  'roles.*': { keys: ROLES.map((role) => `roles.${role}`), required: true },
  'staff.roleHint.*': { keys: MUNICIPALITY_ROLES.map((role) => `staff.roleHint.${role}`), required: true },
  '*.description': { keys: NAV_LABELS.map((label) => `${label}.description`), required: true },
  'accounts.*Mail.subject': { keys: PASSWORD_LINKS.map((kind) => `accounts.${kind}Mail.subject`), required: true },
  'accounts.*Mail.body': { keys: PASSWORD_LINKS.map((kind) => `accounts.${kind}Mail.body`), required: true },
  'operations.status.*': { keys: JOB_STATUSES.map((status) => `operations.status.${status}`), required: true },
  'operations.mail.status.*': { keys: MAIL_STATUSES.map((status) => `operations.mail.status.${status}`), required: true },
  'audit.action.*': { keys: AUDIT_ACTIONS.map((action) => `audit.action.${action}`), required: false },
  'audit.group.*': { keys: [...new Set(AUDIT_ACTIONS.map((action) => `audit.group.${action.split('.')[0]}`))], required: false },
  'audit.recordType.*': { keys: AUDIT_RECORD_TYPES.map((type) => `audit.recordType.${type}`), required: false },
  'operations.kind.*': { keys: JOB_KINDS.map((kind) => `operations.kind.${kind}`), required: false },
  'editions.status.*': { keys: EDITION_STATUSES.map((status) => `editions.status.${status}`), required: true },
  'editions.status.*.explained': { keys: EDITION_STATUSES.map((status) => `editions.status.${status}.explained`), required: true },
  'programme.kind.*': { keys: PROGRAMME_KINDS.map((kind) => `programme.kind.${kind}`), required: true },
  'invitee-import.*.count.*': { keys: ['preview', 'result'].flatMap((tense) => IMPORT_COUNTS.map((k) => `invitee-import.${tense}.count.${k}`)), required: true },
  'invitee-import.field.*': { keys: PERSON_FIELDS.map((field) => `invitee-import.field.${field}`), required: true },
  'purge-receipt.kind.*': { keys: PURGE_KINDS.map((kind) => `purge-receipt.kind.${kind}`), required: true },
  'editions.status.to.*': { keys: EDITION_STATUSES.filter((status) => status !== 'draft').map((status) => `editions.status.to.${status}`), required: true },
}

/** Template literals that build a key: those starting with a catalog name, and any inside t(…). */
function dynamicKeyShapes(text: string): string[] {
  const shapeOf = (template: string) => template.replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, '*')
  const shapes: string[] = []
  for (const m of text.matchAll(/`([^`]*\$\{[^`]*)`/g)) {
    const shape = shapeOf(m[1]!)
    if (/^[a-z][a-z-]*(\.[A-Za-z0-9_*]+)+$/.test(shape) && catalogFiles.has(shape.split('.')[0]!)) shapes.push(shape)
  }
  for (const call of text.matchAll(/(?<![\w$])t\(\s*`([^`]*)`/g)) {
    const shape = shapeOf(call[1]!)
    if (shape.includes('*') && /^[\w*]+(\.[\w*]+)+$/.test(shape)) shapes.push(shape)
  }
  return shapes
}

test('every key the source builds at run time is known to this test', () => {
  const unknown = new Set<string>()
  for (const { path, text } of sources) for (const shape of dynamicKeyShapes(text)) if (!DYNAMIC_KEYS[shape]) unknown.add(`${shape} (${path})`)
  assert.deepEqual([...unknown], [], 'add these shapes and their values to DYNAMIC_KEYS in this test')
})

test('the keys the source builds at run time exist in nl', () => {
  assert.ok(NAV_LABELS.length >= 5, 'navigation.ts was read')
  assert.ok(AUDIT_ACTIONS.length >= 5 && JOB_KINDS.length >= 1, 'audit actions and job kinds were found')
  const missing = Object.values(DYNAMIC_KEYS).flatMap(({ keys, required }) => (required ? keys.filter((key) => !nl.has(key)) : []))
  assert.deepEqual(missing, [], 'keys built at run time but missing from locales/nl')
})

test('audit actions, record types and job kinds have a label in nl', () => {
  const missingLabels = Object.values(DYNAMIC_KEYS).flatMap(({ keys, required }) => (required ? [] : keys.filter((key) => !nl.has(key))))
  assert.deepEqual(missingLabels, [], 'without a label the page shows the raw code')
})
