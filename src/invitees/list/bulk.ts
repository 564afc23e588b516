// Bulk actions on people ticked on the list: what the form posts, read once at the edge. The form
// also carries the list's search, filters and page, so that staff return to the list they left.
import { paths, withQuery } from '../../paths.ts'
import { EXCLUSION_REASONS, type ExclusionReason } from '../invitees-queries.ts'
import { parseListQuery, type ListQuery } from './invitee-list.ts'

export const BULK_ACTIONS = ['exclude', 'include', 'next_time', 'not_next_time', 'erase'] as const
export type BulkAction = (typeof BULK_ACTIONS)[number]

/** More than a page holds; anything beyond is not a form a person filled in. */
export const BULK_MAX_IDS = 1000

export interface BulkForm {
  /** null when the form named no action we know */
  action: BulkAction | null
  /** The ticked ids as posted: whether they are people of this edition is for the database to say */
  ids: string[]
  /** The second step of excluding (with a reason) and erasing (after the question) */
  confirmed: boolean
  reason: ExclusionReason | null
  back: ListQuery
}

export function parseBulkForm(body: unknown): BulkForm {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  const one = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string).trim() : '')
  const posted = Array.isArray(fields.ids) ? fields.ids : [fields.ids]
  const ids = [...new Set(posted.filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 64))].slice(0, BULK_MAX_IDS)
  const action = one('actie')
  const reason = one('reden')
  return {
    action: (BULK_ACTIONS as readonly string[]).includes(action) ? (action as BulkAction) : null,
    ids,
    confirmed: one('bevestigd') === 'ja',
    reason: (EXCLUSION_REASONS as readonly string[]).includes(reason) ? (reason as ExclusionReason) : null,
    back: parseListQuery(fields),
  }
}

/** The list with the search, filters and page staff came from. */
export function listPathFor(editionId: string, back: ListQuery): string {
  return withQuery(paths.editionInvitees(editionId), { ...back.values, pagina: back.page > 1 ? back.page : undefined })
}

/** The list's search, filters and page as hidden fields of a form, to come back to. */
export function backFields(back: ListQuery): [string, string][] {
  const values = Object.entries(back.values).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
  return back.page > 1 ? [...values, ['pagina', String(back.page)]] : values
}
