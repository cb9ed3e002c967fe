/**
 * French common nouns (gender and number), initial sounds (vowel, h aspiré) and the
 * determiner and elision tables: the knowledge behind `determiner-agreement` and
 * `elision`. Everything is read from src/lexicon/data/ on first use and kept for the
 * process (see PROVENANCE.md there for the sources); the noun forms as a sorted table
 * (src/lexicon/sorted-table.ts), not a map built at each start.
 *
 * Conservative by design: `nounInfo` answers only for words the Lefff lists as common
 * nouns, merges every reading of a form (noun and adjective, all homographs), and says
 * 'both' whenever either gender can be right ("le/la tour", "un/une élève", "la
 * ministre", "le/la rouge"). A wrong gender would be a false alarm.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {dataFolder, loadList} from './lists.js'
import {loadTable, type TableSource} from './sorted-table.js'
import {PackedMemo} from './packed-memo.js'

export type Gender = 'm' | 'f' | 'both'
export type GrammaticalNumber = 's' | 'p' | 'both'

export interface NounInfo {
  readonly gender: Gender
  readonly number: GrammaticalNumber
  /**
   * The form is also a verb form that can follow a clitic pronoun (finite, infinitive or
   * present participle: "porte", "montre", "sortir"): after "le", "la", "les" it may be a
   * pronoun and a verb ("il la montre", "pour la sortir"), not a determiner and a noun.
   * Past participles do not count ("la marché" is an error, not a pronoun and a verb).
   */
  readonly alsoVerb: boolean
  /**
   * The form is also an inflected adjective ("vaste", "pire", "grande"): after a
   * determiner it may stand before the noun ("la vaste plaine"); its gender then already
   * includes both genders when the adjective is epicene.
   */
  readonly alsoAdjective: boolean
}

export interface DeterminerInfo {
  readonly form: string
  /** definite, indefinite, partitive, contracted, demonstrative, possessive, interrogative, negative, adjective. */
  readonly kind: string
  readonly gender: Gender
  readonly number: GrammaticalNumber
  /** The form to write before a vowel sound instead ("ma" → "mon", "ce" → "cet", "le" → "l’"). */
  readonly beforeVowel?: string
  /** For a form used only before a vowel sound, the forms it stands for ("cet" → ["ce"], "mon" → ["ma"]). */
  readonly vowelFormOf?: readonly string[]
}

export interface ElisionInfo {
  readonly word: string
  /** The elided form with its typographic apostrophe ("qu’"). */
  readonly elided: string
  /** Before which words it is elided: any vowel sound, only "il"/"ils", or the listed words. */
  readonly before: 'vowel' | 'il' | readonly string[]
}

/** Lexicon keys: lower case, straight apostrophe, ligatures spelled out (the Lefff writes "oeuvre"). */
export function lexiconKey(word: string): string {
  const lower = word.toLowerCase()
  return specialLetters.test(lower) ? lower.replace(/’/g, "'").replace(/œ/g, 'oe').replace(/æ/g, 'ae') : lower
}

const specialLetters = /[’œæ]/

// ---------------------------------------------------------------------------------------
// Nouns

const genderOfCode: Record<string, Gender> = {m: 'm', f: 'f', e: 'both'}
const numberOfCode: Record<string, GrammaticalNumber> = {s: 's', p: 'p', i: 'both'}

/** Forms and their codes (gender, number, flags: "fsva"), from nouns-lefff.txt, without its proper nouns. */
export const nounTableSource: TableSource = {
  name: 'nouns-lefff',
  source: 'nouns-lefff.txt',
  *entries(text) {
    for (const [code, forms] of nounLines(text)) {
      if (code === 'np') continue
      if (!genderOfCode[code[0]!] || !numberOfCode[code[1]!]) throw new Error(`coquille: bad code "${code}" in nouns-lefff.txt`)
      for (const form of forms) yield [form, code]
    }
  },
}

/** Capitalised proper nouns that are also common nouns ("Suède", "Canada"): the `np` line of nouns-lefff.txt. */
export const properNounTableSource: TableSource = {
  name: 'proper-nouns-lefff',
  source: 'nouns-lefff.txt',
  *entries(text) {
    for (const [code, forms] of nounLines(text)) if (code === 'np') for (const form of forms) yield [form, '']
  },
}

function* nounLines(text: string): Generator<[code: string, forms: string[]]> {
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const space = line.indexOf(' ')
    yield [line.slice(0, space), line.slice(space + 1).split(' ')]
  }
}

/** One frozen answer per code: a few dozen objects, shared by every form. */
const infoOfCode = new Map<string, NounInfo>()
/**
 * The lexicon's answer for a key. No memo of its own: nounInfo's memo, in front, answers
 * the words seen before, and a memo here missed for most keys (a Map miss and a set cost
 * more than the hashed lookup: 2.5 against 1.85 µs a call, measured in place).
 */
function lexiconNoun(key: string): NounInfo | undefined {
  return searchNoun(key) ?? undefined
}

function searchNoun(key: string): NounInfo | null {
  const code = loadTable(nounTableSource).get(key)
  if (code === undefined) return null
  let info = infoOfCode.get(code)
  if (!info) {
    const flags = code.slice(2)
    info = Object.freeze({gender: genderOfCode[code[0]!]!, number: numberOfCode[code[1]!]!, alsoVerb: flags.includes('v'), alsoAdjective: flags.includes('a')})
    infoOfCode.set(code, info)
  }
  return info
}

/**
 * The lexicon key of a word as written, or undefined when its case says it is no common
 * noun: acronyms are looked up as written ("CIE" is not "Cie"), words with capitals inside
 * ("VIe", "McDonald") are not looked up, nor capitalised words that are also proper nouns
 * ("la Suède" is not "le suède", "le Canada" not "la canada").
 */
function keyOfWord(word: string): string | undefined {
  const key = lexiconKey(word)
  if (key === word) return key // the usual case: a lower-case word
  if (isAcronym(word)) return word
  if (/^.+\p{Lu}/u.test(word)) return undefined
  if (loadTable(properNounTableSource).has(word)) return undefined
  return key
}

let epicenes: ReadonlySet<string> | undefined

/** Whether the epicene list holds this key, as written or as the plural of an entry ("-s", "-x"). */
function epiceneNumber(key: string): GrammaticalNumber | undefined {
  epicenes ??= new Set([...loadList('epicene-nouns.txt')].map(lexiconKey))
  if (epicenes.has(key)) return 's'
  if (/[sx]$/.test(key) && epicenes.has(key.slice(0, -1))) return 'p'
  return undefined
}

/**
 * Gender and number of a common noun, in any case and inflection ("Ratifications" → f p,
 * "chevaux" → m p). Acronyms are matched as written ("ONU" → f). Undefined for words the lexicon does not know as nouns, and for words
 * that after a determiner are mostly something else (numerals, degree adverbs such as
 * "plus" or "bien", pronouns, prepositions). Gender 'both' for nouns of either gender
 * (epicene-nouns.txt, homographs, nominalised epicene adjectives).
 */
export function nounInfo(word: string): NounInfo | undefined {
  return nounAnswers.remember(word, computeNounInfo) ?? undefined
}

/**
 * nounInfo's answers by word as written, null for none: a rule asks about the same token
 * several times, and prose repeats its nouns (194,000 questions, 13,000 words over the
 * corpus): one memo hit instead of a case fold, the lexicon's memo and the epicene list.
 */
const nounAnswers = new PackedMemo<NounInfo | null>()

function computeNounInfo(word: string): NounInfo | null {
  return searchNounInfo(word) ?? null
}

function searchNounInfo(word: string): NounInfo | undefined {
  const key = keyOfWord(word)
  if (key === undefined) return undefined
  const info = lexiconNoun(key)
  const epiceneAs = epiceneNumber(key === word ? key : lexiconKey(word))
  if (epiceneAs === undefined) return info
  const number = info?.number ?? epiceneAs
  const alsoVerb = info?.alsoVerb ?? false
  const alsoAdjective = info?.alsoAdjective ?? false
  // Shared, as the lexicon's answers are: a dozen objects at most.
  const shared = `${number} ${alsoVerb} ${alsoAdjective}`
  let epicene = epiceneInfos.get(shared)
  if (!epicene) epiceneInfos.set(shared, (epicene = Object.freeze({gender: 'both', number, alsoVerb, alsoAdjective})))
  return epicene
}

const epiceneInfos = new Map<string, NounInfo>()

/** A noun used with either gender ("élève", "tour", "ministre"), from the lists or the lexicon. */
export function isEpicene(word: string): boolean {
  return nounInfo(word)?.gender === 'both'
}

// ---------------------------------------------------------------------------------------
// Initial sounds

/** Answers of the two questions the elision rules ask about every word after an elidable one (a few lookups each). */
const vowelAnswers = new PackedMemo<boolean>()
const optionalAnswers = new PackedMemo<boolean>()

const vowelLetters = /^[aeiouyàâäéèêëîïôöùûüÿæœ]/
const digits = /^\d/

let lowerLists: Map<string, ReadonlySet<string>> | undefined

/** A data list in lower case (proper nouns and common nouns alike are matched in any case). */
function lowerList(name: string): ReadonlySet<string> {
  lowerLists ??= new Map()
  let list = lowerLists.get(name)
  if (!list) {
    list = new Set([...loadList(name)].map((entry) => entry.toLowerCase().replace(/’/g, "'")))
    lowerLists.set(name, list)
  }
  return list
}

function inList(name: string, lower: string): boolean {
  const list = lowerList(name)
  if (list.has(lower)) return true
  const hyphen = lower.indexOf('-')
  return hyphen > 0 && list.has(lower.slice(0, hyphen))
}

function isAcronym(word: string): boolean {
  return word.length > 1 && /^[A-ZÀ-Ý][A-ZÀ-Ý0-9+-]+$/.test(word)
}

/** "IIe", "XXIe", "Ier": read as ordinals ("deuxième", "premier"), never elided before. */
const romanNumeral = /^[IVXLCDM]+(?:e|er|re|ème|eme)$/

/**
 * How a word beginning with h is read: 'aspire' ("héros", "Hongrie", "hurlent",
 * "haut-parleur"), 'mute' ("homme", "habitait", "héroïne"), 'optional' when usage admits
 * both (h-optional.txt), 'unknown' for h-words of neither list (loanwords, most foreign
 * names: "Hassan", "Huffington") and acronyms ("HCQ": "l’HCQ" and "le HCR" are both
 * found).
 */
function hReading(word: string): 'aspire' | 'mute' | 'optional' | 'unknown' {
  if (isAcronym(word)) return 'unknown'
  const lower = word.toLowerCase().replace(/’/g, "'")
  if (inList('h-optional.txt', lower)) return 'optional'
  if (inList('h-aspire-forms.txt', lower)) return 'aspire'
  if (lexiconNoun(lexiconKey(word)) !== undefined) return 'mute'
  // A capitalised word that is no common noun is mostly a name ("Havas", "Hassan"), even
  // when it looks like a verb form ("havas"): left unknown.
  if (lower[0] === word[0] && lowerList('h-mute-forms.txt').has(lower)) return 'mute'
  return 'unknown'
}

/**
 * Whether the word begins with an aspirated h ("héros", "haine", "Hongrie", "hurlent",
 * "haut-parleur"): no elision before it. False for mute h ("homme", "héroïne"), for
 * words where both usages are accepted (h-optional.txt), and for h-words the lists do not
 * know (see isElisionOptional).
 */
export function isHAspire(word: string): boolean {
  return /^[hH]/.test(word) && hReading(word) === 'aspire'
}

/**
 * Words before which an elision rule should flag neither elision nor its absence: usage
 * admits both ("l’hyène" / "la hyène", "d’Hitler" / "de Hitler", "l’ouate" / "la ouate",
 * "l’HCQ" / "le HCR", "d’1 mètre" / "de 1,5 million"), or the word begins with an h the lists do not know ("de Hassan",
 * "le hanfu").
 */
export function isElisionOptional(word: string): boolean {
  return optionalAnswers.remember(word, computeIsElisionOptional)
}

function computeIsElisionOptional(word: string): boolean {
  if (/^1(?:[,.]\d+)?$/.test(word)) return true // "d’1,5 million" and "de 1,5 million" are both house styles
  const lower = word.toLowerCase().replace(/’/g, "'")
  if (inList('optional-vowel.txt', lower)) return true
  if (!/^[hH]/.test(word)) return false
  const reading = hReading(word)
  return reading === 'optional' || reading === 'unknown'
}

/**
 * Whether the word begins with a vowel sound, so that "le", "de", "que"… elide before it
 * and "ce", "ma", "beau" take their forms "cet", "mon", "bel": vowels (accented or not),
 * mute h, y before a consonant ("Yves"); not h aspiré, not y before a vowel ("yaourt"),
 * not the exceptions of no-elision.txt ("onze", "oui", "ouistiti"). Acronyms go by their
 * first letter read as a word ("l’ONU", "le FMI"); numbers, roman ordinals and single
 * capitals never ("de 1,5 million", "le IXe", "de A à Z"). For the words of
 * isElisionOptional, the more frequent usage (and false for unknown h-words).
 */
export function startsWithVowelSound(word: string): boolean {
  return vowelAnswers.remember(word, computeStartsWithVowelSound)
}

function computeStartsWithVowelSound(word: string): boolean {
  if (word === '' || digits.test(word) || romanNumeral.test(word) || /^\p{Lu}$/u.test(word)) return false
  if (isAcronym(word)) return /^[AEIOUYÀÂÉÈÊÎÔÛ]/.test(word)
  const lower = word.toLowerCase().replace(/’/g, "'")
  if (inList('no-elision.txt', lower)) return false
  if (inList('y-elided.txt', lower)) return true
  const first = lower[0]!
  if (first === 'h') {
    const reading = hReading(word)
    return reading === 'mute' || reading === 'optional'
  }
  if (first === 'y') return !/^y[aeiouyàâäéèêëîïôöùûü]/.test(lower)
  return vowelLetters.test(lower)
}

// ---------------------------------------------------------------------------------------
// Determiners and elisions

const normaliseDeterminer = (word: string): string => word.toLowerCase().replace(/'/g, '’').replace(/\s+/g, ' ').trim()

function readTable(name: string): string[][] {
  return readFileSync(join(dataFolder, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'))
}

let determiners: Map<string, DeterminerInfo> | undefined

/**
 * The determiner table entry for a determiner ("ce", "cet", "ma", "du", "de la", "l’",
 * "aux"…) or a before-vowel adjective ("beau", "bel"), in any case; undefined otherwise.
 */
export function determinerInfo(det: string): DeterminerInfo | undefined {
  if (!determiners) {
    determiners = new Map()
    for (const [form, kind, gender, number, beforeVowel, vowelFormOf] of readTable('determiners.tsv')) {
      if (!form || !kind || !gender || !number) throw new Error(`coquille: incomplete line for "${form}" in determiners.tsv`)
      const info: DeterminerInfo = {
        form,
        kind,
        gender: gender as Gender,
        number: number as GrammaticalNumber,
        ...(beforeVowel && beforeVowel !== '-' ? {beforeVowel} : {}),
        ...(vowelFormOf && vowelFormOf !== '-' ? {vowelFormOf: Object.freeze(vowelFormOf.split(','))} : {}),
      }
      determiners.set(form, Object.freeze(info))
    }
  }
  return determiners.get(normaliseDeterminer(det))
}

let elisions: {words: Map<string, ElisionInfo>; contractions: Map<string, string>} | undefined

function loadElisions(): NonNullable<typeof elisions> {
  if (elisions) return elisions
  const words = new Map<string, ElisionInfo>()
  const contractions = new Map<string, string>()
  for (const row of readTable('elisions.tsv')) {
    if (row[0] === 'contraction') {
      contractions.set(`${row[1]} ${row[2]}`, row[3]!)
      continue
    }
    const [word, elided, where] = row
    if (!word || !elided || !where) throw new Error(`coquille: incomplete line for "${word}" in elisions.tsv`)
    const before = where === 'vowel' || where === 'il' ? where : Object.freeze(where.replace(/^word:/, '').split('|'))
    words.set(word, Object.freeze({word, elided, before}))
  }
  elisions = {words, contractions}
  return elisions
}

/** How a word elides ("que" → "qu’" before any vowel sound, "si" → "s’" before il/ils). */
export function elisionInfo(word: string): ElisionInfo | undefined {
  return loadElisions().words.get(word.toLowerCase())
}

/** The contraction of a preposition and an article ("de" + "le" → "du", "à" + "les" → "aux"). */
export function contraction(preposition: string, article: string): string | undefined {
  return loadElisions().contractions.get(`${preposition.toLowerCase()} ${article.toLowerCase()}`)
}
