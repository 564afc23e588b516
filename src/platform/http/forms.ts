// Parsing form bodies at the edge: every form has a parser that yields typed values or a list of
// field errors (translation keys). Inner code never sees raw strings.
import type { FieldError, FormState } from '../views/context.ts'

export type FormBody = Record<string, unknown>

export type Parsed<T> = { ok: true; value: T } | ({ ok: false } & FormState)

/** The raw values as strings, to re-fill the form after an error. */
export function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf' && !/password|wachtwoord|code/i.test(k)) out[k] = v
  }
  return out
}

export function text(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as FormBody)[name] : undefined
  return typeof value === 'string' ? value.normalize('NFC').trim() : ''
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value)
}

/** A small builder so each form's parser reads as a list of rules. */
export class FormParser {
  readonly errors: FieldError[] = []
  private readonly tooLong: string
  /** `tooLong` names the message for text over its limit, for forms with their own catalog. */
  constructor(
    readonly body: unknown,
    options: { tooLong?: string } = {},
  ) {
    this.tooLong = options.tooLong ?? 'common.tooLong'
  }

  required(name: string, message: string, options: { max?: number } = {}): string {
    const value = text(this.body, name)
    if (!value) this.errors.push({ field: name, message })
    else if (options.max && value.length > options.max) this.errors.push({ field: name, message: this.tooLong, values: { max: options.max } })
    return value
  }

  optional(name: string, options: { max?: number } = {}): string | null {
    const value = text(this.body, name)
    if (options.max && value.length > options.max) this.errors.push({ field: name, message: this.tooLong, values: { max: options.max } })
    return value || null
  }

  email(name: string, options: { required: boolean }): string {
    const value = text(this.body, name).toLowerCase()
    if (!value) {
      if (options.required) this.errors.push({ field: name, message: 'common.emailRequired' })
    } else if (!isEmail(value)) this.errors.push({ field: name, message: 'common.emailInvalid' })
    return value
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], message: string): T {
    const value = text(this.body, name)
    if (!(allowed as readonly string[]).includes(value)) this.errors.push({ field: name, message })
    return value as T
  }

  integer(name: string, range: { min: number; max: number }, message: string): number {
    const raw = text(this.body, name)
    const value = Number(raw)
    if (!raw || !Number.isInteger(value) || value < range.min || value > range.max) this.errors.push({ field: name, message, values: range })
    return value
  }

  check(condition: boolean, field: string, message: string): void {
    if (!condition) this.errors.push({ field, message })
  }

  result<T>(value: T): Parsed<T> {
    return this.errors.length ? { ok: false, errors: this.errors, values: formValues(this.body) } : { ok: true, value }
  }
}
