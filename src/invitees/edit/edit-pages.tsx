// The person form, to add someone by hand or to correct what is held. The national register
// number is asked for but never shown again: the edit form only says whether one is held.
import { INVITEE_LANGUAGES, INVITEE_LANGUAGE_NAMES } from '../../platform/i18n/languages.ts'
import { Button, ErrorSummary, Field, Form, Select } from '../../platform/views/components.tsx'
import type { FormState, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { Edition } from '../../editions/editions.ts'
import { fullName } from '../list/person-pages.tsx'
import type { SamePerson } from './edit-queries.ts'

export type FormMode = { kind: 'new' } | { kind: 'edit'; inviteeId: string; name: { lastName: string; firstName: string }; holdsNationalNumber: boolean }

interface PersonFormProps {
  ctx: PageContext
  edition: Edition
  mode: FormMode
  state: FormState
  /** Someone already on the list who is this person */
  duplicate?: SamePerson | null
}

export function PersonFormPage({ ctx, edition, mode, state, duplicate }: PersonFormProps) {
  const { t } = ctx
  const title = mode.kind === 'new' ? t('invitee-edit.new.title') : t('invitee-edit.edit.title', { name: fullName(ctx, mode.name) })
  const action = mode.kind === 'new' ? paths.inviteeNew(edition.id) : paths.inviteeEdit(edition.id, mode.inviteeId)
  const back = mode.kind === 'new' ? paths.editionInvitees(edition.id) : paths.invitee(edition.id, mode.inviteeId)
  const v = state.values
  const field = { ctx, errors: state.errors, autocomplete: 'off' }
  return (
    <Layout ctx={ctx} title={title} hasErrors={state.errors.length > 0}>
      <div class="narrow">
        <ErrorSummary ctx={ctx} errors={state.errors} />
        <p class="hint">{t('invitee-list.person.caption', { edition: edition.name })}</p>
        <h1>{title}</h1>
        {duplicate && (
          <div class="notice notice--warning">
            <p>
              {t(duplicate.by === 'nationalNumber' ? 'invitee-edit.duplicate.byNumber' : 'invitee-edit.duplicate.byName')}{' '}
              <a href={paths.invitee(edition.id, duplicate.id)}>{t('invitee-edit.duplicate.open', { name: fullName(ctx, duplicate) })}</a>
            </p>
          </div>
        )}
        <p>{t(mode.kind === 'new' ? 'invitee-edit.new.intro' : 'invitee-edit.edit.intro')}</p>
        <Form ctx={ctx} action={action}>
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('invitee-edit.section.name')}</legend>
            <Field {...field} name="lastName" label="invitee-edit.field.lastName" hint="invitee-edit.field.nameHint" value={v.lastName} spellcheck={false} />
            <Field {...field} name="firstName" label="invitee-edit.field.firstName" value={v.firstName} spellcheck={false} />
            <Field {...field} name="birthDate" label="invitee-edit.field.birthDate" hint="invitee-edit.field.dateHint" value={v.birthDate} width="medium" />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('invitee-edit.section.address')}</legend>
            <Field {...field} name="street" label="invitee-edit.field.street" value={v.street} />
            <Field {...field} name="houseNumber" label="invitee-edit.field.houseNumber" value={v.houseNumber} width="short" />
            <Field {...field} name="box" label="invitee-edit.field.box" value={v.box} width="short" />
            <Field {...field} name="postcode" label="invitee-edit.field.postcode" value={v.postcode} width="short" inputMode="numeric" />
            <Field {...field} name="city" label="invitee-edit.field.city" value={v.city} />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('invitee-edit.section.contact')}</legend>
            <Field {...field} name="email" type="email" label="invitee-edit.field.email" value={v.email} spellcheck={false} />
            <Field {...field} name="phone" type="tel" label="invitee-edit.field.phone" hint="invitee-edit.field.phoneHint" value={v.phone} />
            <Select
              ctx={ctx}
              errors={state.errors}
              name="language"
              label="invitee-edit.field.language"
              hint="invitee-edit.field.languageHint"
              options={[{ value: '', label: t('invitee-list.noLanguage') }, ...INVITEE_LANGUAGES.map((code) => ({ value: code, label: INVITEE_LANGUAGE_NAMES[code] }))]}
              value={v.language}
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('invitee-edit.section.certificate')}</legend>
            <Field {...field} name="certificateDate" label="invitee-edit.field.certificateDate" hint="invitee-edit.field.dateHint" value={v.certificateDate} width="medium" />
            <Field
              {...field}
              name="nationalNumber"
              label="invitee-edit.field.nationalNumber"
              hint={mode.kind === 'new' ? 'invitee-edit.field.nationalNumberHint' : mode.holdsNationalNumber ? 'invitee-edit.field.nationalNumberHeld' : 'invitee-edit.field.nationalNumberNotHeld'}
              value={v.nationalNumber}
              width="medium"
              inputMode="numeric"
              spellcheck={false}
            />
          </fieldset>
          <p class="button-group">
            <Button>{t(mode.kind === 'new' ? 'invitee-edit.new.submit' : 'invitee-edit.edit.submit')}</Button>
            <a href={back}>{t('invitee-edit.cancel')}</a>
          </p>
        </Form>
      </div>
    </Layout>
  )
}
