// The small form controls of the reply form, shared by the newcomer page and the staff form. They
// use the design system's class names (field, radios__item, …), which both stylesheets style, and
// take a translator rather than a page context so they render in any invitee language.
import type { ComponentChildren } from 'preact'
import type { Translator } from '../../platform/i18n/i18n.ts'
import type { FieldError } from '../../platform/views/context.ts'
import { fieldId } from '../../platform/views/form-controls.tsx'

/** What the form shows: a stored answer or what was just posted. Ticked boxes of a group are a list. */
export type ReplyFormValues = Record<string, string | string[]>

export interface ControlProps {
  i18n: Translator
  values: ReplyFormValues
  errors: FieldError[]
}

export const valueOf = (values: ReplyFormValues, name: string): string => {
  const v = values[name]
  return typeof v === 'string' ? v : ''
}

export const listOf = (values: ReplyFormValues, name: string): string[] => {
  const v = values[name]
  return Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []
}

const isTicked = (values: ReplyFormValues, name: string) => ['yes', 'on', '1', 'true'].includes(valueOf(values, name))

export function ErrorText({ i18n, id, error }: { i18n: Translator; id: string; error: FieldError }) {
  return (
    <p class="field__error" id={id}>
      <span class="visually-hidden">{i18n.t('reply.errorPrefix')} </span>
      {i18n.t(error.message, error.values)}
    </p>
  )
}

/** A summary of the errors at the top of the page, each linking to its field (GOV.UK pattern). */
export function ReplyErrorSummary({ i18n, errors }: { i18n: Translator; errors: FieldError[] }) {
  if (errors.length === 0) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title" class="error-summary__title">
        {i18n.t('reply.error.summaryTitle')}
      </h2>
      <ul class="error-summary__list">
        {errors.map((e) => (
          <li>
            <a href={`#${fieldId(e.field)}`}>{i18n.t(e.message, e.values)}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

interface TextProps extends ControlProps {
  name: string
  label: string
  hint?: string
  short?: boolean
  numeric?: boolean
  multiline?: boolean
  maxLength?: number
  autocomplete?: string
}

/** A text box with its label, hint and error tied to it by aria-describedby. */
export function TextControl({ i18n, values, errors, name, label, hint, short, numeric, multiline, maxLength, autocomplete }: TextProps) {
  const id = fieldId(name)
  const error = errors.find((e) => e.field === name)
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  const common = { id, name, 'aria-describedby': describedBy, 'aria-invalid': error ? ('true' as const) : undefined, maxLength }
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {i18n.t(label)}
      </label>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {i18n.t(hint)}
        </p>
      )}
      {error && <ErrorText i18n={i18n} id={`${id}-error`} error={error} />}
      {multiline ? (
        <textarea class="textarea" rows={4} {...common}>
          {valueOf(values, name)}
        </textarea>
      ) : (
        <input
          class={`input ${short ? 'input--short' : 'input--full'}`}
          type="text"
          value={valueOf(values, name)}
          inputMode={numeric ? 'numeric' : undefined}
          pattern={numeric ? '[0-9]*' : undefined}
          autocomplete={autocomplete ?? 'off'}
          spellcheck={false}
          {...common}
        />
      )}
    </div>
  )
}

/** One checkbox that posts "yes" when ticked. */
export function CheckControl({ i18n, values, name, label, hint }: Omit<ControlProps, 'errors'> & { name: string; label: string; hint?: string }) {
  const id = fieldId(name)
  return (
    <div class="checkboxes__item">
      <input class="checkboxes__input" id={id} name={name} type="checkbox" value="yes" checked={isTicked(values, name)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label class="checkboxes__label" for={id}>
        {i18n.t(label)}
      </label>
      {hint && (
        <p class="radios__hint" id={`${id}-hint`}>
          {i18n.t(hint)}
        </p>
      )}
    </div>
  )
}

/** A fieldset with a legend and a hint the group is described by. */
export function Group({ i18n, name, legend, hint, errors, children }: { i18n: Translator; name: string; legend: string; hint?: ComponentChildren; errors?: FieldError[]; children: ComponentChildren }) {
  const id = `${fieldId(name)}-group`
  const error = errors?.find((e) => e.field === name)
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy}>
        <legend class="fieldset__legend">{i18n.t(legend)}</legend>
        {hint && (
          <div class="field__hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        {error && <ErrorText i18n={i18n} id={`${id}-error`} error={error} />}
        {children}
      </fieldset>
    </div>
  )
}

/** Checkboxes that post the same name once per ticked value; labels are already translated. */
export function CheckList({ values, name, options }: { values: ReplyFormValues; name: string; options: { value: string; label: ComponentChildren; hint?: string }[] }) {
  const chosen = listOf(values, name)
  return (
    <div class="checkboxes">
      {options.map((o, i) => {
        const id = i === 0 ? fieldId(name) : `${fieldId(name)}-${o.value}`
        return (
          <div class="checkboxes__item">
            <input class="checkboxes__input" id={id} name={name} type="checkbox" value={o.value} checked={chosen.includes(o.value)} aria-describedby={o.hint ? `${id}-hint` : undefined} />
            <label class="checkboxes__label" for={id}>
              {o.label}
            </label>
            {o.hint && (
              <p class="radios__hint" id={`${id}-hint`}>
                {o.hint}
              </p>
            )}
          </div>
        )
      })}
    </div>
  )
}
