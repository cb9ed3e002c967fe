/**
 * ## accented-capitals
 *
 * In French, capitals keep their accents: « À travers », « État », « Égypte »,
 * « États-Unis », « Île-de-France », and in a headline in capitals « LES ÉTATS-UNIS »
 * (Académie française: « on veille à utiliser systématiquement les capitales
 * accentuées » ; Imprimerie nationale). Typewriters and old wire habits dropped them.
 *
 * - The preposition « à » at the start of a sentence (or after « or an opening bracket,
 *   or after a colon before a lower-case word), written "A" before a French word, a name
 *   or a number: "A travers", "A Paris", "A 20 ans". Not the verb in "A-t-il", not the
 *   letter ("le groupe A", "A380", "A et B"), not Latin phrases ("A priori", "A contrario"),
 *   not English ("A Star Is Born").
 * - A capitalised word whose first letter lost its accent, decided by the French word list
 *   (Grammalecte): flagged when the word as written is neither a form nor a listed name,
 *   and the accented spelling is ("Etat" → « État », "Egypte" → « Égypte »). Words known
 *   without accent ("Eric", "Emmanuel", "Evian" the brand, "Les Echos":
 *   `unaccented-capitals.txt`, the house vocabulary) are left alone, and so is a common
 *   word capitalised after a capitalised word or a number inside a sentence, the English
 *   title case of product names ("Vantage 007 Edition").
 * - A word in capitals (four letters or more) whose accents are missing ("ETATS-UNIS",
 *   "INTEGRAL"), in a headline or a line in capitals (a word in capitals among words in
 *   lower case is an acronym: "l’échelle INES"); acronyms are not words of the list and
 *   stay as they are.
 *
 *   A word in capitals alone in brackets ("(EPAR)") or that the document also writes
 *   among words in lower case ("le résumé EPAR") is an acronym too.
 *
 * Fix: safe when the accented spelling is the only one. A first name written without its
 * accent ("Emile Zola", from `accented-first-names.txt`) is a suggestion: people spell
 * their names as they like ("Elisa", "Edith" are common spellings), and `recommended`
 * does not flag them (`firstNames: false`). Several possible spellings are suggestions.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   À travers la ville, l’État et l’Élysée ; Eric et Emmanuel sont là. A-t-il fini ?
 *   Le groupe A et le vol A380 ; A et B sont égaux. A priori, non. A Star Is Born.
 *   L’OTAN, la CEDEAO et l’UNESCO ; ELLE est là, sur l’échelle INES.
 *   La Vantage 007 Edition et la DB11 Shadow Edition ; Les Echos et l’eau d’Evian.
 *
 * @example
 *   {"name": "ok-acronyms.txt"}
 *
 *   RAPPORT DE L’AGENCE (ETAL) SUR LE VACCIN
 *
 *   Le rapport ETAL résume l’avis des experts.
 *
 * @example
 *   {"name": "ok-first-names.txt", "config": {"firstNames": false}}
 *
 *   Emile et Elisa sont arrivés avec Edith.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   A travers la ville. A Paris, l’Etat et l’Ecole. (A 20 ans, il partit.)
 *   Le président de l’Egypte a visité les Etats-Unis et l’Ile-de-France.
 *   LES ETATS-UNIS ET L’EGYPTE : REPLAY INTEGRAL
 *   Il a dit : A vrai dire, Emile Zola est né à Paris.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:1-1:2 "A" → "À" [safe]: « A » pour « À » : la préposition prend son accent, même en capitale.
 *   1:21-1:22 "A" → "À" [safe]: « A » pour « À » : la préposition prend son accent, même en capitale.
 *   1:32-1:36 "Etat" → "État" [safe]: Capitale sans accent : « Etat » pour « État ».
 *   1:42-1:47 "Ecole" → "École" [safe]: Capitale sans accent : « Ecole » pour « École ».
 *   1:50-1:51 "A" → "À" [safe]: « A » pour « À » : la préposition prend son accent, même en capitale.
 *   2:19-2:25 "Egypte" → "Égypte" [safe]: Capitale sans accent : « Egypte » pour « Égypte ».
 *   2:39-2:49 "Etats-Unis" → "États-Unis" [safe]: Capitale sans accent : « Etats-Unis » pour « États-Unis ».
 *   2:55-2:68 "Ile-de-France" → "Île-de-France" [safe]: Capitale sans accent : « Ile-de-France » pour « Île-de-France ».
 *   3:5-3:15 "ETATS-UNIS" → "ÉTATS-UNIS" [safe]: Capitale sans accent : « ETATS-UNIS » pour « ÉTATS-UNIS ».
 *   3:21-3:27 "EGYPTE" → "ÉGYPTE" [safe]: Capitale sans accent : « EGYPTE » pour « ÉGYPTE ».
 *   3:37-3:45 "INTEGRAL" → "INTÉGRAL" [safe]: Capitale sans accent : « INTEGRAL » pour « INTÉGRAL ».
 *   4:12-4:13 "A" → "À" [safe]: « A » pour « À » : la préposition prend son accent, même en capitale.
 *   4:25-4:30 "Emile" → "Émile" [suggestion]: Capitale sans accent : « Emile » pour « Émile » (si la personne l’écrit ainsi).
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   À travers la ville. À Paris, l’État et l’École. (À 20 ans, il partit.)
 *   Le président de l’Égypte a visité les États-Unis et l’Île-de-France.
 *   LES ÉTATS-UNIS ET L’ÉGYPTE : REPLAY INTÉGRAL
 *   Il a dit : À vrai dire, Emile Zola est né à Paris.
 */
import type {DocumentIndex, Token} from '../src/parse/document.js'
import {splitElision} from '../src/parse/elision.js'
import {loadList} from '../src/lexicon/lists.js'
import {isDictionaryForm, isFrenchWord, isKnownWord} from '../src/lexicon/words.js'
import {restoreCapitalAccents, restoreInitialAccent, type AccentRestoration} from '../src/lexicon/accents.js'
import {defineRule} from '../src/rules/kit.js'
import {vocabularyOf} from '../src/vocabulary.js'
import {addressTokens, isAllCaps, isCapitalised, isInlineSpace, isSentenceStart, isVerbatim, optionsObject} from '../src/rules/typography.js'

/** Latin and Italian phrases written with a bare "a" ("a priori", "a cappella"). */
const foreignPhrases = new Set(['priori', 'posteriori', 'fortiori', 'contrario', 'minima', 'maxima', 'capella', 'cappella', 'giorno', 'tempo', 'piacere', 'latere', 'divinis', 'silentio'])
/** English words that show a title or a quotation in English ("A Star Is Born"). */
const englishMarkers = new Set(['is', 'the', 'of', 'and', 'to', 'in', 'for', 'with', 'on', 'are', 'was', 'my', 'your', 'new', 'good', 'day', 'man', 'woman'])
/** Words that cannot follow the preposition: "A" is then the letter ("A et B", "A est pair"). */
const notAfterPreposition = new Set(['et', 'ou', 'ni', 'est', 'a', 'sont', 'était', 'vaut', 'égale', 'plus', 'moins', 'contre'])
const initials = /^[EAIOUC]/
/** The letters `initials` matches (A, C, E, I, O, U), as bits counted from "A" (0x41). */
const initialBits = (1 << 0) | (1 << 2) | (1 << 4) | (1 << 8) | (1 << 14) | (1 << 20)

/** Whether a character code is one of the letters `initials` matches (a bit test, not a set lookup per word). */
function isInitialCode(code: number): boolean {
  const bit = code - 0x41
  return bit >= 0 && bit <= 20 && ((initialBits >>> bit) & 1) === 1
}
/** What `splitElision` splits at. */
const apostrophe = /['’]/
const digits = /^\d/
const lowerInitial = /^\p{Ll}/u

/**
 * `restoreInitialAccent`'s answers per house vocabulary, across documents: the capitalised
 * words ("Elle", "Cette", "Emmanuel") come back in every article. Bounded for long-lived processes.
 */
const restorationMemo = new WeakMap<ReadonlySet<string>, Map<string, readonly AccentRestoration[]>>()
const restorationMemoLimit = 50_000

export interface AccentedCapitalsOptions {
  readonly firstNames?: boolean
}

export default defineRule<AccentedCapitalsOptions>(
  {
    id: 'accented-capitals',
    summary: 'Capitales accentuées (« À travers », « État », « ÉTATS-UNIS »).',
    fix: 'mixed',
    options: {
      firstNames: {type: 'boolean', default: true, description: 'Suggérer aussi l’accent des prénoms (« Emile » → « Émile ») ; `recommended` : false, chacun écrit son prénom comme il veut.'},
    },
  },
  ({index, file, options, report}) => {
    const firstNames = optionsObject(options)['firstNames'] !== false
    const addresses = addressTokens(index)
    const vocabulary = vocabularyOf(file).words
    // The word lists asked once per capitalised word ("Elle", "Cette", a name written again
    // and again): the answer depends on the word and the vocabulary only.
    let memo = restorationMemo.get(vocabulary)
    if (!memo) restorationMemo.set(vocabulary, (memo = new Map()))
    const scope: CapitalScope = {
      index,
      vocabulary,
      restorations: memo,
      addresses,
      firstNames,
      report,
      acronyms: undefined,
    }
    const {tokens} = index
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!
      if (token.kind !== 'word') continue
      const value = token.value
      // Only a word (or an elided one's stem) starting with E, A, I, O, U or C is looked at:
      // most words are answered by their first letter, elided ones ("l’accord", "qu’il") by
      // the letter after their first apostrophe, where `splitElision` cuts.
      if (!isInitialCode(value.charCodeAt(0))) {
        const apostropheAt = value.search(apostrophe)
        if (apostropheAt === -1 || !isInitialCode(value.charCodeAt(apostropheAt + 1))) continue
      }
      checkCapitalWord(scope, at)
    }
  },
)

type Report = (reason: string, start: number, end: number, options: {expected: string[]; safe: boolean}) => unknown

/** What the check of one capitalised word needs from its document. */
interface CapitalScope {
  readonly index: DocumentIndex
  readonly vocabulary: ReadonlySet<string>
  /** `restoreInitialAccent`'s answers for this vocabulary (see restorationMemo). */
  readonly restorations: Map<string, readonly AccentRestoration[]>
  readonly addresses: Uint8Array
  readonly firstNames: boolean
  readonly report: Report
  /** The document's acronyms, found when its first word in capitals is checked. */
  acronyms: Set<string> | undefined
}

/** `restoreInitialAccent`, its answer kept in `restorations`. */
function restoreInitial(restorations: Map<string, readonly AccentRestoration[]>, word: string, vocabulary: ReadonlySet<string>): readonly AccentRestoration[] {
  let found = restorations.get(word)
  if (found === undefined) {
    if (restorations.size >= restorationMemoLimit) restorations.clear()
    found = restoreInitialAccent(word, vocabulary)
    restorations.set(word, found)
  }
  return found
}

/**
 * The check of a word (or elided stem) starting with a capital E, A, I, O, U or C. Apart
 * from the loop over tokens, so that V8 optimises that loop once: a rarely taken branch
 * here reoptimises this function only.
 */
function checkCapitalWord(scope: CapitalScope, at: number): void {
  const {index, vocabulary, report} = scope
  const token = index.tokens[at]!
  const value = token.value
  if (scope.addresses[at] === 1 || !isVerbatim(index, token)) return
  if (value === 'A') {
    if (isPreposition(index, at)) report(`« ${token.value} » pour « À » : la préposition prend son accent, même en capitale.`, token.start, token.end, {expected: ['À'], safe: true})
    return
  }
  // The word without its elided article: "l’Etat" → "Etat".
  const elision = splitElision(value)
  const word = elision ? elision.stem : value
  const offset = token.start + (elision ? elision.elided.length : 0)
  if (!initials.test(word) || word.length < 2) return
  if (isAllCaps(word)) {
    // A word in capitals among words in lower case is an acronym ("l’échelle INES").
    if (!nextToCapitals(index, at) || isBracketed(index, at)) return
    scope.acronyms ??= acronymsOf(index)
    if (scope.acronyms.has(word)) return
    const found = restoreCapitalAccents(word, vocabulary)
    if (found.length > 0) flag(report, word, offset, found, false)
    return
  }
  if (!isCapitalised(word)) return
  const found = restoreInitial(scope.restorations, word, vocabulary)
  if (found.length > 0) {
    if (!elision && isInTitleCaseName(index, at, found)) return
    const person = isFirstName(found)
    if (person && !scope.firstNames) return
    flag(report, word, offset, found, person)
    return
  }
  // "Saint-Etienne", "Jean-Eric": one part of a compound.
  if (word.includes('-')) flagParts(report, word, offset, vocabulary)
}

function flag(report: Report, word: string, offset: number, found: readonly AccentRestoration[], person: boolean): void {
  const forms = [...new Set(found.map((restoration) => restoration.form))]
  const reason = person
    ? `Capitale sans accent : « ${word} » pour « ${forms[0]} » (si la personne l’écrit ainsi).`
    : `Capitale sans accent : « ${word} » pour « ${forms.join(' » ou « ')} ».`
  report(reason, offset, offset + word.length, {expected: forms, safe: forms.length === 1 && !person})
}

function flagParts(report: Report, word: string, offset: number, vocabulary: ReadonlySet<string>): void {
  let position = 0
  const parts = word.split('-')
  parts.forEach((part, partIndex) => {
    if (partIndex > 0 && isCapitalised(part) && initials.test(part)) {
      const found = restoreInitialAccent(part, vocabulary)
      if (found.length === 1) {
        const whole = [...parts.slice(0, partIndex), found[0]!.form, ...parts.slice(partIndex + 1)].join('-')
        // Safe when the corrected compound is itself known ("Saint-Étienne").
        const safe = isDictionaryForm(whole)
        report(`Capitale sans accent : « ${part} » pour « ${found[0]!.form} »${safe ? '' : ' (si le nom s’écrit ainsi)'}.`, offset + position, offset + position + part.length, {
          expected: [found[0]!.form],
          safe,
        })
      }
    }
    position += part.length + 1
  })
}

/** A first name ("Emilie", "Edouard"): people spell their names as they like. */
function isFirstName(found: readonly AccentRestoration[]): boolean {
  return found.some((restoration) => loadList('accented-first-names.txt').has(restoration.form))
}

/**
 * A common word capitalised inside a sentence after a capitalised word or a number is
 * part of a name in English title case ("Vantage 007 Edition", "Shadow Edition"), not a
 * French word missing its accent ("l’Etat", "Conseil d’Etat" are elided, so not affected).
 */
function isInTitleCaseName(index: DocumentIndex, at: number, found: readonly AccentRestoration[]): boolean {
  if (!found.every((restoration) => restoration.common) || isSentenceStart(index, at)) return false
  const {tokens} = index
  const space = tokens[at - 1]
  const before = tokens[at - 2]
  if (!isInlineSpace(space) || !before || before.block !== tokens[at]!.block || before.kind !== 'word') return false
  return /\d/.test(before.value) || ((isCapitalised(before.value) || isAllCaps(before.value)) && !isSentenceStart(index, at - 2))
}

/** Whether the "A" at `at` is the preposition « à » (see the rule's documentation). */
function isPreposition(index: DocumentIndex, at: number): boolean {
  const {tokens} = index
  const token = tokens[at]!
  const space = tokens[at + 1]
  const next = tokens[at + 2]
  if (!isInlineSpace(space) || !next || next.block !== token.block || next.kind !== 'word') return false
  const afterColon = !isSentenceStart(index, at) && previousMark(index, at) === ':'
  if (!isSentenceStart(index, at) && !afterColon) return false
  const word = next.value
  if (digits.test(word)) return true
  // "A B C", "A et B", "A est égal à B": the letter.
  if (word.length === 1 || notAfterPreposition.has(word)) return false
  if (lowerInitial.test(word)) return !foreignPhrases.has(word.toLowerCase()) && isFrenchWord(word)
  if (afterColon) return false
  if (!isKnownWord(word)) return false
  // "A Star Is Born": an English title.
  for (let position = at + 2, seen = 0; position < tokens.length && seen < 4; position++) {
    const following = tokens[position]!
    if (following.block !== token.block) break
    if (following.kind !== 'word') continue
    seen++
    if (englishMarkers.has(following.value.toLowerCase())) return false
  }
  return true
}

/** "(EPAR)": a word in capitals alone in brackets is an acronym. */
function isBracketed(index: DocumentIndex, at: number): boolean {
  const before = index.tokens[at - 1]
  const after = index.tokens[at + 1]
  return before?.kind === 'punctuation' && /^[([]$/.test(before.value) && after?.kind === 'punctuation' && /^[)\]]$/.test(after.value)
}

/** Words in capitals that the document also writes among words in lower case: acronyms ("le résumé EPAR"). */
function acronymsOf(index: DocumentIndex): Set<string> {
  const found = new Set<string>()
  index.tokens.forEach((token, at) => {
    if (token.kind === 'word' && token.value.length > 1 && isAllCaps(token.value) && /\p{L}/u.test(token.value) && !nextToCapitals(index, at)) found.add(token.value)
  })
  return found
}

/** Whether the word before or after (in the block) is also written in capitals: a headline or a line in capitals. */
function nextToCapitals(index: DocumentIndex, at: number): boolean {
  const {tokens} = index
  const block = tokens[at]!.block
  const neighbour = (step: number): Token | undefined => {
    for (let position = at + step; position >= 0 && position < tokens.length; position += step) {
      const token = tokens[position]!
      if (token.block !== block) return undefined
      if (token.kind === 'word') return token
    }
    return undefined
  }
  const capitals = (token: Token | undefined): boolean => token !== undefined && token.value.length > 1 && isAllCaps(token.value) && /\p{L}/u.test(token.value)
  return capitals(neighbour(-1)) || capitals(neighbour(1))
}

/** The punctuation just before the word (skipping one space), if any. */
function previousMark(index: DocumentIndex, at: number): string | undefined {
  let position = at - 1
  if (index.tokens[position]?.kind === 'whitespace') position--
  const token = index.tokens[position]
  return token?.kind === 'punctuation' ? token.value : undefined
}
