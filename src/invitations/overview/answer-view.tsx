// A person's current answer in plain words, for staff: coming with whom, what they need, which
// photos they agreed to (each named), what they want to hear about and offer, and how it came in.
import { SummaryList } from '../../platform/views/components.tsx'
import type { PageContext } from '../../platform/views/context.ts'
import { CONTRIBUTION_KINDS } from '../reply.ts'
import { languageLabel } from './breakdown-views.tsx'
import { CONTRIBUTION_LABELS, REPLY_CHANNEL_LABELS } from './labels.ts'
import { readNeeds } from './needs.ts'
import type { PersonAnswer } from './person-invitation-queries.ts'

function attendance(ctx: PageContext, a: PersonAnswer): string {
  const { t } = ctx
  if (a.attending === 'no') return t('replies.answer.no')
  if (a.attending === 'maybe') return t('replies.answer.maybe')
  if (a.place === 'waiting') return t('replies.answer.waiting', { since: a.waitingSince ? ctx.formatDateTime(a.waitingSince) : '–' })
  return t('replies.answer.yes')
}

function needsList(ctx: PageContext, a: PersonAnswer): string[] {
  const { t } = ctx
  const needs = readNeeds(a.needs)
  const named: string[] = []
  if (needs.wheelchair) named.push(t('replies.needs.wheelchair'))
  if (needs.signLanguage) named.push(t('replies.needs.signLanguage'))
  if (needs.interpreter) named.push(t('replies.answer.interpreter', { language: languageLabel(ctx, needs.interpreter) }))
  if (needs.childcare) named.push(t('replies.needs.childcare'))
  if (needs.halal) named.push(t('replies.needs.halal'))
  if (needs.vegetarian) named.push(t('replies.needs.vegetarian'))
  if (needs.vegan) named.push(t('replies.needs.vegan'))
  if (needs.allergies) named.push(t('replies.answer.allergies', { text: needs.allergies }))
  if (needs.noHandshake) named.push(t('replies.needs.noHandshake'))
  return named
}

function List({ items, none }: { items: string[]; none: string }) {
  if (items.length === 0) return <>{none}</>
  return (
    <ul class="plain-list break-anywhere">
      {items.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  )
}

export function AnswerSummary({ ctx, answer }: { ctx: PageContext; answer: PersonAnswer }) {
  const { t } = ctx
  const none = t('replies.answer.none')
  const yesNo = (value: boolean) => t(value ? 'replies.answer.consentYes' : 'replies.answer.consentNo')
  const coming = answer.attending === 'yes'
  const consents = [
    t('replies.answer.photo', { answer: yesNo(answer.consents.photo) }),
    t('replies.answer.groupPhoto', { answer: yesNo(answer.consents.groupPhoto) }),
    t('replies.answer.publication', { answer: yesNo(answer.consents.publication) }),
    ...(answer.children > 0 ? [t('replies.answer.childrenPhoto', { answer: yesNo(answer.consents.childrenPhoto) })] : []),
  ]
  const kinds = Array.isArray(answer.contributionKinds) ? CONTRIBUTION_KINDS.filter((k) => (answer.contributionKinds as unknown[]).includes(k)) : []
  const contribution = [...kinds.map((k) => t(CONTRIBUTION_LABELS[k])), ...(answer.contributionText ? [answer.contributionText] : [])]
  const channel = t(REPLY_CHANNEL_LABELS[answer.channel] ?? 'replies.replyChannel.web')
  return (
    <SummaryList
      rows={[
        { key: t('replies.answer.attending'), value: attendance(ctx, answer) },
        ...(coming ? [{ key: t('replies.answer.guests'), value: t('replies.answer.guestCount', { adults: answer.adults, children: answer.children }) }] : []),
        ...(coming ? [{ key: t('replies.answer.needs'), value: <List items={needsList(ctx, answer)} none={none} /> }] : []),
        ...(coming ? [{ key: t('replies.answer.consents'), value: <List items={consents} none={none} /> }] : []),
        { key: t('replies.answer.phoneticName'), value: answer.phoneticName ?? t('replies.answer.notGiven') },
        { key: t('replies.answer.interests'), value: <List items={answer.interests} none={none} /> },
        ...(coming ? [{ key: t('replies.answer.contribution'), value: <List items={contribution} none={none} /> }] : []),
        {
          key: t('replies.answer.channel'),
          value: answer.recordedBy ? t('replies.answer.recordedBy', { channel, name: answer.recordedBy }) : channel,
        },
        ...(answer.language ? [{ key: t('replies.answer.language'), value: languageLabel(ctx, answer.language) }] : []),
        { key: t('replies.answer.repliedAt'), value: ctx.formatDateTime(answer.repliedAt) },
        ...(answer.updatedAt.getTime() !== answer.repliedAt.getTime() ? [{ key: t('replies.answer.updatedAt'), value: ctx.formatDateTime(answer.updatedAt) }] : []),
      ]}
    />
  )
}
