// Form controls of the design system, after the GOV.UK Design System: every control has a label,
// an optional hint and error linked by aria-describedby, and keeps its value after an error.
import type { ComponentChildren } from 'preact'
import type { FieldError, PageContext } from './context.ts'

export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FieldError[] }) {
  if (errors.length === 0) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} data-error-summary>
      <h2 id="error-summary-title" class="error-summary__title">
        {ctx.t('common.errorSummaryTitle')}
      </h2>
      <ul class="error-summary__list">
        {errors.map((e) => (
          <li>
            <a href={`#${fieldId(e.field)}`}>{ctx.t(e.message, e.values)}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The id of a field's control; the error summary links to it. */
export function fieldId(name: string): string {
  return `field-${name}`
}

interface Common {
  ctx: PageContext
  name: string
  /** Translation key */
  label: string
  /** Translation key */
  hint?: string
  hintValues?: Record<string, string | number>
  errors?: FieldError[]
}

/** Label, hint and error of one control, and the aria-describedby that ties them to it. */
function FieldFrame({ ctx, name, label, hint, hintValues, errors, children }: Common & { children: (describedBy: string | undefined, invalid: 'true' | undefined) => ComponentChildren }) {
  const id = fieldId(name)
  const error = errors?.find((e) => e.field === name)
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {ctx.t(label)}
      </label>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {ctx.t(hint, hintValues)}
        </p>
      )}
      {error && <ErrorMessage ctx={ctx} id={`${id}-error`} error={error} />}
      {children(describedBy, error ? 'true' : undefined)}
    </div>
  )
}

function ErrorMessage({ ctx, id, error }: { ctx: PageContext; id: string; error: FieldError }) {
  return (
    <p class="field__error" id={id}>
      <span class="visually-hidden">{ctx.t('common.errorPrefix')} </span>
      {ctx.t(error.message, error.values)}
    </p>
  )
}

interface FieldProps extends Common {
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'date' | 'time' | 'datetime-local' | 'color'
  value?: string | number | null
  autocomplete?: string
  required?: boolean
  inputMode?: 'numeric' | 'text' | 'email' | 'tel'
  width?: 'short' | 'medium' | 'full'
  spellcheck?: boolean
}

export function Field(props: FieldProps) {
  return (
    <FieldFrame {...props}>
      {(describedBy, invalid) => (
        <input
          class={`input input--${props.width ?? 'full'}`}
          id={fieldId(props.name)}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value ?? ''}
          autocomplete={props.autocomplete}
          required={props.required}
          inputMode={props.inputMode}
          spellcheck={props.spellcheck}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
      )}
    </FieldFrame>
  )
}

/** A select whose option labels are already translated (they often are data, not keys). */
export function Select(props: Common & { options: { value: string; label: string }[]; value?: string | null }) {
  return (
    <FieldFrame {...props}>
      {(describedBy, invalid) => (
        <select class="select" id={fieldId(props.name)} name={props.name} aria-describedby={describedBy} aria-invalid={invalid}>
          {props.options.map((o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  )
}

export function Textarea(props: Common & { value?: string; rows?: number }) {
  return (
    <FieldFrame {...props}>
      {(describedBy, invalid) => (
        <textarea class="textarea" id={fieldId(props.name)} name={props.name} rows={props.rows ?? 4} aria-describedby={describedBy} aria-invalid={invalid}>
          {props.value ?? ''}
        </textarea>
      )}
    </FieldFrame>
  )
}

/** A file upload; needs a <Form multipart>. */
export function FileInput(props: Common & { accept: string }) {
  return (
    <FieldFrame {...props}>
      {(describedBy, invalid) => <input class="file-upload" id={fieldId(props.name)} name={props.name} type="file" accept={props.accept} aria-describedby={describedBy} aria-invalid={invalid} />}
    </FieldFrame>
  )
}

/** One checkbox that posts "yes" when ticked. */
export function Checkbox({ ctx, name, label, checked }: { ctx: PageContext; name: string; label: string; checked: boolean }) {
  const id = fieldId(name)
  return (
    <div class="field">
      <div class="checkboxes__item">
        <input class="checkboxes__input" id={id} name={name} type="checkbox" value="yes" checked={checked} />
        <label class="checkboxes__label" for={id}>
          {ctx.t(label)}
        </label>
      </div>
    </div>
  )
}

export interface RadioOption {
  value: string
  /** Already translated */
  label: string
  /** Already translated */
  hint?: string
}

/** A group of radios in a fieldset; the first radio carries the field id the error summary links to. */
export function Radios({ ctx, name, legend, value, errors, options }: { ctx: PageContext; name: string; legend: string; value: string | undefined; errors: FieldError[]; options: RadioOption[] }) {
  const id = fieldId(name)
  const error = errors.find((e) => e.field === name)
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend class="fieldset__legend">{ctx.t(legend)}</legend>
        {error && <ErrorMessage ctx={ctx} id={`${id}-error`} error={error} />}
        <div class="radios">
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.value}`
            return (
              <div class="radios__item">
                <input class="radios__input" id={optionId} name={name} type="radio" value={o.value} checked={o.value === value} aria-describedby={o.hint ? `${optionId}-hint` : undefined} />
                <label class="radios__label" for={optionId}>
                  {o.label}
                </label>
                {o.hint && (
                  <p class="radios__hint" id={`${optionId}-hint`}>
                    {o.hint}
                  </p>
                )}
              </div>
            )
          })}
        </div>
      </fieldset>
    </div>
  )
}

/** Checkboxes in a fieldset, laid out in columns; the first box carries the id the error summary links to. */
export function CheckboxGroup({ ctx, name, legend, hint, options, checked, errors }: { ctx: PageContext; name: string; legend: string; hint?: string; options: { value: string; label: string }[]; checked: string[]; errors: FieldError[] }) {
  const id = fieldId(name)
  const error = errors.find((e) => e.field === name)
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy}>
        <legend class="fieldset__legend">{ctx.t(legend)}</legend>
        {hint && (
          <p class="field__hint" id={`${id}-hint`}>
            {ctx.t(hint)}
          </p>
        )}
        {error && <ErrorMessage ctx={ctx} id={`${id}-error`} error={error} />}
        <div class="checkboxes checkboxes--columns">
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.value}`
            return (
              <div class="checkboxes__item">
                <input class="checkboxes__input" id={optionId} name={name} type="checkbox" value={o.value} checked={checked.includes(o.value)} />
                <label class="checkboxes__label" for={optionId}>
                  {o.label}
                </label>
              </div>
            )
          })}
        </div>
      </fieldset>
    </div>
  )
}

/** A form that posts with its CSRF token. */
export function Form({ ctx, action, children, class: className, multipart }: { ctx: PageContext; action: string; children: ComponentChildren; class?: string; multipart?: boolean }) {
  return (
    <form method="post" action={action} class={className} novalidate enctype={multipart ? 'multipart/form-data' : undefined}>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {children}
    </form>
  )
}

export function Button({ children, variant = 'primary', name, value }: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'warning'; name?: string; value?: string }) {
  return (
    <button type="submit" class={`button button--${variant}`} name={name} value={value}>
      {children}
    </button>
  )
}
