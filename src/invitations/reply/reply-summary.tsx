// An answer in plain words: on the thank-you page, on the reply page once replying has closed,
// and for a refused late answer (what the person filled in, so nothing is lost).
import type { Translator } from '../../platform/i18n/i18n.ts'
import { INVITEE_LANGUAGE_NAMES } from '../../platform/i18n/languages.ts'
import type { Needs, Place, ReplyInput } from '../reply.ts'
import { CONTRIBUTION_LABELS, type Offer } from './reply-form.tsx'

const NEED_LABELS: Record<Exclude<keyof Needs, 'interpreter' | 'allergies'>, string> = {
  wheelchair: 'reply.needs.wheelchair',
  signLanguage: 'reply.needs.signLanguage',
  childcare: 'reply.needs.childcare',
  noHandshake: 'reply.needs.noHandshake',
  halal: 'reply.food.halal',
  vegetarian: 'reply.food.vegetarian',
  vegan: 'reply.food.vegan',
}

const CONSENT_LABELS: Record<keyof ReplyInput['consents'], string> = {
  photo: 'reply.photos.photo',
  groupPhoto: 'reply.photos.groupPhoto',
  publication: 'reply.photos.publication',
  childrenPhoto: 'reply.photos.childrenPhoto',
}

export interface SummaryProps {
  i18n: Translator
  reply: ReplyInput
  place: Place | null
  /** Where a waiting person stands, 1 for the first. */
  waitingPosition: number | null
  offers: Offer[]
}

/** The answer's headline: coming with guests, waiting as number K, not coming, not sure yet. */
export function ReplyStatus({ i18n, reply, place, waitingPosition }: Omit<SummaryProps, 'offers'>) {
  const { t } = i18n
  if (reply.attending === 'yes' && place === 'waiting') {
    return (
      <>
        <p class="status">{waitingPosition ? t('reply.summary.waitingNumber', { position: waitingPosition }) : t('reply.summary.waiting')}</p>
        <p>{t('reply.summary.waitingHint')}</p>
      </>
    )
  }
  if (reply.attending === 'yes') return <p class="status">{t('reply.summary.coming', { guests: reply.adults + reply.children })}</p>
  if (reply.attending === 'no') {
    return (
      <>
        <p class="status">{t('reply.summary.notComing')}</p>
        {reply.nextTime && <p>{t('reply.summary.nextTime')}</p>}
      </>
    )
  }
  return (
    <>
      <p class="status">{t('reply.summary.maybe')}</p>
      <p>{t('reply.summary.maybeHint')}</p>
    </>
  )
}

export function ReplySummary(props: SummaryProps) {
  const { i18n, reply, offers } = props
  const { t } = i18n
  const coming = reply.attending === 'yes'
  const needs = (Object.keys(NEED_LABELS) as (keyof typeof NEED_LABELS)[]).filter((k) => reply.needs[k]).map((k) => t(NEED_LABELS[k]))
  if (reply.needs.interpreter) needs.push(t('reply.summary.interpreter', { language: INVITEE_LANGUAGE_NAMES[reply.needs.interpreter] }))
  const consents = (Object.keys(CONSENT_LABELS) as (keyof typeof CONSENT_LABELS)[]).filter((k) => reply.consents[k]).map((k) => t(CONSENT_LABELS[k]))
  const interests = offers.filter((o) => reply.interests.includes(o.standId))
  return (
    <div class="summary">
      <ReplyStatus {...props} />
      {coming && (
        <>
          <h3>{t('reply.summary.needs')}</h3>
          {needs.length > 0 || reply.needs.allergies ? (
            <ul>
              {needs.map((n) => (
                <li>{n}</li>
              ))}
              {reply.needs.allergies && (
                <li>
                  {t('reply.food.allergies')}: <bdi>{reply.needs.allergies}</bdi>
                </li>
              )}
            </ul>
          ) : (
            <p>{t('reply.summary.needsNone')}</p>
          )}
          <h3>{t('reply.photos.legend')}</h3>
          {consents.length > 0 ? (
            <ul>
              {consents.map((c) => (
                <li>{c}</li>
              ))}
            </ul>
          ) : (
            <p>{t('reply.summary.photosNone')}</p>
          )}
        </>
      )}
      {reply.phoneticName && (
        <>
          <h3>{t('reply.name.label')}</h3>
          <p>
            <bdi>{reply.phoneticName}</bdi>
          </p>
        </>
      )}
      {interests.length > 0 && (
        <>
          <h3>{t('reply.summary.interests')}</h3>
          <ul>
            {interests.map((o) => (
              <li lang="nl">{o.partnerName}</li>
            ))}
          </ul>
        </>
      )}
      {coming && reply.contributionKinds.length > 0 && (
        <>
          <h3>{t('reply.summary.contribution')}</h3>
          <p>{reply.contributionKinds.map((k) => t(CONTRIBUTION_LABELS[k])).join(', ')}</p>
          {reply.contributionText && (
            <p>
              <bdi>{reply.contributionText}</bdi>
            </p>
          )}
        </>
      )}
    </div>
  )
}
