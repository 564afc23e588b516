// Making a selection: how many places and which method (a GET form, so the preview is a page that
// changes nothing), then the preview in numbers only and the button that confirms it. The
// preview of a draw shows no names: trying seeds until a wished-for person is drawn is pointless.
import type { Edition } from '../../editions/editions.ts'
import { Button, ErrorSummary, Field, Form, Radios, SummaryList } from '../../platform/views/components.tsx'
import type { FormState, PageContext } from '../../platform/views/context.ts'
import { Layout } from '../../platform/views/layout.tsx'
import { paths } from '../../paths.ts'
import type { SelectionChoice } from './selection.ts'
import { FactsList, methodLabel, type SelectionFacts } from './selection-pages.tsx'

export interface SelectionPreview {
  choice: SelectionChoice
  seed: string | null
  /** Proves the seed came from this server, for this edition */
  proof: string | null
  selected: number
  notSelected: number
  placesUsed: number
}

export interface NewSelectionPageProps {
  ctx: PageContext
  edition: Edition
  facts: SelectionFacts
  /** Whether a selection is in effect, which a new one replaces */
  replaces: boolean
  state: FormState
  preview: SelectionPreview | null
}

export function NewSelectionPage({ ctx, edition, facts, replaces, state, preview }: NewSelectionPageProps) {
  const { t } = ctx
  const title = t('selection.new.title', { name: edition.name })
  const needed = facts.candidates > facts.places
  return (
    <Layout ctx={ctx} title={title} hasErrors={state.errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={state.errors} />
      <h1>{title}</h1>
      <FactsList ctx={ctx} facts={facts} />
      {!needed ? (
        <div class="notice notice--success">
          <p>{t('selection.notNeeded', { count: facts.candidates, places: facts.places })}</p>
        </div>
      ) : (
        <>
          {replaces && (
            <div class="notice notice--warning">
              <p>{t('selection.new.replaces')}</p>
            </div>
          )}
          <form method="get" action={paths.editionSelectionNew(edition.id)} novalidate>
            <Field ctx={ctx} name="plaatsen" label="selection.form.places" hint="selection.form.placesHint" hintValues={{ places: facts.places }} value={state.values.plaatsen} inputMode="numeric" width="short" errors={state.errors} />
            <Radios
              ctx={ctx}
              name="methode"
              legend="selection.form.method"
              value={state.values.methode}
              errors={state.errors}
              options={[
                { value: 'certificate_date', label: t('selection.method.certificateDate'), hint: t('selection.method.certificateDateHint') },
                { value: 'draw', label: t('selection.method.draw'), hint: t('selection.method.drawHint') },
              ]}
            />
            <Button variant={preview ? 'secondary' : 'primary'}>{t('selection.form.preview')}</Button>
          </form>
          {preview && <Preview ctx={ctx} edition={edition} facts={facts} preview={preview} />}
        </>
      )}
      <p>
        <a href={paths.editionSelection(edition.id)}>{t('selection.backToSelection')}</a>
      </p>
    </Layout>
  )
}

function Preview({ ctx, edition, facts, preview }: { ctx: PageContext; edition: Edition; facts: SelectionFacts; preview: SelectionPreview }) {
  const { t } = ctx
  const { choice } = preview
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t('selection.preview.title')}</h2>
      <SummaryList
        rows={[
          { key: t('selection.record.method'), value: methodLabel(ctx, choice.method) },
          { key: t('selection.record.places'), value: String(choice.places) },
          { key: t('selection.record.selected'), value: t('selection.facts.people', { count: preview.selected }) },
          { key: t('selection.record.notSelected'), value: t('selection.facts.people', { count: preview.notSelected }) },
          ...(preview.placesUsed < choice.places ? [{ key: t('selection.preview.empty'), value: t('selection.preview.emptyValue', { count: choice.places - preview.placesUsed }) }] : []),
        ]}
      />
      <p>{t(choice.method === 'draw' ? 'selection.preview.drawHelp' : 'selection.preview.dateHelp')}</p>
      <Form ctx={ctx} action={paths.editionSelection(edition.id)}>
        <input type="hidden" name="plaatsen" value={String(choice.places)} />
        <input type="hidden" name="methode" value={choice.method} />
        <input type="hidden" name="kandidaten" value={String(facts.candidates)} />
        {preview.seed && <input type="hidden" name="seed" value={preview.seed} />}
        {preview.proof && <input type="hidden" name="proof" value={preview.proof} />}
        <Button>{t('selection.preview.confirm')}</Button>
      </Form>
    </section>
  )
}
