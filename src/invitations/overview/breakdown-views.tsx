// The funnel broken down: by contact language, by how people were reached, by how they answered.
import { Table } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { isInviteeLanguage } from '../../platform/i18n/languages.ts'
import type { Funnel, ReachRow, ReplyChannelRow } from './funnel.ts'
import { countWithShare } from './funnel-view.tsx'
import { LANGUAGE_LABELS, REACH_CHANNEL_LABELS, REPLY_CHANNEL_LABELS } from './labels.ts'

/** A contact language in the staff language; "unknown" when the list had none, the code when it is not one we know. */
export function languageLabel(ctx: PageContext, code: string | null): string {
  if (code === null) return ctx.t('replies.language.unknown')
  return isInviteeLanguage(code) ? ctx.t(LANGUAGE_LABELS[code]) : code
}

type LanguageRow = { language: string | null; funnel: Funnel }

export function ByLanguageTable({ ctx, rows }: { ctx: PageContext; rows: LanguageRow[] }) {
  const { t } = ctx
  const of = (r: LanguageRow, n: number) => countWithShare(ctx, n, r.funnel.invited)
  return (
    <Table
      caption={t('replies.byLanguage.caption')}
      columns={[
        { header: t('replies.column.language'), cell: (r: LanguageRow) => languageLabel(ctx, r.language) },
        { header: t('replies.stage.invited'), cell: (r) => r.funnel.invited, numeric: true },
        { header: t('replies.stage.reached'), cell: (r) => of(r, r.funnel.reached), numeric: true },
        { header: t('replies.stage.replied'), cell: (r) => of(r, r.funnel.replied), numeric: true },
        { header: t('replies.stage.coming'), cell: (r) => r.funnel.coming.people, numeric: true },
        { header: t('replies.stage.waiting'), cell: (r) => r.funnel.waiting.people, numeric: true },
        { header: t('replies.stage.notComing'), cell: (r) => r.funnel.notComing, numeric: true },
        { header: t('replies.stage.notSure'), cell: (r) => r.funnel.notSure, numeric: true },
        { header: t('replies.stage.notReached'), cell: (r) => r.funnel.notReached.total, numeric: true },
      ]}
      rows={rows}
    />
  )
}

export function ReachTable({ ctx, rows }: { ctx: PageContext; rows: ReachRow[] }) {
  const { t } = ctx
  return (
    <Table
      caption={t('replies.reach.caption')}
      columns={[
        { header: t('replies.column.channel'), cell: (r: ReachRow) => t(REACH_CHANNEL_LABELS[r.channel]) },
        { header: t('replies.stage.reached'), cell: (r) => r.reached, numeric: true },
        { header: t('replies.column.failed'), cell: (r) => r.failed, numeric: true },
        { header: t('replies.stage.replied'), cell: (r) => countWithShare(ctx, r.replied, r.reached), numeric: true },
        { header: t('replies.stage.coming'), cell: (r) => r.coming, numeric: true },
      ]}
      rows={rows}
    />
  )
}

export function ReplyChannelTable({ ctx, rows }: { ctx: PageContext; rows: ReplyChannelRow[] }) {
  const { t } = ctx
  return (
    <Table
      caption={t('replies.replyChannels.caption')}
      columns={[
        { header: t('replies.column.channel'), cell: (r: ReplyChannelRow) => t(REPLY_CHANNEL_LABELS[r.channel]) },
        { header: t('replies.column.replies'), cell: (r) => r.replies, numeric: true },
        { header: t('replies.stage.coming'), cell: (r) => r.coming, numeric: true },
        { header: t('replies.stage.waiting'), cell: (r) => r.waiting, numeric: true },
        { header: t('replies.stage.notComing'), cell: (r) => r.notComing, numeric: true },
        { header: t('replies.stage.notSure'), cell: (r) => r.notSure, numeric: true },
      ]}
      rows={rows}
    />
  )
}
