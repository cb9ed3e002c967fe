/**
 * What `proper-noun-article` and `place-preposition` share: finding the words that follow
 * a determiner or preposition (adjacent, same line, same sentence), recognising a
 * gazetteer name there, and telling when that name is only the start of a longer proper
 * noun ("France Télévisions", "Qatar Airways", "le Japon 2030") that the rules must leave
 * alone.
 */
import type {DocumentIndex, Token} from '../parse/document.js'
import {lookupAll, matchAt, type NameMatch, type PlaceName} from '../lexicon/gazetteer.js'
import {vocabularyOf, type Vocabulary} from '../vocabulary.js'
import {splitElision} from '../lexicon/elision.js'

const uppercaseInitial = /^\p{Lu}/u
const digitInitial = /^\p{N}/u

/**
 * The word right after token `at`, separated by one white space, in the same sentence (a
 * soft line break inside a Markdown paragraph is a space; txt lines are separate blocks).
 */
export function nextWord(index: DocumentIndex, at: number): number | undefined {
  const tokens = index.tokens
  const space = tokens[at + 1]
  const word = tokens[at + 2]
  if (!space || !word || space.kind !== 'whitespace' || word.kind !== 'word') return undefined
  if (word.sentence !== tokens[at]!.sentence || word.sentence < 0) return undefined
  return at + 2
}

/** The word right before token `at`, under the same conditions. */
export function previousWord(index: DocumentIndex, at: number): number | undefined {
  const tokens = index.tokens
  const space = tokens[at - 1]
  const word = tokens[at - 2]
  if (!space || !word || space.kind !== 'whitespace' || word.kind !== 'word') return undefined
  if (word.sentence !== tokens[at]!.sentence || word.sentence < 0) return undefined
  return at - 2
}

/**
 * Whether the character of `word` at `at` may be the capital nameAt needs (its first
 * test, /^\p{Lu}/u): false for lower-case ASCII and Latin-1 letters and the other ASCII
 * characters, which are no capitals; any other character is left to that test.
 */
export function mayStartWithCapital(word: string, at: number): boolean {
  const code = word.charCodeAt(at)
  if (code < 0x80) return code >= 0x41 && code <= 0x5a
  return !(code >= 0xdf && code <= 0xff && code !== 0xf7)
}

/** A gazetteer name found in the text. */
export interface FoundName {
  readonly match: NameMatch
  /** The name as written. */
  readonly written: string
  /** Source offsets of the name. */
  readonly start: number
  readonly end: number
  /** Token holding the last word of the name. */
  readonly lastToken: number
  /** The name is glued to the next sentence ("RussieLa"): nothing follows it in the token. */
  readonly glued: boolean
}

/**
 * The name starting at token `at` (or at `firstWord`, the stem of an elided token such as
 * "l’ONU", which starts at `firstStart`), when it starts with a capital letter; the house
 * names (`houseNamesOf(file)`) first.
 */
export function nameAt(index: DocumentIndex, house: HouseNames, at: number, firstWord?: string, firstStart?: number): FoundName | undefined {
  const tokens = index.tokens
  const words = [firstWord ?? tokens[at]!.value]
  // Most words after an article are no name: known before the next words are gathered.
  if (!uppercaseInitial.test(words[0]!)) return undefined
  const tokenOf = [at]
  for (let current = at; words.length < 8; ) {
    const next = nextWord(index, current)
    if (next === undefined) break
    words.push(tokens[next]!.value)
    tokenOf.push(next)
    current = next
  }
  const start = firstStart ?? tokens[at]!.start
  const match = houseMatch(house, words) ?? matchAt(words, 0)
  if (match) {
    const lastToken = tokenOf[match.length - 1]!
    return {match, written: index.source.slice(start, tokens[lastToken]!.end), start, end: tokens[lastToken]!.end, lastToken, glued: false}
  }
  if (firstWord !== undefined) return undefined
  const glued = gluedName(words[0]!)
  if (!glued) return undefined
  return {match: glued.match, written: glued.name, start, end: start + glued.name.length, lastToken: at, glued: true}
}

/** The house vocabulary's proper nouns as the agreement rules match them, longest first. */
export type HouseNames = ReadonlyArray<{readonly words: readonly string[]; readonly entry: PlaceName}>

/** Derived once per vocabulary (a vocabulary is never changed once read). */
const houseNamesByVocabulary = new WeakMap<Vocabulary, HouseNames>()

/**
 * The house vocabulary's proper nouns ("BCE ; f ; s ; la ; à la ; de la") of this file, for
 * the agreement rules: they take precedence over the gazetteer.
 */
export function houseNamesOf(file: {data: {vocabulary?: Vocabulary}}): HouseNames {
  const vocabulary = vocabularyOf(file)
  let names = houseNamesByVocabulary.get(vocabulary)
  if (!names) {
    names = [...vocabulary.properNouns.values()]
      .map((noun) => ({
        words: noun.name.split(/\s+/u),
        entry: {
          name: noun.name,
          aliases: [],
          kind: 'institution' as const,
          gender: noun.gender,
          number: noun.number,
          article: (['le', 'la', 'les', 'l’', ''].includes(noun.article) ? noun.article : '') as PlaceName['article'],
          in: noun.in,
          from: noun.from,
        },
      }))
      .sort((a, b) => b.words.length - a.words.length)
    houseNamesByVocabulary.set(vocabulary, names)
  }
  return names
}

function houseMatch(names: HouseNames, words: readonly string[]): NameMatch | undefined {
  for (const {words: nameWords, entry} of names) {
    if (nameWords.every((word, offset) => words[offset] === word)) return {entries: [entry], length: nameWords.length, withArticle: false}
  }
  return undefined
}

/**
 * Words that start a sentence; a name glued to one of them ("RussieLa ministre…", a lost
 * full stop or line break) is still that name. Brands glued on purpose ("FranceInfo",
 * "FranceAgriMer") do not end in one of these.
 */
const sentenceOpeners = new Set([
  'La', 'Le', 'Les', 'L’', 'Il', 'Elle', 'Ils', 'Elles', 'On', 'Un', 'Une', 'Ce', 'Cet', 'Cette', 'Ces', 'Son', 'Sa', 'Ses',
  'Leur', 'Leurs', 'Selon', 'Mais', 'Et', 'Des', 'Du', 'De', 'Depuis', 'Dans', 'Pour', 'Par', 'Sur', 'Lors', 'Après', 'Avant',
  'Nous', 'Vous', 'Je', 'Pendant', 'Alors', 'Cela', 'Ainsi', 'Cependant', 'Toutefois', 'En', 'Au', 'Aux', 'À', 'Si',
  'Quand', 'Lorsque', 'Comme', 'Tous', 'Toutes', 'Parmi', 'Entre', 'Contre', 'Malgré', 'Sous', 'Avec',
])

function gluedName(word: string): {name: string; match: NameMatch} | undefined {
  for (let cut = 3; cut < word.length; cut++) {
    const character = word[cut]!
    // A full stop glued between the name and the next sentence: "Inde.L’histoire".
    if (character === '.') {
      const entries = lookupAll(word.slice(0, cut))
      if (entries.length > 0) return {name: word.slice(0, cut), match: {entries, length: 1, withArticle: false}}
      continue
    }
    if (character.toLowerCase() === character || word[cut - 1]!.toUpperCase() === word[cut - 1]) continue
    if (!sentenceOpeners.has(word.slice(cut))) continue
    const name = word.slice(0, cut)
    const entries = lookupAll(name)
    if (entries.length > 0) return {name, match: {entries, length: 1, withArticle: false}}
  }
  return undefined
}

/**
 * The name is the start of a longer proper noun, or an adjective-like use: followed by a
 * capitalised word or a number ("France Télévisions", "Qatar Airways", "Japon 2030"), or
 * glued to a hyphen. Not when the determiner group is the complement of a title and a
 * person's name follows ("la députée du Nord Anne Dupont", "le président du Sénat Gérard
 * Larcher"): pass the token of the word before the group as `titleToken`.
 */
export function continuesAsLongerName(index: DocumentIndex, found: FoundName, titleToken?: number): boolean {
  if (found.glued) return false
  const tokens = index.tokens
  const after = tokens[found.lastToken + 1]
  if (after && after.start === found.end && (after.value === '-' || after.value === '’' || after.value === "'" || after.kind === 'word')) return true
  const next = nextWord(index, found.lastToken)
  if (next === undefined) return false
  const value = tokens[next]!.value
  if (digitInitial.test(value)) return true
  // "à Russie La ministre…": a lost full stop, not a longer name.
  if (!uppercaseInitial.test(value) || sentenceOpeners.has(value)) return false
  if (titleToken !== undefined && titles.has(titleWord(tokens[titleToken]!.value))) {
    const second = nextWord(index, next)
    if (second !== undefined && uppercaseInitial.test(tokens[second]!.value)) return false
  }
  return true
}

/** The title word, without an elided article ("l’élu" → "élu"). */
function titleWord(value: string): string {
  const elision = splitElision(value)
  return (elision ? elision.stem : value).toLowerCase()
}

/** Titles followed by "de/du + place or organisation + person's name". */
const titles = new Set([
  'député', 'députée', 'députés', 'sénateur', 'sénatrice', 'président', 'présidente', 'préfet', 'préfète', 'maire',
  'élu', 'élue', 'gouverneur', 'gouverneure', 'secrétaire', 'général', 'générale', 'dirigeant', 'dirigeante',
  'patron', 'patronne', 'chef', 'cheffe', 'directeur', 'directrice', 'porte-parole', 'ministre', 'ambassadeur',
  'ambassadrice', 'procureur', 'procureure', 'délégué', 'déléguée', 'représentant', 'représentante', 'numéro',
  'responsable', 'leader', 'conseiller', 'conseillère', 'adjoint', 'adjointe', 'premier', 'première',
])

/** Kinds that are places (the prepositions of place apply). */
export function isPlace(entry: PlaceName): boolean {
  return entry.kind !== 'organisation' && entry.kind !== 'institution'
}

/** `replacement` with the case of `original`'s first letter ("Le" → "La", "À" → "En"). */
export function keepCase(original: string, replacement: string): string {
  if (replacement === '' || !uppercaseInitial.test(original)) return replacement
  return replacement[0]!.toUpperCase() + replacement.slice(1)
}

/** Whether token `at` is the first of its sentence. */
export function startsSentence(index: DocumentIndex, at: number): boolean {
  const token: Token = index.tokens[at]!
  return token.sentence >= 0 && index.sentences[token.sentence]!.firstToken === at
}
