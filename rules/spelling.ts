/**
 * ## spelling
 *
 * Flags the typo a sub-editor would circle: a common word misspelt by one slip
 * ("gouvernment", "minsitre", "dévelopement", "ecole", "éléction"), with up to three
 * corrections, likeliest first, from the French word list (Grammalecte’s dictionary).
 *
 * News copy is full of words no dictionary holds: names, brands, foreign words, jargon.
 * A word is flagged only when every one of these says it is a typo, cheapest first:
 *
 * - it is a word of letters (four at least), not an acronym, not in camel case, without
 *   digits, superscripts or symbols ("km²", "p***", "3D"), not cut by brackets
 *   ("a(vait)"), and not part of an address, a handle or a hashtag;
 * - it is in lower case, or capitalised at the start of a sentence (a capitalised word
 *   inside a sentence is a name);
 * - neither the word list, the news names, the brands, the gazetteer nor the house
 *   vocabulary knows it (with its elided article, its hyphenated parts, in any case);
 * - it is not a frequent English word ("racing", "fake", "email"), a feminine in "-eure" of
 *   a known "-eur" ("rapporteure"), a known word behind a free prefix ("coprésenter"),
 *   a quoted term (« des "caidas" ») or a Latin epithet after an unknown
 *   word ("Capra pyrenaica victoriae");
 * - it appears once in the article, in any case (a word repeated is meant: "Gouvernment"
 *   written again elsewhere is a name), and a capitalised word at the start of a sentence is
 *   not followed by another capitalised word (a name: "Automobili Pininfarina");
 * - neither word beside it is a foreign stop word ("the", "der") nor an English word
 *   ("tenure tracks"): the phrase is foreign;
 * - in a hyphenated compound, only a part whose accents are wrong is flagged
 *   ("pan-europeen"): the other parts of compounds are often English ("low-cost");
 * - a dictionary word is one slip away: an accent dropped or wrong, a doubled consonant,
 *   a neighbouring key on an AZERTY keyboard, two letters swapped, a letter missing or too
 *   many, "ct" for "x", a missing apostrophe. An unlikely slip (a letter changed or typed too
 *   many, away from its neighbours on the keyboard) counts only towards a frequent word; a
 *   word capitalised at the start of a sentence needs a likely slip towards a frequent word.
 *
 * Left to other rules: glued words (`glued-words`), capitals without their accent
 * (`accented-capitals`), sentences in another language (`foreign-language`).
 *
 * Fix: suggestions only, never applied by `--fix` alone; the case of the word is kept, and
 * an elided article stays as written ("l’ecole" → "l’école"). A word the newsroom uses is
 * added to the house vocabulary ("add to vocabulary" in the editor, or
 * `coquille vocabulary` over an archive).
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Le gouvernement a présenté son projet de loi mardi à l’Assemblée nationale.
 *   Selon Kévin Trapenard, le festival Eurockéennes reste un rendez-vous incontournable.
 *   Le groupe a publié « Running Up That Hill » et un livestream sur Twitch.
 *   La surface atteint 12 km², le mot p*** est censuré, et la b(oucle) est coupée.
 *   Suivez @redaction_ex et #JO2024 sur https://exemple.fr/minsitre-du-jour.
 *   Le dispositif Ma Prim’Rénov et la plateforme Parcoursup sont ouverts.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Les députés ont adopté le projet de loi hier soir.
 *   Le minsitre a visité l’ecole du village.
 *   Le dévelopement du réseau reprendra après l’éléction.
 *   Gouvernment et syndicats ont signé ; le gouvernement a salué l’accord.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   2:4-2:12 "minsitre" → "ministre" [suggestion]: Coquille probable : « minsitre » n’est pas dans le dictionnaire.
 *   2:24-2:29 "ecole" → "école" [suggestion]: Coquille probable : « ecole » n’est pas dans le dictionnaire.
 *   3:4-3:16 "dévelopement" → "développement" [suggestion]: Coquille probable : « dévelopement » n’est pas dans le dictionnaire.
 *   3:45-3:53 "éléction" → "élection" [suggestion]: Coquille probable : « éléction » n’est pas dans le dictionnaire.
 *   4:1-4:12 "Gouvernment" → "Gouvernement" [suggestion]: Coquille probable : « Gouvernment » n’est pas dans le dictionnaire.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Les députés ont adopté le projet de loi hier soir.
 *   Le minsitre a visité l’ecole du village.
 *   Le dévelopement du réseau reprendra après l’éléction.
 *   Gouvernment et syndicats ont signé ; le gouvernement a salué l’accord.
 */
import {deu, eng, fra, ita, nld, por, spa} from 'stopword'
import {accentedForms, baseLetter, frequencyRank, longestSuggestedWord, suggest, unlikelySlip} from '../src/lexicon/suggest.js'
import {englishFrequencies} from '../src/lexicon/ranks.js'
import {lookup} from '../src/lexicon/gazetteer.js'
import {isCommonWord, isKnownWord} from '../src/lexicon/words.js'
import {splitElision} from '../src/parse/elision.js'
import type {DocumentIndex, Token} from '../src/parse/document.js'
import {defineRule} from '../src/rules/kit.js'
import {isAddressLike} from '../src/rules/runs.js'
import {vocabularyOf} from '../src/vocabulary.js'

/** Shorter words have too many neighbours in the dictionary to tell a typo from a name. */
const shortestChecked = 4
/** A word of letters, with inner hyphens and apostrophes (marks for NFD text). */
const plainWord = /^[\p{L}\p{M}]+(?:[-’'][\p{L}\p{M}]+)*$/u
const upper = /\p{Lu}/u
const lower = /\p{Ll}/u
/** Punctuation that may touch a word without making it something else than a word. */
const wordPunctuation = /^[,.;:!?…«»“”‘’"'()[\]—–-]+$/u
/** A quotation mark: a word between two is a quoted term, often foreign ("fake" news). */
const quotationMark = /[«»“”‘"]/u
/** "rapporteure", "contrôleures": feminines of "-eur" nouns that dictionaries lag behind. */
const feminineEure = /eure(s?)$/u

/** "Capra pyrenaica victoriae", "Troides helena": the epithet after a genus is Latin. */
const latinEpithet = /(?:ae|i|us|um|is|ensis|ica|icus|oides)$/u

/** Prefixes French glues freely to a word ("coprésenter", "multirisque"): the word is then meant. */
const freePrefixes = ['co', 'ré', 'dé', 'pré', 'anti', 'auto', 'inter', 'multi', 'sur', 'sous', 'super', 'hyper', 'micro', 'mini', 'néo', 'post', 'pro', 'semi', 'télé', 'contre', 'extra', 'ultra', 'bio', 'éco', 'cyber', 'méga', 'giga', 'pétro', 'géo', 'nano', 'poly', 'mono']
const shortestPrefixedStem = 4

function isPrefixedWord(word: string, isKnown: (word: string) => boolean): boolean {
  const lowerWord = word.toLowerCase()
  return freePrefixes.some((prefix) => lowerWord.startsWith(prefix) && lowerWord.length - prefix.length >= shortestPrefixedStem && isKnown(lowerWord.slice(prefix.length)))
}

/** Rank of a frequent English word that is no French form ("racing", "email"), or undefined. */
const englishRank = (word: string): number | undefined => englishFrequencies.rank(word.toLowerCase())

export const isEnglishWord = (word: string): boolean => englishRank(word) !== undefined

/**
 * "seance", "soiree": English words, but far likelier the French word with its accents
 * (more frequent in French than they are in English). "email", "videos", "edition" are not.
 */
function isAccentSlipOfCommonerWord(word: string): boolean {
  const [accented] = accentedForms(word.toLowerCase())
  const frenchRank = accented === undefined ? undefined : frequencyRank(accented)
  return frenchRank !== undefined && frenchRank < englishRank(word)!
}
const withoutAccents = (word: string): string => [...word].map(baseLetter).join('')

let foreignStopWords: ReadonlySet<string> | undefined

/** A stop word of the other languages coquille tells apart that is no French word ("the", not "si"). */
export function isForeignStopWord(word: string): boolean {
  if (!foreignStopWords) {
    const french = new Set(fra)
    foreignStopWords = new Set([...eng, ...spa, ...deu, ...ita, ...por, ...nld].filter((stopWord) => stopWord.length > 1 && !french.has(stopWord)))
  }
  return foreignStopWords.has(word.toLowerCase()) && !isCommonWord(word)
}

/**
 * Whether the word (NFC) is used again in the article, in any case: a word repeated is meant
 * ("Gouvernment" at the start of a sentence is a name if written again elsewhere). A scan for
 * the one word: the few words that get this far cost less than a count of every word.
 */
function isUsedElsewhere(index: DocumentIndex, at: number, value: string): boolean {
  const key = value.toLowerCase()
  const {tokens} = index
  // Lengths compared first, as written or normalised (NFD text).
  const written = tokens[at]!.value.length
  for (let other = 0; other < tokens.length; other++) {
    const token = tokens[other]!
    if (other === at || token.kind !== 'word' || (token.value.length !== value.length && token.value.length !== written)) continue
    if (token.value.normalize('NFC').toLowerCase() === key) return true
  }
  return false
}

/** The run of touching tokens around a word: what it touches tells whether it is prose. */
function isStandaloneWord(index: DocumentIndex, at: number): boolean {
  const {tokens} = index
  const token = tokens[at]!
  let text = token.value
  for (let before = at - 1, edge = token.start; before >= 0; before--) {
    const previous = tokens[before]!
    if (previous.end !== edge || previous.kind === 'whitespace') break
    if (previous.kind !== 'punctuation' || !wordPunctuation.test(previous.value)) return false
    text = previous.value + text
    edge = previous.start
  }
  for (let after = at + 1, edge = token.end; after < tokens.length; after++) {
    const next = tokens[after]!
    if (next.start !== edge || next.kind === 'whitespace') break
    if (next.kind !== 'punctuation' || !wordPunctuation.test(next.value)) return false
    // "a(vait)": a bracket between two words cuts a word in two.
    const following = tokens[after + 1]
    if (/[()[\]]/.test(next.value) && following?.kind === 'word' && following.start === next.end) return false
    text += next.value
    edge = next.end
  }
  // « "fake" news », « des "caidas" »: a quoted term, often foreign.
  if (quotationMark.test(text.slice(0, text.indexOf(token.value))) && quotationMark.test(text.slice(text.indexOf(token.value) + token.value.length))) return false
  return !isAddressLike(text)
}

/** The nearest word token before or after `at` in the same sentence. */
function neighbourWord(index: DocumentIndex, at: number, step: -1 | 1): Token | undefined {
  const {tokens} = index
  const sentence = tokens[at]!.sentence
  for (let other = at + step; other >= 0 && other < tokens.length; other += step) {
    const token = tokens[other]!
    if (token.sentence !== sentence) return undefined
    if (token.kind === 'word') return token
  }
  return undefined
}

/** Whether the token is the first word of its sentence (a capital is expected there). */
function opensSentence(index: DocumentIndex, at: number): boolean {
  return neighbourWord(index, at, -1) === undefined
}

/** Whether the house vocabulary, the word list, the news names, the brands or the gazetteer know the word. */
export function isKnownSpelling(word: string, houseWords: ReadonlySet<string>): boolean {
  // The frequent words first: a set lookup answers for most words of running text, where
  // the word list's dichotomy costs a few microseconds a word.
  if (frequencyRank(word.toLowerCase()) !== undefined) return true
  return houseWords.has(word) || isKnownWord(word) || lookup(word) !== undefined
}

/**
 * The word of a token as the spelling check reads it (NFC, without its elided article) when
 * it is a plain word of letters that nothing knows; else undefined. `coquille vocabulary`
 * counts these across an archive.
 */
export function unknownWord(token: string, houseWords: ReadonlySet<string>): string | undefined {
  const value = token.normalize('NFC')
  if (!plainWord.test(value) || !lower.test(value)) return undefined
  const stem = splitElision(value)?.stem ?? value
  if (isKnownSpelling(value, houseWords) || (stem !== value && isKnownSpelling(stem, houseWords))) return undefined
  return stem
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

export default defineRule(
  {id: 'spelling', summary: 'Faute de frappe dans un mot courant (« gouvernment », « minsitre », « l’ecole »).', fix: 'suggestion'},
  ({index, file, report}) => {
    const houseWords = vocabularyOf(file).words
    const isKnown = (word: string): boolean => isKnownSpelling(word, houseWords)
    /**
     * An unknown neighbour that is a foreign stop word, or an English word in lower case:
     * the two belong to a foreign phrase. (A name beside a typo does not excuse it.)
     */
    const isUnknownNeighbour = (token: Token | undefined): boolean => {
      if (!token) return false
      const value = token.value.normalize('NFC')
      if (!plainWord.test(value)) return false
      if (isKnown(value)) return false
      return isForeignStopWord(value) || (!upper.test(value[0]!) && isEnglishWord(value))
    }
    const {tokens} = index
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!
      // Cheapest first: most words are frequent ones, or names inside a sentence.
      if (token.kind !== 'word' || token.value.length < shortestChecked || token.value.length > longestSuggestedWord + 4) continue
      if (upper.test(token.value[0]!) && !opensSentence(index, at)) continue
      if (frequencyRank(token.value) !== undefined) continue
      const value = token.value.normalize('NFC')
      if (!plainWord.test(value) || !lower.test(value)) continue
      // Where the checked part starts: after an elided article ("l’ecole" → "ecole").
      const elision = splitElision(value)
      const stem = elision?.stem ?? value
      if (stem.length < shortestChecked || upper.test(stem.slice(1))) continue
      const capitalised = upper.test(stem[0]!)
      if (capitalised && !opensSentence(index, at)) continue
      // The stem first: an elided word ("l’accord") is known when its stem is.
      if (isKnown(stem) || (stem !== value && isKnown(value))) continue
      if (!isStandaloneWord(index, at)) continue
      if (feminineEure.test(stem) && isKnown(stem.replace(feminineEure, 'eur$1'))) continue
      // A hyphenated word: the one unknown part is the typo ("pan-europeen"), if only one.
      let checked = stem
      const compound = /[-’']/.test(stem)
      if (compound) {
        const unknown = stem.split(/[-’']/).filter((part) => !isKnown(part))
        if (unknown.length !== 1 || unknown[0]!.length < shortestChecked || upper.test(unknown[0]!)) continue
        checked = unknown[0]!
      }
      if (isUsedElsewhere(index, at, value)) continue
      const previous = neighbourWord(index, at, -1)
      const next = neighbourWord(index, at, 1)
      if (capitalised && next && upper.test(next.value[0]!)) continue
      if (isUnknownNeighbour(previous) || isUnknownNeighbour(next)) continue
      if (isEnglishWord(stem) && !isAccentSlipOfCommonerWord(stem)) continue
      if (latinEpithet.test(checked) && previous && !isKnown(previous.value.normalize('NFC'))) continue
      let suggestions = suggest(checked.toLowerCase())
      // "contercoeur": the list writes œ (not in "poète"); the suggestion keeps the writer's "oe".
      const typedOe = suggestions.length === 0 && checked.toLowerCase().includes('oe')
      if (typedOe) suggestions = suggest(checked.toLowerCase().replace(/oe/g, 'œ'))
      const best = suggestions[0]
      if (!best) continue
      // A slip that is not a likely one (a letter too many or changed, away from its
      // neighbours), or a name-like word at the start of a sentence: only towards a common word.
      if ((best.cost >= unlikelySlip || capitalised) && (frequencyRank(best.word) === undefined || (capitalised && best.cost >= unlikelySlip))) continue
      // Parts of compounds, and words made with a free prefix ("coprésenter", not "réfuser"),
      // are flagged only when their accents alone are wrong.
      const accentsOnly = withoutAccents(best.word) === withoutAccents(checked.toLowerCase())
      if (!accentsOnly && (compound || isPrefixedWord(checked, isKnown))) continue
      // A token whose source is not its text (an HTML entity, a Markdown escape) cannot be
      // cut in the source by offsets into its text.
      if (index.source.slice(token.start, token.end) !== token.value) continue
      // The range is the checked part of the source token; its text stays as written (NFD too).
      const offsetInValue = value.length - stem.length + stem.indexOf(checked)
      const sourceValue = token.value
      const sameLength = sourceValue.length === value.length
      const start = sameLength ? token.start + offsetInValue : token.start
      const end = sameLength ? start + checked.length : token.end
      const keepCase = (word: string): string => (upper.test(checked[0]!) ? capitalise(word) : word)
      const expected = suggestions.map(({word}) => {
        const corrected = keepCase(typedOe ? word.replace(/œ/g, 'oe') : word)
        return sameLength ? corrected : value.slice(0, offsetInValue) + corrected + value.slice(offsetInValue + checked.length)
      })
      report(`Coquille probable : « ${checked} » n’est pas dans le dictionnaire.`, start, end, {expected, safe: false})
    }
  },
)
