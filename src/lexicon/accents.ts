/**
 * Accents lost on capitals: "Etat" for "État", "Egypte" for "Égypte", "ETATS-UNIS" for
 * "ÉTATS-UNIS". The French word list decides: a form is restored only when the bare form
 * is not a word or a name and the accented one is (the Académie française asks for
 * accents on capitals; typing and old wire habits drop them).
 */
import {loadList} from './lists.js'
import {accentedInitials, isDictionaryForm} from './words.js'

export interface AccentRestoration {
  /** The word with its accents, in the case it was written in ("État", "ÉTATS-UNIS"). */
  readonly form: string
  /** True when the word list has it as a common word ("état"), false when only as a name ("Égypte"). */
  readonly common: boolean
}

const letterVariants: Readonly<Record<string, readonly string[]>> = {
  e: ['e', 'é', 'è', 'ê', 'ë'],
  a: ['a', 'à', 'â'],
  i: ['i', 'î', 'ï'],
  o: ['o', 'ô'],
  u: ['u', 'ù', 'û', 'ü'],
  c: ['c', 'ç'],
}

/** Beyond this many spellings to try, a word in capitals is left alone (it is an acronym or a name). */
const spellingLimit = 1024
/** Small words of compound names that stay in lower case ("Île-de-France"). */
const nameParticles = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'sur', 'sous', 'en', 'et', 'lès', 'lez', 'aux', 'au', 'à', 'd’', 'l’'])

/** Whether the word is known as written: a form of the word list, in lower case too, or a listed name. */
export function isKnownAsWritten(word: string, vocabulary: ReadonlySet<string> = new Set()): boolean {
  return (
    isDictionaryForm(word) ||
    isDictionaryForm(word.toLowerCase()) ||
    vocabulary.has(word) ||
    loadList('names.txt').has(word) ||
    loadList('brands.txt').has(word) ||
    loadList('unaccented-capitals.txt').has(word)
  )
}

/**
 * Spellings of a capitalised word ("Etat", "Egypte", "Ile-de-France") with an accent on
 * its initial capital that the word list knows, when the word as written is unknown.
 */
export function restoreInitialAccent(word: string, vocabulary?: ReadonlySet<string>): AccentRestoration[] {
  const variants = accentedInitials[word.charAt(0)]
  if (!variants || isKnownAsWritten(word, vocabulary)) return []
  const found: AccentRestoration[] = []
  for (const initial of variants) {
    const form = initial + word.slice(1)
    if (isDictionaryForm(form.toLowerCase())) found.push({form, common: true})
    else if (isDictionaryForm(form)) found.push({form, common: false})
  }
  return found
}

/** "île-de-france" → "Île-de-France": a compound name's capitals. */
function asName(lower: string): string {
  return lower
    .split('-')
    .map((part, index) => (index > 0 && nameParticles.has(part) ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('-')
}

/**
 * Spellings with accents of a word written in capitals ("ETATS-UNIS", "DEFENSE") that the
 * word list knows, in capitals ("ÉTATS-UNIS", "DÉFENSE"), when the word without accents is
 * unknown in lower case and as a name. Words of fewer than four letters are acronyms more
 * often than words ("AIE" is an agency, not « aïe ») and are left alone.
 */
export function restoreCapitalAccents(word: string, vocabulary?: ReadonlySet<string>): AccentRestoration[] {
  if (!/^[A-Z][A-Z-]*[A-Z]$/.test(word) || word.replace(/-/g, '').length < 4) return []
  const lower = word.toLowerCase()
  if (isKnownAsWritten(word, vocabulary) || isDictionaryForm(asName(lower))) return []
  let spellings = ['']
  for (const letter of lower) {
    const options = letterVariants[letter] ?? [letter]
    if (spellings.length * options.length > spellingLimit) return []
    spellings = spellings.flatMap((prefix) => options.map((option) => prefix + option))
  }
  const found: AccentRestoration[] = []
  for (const spelling of spellings) {
    if (spelling === lower) continue
    if (isDictionaryForm(spelling)) found.push({form: spelling.toUpperCase(), common: true})
    else if (isDictionaryForm(asName(spelling))) found.push({form: spelling.toUpperCase(), common: false})
  }
  return found
}
