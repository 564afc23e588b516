// The overview of one edition: when and where, how far the playbook is, what is late or due next,
// the programme, the info market and the contributions, and the next status step.
import { Button, Form, LinkButton, SummaryList, Table, Tag } from '../platform/views/components.tsx'
import type { PageContext } from '../platform/views/context.ts'
import { Layout } from '../platform/views/layout.tsx'
import { INVITEE_LANGUAGE_NAMES } from '../platform/i18n/languages.ts'
import { FunnelSummary } from '../invitations/overview/funnel-view.tsx'
import { paths } from '../paths.ts'
import type { EditionOverview } from './edition-overview.ts'
import { allowedSteps, daysUntil, type Edition } from './editions.ts'
import { countdown, StatusTag } from './editions-pages.tsx'
import type { EditionTask } from './playbook/playbook-queries.ts'

export function EditionOverviewPage({ ctx, edition, overview, now, statusError }: { ctx: PageContext; edition: Edition; overview: EditionOverview; now: Date; statusError?: string }) {
  const { t } = ctx
  const { tasks } = overview
  return (
    <Layout ctx={ctx} title={edition.name} hasErrors={Boolean(statusError)}>
      {statusError && (
        <div class="notice notice--warning" role="alert">
          <p>{t(statusError)}</p>
        </div>
      )}
      <p class="edition-countdown">
        <StatusTag ctx={ctx} status={edition.status} /> {countdown(ctx, daysUntil(edition, now))}
      </p>
      <h1>{edition.name}</h1>
      <SummaryList
        rows={[
          { key: t('editions.field.date'), value: ctx.formatDateTime(edition.startsAt, 'long') },
          { key: t('editions.field.venue'), value: edition.venueName || edition.venueAddress ? [edition.venueName, edition.venueRoom, edition.venueAddress].filter(Boolean).join(', ') : t('editions.overview.noVenue') },
          { key: t('editions.field.capacity'), value: t('editions.overview.capacity', { count: edition.capacity, guests: edition.guestsPerInvitee }) },
          { key: t('editions.field.period'), value: t('editions.overview.period', { from: ctx.formatDate(edition.periodFrom), to: ctx.formatDate(edition.periodTo) }) },
          { key: t('editions.field.replyBy'), value: edition.replyBy ? ctx.formatDate(edition.replyBy) : t('editions.overview.noReplyBy') },
          { key: t('editions.field.languages'), value: edition.languages.map((l) => INVITEE_LANGUAGE_NAMES[l]).join(', ') },
          { key: t('editions.field.organisers'), value: edition.organisers.map((o) => o.name).join(', ') },
          { key: t('editions.field.retentionDays'), value: t('editions.overview.retention', { days: edition.retentionDays }) },
        ]}
      />
      <p class="button-group">
        <LinkButton href={paths.editionEdit(edition.id)}>{t('editions.overview.edit')}</LinkButton>
        <LinkButton href={paths.editionNew(edition.id)}>{t('editions.overview.copy')}</LinkButton>
      </p>

      <h2>{t('editions.overview.invitees')}</h2>
      <p>{t('editions.overview.inviteeCount', { count: overview.invitees, capacity: edition.capacity })}</p>
      <p class="button-group">
        <a href={paths.editionInvitees(edition.id)}>{t('editions.overview.toInvitees')}</a>
        <a href={paths.inviteeImport(edition.id)}>{t('editions.overview.importInvitees')}</a>
        <a href={paths.editionHouseholds(edition.id)}>{t('households.navLink')}</a>
        <a href={paths.editionSelection(edition.id)}>{t('selection.navLink')}</a>
        <a href={paths.editionCarryOver(edition.id)}>{t('carry-over.navLink')}</a>
        <a href={paths.editionPurgeReceipts(edition.id)}>{t('editions.overview.purge')}</a>
      </p>

      <h2>{t('replies.summary.title')}</h2>
      <FunnelSummary ctx={ctx} funnel={overview.replies} capacity={edition.capacity} href={paths.editionReplies(edition.id)} />
      <p class="button-group">
        <a href={paths.editionInvitations(edition.id)}>{t('editions.overview.toInvitations')}</a>
        <a href={paths.editionLetters(edition.id)}>{t('editions.overview.toLetters')}</a>
        <a href={paths.editionReminders(edition.id)}>{t('editions.overview.toReminders')}</a>
        <a href={paths.editionHelpLink(edition.id)}>{t('editions.overview.toHelpLink')}</a>
      </p>

      <h2>{t('editions.overview.playbook')}</h2>
      <p>{t('editions.overview.progress', { done: tasks.done, total: tasks.total })}</p>
      {tasks.overdue.length > 0 && <TaskList ctx={ctx} edition={edition} caption={t('editions.overview.overdue', { count: tasks.overdue.length })} tasks={tasks.overdue} />}
      {tasks.next.length > 0 && <TaskList ctx={ctx} edition={edition} caption={t('editions.overview.nextTasks')} tasks={tasks.next} />}
      <p>
        <a href={paths.editionTasks(edition.id)}>{t('editions.overview.allTasks')}</a>
      </p>

      <h2>{t('editions.overview.programme')}</h2>
      {overview.programme.length === 0 ? (
        <p>{t('editions.overview.noProgramme')}</p>
      ) : (
        <ol class="programme-summary">
          {overview.programme.map((item) => (
            <li>
              <span class="programme-summary__time">
                {item.start}–{item.end}
              </span>{' '}
              {item.title}
              {item.performer && ` (${item.performer})`}
            </li>
          ))}
        </ol>
      )}
      <p>
        <a href={paths.editionProgramme(edition.id)}>{t('editions.overview.toProgramme')}</a>
      </p>

      <h2>{t('editions.overview.infoMarket')}</h2>
      <p>{t('editions.overview.stands', { count: overview.stands.length, filledIn: overview.stands.filter((s) => s.filledInAt).length })}</p>
      <p>
        <a href={paths.editionStands(edition.id)}>{t('editions.overview.toStands')}</a>
      </p>

      <h2>{t('editions.overview.contributions')}</h2>
      <p>{t('editions.overview.contributionCounts', { confirmed: overview.contributions.filter((c) => c.status === 'confirmed').length, asked: overview.contributions.filter((c) => c.status === 'asked').length })}</p>
      <p>
        <a href={paths.editionContributions(edition.id)}>{t('editions.overview.toContributions')}</a>
      </p>

      <h2>{t('editions.overview.practicePage')}</h2>
      <p>{t('editions.overview.practicePageIntro')}</p>
      <Form ctx={ctx} action={paths.editionPracticeEntry(edition.id)}>
        <Button variant="secondary">{t('editions.overview.practicePageButton')}</Button>
      </Form>

      <h2>{t('editions.overview.status')}</h2>
      <p>{t(`editions.status.${edition.status}.explained`)}</p>
      {allowedSteps(edition.status).length > 0 && (
        <Form ctx={ctx} action={paths.editionStatus(edition.id)}>
          <p class="button-group">
            {allowedSteps(edition.status).map((step) => (
              <Button variant="secondary" name="status" value={step}>
                {t(`editions.status.to.${step}`)}
              </Button>
            ))}
          </p>
        </Form>
      )}
      <p>
        <a href={paths.editions()}>{t('editions.backToList')}</a>
      </p>
    </Layout>
  )
}

function TaskList({ ctx, edition, caption, tasks }: { ctx: PageContext; edition: Edition; caption: string; tasks: EditionTask[] }) {
  const { t } = ctx
  return (
    <Table
      caption={caption}
      columns={[
        { header: t('editions.task.title'), cell: (task: EditionTask) => <a href={paths.editionTask(edition.id, task.id)}>{task.title}</a> },
        { header: t('editions.task.due'), cell: (task) => (task.overdue ? <Tag tone="red">{t('editions.task.lateSince', { date: ctx.formatDate(task.dueOn) })}</Tag> : ctx.formatDate(task.dueOn)) },
      ]}
      rows={tasks}
    />
  )
}
