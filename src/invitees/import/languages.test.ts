import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { INVITEE_LANGUAGE_NAMES, INVITEE_LANGUAGES } from '../../platform/i18n/languages.ts'
import { inviteeLanguageOf } from './languages.ts'

const EXPECTED: Record<string, string[]> = {
  ar: ['ar', 'ara', 'Arabisch', 'arabe', 'Arabic'],
  prs: ['prs', 'Dari', 'fa-AF'],
  fa: ['fa', 'fas', 'per', 'Perzisch', 'Farsi', 'persan', 'Persian'],
  ps: ['ps', 'pus', 'Pashto', 'Pasjtoe', 'pachto'],
  ti: ['ti', 'tir', 'Tigrinya', 'Tigrigna'],
  nl: ['nl', 'nld', 'dut', 'Nederlands', 'néerlandais', 'Dutch'],
  en: ['en', 'eng', 'Engels', 'anglais', 'English'],
  fr: ['fr', 'fra', 'fre', 'Frans', 'français', 'French'],
  ru: ['ru', 'rus', 'Russisch', 'russe', 'Russian'],
  uk: ['uk', 'ukr', 'Oekraïens', 'ukrainien', 'Ukrainian'],
  ro: ['ro', 'ron', 'rum', 'Roemeens', 'roumain', 'Romanian'],
  pl: ['pl', 'pol', 'Pools', 'polonais', 'Polish'],
  tr: ['tr', 'tur', 'Turks', 'turc', 'Turkish'],
  so: ['so', 'som', 'Somalisch', 'somali', 'Somali'],
  es: ['es', 'spa', 'Spaans', 'espagnol', 'Spanish'],
  pt: ['pt', 'por', 'Portugees', 'portugais', 'Portuguese'],
}

describe('contact language of an invitee', () => {
  test('maps ISO 639-1 and 639-2/3 codes and Dutch, French and English names to the invitee language', () => {
    for (const [code, spellings] of Object.entries(EXPECTED)) {
      for (const spelling of spellings) assert.equal(inviteeLanguageOf(spelling), code, spelling)
    }
  })

  test('ignores case, accents and surrounding spaces', () => {
    assert.equal(inviteeLanguageOf('ARABISCH'), 'ar')
    assert.equal(inviteeLanguageOf('Oekraiens'), 'uk')
    assert.equal(inviteeLanguageOf('OEKRAÏENS'), 'uk')
    assert.equal(inviteeLanguageOf('  Nederlands '), 'nl')
    assert.equal(inviteeLanguageOf('FRANCAIS'), 'fr')
    assert.equal(inviteeLanguageOf('AR'), 'ar')
  })

  test('reads a language tag with a region by its language, except fa-AF which is Dari', () => {
    assert.equal(inviteeLanguageOf('fr-BE'), 'fr')
    assert.equal(inviteeLanguageOf('pt_BR'), 'pt')
    assert.equal(inviteeLanguageOf('nl-be'), 'nl')
    assert.equal(inviteeLanguageOf('fa-IR'), 'fa')
    assert.equal(inviteeLanguageOf('fa-AF'), 'prs')
  })

  test('recognises every invitee language by its code and by its own name', () => {
    for (const code of INVITEE_LANGUAGES) {
      assert.equal(inviteeLanguageOf(code), code)
      assert.equal(inviteeLanguageOf(INVITEE_LANGUAGE_NAMES[code]), code)
    }
  })

  test('returns null for a language newcomers are not invited in, or for anything else', () => {
    for (const raw of ['vi', 'vie', 'de', 'deu', 'Duits', 'allemand', 'German', 'Vietnamees', '', '  ', 'xx-BE', 'ar-', 'Arabisch/Frans', '?']) {
      assert.equal(inviteeLanguageOf(raw), null, raw)
    }
  })
})
