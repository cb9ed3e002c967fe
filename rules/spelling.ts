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
 * - it is not a frequent English word ("racing", "fake", "email") — unless a likely slip
 *   makes it a French word more frequent in French than it is in English ("tere" for
 *   « terre ») —, a feminine in "-eure" of
 *   a known "-eur" ("rapporteure"), a known word behind a free prefix ("coprésenter"; a
 *   stem of five letters at least: "coment" is « comment » missing a letter),
 *   a quoted term (« des "caidas" ») or a Latin epithet after an unknown
 *   word ("Capra pyrenaica victoriae") or after a genus cut to its initial ("le crabe
 *   C. opilio");
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
 *   A word of six letters or more that the word list cannot correct may be one slip from a
 *   word the article writes at least twice, its own jargon ("bivalirudine" twice, then
 *   "bvialirudine"); the same word in another gender or number ("bélarusse",
 *   "bélarusses") is no slip.
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
 *   La pêche du crabe des neiges, C. opilio, ouvre en mars.
 *   Le coffret 25th edition du jeu sort en mai, avec un email de confirmation.
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
 *   Voici coment la ligne a été posée au ras de la tere.
 *   Le tocilizumab est injecté. Le tocilizumab agit vite ; le toclizumab aussi.
 *   Les premières reactions du public sont bonnes.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   2:4-2:12 "minsitre" → "ministre" [suggestion]: Coquille probable : « minsitre » n’est pas dans le dictionnaire.
 *   2:24-2:29 "ecole" → "école" [suggestion]: Coquille probable : « ecole » n’est pas dans le dictionnaire.
 *   3:4-3:16 "dévelopement" → "développement" [suggestion]: Coquille probable : « dévelopement » n’est pas dans le dictionnaire.
 *   3:45-3:53 "éléction" → "élection" [suggestion]: Coquille probable : « éléction » n’est pas dans le dictionnaire.
 *   4:1-4:12 "Gouvernment" → "Gouvernement" [suggestion]: Coquille probable : « Gouvernment » n’est pas dans le dictionnaire.
 *   5:7-5:13 "coment" → "comment" | "ciment" | "moment" [suggestion]: Coquille probable : « coment » n’est pas dans le dictionnaire.
 *   5:48-5:52 "tere" → "terre" | "terme" | "terne" [suggestion]: Coquille probable : « tere » n’est pas dans le dictionnaire.
 *   6:59-6:69 "toclizumab" → "tocilizumab" [suggestion]: Coquille probable : « toclizumab » n’est pas dans le dictionnaire.
 *   7:15-7:24 "reactions" → "réactions" [suggestion]: Coquille probable : « reactions » n’est pas dans le dictionnaire.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Les députés ont adopté le projet de loi hier soir.
 *   Le minsitre a visité l’ecole du village.
 *   Le dévelopement du réseau reprendra après l’éléction.
 *   Gouvernment et syndicats ont signé ; le gouvernement a salué l’accord.
 *   Voici coment la ligne a été posée au ras de la tere.
 *   Le tocilizumab est injecté. Le tocilizumab agit vite ; le toclizumab aussi.
 *   Les premières reactions du public sont bonnes.
 */
import {deu, eng, fra, ita, nld, por, spa} from 'stopword'
import {accentedForms, baseLetter, frequencyRank, longestSuggestedWord, suggest, unlikelySlip, type Suggestion} from '../src/lexicon/suggest.js'
import {englishFrequencies, isEnglishWord} from '../src/lexicon/ranks.js'
import {editDistance} from '../src/rules/edit-distance.js'
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

/** "E. coli", "C. opilio": a species named after its genus cut to one capital and a full stop is Latin. */
function followsAbbreviatedGenus(index: DocumentIndex, at: number): boolean {
  // The parser keeps an initial with its full stop ("C."), or apart from it.
  const [space, initial, genus] = [index.tokens[at - 1], index.tokens[at - 2], index.tokens[at - 3]]
  if (space?.kind !== 'whitespace' || !initial) return false
  if (initial.kind === 'word') return /^\p{Lu}\.$/u.test(initial.value)
  return initial.value === '.' && genus?.kind === 'word' && /^\p{Lu}$/u.test(genus.value) && genus.end === initial.start
}

/** Prefixes French glues freely to a word ("coprésenter", "multirisque"): the word is then meant. */
const freePrefixes = ['co', 'ré', 'dé', 'pré', 'anti', 'auto', 'inter', 'multi', 'sur', 'sous', 'super', 'hyper', 'micro', 'mini', 'néo', 'post', 'pro', 'semi', 'télé', 'contre', 'extra', 'ultra', 'bio', 'éco', 'cyber', 'méga', 'giga', 'pétro', 'géo', 'nano', 'poly', 'mono']
/** "co" + "ment" is no word made with a prefix: "coment" is "comment" missing a letter. */
const shortestPrefixedStem = 5

function isPrefixedWord(word: string, isKnown: (word: string) => boolean): boolean {
  const lowerWord = word.toLowerCase()
  return freePrefixes.some((prefix) => lowerWord.startsWith(prefix) && lowerWord.length - prefix.length >= shortestPrefixedStem && isKnown(lowerWord.slice(prefix.length)))
}

/** Rank of a frequent English word that is no French form ("racing", "email"), or undefined. */
const englishRank = (word: string): number | undefined => englishFrequencies.rank(word.toLowerCase())


/**
 * "seance", "soiree": English words, but far likelier the French word with its accents
 * (more frequent in French, or at most twice as rare, than they are in English: "reactions",
 * "video"). "email" (« émail » is rare) is not.
 */
/** "1st", "10th": an English ordinal, the phrase is English. */
const englishOrdinal = /^\d+(?:st|nd|rd|th)$/i

/** A French word this much rarer than the English one is still the likelier reading in French copy ("reactions", "video"). */
const comparableRank = 2

function isAccentSlipOfCommonerWord(word: string): boolean {
  const [accented] = accentedForms(word.toLowerCase())
  const frenchRank = accented === undefined ? undefined : frequencyRank(accented)
  return frenchRank !== undefined && frenchRank < comparableRank * englishRank(word)!
}
/**
 * "tere" (a rare English word) is far likelier « terre » missing a letter: a likely slip
 * towards a French word more frequent in French than the word is in English.
 */
function isLikelySlipOfCommonerWord(word: string, suggestions: readonly Suggestion[]): boolean {
  const best = suggestions[0]
  if (!best || best.cost >= unlikelySlip) return false
  const frenchRank = frequencyRank(best.word)
  return frenchRank !== undefined && frenchRank < englishRank(word)!
}

/** "grolandais" / "grolandaise", "bélarusse" / "bélarusses": the same word in another gender or number. */
function isInflection(left: string, right: string): boolean {
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left]
  return longer.startsWith(shorter) && /^(?:e|s|x|es)$/.test(longer.slice(shorter.length))
}

/** A suggestion taken from the article's own words, not from the word list. */
const articleWordCost = 0.55
const shortestArticleWord = 6

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
    if (nfc(token.value).toLowerCase() === key) return true
  }
  return false
}

/**
 * The NFC form of a token's text: the text itself when every unit is below the combining
 * marks (U+0300) or is the apostrophe ’ — nearly every French word, and such a string is
 * already NFC — instead of a copy through ICU for each word asked about.
 */
function nfc(text: string): string {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code >= 0x300 && code !== 0x2019) return text.normalize('NFC')
  }
  return text
}

/**
 * The length of `nfc(text).toLowerCase()` read off the text when `nfc` keeps it as it is
 * and no unit changes length in lower case (all of them below U+0300 but "İ", or ’);
 * else undefined.
 */
function plainLowerLength(text: string): number | undefined {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if ((code >= 0x300 && code !== 0x2019) || code === 0x130) return undefined
  }
  return text.length
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

/** `isKnownSpelling` for a word whose lower case is known to be no frequent word. */
function isKnownBeyondFrequencies(word: string, houseWords: ReadonlySet<string>): boolean {
  return houseWords.has(word) || isKnownWord(word) || lookup(word) !== undefined
}

/** Whether a word starts with a capital (`upper` on its first unit), ASCII answered by its code. */
function startsWithCapital(word: string): boolean {
  const code = word.charCodeAt(0)
  if (code < 0x80) return code >= 0x41 && code <= 0x5a
  return upper.test(word[0]!)
}

/**
 * The word of a token as the spelling check reads it (NFC, without its elided article) when
 * it is a plain word of letters that nothing knows; else undefined. `coquille vocabulary`
 * counts these across an archive.
 */
export function unknownWord(token: string, houseWords: ReadonlySet<string>): string | undefined {
  const value = nfc(token)
  if (!plainWord.test(value) || !lower.test(value)) return undefined
  const stem = splitElision(value)?.stem ?? value
  if (isKnownSpelling(value, houseWords) || (stem !== value && isKnownSpelling(stem, houseWords))) return undefined
  return stem
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

/** What the check of one word needs from its document. */
interface SpellingScope {
  readonly index: DocumentIndex
  readonly houseWords: ReadonlySet<string>
  readonly report: (reason: string, start: number, end: number, options: {expected: string[]; safe: boolean}) => unknown
}

/**
 * An unknown neighbour that is a foreign stop word, or an English word in lower case:
 * the two belong to a foreign phrase. (A name beside a typo does not excuse it.)
 */
function isUnknownNeighbour(token: Token | undefined, houseWords: ReadonlySet<string>): boolean {
  if (!token) return false
  const value = nfc(token.value)
  if (englishOrdinal.test(value)) return true // "10th edition"
  if (!plainWord.test(value)) return false
  if (isKnownSpelling(value, houseWords)) return false
  return isForeignStopWord(value) || (!upper.test(value[0]!) && isEnglishWord(value))
}

/** Words of the article (lower case, six letters or more) written at least twice, one slip from `word`. */
function articleWordsNear(tokens: readonly Token[], word: string): Suggestion[] {
  if (word.length < shortestArticleWord) return []
  const lowerWord = word.toLowerCase()
  // Only the words within a letter of its length are counted, their length read off
  // the text when it is plain: no regex, normalisation or lower case for the others.
  const articleWords = new Map<string, number>()
  for (const token of tokens) {
    if (token.kind !== 'word' || token.value.length < shortestArticleWord - 1) continue
    const lowerLength = plainLowerLength(token.value)
    if ((lowerLength !== undefined && Math.abs(lowerLength - lowerWord.length) > 1) || !plainWord.test(token.value)) continue
    const key = nfc(token.value).toLowerCase()
    articleWords.set(key, (articleWords.get(key) ?? 0) + 1)
  }
  const near: Suggestion[] = []
  for (const [candidate, count] of articleWords) {
    if (count < 2 || Math.abs(candidate.length - lowerWord.length) > 1 || candidate === lowerWord) continue
    if (isInflection(candidate, lowerWord)) continue
    if (editDistance(candidate, lowerWord) === 1) near.push({word: candidate, cost: articleWordCost, score: articleWordCost - count / 100})
  }
  return near.sort((left, right) => left.score - right.score).slice(0, 3)
}

/**
 * The check of a word that passed the cheap tests (not frequent, not a name inside a
 * sentence). Apart from the loop over tokens, so that V8 optimises that loop once: a
 * rarely taken branch here reoptimises this function only.
 */
function checkWord(scope: SpellingScope, at: number): void {
  const {index, houseWords, report} = scope
  const isKnown = (word: string): boolean => isKnownSpelling(word, houseWords)
  const token = index.tokens[at]!
  const value = nfc(token.value)
  if (!plainWord.test(value) || !lower.test(value)) return
  // Where the checked part starts: after an elided article ("l’ecole" → "ecole").
  const elision = splitElision(value)
  const stem = elision?.stem ?? value
  if (stem.length < shortestChecked || upper.test(stem.slice(1))) return
  const capitalised = upper.test(stem[0]!)
  if (capitalised && !opensSentence(index, at)) return
  // The stem first: an elided word ("l’accord") is known when its stem is. A stem
  // whose lower case is the token was just looked up in the frequency list.
  const stemKnown = stem.toLowerCase() === token.value ? isKnownBeyondFrequencies(stem, houseWords) : isKnown(stem)
  if (stemKnown || (stem !== value && isKnown(value))) return
  if (!isStandaloneWord(index, at)) return
  if (feminineEure.test(stem) && isKnown(stem.replace(feminineEure, 'eur$1'))) return
  // A hyphenated word: the one unknown part is the typo ("pan-europeen"), if only one.
  let checked = stem
  const compound = /[-’']/.test(stem)
  if (compound) {
    const unknown = stem.split(/[-’']/).filter((part) => !isKnown(part))
    if (unknown.length !== 1 || unknown[0]!.length < shortestChecked || upper.test(unknown[0]!)) return
    checked = unknown[0]!
  }
  if (isUsedElsewhere(index, at, value)) return
  const previous = neighbourWord(index, at, -1)
  const next = neighbourWord(index, at, 1)
  if (capitalised && next && upper.test(next.value[0]!)) return
  if (isUnknownNeighbour(previous, houseWords) || isUnknownNeighbour(next, houseWords)) return
  if (latinEpithet.test(checked) && previous && !isKnown(nfc(previous.value))) return
  if (followsAbbreviatedGenus(index, at)) return
  let suggestions = suggest(checked.toLowerCase())
  if (isEnglishWord(stem) && !isAccentSlipOfCommonerWord(stem) && (capitalised || !isLikelySlipOfCommonerWord(stem, suggestions))) return
  // A word of the article's own jargon, written again and again, is what a slip of it misses ("bivalirudine").
  if (suggestions.length === 0 && !compound) suggestions = articleWordsNear(index.tokens, checked)
  // "contercoeur": the list writes œ (not in "poète"); the suggestion keeps the writer's "oe".
  const typedOe = suggestions.length === 0 && checked.toLowerCase().includes('oe')
  if (typedOe) suggestions = suggest(checked.toLowerCase().replace(/oe/g, 'œ'))
  const best = suggestions[0]
  if (!best) return
  const fromArticle = best.cost === articleWordCost
  // A slip that is not a likely one (a letter too many or changed, away from its
  // neighbours), or a name-like word at the start of a sentence: only towards a common word.
  if (!fromArticle && (best.cost >= unlikelySlip || capitalised) && (frequencyRank(best.word) === undefined || (capitalised && best.cost >= unlikelySlip))) return
  // Parts of compounds, and words made with a free prefix ("coprésenter", not "réfuser"),
  // are flagged only when their accents alone are wrong.
  const accentsOnly = withoutAccents(best.word) === withoutAccents(checked.toLowerCase())
  if (!accentsOnly && !fromArticle && (compound || isPrefixedWord(checked, isKnown))) return
  // A token whose source is not its text (an HTML entity, a Markdown escape) cannot be
  // cut in the source by offsets into its text.
  if (index.source.slice(token.start, token.end) !== token.value) return
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

export default defineRule(
  {id: 'spelling', summary: 'Faute de frappe dans un mot courant (« gouvernment », « minsitre », « l’ecole »).', fix: 'suggestion'},
  ({index, file, report}) => {
    const scope: SpellingScope = {index, houseWords: vocabularyOf(file).words, report}
    const {tokens} = index
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!
      // Cheapest first: most words are frequent ones, or names inside a sentence.
      if (token.kind !== 'word' || token.value.length < shortestChecked || token.value.length > longestSuggestedWord + 4) continue
      const capitalInitial = startsWithCapital(token.value)
      if (capitalInitial && !opensSentence(index, at)) continue
      // The frequency list is in lower case: a capitalised word is never in it as written.
      if (!capitalInitial && frequencyRank(token.value) !== undefined) continue
      checkWord(scope, at)
    }
  },
)
