// The design system's building blocks, after the GOV.UK Design System: accessible by default.
import type { ComponentChildren } from 'preact'
import type { FieldError, PageContext } from './context.ts'

export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FieldError[] }) {
  if (errors.length === 0) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} data-error-summary>
      <h2 id="error-summary-title" class="error-summary__title">
        {ctx.t('common.errorSummaryTitle')}
      </h2>
      <ul class="error-summary__list">
        {errors.map((e) => (
          <li>
            <a href={`#${fieldId(e.field)}`}>{ctx.t(e.message, e.values)}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function fieldId(name: string): string {
  return `field-${name}`
}

interface FieldProps {
  ctx: PageContext
  name: string
  /** Translation key */
  label: string
  /** Translation key */
  hint?: string
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'date' | 'datetime-local' | 'color'
  value?: string | number | null
  errors?: FieldError[]
  autocomplete?: string
  required?: boolean
  inputMode?: 'numeric' | 'text' | 'email' | 'tel'
  width?: 'short' | 'medium' | 'full'
  spellcheck?: boolean
}

export function Field(props: FieldProps) {
  const { ctx, name } = props
  const id = fieldId(name)
  const error = props.errors?.find((e) => e.field === name)
  const describedBy = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {ctx.t(props.label)}
      </label>
      {props.hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {ctx.t(props.hint)}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">{ctx.t('common.errorPrefix')} </span>
          {ctx.t(error.message, error.values)}
        </p>
      )}
      <input
        class={`input input--${props.width ?? 'full'}`}
        id={id}
        name={name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        required={props.required}
        inputMode={props.inputMode}
        spellcheck={props.spellcheck}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  )
}

interface SelectProps {
  ctx: PageContext
  name: string
  label: string
  options: { value: string; label: string }[]
  value?: string | null
  errors?: FieldError[]
  hint?: string
}

/** A select whose option labels are already translated (they often are data, not keys). */
export function Select(props: SelectProps) {
  const { ctx, name } = props
  const id = fieldId(name)
  const error = props.errors?.find((e) => e.field === name)
  const describedBy = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {ctx.t(props.label)}
      </label>
      {props.hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {ctx.t(props.hint)}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">{ctx.t('common.errorPrefix')} </span>
          {ctx.t(error.message, error.values)}
        </p>
      )}
      <select class="select" id={id} name={name} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** A form that posts with its CSRF token. */
export function Form({ ctx, action, children, class: className, multipart }: { ctx: PageContext; action: string; children: ComponentChildren; class?: string; multipart?: boolean }) {
  return (
    <form method="post" action={action} class={className} novalidate enctype={multipart ? 'multipart/form-data' : undefined}>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {children}
    </form>
  )
}

export function Button({ children, variant = 'primary', name, value }: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'warning'; name?: string; value?: string }) {
  return (
    <button type="submit" class={`button button--${variant}`} name={name} value={value}>
      {children}
    </button>
  )
}

export function LinkButton({ href, children, variant = 'secondary' }: { href: string; children: ComponentChildren; variant?: 'primary' | 'secondary' }) {
  return (
    <a href={href} class={`button button--${variant}`} role="button">
      {children}
    </a>
  )
}

interface Column<T> {
  /** Translated header */
  header: string
  cell: (row: T) => ComponentChildren
  numeric?: boolean
}

export function Table<T>({ caption, columns, rows }: { caption: string; columns: Column<T>[]; rows: T[] }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class="table">
        <caption class="table__caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.numeric ? 'numeric' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              {columns.map((c) => (
                <td class={c.numeric ? 'numeric' : undefined}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty-state">
      <p class="empty-state__title">{title}</p>
      {children}
    </div>
  )
}

export interface PageInfo {
  page: number
  pageSize: number
  total: number
}

/** Previous / next and page numbers; `href` builds the link for a page while keeping filters. */
export function Pagination({ ctx, info, href }: { ctx: PageContext; info: PageInfo; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(info.total / info.pageSize))
  if (pages <= 1) return null
  const numbers = pageNumbers(info.page, pages)
  return (
    <nav class="pagination" aria-label={ctx.t('common.pagination')}>
      <ul>
        {info.page > 1 && (
          <li>
            <a href={href(info.page - 1)} rel="prev">
              {ctx.t('common.previous')}
            </a>
          </li>
        )}
        {numbers.map((n) =>
          n === null ? (
            <li aria-hidden="true">…</li>
          ) : (
            <li>
              <a href={href(n)} aria-current={n === info.page ? 'page' : undefined} aria-label={ctx.t('common.pageN', { n })}>
                {n}
              </a>
            </li>
          ),
        )}
        {info.page < pages && (
          <li>
            <a href={href(info.page + 1)} rel="next">
              {ctx.t('common.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  )
}

/** 1 … 4 5 [6] 7 8 … 20 */
export function pageNumbers(current: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, current - 1, current, current + 1].filter((n) => n >= 1 && n <= pages))
  const sorted = [...wanted].sort((a, b) => a - b)
  const out: (number | null)[] = []
  for (const n of sorted) {
    const last = out[out.length - 1]
    if (typeof last === 'number' && n - last > 1) out.push(null)
    out.push(n)
  }
  return out
}

export function Tag({ children, tone = 'grey' }: { children: ComponentChildren; tone?: 'grey' | 'green' | 'red' | 'blue' | 'yellow' }) {
  return <strong class={`tag tag--${tone}`}>{children}</strong>
}

export function SummaryList({ rows }: { rows: { key: string; value: ComponentChildren }[] }) {
  return (
    <dl class="summary-list">
      {rows.map((r) => (
        <div class="summary-list__row">
          <dt>{r.key}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  )
}
