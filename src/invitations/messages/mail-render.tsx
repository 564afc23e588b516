// The e-mail of a message: a text part and an HTML part with the same content. The Dutch text comes
// first; a translation follows under a label that says, in Dutch and in the language, that it is a
// translation of the Dutch text (the law lets a Flemish municipality add one, labelled as such).
// The HTML is simple and table-free, escaped by preact, readable without images or styles.
import { renderToString } from 'preact-render-to-string'
import type { Translator } from '../../platform/i18n/i18n.ts'
import type { Block, Composed } from './message-blocks.ts'

export interface LanguageVersion {
  translator: Translator
  composed: Composed
}

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

/** The label over a translation: in Dutch, then in the language itself. */
export function translationLabel(nl: Translator, translation: Translator): string {
  return `${nl.t('invitation-mail.translationLabel')} / ${translation.t('invitation-mail.translationLabel')}`
}

export function renderMail(dutch: LanguageVersion, translation: LanguageVersion | null): RenderedMail {
  const subject = translation ? `${dutch.composed.subject} / ${translation.composed.subject}` : dutch.composed.subject
  const label = translation ? translationLabel(dutch.translator, translation.translator) : null
  const textParts = [blocksText(dutch.composed.blocks)]
  if (translation && label) textParts.push(`-----\n${label}\n-----`, blocksText(translation.composed.blocks))
  const html =
    '<!doctype html>' +
    renderToString(
      <html lang="nl" dir="ltr">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{subject}</title>
        </head>
        <body>
          <div lang="nl" dir="ltr">
            <Blocks blocks={dutch.composed.blocks} />
          </div>
          {translation && label && (
            <>
              <hr />
              <div lang={translation.translator.locale} dir={translation.translator.dir}>
                <p>
                  <strong>
                    <span lang="nl" dir="ltr">
                      {dutch.translator.t('invitation-mail.translationLabel')}
                    </span>
                    {' / '}
                    <span>{translation.translator.t('invitation-mail.translationLabel')}</span>
                  </strong>
                </p>
                <Blocks blocks={translation.composed.blocks} />
              </div>
            </>
          )}
        </body>
      </html>,
    )
  return { subject, text: textParts.join('\n\n') + '\n', html }
}

export function blocksText(blocks: Block[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'p':
          return block.text
        case 'facts':
          return block.rows.map((row) => `${row.label}: ${row.value}`).join('\n')
        case 'action':
          return `${block.text}\n${block.url}`
      }
    })
    .join('\n\n')
}

function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((block) => {
        switch (block.type) {
          case 'p':
            return <Paragraph text={block.text} />
          case 'facts':
            return (
              <p>
                {block.rows.map((row, i) => (
                  <>
                    {i > 0 && <br />}
                    <strong>{row.label}:</strong> {row.value}
                  </>
                ))}
              </p>
            )
          case 'action':
            return (
              <p>
                {block.text}
                <br />
                {/* The address stays left-to-right inside a right-to-left block. */}
                <a href={block.url} dir="ltr">
                  {block.url}
                </a>
              </p>
            )
        }
      })}
    </>
  )
}

/** A paragraph whose line breaks (the sign-off) stay line breaks. */
function Paragraph({ text }: { text: string }) {
  const lines = text.split('\n')
  return (
    <p>
      {lines.map((line, i) => (
        <>
          {i > 0 && <br />}
          {line}
        </>
      ))}
    </p>
  )
}
