// The design system's building blocks, after the GOV.UK Design System: accessible by default.
// Form controls live in form-controls.tsx and are re-exported here, so pages import one module.
import type { ComponentChildren } from 'preact'
import type { PageContext } from './context.ts'

export * from './form-controls.tsx'

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
