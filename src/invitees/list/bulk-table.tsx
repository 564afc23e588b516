// The people on one page of the list, in a form: tick rows, then choose what happens to them.
// It works without JavaScript: "tick everyone on this page" is a link that reloads the page with
// every box ticked, and each action is a submit button of the form.
import { Button, Form, Pagination, Table, Tag } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { paths, withQuery } from '../../paths.ts'
import type { Edition } from '../../editions/editions.ts'
import { backFields } from './bulk.ts'
import { INVITEE_PAGE_SIZE, type Invitee, type ListQuery } from './invitee-list.ts'
import { LanguageName } from './language-name.tsx'
import { StatusTag } from './status-labels.tsx'

export function BulkTable({ ctx, edition, invitees, total, query }: { ctx: PageContext; edition: Edition; invitees: Invitee[]; total: number; query: ListQuery }) {
  const { t } = ctx
  const listPath = paths.editionInvitees(edition.id)
  const here = { ...query.values, pagina: query.page > 1 ? query.page : undefined }
  const name = (i: Invitee) => t('invitee-list.fullName', { last: i.lastName, first: i.firstName })
  return (
    <Form ctx={ctx} action={paths.inviteesBulk(edition.id)}>
      {backFields(query).map(([field, value]) => (
        <input type="hidden" name={field} value={value} />
      ))}
      <p>
        {query.tickAll ? (
          <a href={withQuery(listPath, here)}>{t('invitee-list.bulk.untickAll')}</a>
        ) : (
          <a href={withQuery(listPath, { ...here, aanvinken: 'alle' })}>{t('invitee-list.bulk.tickAll', { count: invitees.length })}</a>
        )}
      </p>
      <Table
        caption={t('invitee-list.caption', { page: query.page })}
        columns={[
          {
            header: t('invitee-list.column.tick'),
            cell: (i: Invitee) => (
              <div class="checkboxes__item">
                <input class="checkboxes__input" type="checkbox" id={`tick-${i.id}`} name="ids" value={i.id} checked={query.tickAll} />
                <label class="visually-hidden" for={`tick-${i.id}`}>
                  {t('invitee-list.bulk.tick', { name: name(i) })}
                </label>
              </div>
            ),
          },
          {
            header: t('invitee-list.column.name'),
            cell: (i) => (
              <>
                <a href={paths.invitee(edition.id, i.id)}>{name(i)}</a>
                {i.householdId && <> <Tag tone="blue">{t('households.tag')}</Tag></>}
              </>
            ),
          },
          { header: t('invitee-list.column.status'), cell: (i) => <StatusTag ctx={ctx} invitee={i} /> },
          { header: t('invitee-list.column.city'), cell: (i) => i.city ?? '' },
          { header: t('invitee-list.column.language'), cell: (i) => (i.language ? <LanguageName code={i.language} /> : t('invitee-list.noLanguage')) },
          { header: t('invitee-list.column.contact'), cell: (i) => <Contact ctx={ctx} invitee={i} /> },
          { header: t('invitee-list.column.warnings'), cell: (i) => (i.warnings.length ? String(i.warnings.length) : t('invitee-list.noWarnings')), numeric: true },
        ]}
        rows={invitees}
      />
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('invitee-list.bulk.legend')}</legend>
        <p class="button-group">
          <Button variant="secondary" name="actie" value="exclude">
            {t('invitee-list.bulk.exclude')}
          </Button>
          <Button variant="secondary" name="actie" value="include">
            {t('invitee-list.bulk.include')}
          </Button>
          <Button variant="secondary" name="actie" value="next_time">
            {t('invitee-list.bulk.nextTime')}
          </Button>
          <Button variant="secondary" name="actie" value="not_next_time">
            {t('invitee-list.bulk.notNextTime')}
          </Button>
          <Button variant="warning" name="actie" value="erase">
            {t('invitee-list.bulk.erase')}
          </Button>
        </p>
      </fieldset>
      <Pagination ctx={ctx} info={{ page: query.page, pageSize: INVITEE_PAGE_SIZE, total }} href={(page) => withQuery(listPath, { ...query.values, pagina: page })} />
    </Form>
  )
}

/** Whether the person can be reached, in words: never colour alone. */
function Contact({ ctx, invitee }: { ctx: PageContext; invitee: Invitee }) {
  const { t } = ctx
  if (!invitee.email && !invitee.phone) return <>{t('invitee-list.contact.none')}</>
  return <>{[invitee.email && t('invitee-list.contact.email'), invitee.phone && t('invitee-list.contact.phone')].filter(Boolean).join(', ')}</>
}
