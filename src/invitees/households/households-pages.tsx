// The households page: suggestions to confirm (all or some of their people) or dismiss, and the
// confirmed households, from which staff take a person out or which they dissolve. Every action
// is a small form that works without JavaScript.
import type { Edition } from '../../editions/editions.ts'
import { Button, EmptyState, ErrorSummary, Form, Pagination, Tag, fieldId } from '../../platform/views/components.tsx'
import type { FieldError, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths, withQuery } from '../../paths.ts'
import type { Household, HouseholdMember } from './households-queries.ts'

export const HOUSEHOLDS_PAGE_SIZE = 20

// The actions on one household, under the households page. To move into src/paths.ts
// (householdTakeOut, householdDissolve) when that file is next changed.
export interface ShownSuggestion {
  /** The keyed hash of the address: how the form names the suggestion. */
  id: string
  members: HouseholdMember[]
}

export interface HouseholdsPageProps {
  ctx: PageContext
  edition: Edition
  suggestions: ShownSuggestion[]
  suggestionTotal: number
  households: Household[]
  householdTotal: number
  /** The page of suggestions and of households shown */
  pages: { pagina: number; huishoudens: number }
  /** A confirmation that was refused: which suggestion, why, and what was ticked */
  refused?: { suggestionId: string; errors: FieldError[]; chosen: string[] }
}

/** The form field that stands for a suggestion's people; the error summary links to it. */
export function suggestionField(suggestionId: string): string {
  return `s-${suggestionId.slice(0, 16)}`
}

function personName(ctx: PageContext, p: Pick<HouseholdMember, 'lastName' | 'firstName'>): string {
  return ctx.t('households.fullName', { last: p.lastName, first: p.firstName })
}

function addressOf(ctx: PageContext, p: Pick<HouseholdMember, 'street' | 'houseNumber' | 'box' | 'postcode' | 'city'>): string {
  const street = [p.street, p.houseNumber, p.box && ctx.t('households.box', { box: p.box })].filter(Boolean).join(' ')
  return [street, [p.postcode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')
}

function born(ctx: PageContext, p: HouseholdMember): string {
  return p.birthDate ? ctx.t('households.born', { date: ctx.formatDate(p.birthDate) }) : ctx.t('households.birthDateUnknown')
}

export function HouseholdsPage(props: HouseholdsPageProps) {
  const { ctx, edition, suggestions, suggestionTotal, households, householdTotal, pages, refused } = props
  const { t } = ctx
  const title = t('households.title', { name: edition.name })
  const here = paths.editionHouseholds(edition.id)
  return (
    <Layout ctx={ctx} title={title} hasErrors={refused !== undefined}>
      <ErrorSummary ctx={ctx} errors={refused?.errors ?? []} />
      <h1>{title}</h1>
      <p class="lead">{t('households.intro')}</p>
      <p>{t('households.rules')}</p>

      <h2>{t('households.suggestions.title', { count: suggestionTotal })}</h2>
      {suggestions.length === 0 ? (
        <EmptyState title={t('households.suggestions.none')}>
          <p>{t('households.suggestions.noneHelp')}</p>
        </EmptyState>
      ) : (
        <>
          <p>{t('households.suggestions.help')}</p>
          <ul class="plain-list">
            {suggestions.map((s) => (
              <li class="card">
                <SuggestionForm ctx={ctx} edition={edition} suggestion={s} pages={pages} refused={refused?.suggestionId === s.id ? refused : undefined} />
              </li>
            ))}
          </ul>
          <Pagination ctx={ctx} info={{ page: pages.pagina, pageSize: HOUSEHOLDS_PAGE_SIZE, total: suggestionTotal }} href={(n) => withQuery(here, { pagina: n, huishoudens: pages.huishoudens })} />
        </>
      )}

      <h2>{t('households.confirmed.title', { count: householdTotal })}</h2>
      {households.length === 0 ? (
        <p>{t('households.confirmed.none')}</p>
      ) : (
        <>
          <ul class="plain-list">
            {households.map((h) => (
              <li class="card">
                <HouseholdCard ctx={ctx} edition={edition} household={h} pages={pages} />
              </li>
            ))}
          </ul>
          <Pagination ctx={ctx} info={{ page: pages.huishoudens, pageSize: HOUSEHOLDS_PAGE_SIZE, total: householdTotal }} href={(n) => withQuery(here, { pagina: pages.pagina, huishoudens: n })} />
        </>
      )}
      <p>
        <a href={paths.editionInvitees(edition.id)}>{t('households.backToList')}</a>
      </p>
    </Layout>
  )
}

function PageFields({ pages }: { pages: HouseholdsPageProps['pages'] }) {
  return (
    <>
      <input type="hidden" name="pagina" value={String(pages.pagina)} />
      <input type="hidden" name="huishoudens" value={String(pages.huishoudens)} />
    </>
  )
}

function SuggestionForm({ ctx, edition, suggestion, pages, refused }: { ctx: PageContext; edition: Edition; suggestion: ShownSuggestion; pages: HouseholdsPageProps['pages']; refused?: HouseholdsPageProps['refused'] }) {
  const { t } = ctx
  const field = suggestionField(suggestion.id)
  const id = fieldId(field)
  const error = refused?.errors[0]
  const address = suggestion.members[0] ? addressOf(ctx, suggestion.members[0]) : ''
  return (
    <Form ctx={ctx} action={paths.editionHouseholds(edition.id)}>
      <input type="hidden" name="suggestion" value={suggestion.id} />
      <PageFields pages={pages} />
      <div class={`field${error ? ' field--error' : ''}`}>
        <fieldset class="fieldset" aria-describedby={error ? `${id}-error` : undefined}>
          <legend class="fieldset__legend">{t('households.suggestions.legend', { address })}</legend>
          {error && (
            <p class="field__error" id={`${id}-error`}>
              <span class="visually-hidden">{t('common.errorPrefix')} </span>
              {t(error.message)}
            </p>
          )}
          <div class="checkboxes">
            {suggestion.members.map((m, i) => {
              const boxId = i === 0 ? id : `${id}-${i}`
              return (
                <div class="checkboxes__item">
                  <input class="checkboxes__input" id={boxId} name="person" type="checkbox" value={m.id} checked={refused ? refused.chosen.includes(m.id) : true} />
                  <label class="checkboxes__label" for={boxId}>
                    {personName(ctx, m)}, {born(ctx, m)}
                  </label>
                </div>
              )
            })}
          </div>
        </fieldset>
      </div>
      <div class="button-group">
        <Button name="action" value="confirm">
          {t('households.suggestions.confirm')}
          <span class="visually-hidden"> – {address}</span>
        </Button>
        <Button name="action" value="dismiss" variant="secondary">
          {t('households.suggestions.dismiss')}
          <span class="visually-hidden"> – {address}</span>
        </Button>
      </div>
    </Form>
  )
}

function HouseholdCard({ ctx, edition, household, pages }: { ctx: PageContext; edition: Edition; household: Household; pages: HouseholdsPageProps['pages'] }) {
  const { t } = ctx
  const first = household.members[0]
  const address = (first && addressOf(ctx, first)) || t('households.confirmed.noAddress')
  return (
    <>
      <h3 class="card__title">{address}</h3>
      <p class="hint">{t('households.confirmed.since', { date: ctx.formatDate(household.createdAt) })}</p>
      <ul class="plain-list">
        {household.members.map((m) => (
          <li>
            <Form ctx={ctx} action={paths.householdTakeOut(edition.id, household.id)} class="button-group">
              <input type="hidden" name="person" value={m.id} />
              <PageFields pages={pages} />
              <span>
                {personName(ctx, m)}, {born(ctx, m)} {m.excluded && <Tag tone="red">{t('households.excluded')}</Tag>}
              </span>{' '}
              <button type="submit" class="button button--secondary button--small">
                {t('households.confirmed.takeOut')}
                <span class="visually-hidden"> – {personName(ctx, m)}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form ctx={ctx} action={paths.householdDissolve(edition.id, household.id)}>
        <PageFields pages={pages} />
        <button type="submit" class="button button--secondary button--small">
          {t('households.confirmed.dissolve')}
          <span class="visually-hidden"> – {address}</span>
        </button>
      </Form>
    </>
  )
}
