/**
 * Spelling suggestions: the dictionary forms one typing slip away from a word, best first.
 *
 * A SymSpell index or a Hunspell engine costs seconds and hundreds of megabytes to load;
 * here the edits of the word are generated and each is looked up in the sorted word list
 * (words.ts): about a thousand lookups, a millisecond, only for the few words that reach
 * this stage. Each kind of edit has a weight, the slips typists make most costing least
 * (an accent dropped or wrong, a doubled consonant, AZERTY neighbours, two letters swapped,
 * "ct" for "x" as in "connection", a missing apostrophe in "aujourdhui"); the frequency
 * rank of the result (`word-frequencies.txt`) breaks near ties.
 */
import {remember} from './lists.js'
import {frenchFrequencies} from './ranks.js'
import {isListedForm} from './words.js'
import {classOf, hasKnownTrigrams, isKnownTrigram, loadTrigramSet} from './trigrams.js'

/** Letters tried in insertions and substitutions. */
const alphabet = [...'abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœ']
const insertedLetters = [...'abcdefghijklmnopqrstuvwxyzéèêàçôî']
/** The longest word searched: each edit costs a lookup, and longer tokens are rarely prose typos. */
export const longestSuggestedWord = 24

const weights = {
  /** "ecole" → "école", "éléction" → "élection". */
  accent: 0.3,
  /** "aujourdhui" → "aujourd’hui". */
  apostrophe: 0.4,
  /** "Lorgue" → "L’orgue". */
  elision: 0.5,
  /** "dévelopement" → "développement", "courrir" → "courir". */
  doubled: 0.5,
  /** "connection" → "connexion". */
  ctForX: 0.5,
  /** "minsitre" → "ministre". */
  transposition: 0.5,
  /** "gouvernemrnt": a key beside the right one. */
  neighbour: 0.6,
  /** A letter typed twice or beside the one meant: "gouvernnement" is a doubling. */
  extraNearKey: 0.7,
  deletion: 0.9,
  /** A letter missing: the commonest slip of all. */
  insertion: 0.6,
  substitution: 1,
}
/** Words elided before a vowel: "l’orgue", "qu’il" ("s’" and "c’" go before few words: left out). */
const elidingWords = new Set(['l', 'd', 'j', 'm', 'n', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu'])
/**
 * From this weight on (a plain deletion or substitution), an edit is no typical slip: its
 * result must be a frequent word (see `frequencyRank`).
 */
export const unlikelySlip = 0.9
/** Several accents restored at once ("evenement" → "événement"), each costing this. */
const accentsCombinationLimit = 256
/** How much the most frequent word gains over a word with no rank. */
const frequencyBonus = 0.45

const azertyRows = ['azertyuiop', 'qsdfghjklm', 'wxcvbn']
const rowShift = [0, 0.25, 0.75]

let keyPlaces: Map<string, {row: number; x: number}> | undefined

function keyPlace(letter: string): {row: number; x: number} | undefined {
  if (!keyPlaces) {
    keyPlaces = new Map()
    azertyRows.forEach((row, rowIndex) => [...row].forEach((key, column) => keyPlaces!.set(key, {row: rowIndex, x: column + rowShift[rowIndex]!})))
  }
  return keyPlaces.get(letter)
}

/** Whether two keys touch on an AZERTY keyboard (accents compared by their base letter). */
function areNeighbourKeys(left: string, right: string): boolean {
  const a = keyPlace(baseLetter(left))
  const b = keyPlace(baseLetter(right))
  if (!a || !b || (a.row === b.row && a.x === b.x)) return false
  return Math.abs(a.row - b.row) <= 1 && Math.abs(a.x - b.x) <= 1
}

const baseLetters = new Map<string, string>()

/** The letter without its accent: "é" → "e", "ç" → "c". */
export function baseLetter(letter: string): string {
  let base = baseLetters.get(letter)
  if (base === undefined) {
    base = letter.normalize('NFD').replace(/\p{M}/gu, '')
    baseLetters.set(letter, base)
  }
  return base
}

/** The accented letters a plain one may stand for. */
const accentVariants: Readonly<Record<string, readonly string[]>> = {
  a: ['a', 'à', 'â'],
  e: ['e', 'é', 'è', 'ê'],
  i: ['i', 'î', 'ï'],
  o: ['o', 'ô'],
  u: ['u', 'ù', 'û'],
  c: ['c', 'ç'],
}

/** Frequency rank of a word (1 = most frequent), or undefined when not in the list. */
export function frequencyRank(word: string): number | undefined {
  return frenchFrequencies.rank(word)
}

/** The weight of an edit lowered by the frequency of its result. */
function scoreOf(cost: number, word: string): number {
  const rank = frequencyRank(word)
  if (rank === undefined) return cost
  return cost - frequencyBonus * (1 - Math.log(rank) / Math.log(frenchFrequencies.size + 1))
}

const substitutions = new Map<string, ReadonlyArray<readonly [string, number]>>()

/**
 * The letters that may replace `letter`, with the weight of the slip: any plain letter, é,
 * or the same letter with another accent. Computed once per letter.
 */
function substitutionsOf(letter: string): ReadonlyArray<readonly [string, number]> {
  let list = substitutions.get(letter)
  if (!list) {
    const base = baseLetter(letter)
    const built: Array<readonly [string, number]> = []
    for (const replacement of alphabet) {
      if (replacement === letter) continue
      const sameBase = baseLetter(replacement) === base
      if (!sameBase && replacement > 'z' && replacement !== 'é') continue
      built.push([replacement, sameBase ? weights.accent : areNeighbourKeys(replacement, letter) ? weights.neighbour : weights.substitution])
    }
    substitutions.set(letter, (list = built))
  }
  return list
}

/** suggest's answers: a word rejected in one article comes back in others ("biturbo"). */
const suggestionMemo = new Map<string, readonly Suggestion[]>()

export interface Suggestion {
  readonly word: string
  /** The weight of the edit (lower is likelier), before the frequency bonus. */
  readonly cost: number
  readonly score: number
}

/**
 * Dictionary forms one edit away from `word` (lower case, NFC), best first, at most
 * `limit`. Several accents restored together count as one edit; an unlikely slip counts
 * only towards a frequent word. Bounded: some 50 searches of the word list per letter, and
 * nothing for words longer than `longestSuggestedWord`.
 */
export function suggest(word: string, limit = 3): readonly Suggestion[] {
  return remember(suggestionMemo, `${limit} ${word}`, () => searchSuggestions(word, limit))
}

/** What the weighing of one edit needs from its search (one call of `searchSuggestions`). */
interface EditSearch {
  readonly word: string
  /** Each form found, with the lowest weight of an edit that gave it. */
  readonly found: Map<string, number>
  readonly trigrams: Uint8Array | null
  /** The word's letter classes, after two 0s (the start) and before two (the end). */
  readonly classes: Int32Array
  /** Whether an elided form was found (its trigrams are not checked). */
  elided: boolean
}

/**
 * Records an edit of the word when its result is a form. Apart from `searchSuggestions`
 * (not a closure made per search), so that V8 optimises the loops over the word's letters
 * once: a rarely taken branch here reoptimises this function only.
 */
function considerEdit(search: EditSearch, candidate: string, cost: number): void {
  const {found, trigrams} = search
  if (candidate === search.word || candidate.length === 0) return
  const known = found.get(candidate)
  if (known !== undefined && known <= cost) return
  // Most edits put together letters no form of either list has: no lookup for those.
  if (known === undefined && trigrams !== null && !hasKnownTrigrams(candidate, trigrams)) return
  // An unlikely slip is worth suggesting only towards a frequent word: the frequency list
  // answers, and the thirty-odd such candidates per letter cost no search of the word list.
  if (known === undefined && (cost >= unlikelySlip ? frequencyRank(candidate) === undefined : !isListedForm(candidate))) return
  found.set(candidate, cost)
}

/** The class at `at` in the searched word, 0 (start or end) outside it. */
const classAt = (search: EditSearch, at: number): number => search.classes[at + 2]!

/**
 * Whether the word with a letter of class `put` between its letters up to `leftEnd` and from
 * `rightStart` may be a form (false: it is none), by the three trigrams the letter is in. A
 * substitution at `at` has them at `at - 1` and `at + 1`, an insertion before `at` at `at - 1`
 * and `at`.
 */
function editMayFit(search: EditSearch, put: number, leftEnd: number, rightStart: number): boolean {
  const {trigrams} = search
  return (
    trigrams === null ||
    search.elided ||
    ((leftEnd < 0 || isKnownTrigram(classAt(search, leftEnd - 1), classAt(search, leftEnd), put, trigrams)) &&
      isKnownTrigram(classAt(search, leftEnd), put, classAt(search, rightStart), trigrams) &&
      (rightStart >= search.word.length || isKnownTrigram(put, classAt(search, rightStart), classAt(search, rightStart + 1), trigrams)))
  )
}

/**
 * The forms found, best first, at most `limit`. Apart from `searchSuggestions`, so that
 * the objects built here do not reoptimise its loops.
 */
function rankedSuggestions(found: ReadonlyMap<string, number>, limit: number): readonly Suggestion[] {
  return [...found]
    .map(([candidate, cost]) => ({word: candidate, cost, score: scoreOf(cost, candidate)}))
    .sort((left, right) => left.score - right.score || left.cost - right.cost || (left.word < right.word ? -1 : 1))
    .slice(0, limit)
}

function searchSuggestions(word: string, limit: number): readonly Suggestion[] {
  const found = new Map<string, number>()
  if (word.length < 2 || word.length > longestSuggestedWord) return []
  const trigrams = loadTrigramSet()
  // French letters are single UTF-16 units in NFC: the word is cut with slices.
  const length = word.length
  // The trigrams an edit makes around the letter it puts in, read off the word's letter
  // classes before the edited word is built: most substitutions and insertions put
  // together letters no form has, which `considerEdit` would drop after building the word,
  // looking it up in `found` and reading all its trigrams. Not once an elided form is
  // found (its trigrams are not checked, and `considerEdit` may lower its cost).
  const classes = new Int32Array(length + 4)
  for (let at = 0; at < length; at++) classes[at + 2] = classOf(word.charCodeAt(at))
  const search: EditSearch = {word, found, trigrams, classes, elided: false}
  for (let at = 0; at < length; at++) {
    const letter = word[at]!
    const before = word[at - 1]
    const after = word[at + 1]
    const head = word.slice(0, at)
    const rest = word.slice(at + 1)
    // Deletion: a letter too many.
    const doubled = letter === before || letter === after
    const nearKey = (before !== undefined && areNeighbourKeys(letter, before)) || (after !== undefined && areNeighbourKeys(letter, after))
    considerEdit(search, head + rest, doubled ? weights.doubled : nearKey ? weights.extraNearKey : weights.deletion)
    // Transposition of two neighbours.
    if (after !== undefined && after !== letter) considerEdit(search, head + after + letter + word.slice(at + 2), weights.transposition)
    for (const [replacement, cost] of substitutionsOf(letter)) {
      if (editMayFit(search, classOf(replacement.charCodeAt(0)), at - 1, at + 1)) considerEdit(search, head + replacement + rest, cost)
    }
  }
  // Insertion: a letter missing (doubling the one before or after costs less). Accented
  // letters other than é, è, ê, à, ç, ô, î are seldom the one left out.
  for (let at = 0; at <= length; at++) {
    const head = word.slice(0, at)
    const tail = word.slice(at)
    for (const inserted of insertedLetters) {
      if (!editMayFit(search, classOf(inserted.charCodeAt(0)), at - 1, at)) continue
      const cost = inserted === word[at - 1] || inserted === word[at] ? weights.doubled : weights.insertion
      considerEdit(search, head + inserted + tail, cost)
    }
    if (at > 0 && at < length) {
      // "lorgue" → "l’orgue": the word list holds no elided forms, so the stem is looked up.
      if (elidingWords.has(head) && /^[aeiouyhàâéèêîôû]/.test(tail) && isListedForm(tail)) {
        found.set(`${head}’${tail}`, weights.elision)
        search.elided = true
      } else considerEdit(search, `${head}’${tail}`, weights.apostrophe)
    }
  }
  // "connection" → "connexion", "réflection" → "réflexion".
  for (let at = word.indexOf('ct'); at !== -1; at = word.indexOf('ct', at + 1)) considerEdit(search, `${word.slice(0, at)}x${word.slice(at + 2)}`, weights.ctForX)
  restoreAccents(word, (candidate, cost) => considerEdit(search, candidate, cost), search.elided ? null : trigrams)
  return rankedSuggestions(found, limit)
}

/**
 * The dictionary forms that differ from `word` (lower case) only by accents, most frequent
 * first: a few dozen searches, for the words that need no other edit ("seance" → « séance »).
 */
export function accentedForms(word: string): string[] {
  const found = new Set<string>()
  const trigrams = loadTrigramSet()
  const consider = (candidate: string): void => {
    if (candidate !== word && (trigrams === null || hasKnownTrigrams(candidate, trigrams)) && isListedForm(candidate)) found.add(candidate)
  }
  const letters = [...word]
  letters.forEach((letter, at) => {
    for (const variant of accentVariants[baseLetter(letter)] ?? []) {
      if (variant !== letter) consider(join([...letters.slice(0, at), variant, ...letters.slice(at + 1)]))
    }
  })
  restoreAccents(word, consider, trigrams)
  return [...found].sort((left, right) => (frequencyRank(left) ?? Infinity) - (frequencyRank(right) ?? Infinity))
}

const join = (parts: readonly string[]): string => parts.join('')

/**
 * Every way of accenting the plain vowels (and c) of the word, when there are few enough.
 * With `trigrams`, the spellings holding a trigram outside the set are left out (both
 * callers drop them): a trigram no form has cuts off every spelling that starts with it.
 */
function restoreAccents(word: string, consider: (candidate: string, cost: number) => void, trigrams: Uint8Array | null): void {
  const letters = [...word]
  const choices = letters.map((letter) => accentVariants[letter] ?? [letter])
  let combinations = 1
  for (const choice of choices) {
    combinations *= choice.length
    if (combinations > accentsCombinationLimit) return
  }
  if (combinations === 1) return
  const current = [...letters]
  // Letters are UTF-16 units (no astral character): a letter's position is its unit's.
  const set = letters.length === word.length ? trigrams : null
  // The classes of the letters chosen, after a 0 for the start of the word.
  const chosen = new Int32Array(letters.length + 1)
  const walk = (at: number, changes: number): void => {
    if (at === letters.length) {
      if (changes >= 2 && (set === null || isKnownTrigram(chosen[at - 1]!, chosen[at]!, 0, set))) consider(current.join(''), weights.accent * changes)
      return
    }
    for (const variant of choices[at]!) {
      chosen[at + 1] = classOf(variant.charCodeAt(0))
      if (set !== null && at >= 1 && !isKnownTrigram(chosen[at - 1]!, chosen[at]!, chosen[at + 1]!, set)) continue
      current[at] = variant
      walk(at + 1, changes + (variant === letters[at] ? 0 : 1))
    }
    current[at] = letters[at]!
  }
  walk(0, 0)
}
