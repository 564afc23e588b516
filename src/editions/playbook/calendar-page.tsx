// The staff calendar of an edition: a secret address that calendar apps subscribe to. Only its
// hash is kept, so the address is shown once, right after it is made; it can be replaced or revoked.
import { Button, Form } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../editions.ts'

export function CalendarPage({ ctx, edition, address }: { ctx: PageContext; edition: Edition; address?: string }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('playbook.calendar.title')}>
      <div class="narrow">
        <p class="hint">{edition.name}</p>
        <h1>{t('playbook.calendar.title')}</h1>
        <p class="lead">{t('playbook.calendar.intro')}</p>
        {address && (
          <div class="notice notice--success" role="status">
            <h2>{t('playbook.calendar.createdTitle')}</h2>
            <p>{t('playbook.calendar.createdIntro')}</p>
            <p class="break-anywhere">
              <code>{address}</code>
            </p>
            <p>{t('playbook.calendar.createdOnce')}</p>
          </div>
        )}
        {edition.hasCalendarFeed ? (
          <>
            {!address && <p>{t('playbook.calendar.exists')}</p>}
            <h2>{t('playbook.calendar.replaceTitle')}</h2>
            <p>{t('playbook.calendar.replaceIntro')}</p>
            <Form ctx={ctx} action={paths.editionCalendar(edition.id)}>
              <input type="hidden" name="action" value="create" />
              <Button variant="secondary">{t('playbook.calendar.replace')}</Button>
            </Form>
            <h2>{t('playbook.calendar.revokeTitle')}</h2>
            <p>{t('playbook.calendar.revokeIntro')}</p>
            <Form ctx={ctx} action={paths.editionCalendar(edition.id)}>
              <input type="hidden" name="action" value="revoke" />
              <Button variant="warning">{t('playbook.calendar.revoke')}</Button>
            </Form>
          </>
        ) : (
          <>
            <p>{t('playbook.calendar.none')}</p>
            <Form ctx={ctx} action={paths.editionCalendar(edition.id)}>
              <input type="hidden" name="action" value="create" />
              <Button>{t('playbook.calendar.create')}</Button>
            </Form>
          </>
        )}
        <p>
          <a href={paths.editionTasks(edition.id)}>{t('playbook.backToTasks')}</a>
        </p>
      </div>
    </Layout>
  )
}
