// Contact languages as lists write them: ISO 639-1/-2/-3 codes ("ar", "ara"), language tags
// ("fr-BE"), and names in Dutch, French or English ("Arabisch", "arabe", "Arabic"), mapped to the
// languages newcomers are invited in. Anything else is unknown: better no language than a wrong one.

import { INVITEE_LANGUAGE_NAMES, INVITEE_LANGUAGES, type InviteeLanguage } from '../../platform/i18n/languages.ts'

const SPELLINGS: Record<InviteeLanguage, string[]> = {
  nl: ['nld', 'dut', 'Nederlands', 'Vlaams', 'néerlandais', 'flamand', 'Dutch', 'Flemish'],
  ar: ['ara', 'arb', 'Arabisch', 'arabe', 'Arabic'],
  en: ['eng', 'Engels', 'anglais', 'English'],
  fr: ['fra', 'fre', 'Frans', 'français', 'French'],
  // Dari is the Persian of Afghanistan; some systems tag it fa-AF.
  prs: ['fa-AF', 'Dari', 'Afghaans Perzisch', 'Afghan Persian'],
  fa: ['fas', 'per', 'Perzisch', 'Farsi', 'persan', 'Persian'],
  ps: ['pus', 'pbt', 'pbu', 'pst', 'Pashto', 'Pasjtoe', 'Pashtu', 'Pasjtoes', 'pachto', 'pashtou'],
  ti: ['tir', 'Tigrinya', 'Tigrinia', 'Tigrigna', 'Tigrinyaans'],
  ru: ['rus', 'Russisch', 'russe', 'Russian'],
  uk: ['ukr', 'Oekraïens', 'ukrainien', 'Ukrainian'],
  ro: ['ron', 'rum', 'Roemeens', 'roumain', 'Romanian'],
  pl: ['pol', 'Pools', 'polonais', 'Polish'],
  tr: ['tur', 'Turks', 'turc', 'Turkish'],
  so: ['som', 'Somalisch', 'somali', 'Somali'],
  es: ['spa', 'Spaans', 'espagnol', 'Spanish', 'Castellano'],
  pt: ['por', 'Portugees', 'portugais', 'Portuguese'],
}

/** Lower-cased, without accents, `_` read as `-`, inner spaces collapsed: "Oekraïens" → "oekraiens". */
function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
}

const LOOKUP = new Map<string, InviteeLanguage>()
for (const code of INVITEE_LANGUAGES) {
  LOOKUP.set(code, code)
  // Each language's own name, as the invitee picker shows it ("العربية", "Українська").
  LOOKUP.set(fold(INVITEE_LANGUAGE_NAMES[code]), code)
  for (const spelling of SPELLINGS[code]) LOOKUP.set(fold(spelling), code)
}

/** The invitee language a list's contact-language cell means, or null when it is not one of them. */
export function inviteeLanguageOf(raw: string): InviteeLanguage | null {
  // Most cells hold a code as it is stored ("ar"): folding changes nothing there, so skip it.
  const stored = LOOKUP.get(raw)
  if (stored) return stored
  const value = fold(raw)
  if (value === '') return null
  const exact = LOOKUP.get(value)
  if (exact) return exact
  // A language tag with a region or script ("fr-BE", "pt_BR", "ar-Latn"): the language is what counts.
  const tag = /^([a-z]{2,3})-[a-z0-9]{2,8}$/.exec(value)
  return tag ? (LOOKUP.get(tag[1]!) ?? null) : null
}
