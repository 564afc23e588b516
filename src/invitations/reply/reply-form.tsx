// The fields of an answer, shared by the newcomer's reply page and the staff form: coming or not,
// guests, needs, how to say the name, photo consents, interests and a contribution. Without
// JavaScript every field shows; hints say which ones only matter for "yes".
import type { Translator } from '../../platform/i18n/i18n.ts'
import { INVITEE_LANGUAGE_NAMES, INVITEE_LANGUAGES, RIGHT_TO_LEFT } from '../../platform/i18n/languages.ts'
import { fieldId } from '../../platform/views/form-controls.tsx'
import { CONTRIBUTION_KINDS, REPLY_LIMITS, type ContributionKind, type ReplyInput } from '../reply.ts'
import { CheckControl, CheckList, ErrorText, Group, TextControl, valueOf, type ControlProps, type ReplyFormValues } from './form-controls.tsx'

/** Translation keys spelt out, so the type checker sees every kind. */
export const CONTRIBUTION_LABELS: Record<ContributionKind, string> = {
  music: 'reply.contribution.kind.music',
  food: 'reply.contribution.kind.food',
  art: 'reply.contribution.kind.art',
  testimony: 'reply.contribution.kind.testimony',
}

export interface Offer {
  standId: string
  partnerName: string
  offer: string
}

export interface ReplyFieldsProps extends ControlProps {
  guestsPerInvitee: number
  offers: Offer[]
}

export function ReplyFields(props: ReplyFieldsProps) {
  const { i18n, values, errors, guestsPerInvitee, offers } = props
  const { t } = i18n
  const control = { i18n, values, errors }
  return (
    <>
      <AttendingField {...control} />
      <h3>{t('reply.coming.title')}</h3>
      <p class="hint">{t('reply.coming.hint')}</p>
      {guestsPerInvitee > 0 ? (
        <Group i18n={i18n} name="guests" legend="reply.guests.legend" hint={t('reply.guests.hint', { max: guestsPerInvitee })}>
          <TextControl {...control} name="adults" label="reply.guests.adults" short numeric maxLength={2} />
          <TextControl {...control} name="children" label="reply.guests.children" short numeric maxLength={2} />
        </Group>
      ) : (
        <p>{t('reply.guests.none')}</p>
      )}
      <Group i18n={i18n} name="needs" legend="reply.needs.legend" hint={t('reply.needs.hint')}>
        <div class="checkboxes">
          <CheckControl {...control} name="wheelchair" label="reply.needs.wheelchair" />
          <CheckControl {...control} name="signLanguage" label="reply.needs.signLanguage" />
          <CheckControl {...control} name="childcare" label="reply.needs.childcare" />
          <CheckControl {...control} name="noHandshake" label="reply.needs.noHandshake" />
        </div>
        <InterpreterField {...control} />
      </Group>
      <Group i18n={i18n} name="food" legend="reply.food.legend" hint={t('reply.food.hint')}>
        <div class="checkboxes">
          <CheckControl {...control} name="halal" label="reply.food.halal" />
          <CheckControl {...control} name="vegetarian" label="reply.food.vegetarian" />
          <CheckControl {...control} name="vegan" label="reply.food.vegan" />
        </div>
        <TextControl {...control} name="allergies" label="reply.food.allergies" hint="reply.food.allergiesHint" maxLength={REPLY_LIMITS.allergies} />
      </Group>
      <TextControl {...control} name="phoneticName" label="reply.name.label" hint="reply.name.hint" maxLength={REPLY_LIMITS.phoneticName} />
      <Group i18n={i18n} name="photos" legend="reply.photos.legend" hint={<PhotoHint i18n={i18n} />}>
        <div class="checkboxes">
          <CheckControl {...control} name="photo" label="reply.photos.photo" />
          <CheckControl {...control} name="groupPhoto" label="reply.photos.groupPhoto" />
          <CheckControl {...control} name="publication" label="reply.photos.publication" />
          <CheckControl {...control} name="childrenPhoto" label="reply.photos.childrenPhoto" hint="reply.photos.childrenHint" />
        </div>
      </Group>
      <Group i18n={i18n} name="contribution" legend="reply.contribution.legend" hint={t('reply.contribution.hint')}>
        <CheckList values={values} name="contribution" options={CONTRIBUTION_KINDS.map((kind) => ({ value: kind, label: t(CONTRIBUTION_LABELS[kind]) }))} />
        <TextControl {...control} name="contributionText" label="reply.contribution.text" hint="reply.contribution.textHint" multiline maxLength={REPLY_LIMITS.contribution} />
      </Group>
      {offers.length > 0 && (
        <>
          <h3>{t('reply.interests.title')}</h3>
          <Group i18n={i18n} name="interests" legend="reply.interests.legend" hint={t('reply.interests.hint')}>
            <CheckList values={values} name="interests" options={offers.map((o) => ({ value: o.standId, label: <DutchText text={o.partnerName} />, hint: o.offer }))} />
          </Group>
        </>
      )}
    </>
  )
}

/** Data the municipality wrote in Dutch, kept readable inside a right-to-left page. */
function DutchText({ text }: { text: string }) {
  return (
    <span lang="nl" dir="auto">
      {text}
    </span>
  )
}

function AttendingField({ i18n, values, errors }: ControlProps) {
  const { t } = i18n
  const id = fieldId('attending')
  const error = errors.find((e) => e.field === 'attending')
  const chosen = valueOf(values, 'attending')
  const radio = (value: string, label: string, first = false) => {
    const optionId = first ? id : `${id}-${value}`
    return (
      <div class="radios__item">
        <input class="radios__input" id={optionId} name="attending" type="radio" value={value} checked={chosen === value} />
        <label class="radios__label" for={optionId}>
          {t(label)}
        </label>
      </div>
    )
  }
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend class="fieldset__legend fieldset__legend--large">{t('reply.attending.legend')}</legend>
        {error && <ErrorText i18n={i18n} id={`${id}-error`} error={error} />}
        <div class="radios">
          {radio('yes', 'reply.attending.yes', true)}
          {radio('no', 'reply.attending.no')}
          <div class="conditional">
            <CheckControl i18n={i18n} values={values} name="nextTime" label="reply.nextTime.label" hint="reply.nextTime.hint" />
          </div>
          {radio('maybe', 'reply.attending.maybe')}
        </div>
      </fieldset>
    </div>
  )
}

function InterpreterField({ i18n, values, errors }: ControlProps) {
  const id = fieldId('interpreter')
  const error = errors.find((e) => e.field === 'interpreter')
  const chosen = valueOf(values, 'interpreter')
  const describedBy = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {i18n.t('reply.needs.interpreter')}
      </label>
      <p class="field__hint" id={`${id}-hint`}>
        {i18n.t('reply.needs.interpreterHint')}
      </p>
      {error && <ErrorText i18n={i18n} id={`${id}-error`} error={error} />}
      <select class="select" id={id} name="interpreter" aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>
        <option value="">{i18n.t('reply.needs.interpreterNone')}</option>
        {INVITEE_LANGUAGES.filter((l) => l !== 'nl').map((l) => (
          <option value={l} lang={l} dir={RIGHT_TO_LEFT.includes(l) ? 'rtl' : 'ltr'} selected={chosen === l}>
            {INVITEE_LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  )
}

function PhotoHint({ i18n }: { i18n: Translator }) {
  return (
    <>
      <p>{i18n.t('reply.photos.hint')}</p>
      <p>
        <strong>{i18n.t('reply.photos.voluntary')}</strong>
      </p>
    </>
  )
}

/** The form values of a stored answer, to pre-fill the form. */
export function valuesFromReply(reply: ReplyInput | null): ReplyFormValues {
  if (!reply) return {}
  const yes = (b: boolean) => (b ? 'yes' : '')
  const n = reply.needs
  return {
    attending: reply.attending,
    nextTime: yes(reply.nextTime),
    adults: reply.attending === 'yes' ? String(reply.adults) : '',
    children: reply.attending === 'yes' ? String(reply.children) : '',
    wheelchair: yes(n.wheelchair),
    interpreter: n.interpreter ?? '',
    signLanguage: yes(n.signLanguage),
    childcare: yes(n.childcare),
    halal: yes(n.halal),
    vegetarian: yes(n.vegetarian),
    vegan: yes(n.vegan),
    allergies: n.allergies ?? '',
    noHandshake: yes(n.noHandshake),
    phoneticName: reply.phoneticName ?? '',
    photo: yes(reply.consents.photo),
    groupPhoto: yes(reply.consents.groupPhoto),
    publication: yes(reply.consents.publication),
    childrenPhoto: yes(reply.consents.childrenPhoto),
    interests: reply.interests,
    contribution: reply.contributionKinds,
    contributionText: reply.contributionText ?? '',
  }
}

/** What was posted, to show the form again exactly as it was sent (nothing lost). */
export function valuesFromBody(body: unknown): ReplyFormValues {
  const out: ReplyFormValues = {}
  if (!body || typeof body !== 'object') return out
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === '_csrf') continue
    if (typeof value === 'string') out[key] = value
    else if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === 'string')
  }
  return out
}
