import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { HIGHLIGHT_END, HIGHLIGHT_START, snippetAround } from './search.ts'

const show = (snippet: string) => snippet.replaceAll(HIGHLIGHT_START, '[').replaceAll(HIGHLIGHT_END, ']')

describe('snippets made beside SQLite trigram search', () => {
  test('marks every match inside words, ignoring case and accents, and keeps the text as written', () => {
    assert.equal(show(snippetAround('Inburgeringsceremonie — Het Taalcafé in Mol.', ['ceremonie', 'taalcafe', 'mol'])), 'Inburgerings[ceremonie] — Het [Taalcafé] in [Mol].')
    assert.equal(show(snippetAround('ÉCOLE en İstanbul', ['ecole', 'istanbul'])), '[ÉCOLE] en [İstanbul]')
  })

  test('shows about thirty words from shortly before the first match, with … where text was cut', () => {
    const text = `${'voor '.repeat(50)}het taalcafé ${'na '.repeat(50)}`.trim()
    const snippet = show(snippetAround(text, ['taalcafé']))
    assert.match(snippet, /^…(voor ){4}het \[taalcafé\] (na ){23}na…$/)
  })

  test('markup in the text stays text, and no match gives the start of the text', () => {
    assert.equal(show(snippetAround('<img src=x onerror=alert(1)> tekst', ['onerror'])), '<img src=x [onerror]=alert(1)> tekst')
    assert.equal(snippetAround('Een korte tekst', ['xylofoon']), 'Een korte tekst')
    assert.equal(snippetAround('', ['x']), '')
  })
})
