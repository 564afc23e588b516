// The list of an edition's invitees: what a person on the list looks like to staff, the search
// and filters as they appear in the query string, and the rows of an export. No national number
// or its hash ever reaches this module: the queries leave them out.
import type { PersonInvitation } from '../../invitations/overview/person-invitation-queries.ts'
import type { StoredPerson } from '../import/reconcile.ts'
import { INVITEE_STATUSES, type InviteeStatus } from '../invitee-status.ts'
import type { ExclusionReason, InviteeSource } from '../invitees-queries.ts'
import { INVITEE_LANGUAGES, isInviteeLanguage, type InviteeLanguage } from '../../platform/i18n/languages.ts'

export interface InviteeWarning {
  /** The column as the imported file named it */
  column: string
  /** Translation key */
  message: string
}

export interface Invitee extends StoredPerson {
  id: string
  warnings: InviteeWarning[]
  source: InviteeSource
  /** From `inviteeStatus`, the one rule every later step uses */
  status: InviteeStatus
  excludedReason: ExclusionReason | null
  excludedAt: Date | null
  selection: 'selected' | 'not_selected' | null
  householdId: string | null
  carriedFromEditionId: string | null
  hasAskedNextTime: boolean
  createdAt: Date
  updatedAt: Date
}

export const INVITEE_PAGE_SIZE = 50

/** The filter form's fields, as they appear in the query string. */
export const LIST_QUERY_FIELDS = ['zoek', 'status', 'taal', 'gemeente', 'waarschuwingen'] as const
type ListQueryField = (typeof LIST_QUERY_FIELDS)[number]

/** "No contact language" in the language filter. */
export const NO_LANGUAGE = 'geen'

export interface InviteeFilter {
  /** Words that must each match a name, e-mail address, phone number or postcode */
  search?: string
  language?: InviteeLanguage | typeof NO_LANGUAGE
  city?: string
  withWarnings?: boolean
  status?: InviteeStatus
}

export interface ListQuery {
  filter: InviteeFilter
  page: number
  /** "Tick everyone on this page": a link that reloads the page with every box ticked (no JavaScript needed) */
  tickAll: boolean
  /** The raw values, to refill the form and keep the filters in links. */
  values: Partial<Record<ListQueryField, string>>
}

/** Reads search and filters from a query string; anything odd is ignored rather than refused. */
export function parseListQuery(query: unknown): ListQuery {
  const raw = (name: string): string => {
    const value = query && typeof query === 'object' ? (query as Record<string, unknown>)[name] : undefined
    const first = Array.isArray(value) ? value[0] : value
    return typeof first === 'string' ? first.normalize('NFC').trim().slice(0, 100) : ''
  }
  const values: ListQuery['values'] = {}
  for (const field of LIST_QUERY_FIELDS) if (raw(field)) values[field] = raw(field)
  const filter: InviteeFilter = {}
  if (values.zoek) filter.search = values.zoek
  if (values.taal && (values.taal === NO_LANGUAGE || isInviteeLanguage(values.taal))) filter.language = values.taal
  else delete values.taal
  if (values.gemeente) filter.city = values.gemeente
  if (values.waarschuwingen === 'ja') filter.withWarnings = true
  else delete values.waarschuwingen
  if (values.status && (INVITEE_STATUSES as readonly string[]).includes(values.status)) filter.status = values.status as InviteeStatus
  else delete values.status
  const page = Number(raw('pagina'))
  return { filter, page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1, tickAll: raw('aanvinken') === 'alle', values }
}

export type SearchTerm = { kind: 'phone'; digits: string } | { kind: 'words'; words: string[] }

/**
 * How a search is matched. A phone number typed in any national form (0499 24 75 33, 0032 499…)
 * is compared with the stored E.164 digits; anything else is split into words that must each
 * match one of the fields, so "Omar Haddad" and "Haddad Omar" both find him.
 */
export function searchTerm(search: string): SearchTerm {
  const compact = search.replace(/[\s./()-]/g, '')
  if (/^\+?\d{6,}$/.test(compact)) {
    const digits = compact.replace(/^\+/, '').replace(/^00/, '').replace(/^0/, '32')
    return { kind: 'phone', digits }
  }
  return { kind: 'words', words: search.split(/\s+/).filter(Boolean).slice(0, 5) }
}

export const LANGUAGE_CHOICES: readonly (InviteeLanguage | typeof NO_LANGUAGE)[] = [...INVITEE_LANGUAGES, NO_LANGUAGE]

// Exports: the columns as a municipality's own lists name them, so an export can be imported again.

// The status columns come last: an import ignores columns it does not know.
export const EXPORT_HEADERS = ['Naam', 'Voornaam', 'Geboortedatum', 'Straat', 'Huisnummer', 'Bus', 'Postcode', 'Gemeente', 'E-mailadres', 'GSM', 'Contacttaal', 'Datum attest', 'Status', 'Reden uitsluiting'] as const

// Like the headers, the status words in an export are Dutch whatever the staff member's language:
// the file is a working list in the municipality's language, and it reads the same for everyone.
const EXPORT_STATUS: Record<InviteeStatus, string> = { invitable: 'uit te nodigen', not_selected: 'niet geselecteerd', excluded: 'uitgesloten' }
const EXPORT_REASON: Record<ExclusionReason, string> = { moved_away: 'verhuisd', no_contact: 'wil geen contact', deceased: 'overleden', other: 'andere reden' }

/** A calendar date ('YYYY-MM-DD') as Flemish lists write it: 15/09/2005. */
export function flemishDate(value: string | null): string {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (value ?? '')
}

export function exportRow(i: Invitee): string[] {
  return [
    i.lastName,
    i.firstName,
    flemishDate(i.birthDate),
    i.street ?? '',
    i.houseNumber ?? '',
    i.box ?? '',
    i.postcode ?? '',
    i.city ?? '',
    i.email ?? '',
    i.phone ?? '',
    i.language ?? '',
    flemishDate(i.certificateDate),
    EXPORT_STATUS[i.status],
    i.excludedReason ? EXPORT_REASON[i.excludedReason] : '',
  ]
}

/** The file name of an export: the edition's id keeps it unique, no personal data in it. */
export function exportFilename(editionId: string, format: 'csv' | 'xlsx', today: string): string {
  return `genodigden-${today}-${editionId.slice(0, 8)}.${format}`
}

/** Everything held about a person for an access request, without any national-number hash. */
/**
 * Everything held about a person, for an access request: the list's data and, once invited, the
 * invitation (short code, letters, messages) and the answer with its needs and consents. A
 * recording of the name is named here and played on the person page; the sound is not in the file.
 */
export function accessExport(i: Invitee, edition: { id: string; name: string }, now: Date, invitation: PersonInvitation | null = null) {
  return {
    exportedAt: now.toISOString(),
    edition: { id: edition.id, name: edition.name },
    person: {
      id: i.id,
      lastName: i.lastName,
      firstName: i.firstName,
      birthDate: i.birthDate,
      address: { street: i.street, houseNumber: i.houseNumber, box: i.box, postcode: i.postcode, city: i.city },
      email: i.email,
      phone: i.phone,
      language: i.language,
      certificateDate: i.certificateDate,
      source: i.source,
      status: i.status,
      exclusion: i.excludedReason ? { reason: i.excludedReason, at: i.excludedAt?.toISOString() ?? null } : null,
      selection: i.selection,
      householdId: i.householdId,
      carriedFromEditionId: i.carriedFromEditionId,
      hasAskedNextTime: i.hasAskedNextTime,
      importWarnings: i.warnings.map((w) => ({ column: w.column, message: w.message })),
      createdAt: i.createdAt.toISOString(),
      updatedAt: i.updatedAt.toISOString(),
    },
    invitation: invitation && {
      code: invitation.code,
      createdAt: invitation.createdAt,
      letterPrintedAt: invitation.letterPrintedAt,
      letterReturnedAt: invitation.letterReturnedAt,
      messages: invitation.messages,
      answer: invitation.answer,
      recording: invitation.recording,
    },
  }
}
