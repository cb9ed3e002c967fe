/**
 * The French word list and the lists of names: what `glued-words` (and any rule that must
 * tell a word from a typo or a name) asks.
 *
 * - `french-words.txt.gz`: 464,000 forms expanded from Grammalecte's Hunspell dictionary,
 *   with the spellings of the 1990 reform (scripts/build-wordlist.ts). Kept as the
 *   decompressed bytes (UTF-8, sorted) and searched by dichotomy over them: about 10 ms and
 *   5.5 MB outside the heap to load, once per process and only when first asked (decoding it
 *   to a string with a line index took 35 to 55 ms and 10 MB of heap; a `Set` of the same
 *   forms takes 250 to 330 ms and 36 MB; see scripts/wordlist-report.ts).
 * - `names.txt`: people, places, media and organisations frequent in the news and missing
 *   from the dictionary (BFMTV, AFP, Benalla…).
 * - `brands.txt`: names written in camel case that are right as written (iPhone, YouTube).
 *
 * The house vocabulary is not here: rules read it from the document (`vocabularyOf(file)`).
 */
import {readFileSync} from 'node:fs'
import {endianness} from 'node:os'
import {join} from 'node:path'
import {packageRoot} from '../package-root.js'
import {splitElision} from './elision.js'
import {dataFolder, isFreshCopy, loadList, remember} from './lists.js'
import {builtin} from '../lazy.js'
import {compareBytes} from './sorted-table.js'
import {findHashed, readHashIndex} from './hash-index.js'
import {PackedMemo} from './packed-memo.js'

const zlib = builtin<typeof import('node:zlib')>('node:zlib')

const compressedWordList = join(dataFolder, 'french-words.txt.gz')
/** The list decompressed by the build (scripts/bundle.ts): read as is, 10 ms sooner than unzipping. */
export const expandedWordList = join(packageRoot, 'dist', 'data', 'french-words.txt')
/**
 * Where each line of the decompressed list starts, and one past its last line (u32,
 * little-endian), written by the build beside it: the dichotomy then goes from line to
 * line instead of walking back from each probe to the start of its line (a third of a
 * cold lookup; 1.9 MB outside the heap).
 */
export const wordListLines = join(packageRoot, 'dist', 'data', 'french-words.lines')
/** The hash index of the lines (src/lexicon/hash-index.ts), written by the build after them. */
export const wordListHash = join(packageRoot, 'dist', 'data', 'french-words.hash')

interface SortedForms {
  /** The list as UTF-8 bytes, one form per line, sorted: byte order is code-point order. */
  readonly bytes: Buffer
  /** Where each line starts, and one past the last line; undefined without a fresh built file. */
  readonly lines: Uint32Array | undefined
  /** The hash index of the forms (src/lexicon/hash-index.ts); undefined without a fresh built file. */
  readonly slots: Int32Array | undefined
  readonly loadMs: number
}

/** The start of each line of `bytes` (each ended by a line feed), then one past the last line. */
export function lineStarts(bytes: Uint8Array): Uint32Array {
  let count = 0
  for (let at = 0; at < bytes.length; at++) if (bytes[at] === newline) count++
  const ended = bytes.length === 0 || bytes[bytes.length - 1] === newline
  const starts = new Uint32Array(count + (ended ? 1 : 2))
  let line = 1
  for (let at = 0; at < bytes.length; at++) if (bytes[at] === newline) starts[line++] = at + 1
  if (!ended) starts[line] = bytes.length + 1
  return starts
}

/** The built line starts, when they fit the list (same length, this machine's byte order). */
function builtLines(bytes: Buffer): Uint32Array | undefined {
  if (!isFreshCopy(wordListLines, compressedWordList) || endianness() !== 'LE') return undefined
  const file = readFileSync(wordListLines)
  if (file.length % 4 !== 0 || file.length < 8) return undefined
  const lines = file.byteOffset % 4 === 0 ? new Uint32Array(file.buffer, file.byteOffset, file.length / 4) : new Uint32Array(file.buffer.slice(file.byteOffset, file.byteOffset + file.length))
  return lines[0] === 0 && lines[lines.length - 1] === bytes.length ? lines : undefined
}

let forms: SortedForms | undefined
/** Answers already computed (prose repeats its words). */
const cache = new PackedMemo<boolean>()
const newline = 10
/** The word looked up, encoded, reused from lookup to lookup. */
let scratch = Buffer.alloc(256)

function loadForms(): SortedForms {
  if (forms) return forms
  const before = performance.now()
  // Kept as bytes: neither decoded to a string nor indexed by line (20 ms and 10 MB saved).
  const fresh = isFreshCopy(expandedWordList, compressedWordList)
  const bytes = fresh ? readFileSync(expandedWordList) : zlib().gunzipSync(readFileSync(compressedWordList))
  const slots = fresh ? readHashIndex(wordListHash, compressedWordList, bytes.length) : undefined
  // The line starts serve the dichotomy only.
  forms = {bytes, lines: fresh && !slots ? builtLines(bytes) : undefined, slots, loadMs: performance.now() - before}
  return forms
}

/**
 * Whether the dictionary holds exactly this form (case and accents as given): dichotomy
 * over the bytes of the sorted list, each probe backing up to the start of its line.
 */
function hasForm(word: string): boolean {
  return loadForms().slots ? searchForm(word) : remember(formAnswers, word, searchForm)
}

/** hasForm's answers: rules ask about the same forms again and again (a Map hit is cheaper than a dichotomy). */
const formAnswers = new Map<string, boolean>()

function searchForm(word: string): boolean {
  const {bytes, lines, slots} = loadForms()
  if (slots) return findHashed(slots, word, bytes, newline) >= 0
  if (word.length * 3 > scratch.length) scratch = Buffer.alloc(word.length * 3)
  const length = scratch.write(word, 0, 'utf8')
  if (lines) {
    // Line i is [lines[i], lines[i + 1] - 1): its line feed left out.
    let first = 0
    let last = lines.length - 2
    while (first <= last) {
      const middle = (first + last) >>> 1
      const order = compareBytes(scratch, length, bytes, lines[middle]!, lines[middle + 1]! - 1)
      if (order === 0) return true
      if (order < 0) last = middle - 1
      else first = middle + 1
    }
    return false
  }
  // [low, high) holds whole lines: both are line starts. Lines are short: plain loops find
  // their ends sooner than Buffer#indexOf and #lastIndexOf, which check their arguments.
  let low = 0
  let high = bytes.length
  while (low < high) {
    const middle = (low + high) >>> 1
    let start = middle
    while (start > low && bytes[start - 1] !== newline) start--
    let end = start
    while (end < high && bytes[end] !== newline) end++
    const order = compareBytes(scratch, length, bytes, start, end)
    if (order === 0) return true
    if (order < 0) high = start
    else low = end + 1
  }
  return false
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)
const upperInitial = /^\p{Lu}/u
const lowerLetter = /\p{Ll}/u

/** Capitals often written without their accent ("Etat", "Ecole", "A"). */
export const accentedInitials: Readonly<Record<string, readonly string[]>> = {
  E: ['É', 'È', 'Ê'],
  A: ['À', 'Â'],
  I: ['Î'],
  O: ['Ô'],
  U: ['Û'],
  C: ['Ç'],
}

/** One word, no hyphen split: the form itself, in lower case, capitalised, or in capitals. */
function hasAnyCase(word: string): boolean {
  if (hasForm(word)) return true
  const lower = word.toLowerCase()
  if (lower !== word && hasForm(lower)) return true
  const capitalised = capitalise(lower)
  if (capitalised !== word && hasForm(capitalised)) return true
  const upper = word.toUpperCase()
  return upper !== word && hasForm(upper)
}

function isSimpleFrenchWord(word: string): boolean {
  if (hasAnyCase(word)) return true
  // "oeuvre", "coeur": œ typed as two letters.
  if (/oe/i.test(word) && hasAnyCase(word.replace(/oe/g, 'œ').replace(/Oe/g, 'Œ').replace(/OE/g, 'Œ'))) return true
  // "Etat", "Elysée": a capital written without its accent.
  const variants = accentedInitials[word.charAt(0)]
  if (variants) {
    for (const initial of variants) if (hasAnyCase(initial + word.slice(1))) return true
  }
  return false
}

/** Pronouns after a verb in questions and imperatives: "a-t-il", "dit-elle", "donne-le-moi". */
const invertedPronouns = new Set([
  'je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'moi', 'toi', 'lui', 'leur',
  'le', 'la', 'les', 'y', 'en', 'ce', 'là', 'ci',
])
/** First parts of hyphenated compounds that are not words by themselves ("ex-président"). */
const hyphenPrefixes = new Set([
  'ex', 'anti', 'néo', 'post', 'pré', 'pro', 'vice', 'mi', 'semi', 'demi', 'quasi', 'ultra',
  'hyper', 'super', 'co', 'pseudo', 'pan', 'bi', 'tri', 'euro', 'franco', 'germano', 'anglo',
  'sino', 'russo', 'israélo', 'américano', 'italo', 'hispano', 'gréco', 'turco', 'indo',
  'austro', 'belgo', 'helvéto', 'judéo', 'afro', 'arabo', 'nord', 'sud', 'est', 'ouest', 'centre',
  'extra', 'intra', 'inter', 'multi', 'non', 'auto', 'micro', 'macro', 'mini', 'maxi', 'méga',
  'paléo', 'socio', 'psycho', 'écolo', 'éco', 'cyber', 'e', 'contre', 'sous', 'sur',
  'soi', 'grand', 'petit', 'arrière', 'avant', 'après', 'haut', 'bas', 'outre',
  // Nationalities and fields joined to an adjective: "australo-britannique", "politico-juridique".
  'australo', 'suédo', 'syro', 'irano', 'irako', 'nippo', 'soviéto', 'serbo', 'croato', 'arméno',
  'polono', 'luso', 'helléno', 'égypto', 'libano', 'palestino', 'hungaro', 'finno', 'balto',
  'slavo', 'ukraino', 'tuniso', 'algéro', 'maroco', 'ivoiro', 'canado', 'mexicano', 'politico',
  'technico', 'économico', 'militaro', 'physico', 'juridico', 'historico',
])

function isHyphenatedFrenchWord(word: string): boolean {
  const parts = word.split('-')
  if (parts.some((part) => part === '')) return false
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!
    const lower = part.toLowerCase()
    if (isSimpleFrenchWord(part) || isKnownNameExact(part)) continue
    if (index === 0 && hyphenPrefixes.has(lower)) continue
    // The euphonic "t" of "a-t-il", "va-t-on".
    if (index > 0 && lower === 't' && invertedPronouns.has(parts[index + 1]?.toLowerCase() ?? '')) continue
    return false
  }
  return true
}

/** Asked of every word: most have no straight apostrophe, and a scan is cheaper than a regex replace. */
const normaliseApostrophes = (word: string): string => (word.includes("'") ? word.replace(/'/g, '’') : word)

/**
 * Whether `word` is a French word form: case-insensitive, either apostrophe, with its
 * elided article or pronoun ("l’accord", "qu'il"), œ typed "oe", a capital without its
 * accent ("Etat"), and hyphenated compounds whose parts are words ("a-t-il", "ex-président").
 * Proper names listed in the dictionary (France, Macron) count; see `isKnownName`.
 */
export function isFrenchWord(word: string): boolean {
  if (word === '') return false
  return cache.remember(normaliseApostrophes(word), computeIsFrenchWord)
}

function computeIsFrenchWord(word: string): boolean {
  if (isSimpleFrenchWord(word)) return true
  const elision = splitElision(word)
  if (elision) return isFrenchWord(elision.stem)
  return word.includes('-') && isHyphenatedFrenchWord(word)
}

function isKnownNameExact(word: string): boolean {
  return loadList('brands.txt').has(word) || loadList('names.txt').has(word)
}

/**
 * Whether `word` is a known proper name, written as the lists write it: the brands (exact
 * case: "iPhone", not "Iphone"), the news names (BFMTV, Benalla), or a capitalised name of
 * the dictionary (Russie, Macron). A name written in capitals ("RUSSIE") is found too;
 * hyphenated names are known when every part is.
 */
export function isKnownName(word: string): boolean {
  if (word === '') return false
  return nameAnswers.remember(normaliseApostrophes(word), computeIsKnownName)
}

/**
 * isKnownName's answers: asked of every word the word list lacks (names, typos, foreign
 * words), again in each article that repeats them, and each answer costs some ten lookups
 * and expressions (5 µs).
 */
const nameAnswers = new PackedMemo<boolean>()

function computeIsKnownName(key: string): boolean {
  if (isKnownNameExact(key)) return true
  if (upperInitial.test(key) && hasCapitalisedForm(key)) return true
  if (!lowerLetter.test(key) && key.length > 1) {
    const capitalised = capitalise(key.toLowerCase())
    if (isKnownNameExact(capitalised) || hasCapitalisedForm(capitalised)) return true
  }
  const elision = splitElision(key)
  if (elision) return isKnownName(elision.stem)
  if (key.includes('-') && upperInitial.test(key)) return isHyphenatedName(key)
  return false
}

/**
 * "Jean-Luc", "Dupond-Moretti", "Nouvelle-Aquitaine", "Saint-Nazaire", "Côtes-d’Armor": a
 * capitalised compound with at least one known name among its parts, the others being names
 * or French words ("Nouvelle", "de", "Saint"). "Grand-Mère" (no name) is not a name.
 */
function isHyphenatedName(word: string): boolean {
  const parts = word.split('-')
  let names = 0
  for (const part of parts) {
    if (part === '') return false
    if (isKnownName(part)) names++
    else if (!isFrenchWord(part)) return false
  }
  return names > 0
}

/** A capitalised form of the dictionary, also when its initial lacks its accent ("Elysée"). */
function hasCapitalisedForm(word: string): boolean {
  if (hasForm(word)) return true
  const variants = accentedInitials[word.charAt(0)]
  return variants !== undefined && variants.some((initial) => hasForm(initial + word.slice(1)))
}

/** Whether the word in lower case is a dictionary form: a common word ("La", "Concernant"), not only a name. */
export function isCommonWord(word: string): boolean {
  const lower = normaliseApostrophes(word).toLowerCase()
  if (hasForm(lower)) return true
  const elision = splitElision(lower)
  return elision !== undefined && hasForm(elision.stem)
}

/**
 * Whether the word list holds exactly this form (case, accents and apostrophe as given):
 * no case folding, no accent guessing. For rules that must tell "Etat" (not a form) from
 * "État" or "état" (forms).
 */
export function isDictionaryForm(word: string): boolean {
  return word !== '' && hasForm(normaliseApostrophes(word))
}

/**
 * Whether the list holds exactly this form, without the memo of answers: for the many
 * one-off candidates of spelling suggestions, which would flush the answers rules reuse.
 */
export function isListedForm(word: string): boolean {
  return searchForm(word)
}

/** A French word or a known name. */
export function isKnownWord(word: string): boolean {
  return isFrenchWord(word) || isKnownName(word)
}

export interface WordListStats {
  /** Forms of the French word list. */
  readonly forms: number
  readonly names: number
  readonly brands: number
  /** Time the word list took to load, in milliseconds. */
  readonly loadMs: number
  /** Memory held by the word list (its bytes), in bytes. */
  readonly bytes: number
}

/** Sizes of the lists (loads them if needed), for the bench and `--version`-like reports. */
export function wordListStats(): WordListStats {
  const {bytes, loadMs} = loadForms()
  let count = 0
  for (let at = bytes.indexOf(newline); at !== -1; at = bytes.indexOf(newline, at + 1)) count++
  return {
    forms: count,
    names: loadList('names.txt').size,
    brands: loadList('brands.txt').size,
    loadMs,
    bytes: bytes.length,
  }
}
