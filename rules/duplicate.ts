/**
 * ## duplicate
 *
 * Flags lines, headings, paragraphs and sentences that repeat in an article — the
 * headline copied three times at the top of a scraped page, a paragraph pasted twice, a
 * lede sentence repeated (sometimes reworded) further down.
 *
 * Blocks and sentences are compared after normalising case, spaces and punctuation.
 * - An exact copy of a block (line, heading, paragraph) is deleted by `--fix` with its line
 *   break, when its lines hold nothing else.
 * - An exact copy of a sentence inside another paragraph: the copy is deleted with the
 *   space before it (safe).
 * - A near-duplicate sentence (most of its word pairs shared with an earlier sentence):
 *   a suggestion to delete it; the message gives the place of the first occurrence.
 *
 * - A short line or sentence pasted twice in a row (two words and 12 letters for a line,
 *   three words for a sentence), a line repeated at once with one word retyped
 *   ("maritim" / "maritime": a suggestion), and a phrase of three words or more repeated at
 *   once inside a run-on line ("CONDITIONS DE STOCKAGE CONDITIONS DE STOCKAGE": a suggestion).
 * - The first line of a text is a headline, and its sentences are not compared, only when
 *   it reads as one (25 words at most, no list marker, no final full stop).
 *
 * - A list item pasted twice in a row ("- si vous toussez." twice): a list names different
 *   things; the copy is deleted with its line break (safe from five words on; a shorter
 *   item, "- Match nul à Lyon", may be meant twice: a suggestion).
 *
 * Legitimate repetition is not flagged: short blocks and sentences (fewer than 5 words for
 * blocks, 6 for sentences: "Paris, Paris", "Oui.", dates), list items and table cells
 * further apart (a checklist may repeat an item),
 * sentences inside a quotation (a refrain is the speaker's), and
 * a lede that restates the headline, and a front-matter or HTML `<title>` repeated by the
 * first heading.
 * Comparison is linear: hashes of normalised text, and an index of word pairs for near
 * duplicates (never all pairs of sentences).
 *
 * Fix: safe for exact copies, suggestion for near duplicates. A copy whose words are the
 * same but whose source differs (another link target, image, code or inline HTML) is
 * reported without a fix: deleting it would lose what differs.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Le plan de relance
 *
 *   Le gouvernement a présenté mardi un plan de relance de l’économie.
 *   Paris, Paris. Oui.
 *   - Le détail des mesures sera publié demain.
 *   - La liste des bénéficiaires suivra.
 *   - Le détail des mesures sera publié demain.
 *   Il chantait « On ne lâchera rien, jamais, jamais. On ne lâchera rien, jamais, jamais. »
 *   Les syndicats ont réagi avec prudence à cette annonce très attendue.
 *
 * @example
 *   {"name": "not-ok-list.txt", "label": "input"}
 *
 *   Prévenez votre médecin :
 *   - si vous toussez depuis longtemps ;
 *   - si vous toussez depuis longtemps ;
 *   - si vous avez de la fièvre.
 *
 * @example
 *   {"name": "not-ok-list.txt", "label": "output"}
 *
 *   3:1-4:1 "- si vous toussez depuis longtemps ;\n" → "" [safe]: Élément de liste répété : déjà en 2:1.
 *
 * @example
 *   {"name": "not-ok-list.txt", "label": "fixed"}
 *
 *   Prévenez votre médecin :
 *   - si vous toussez depuis longtemps ;
 *   - si vous avez de la fièvre.
 *
 * @example
 *   {"name": "short-item.txt", "label": "input"}
 *
 *   Les résultats du jour :
 *
 *   - Match nul à Lyon
 *   - Match nul à Lyon
 *   - Victoire de Nantes
 *
 * @example
 *   {"name": "short-item.txt", "label": "output"}
 *
 *   4:1-5:1 "- Match nul à Lyon\n" → "" [suggestion]: Élément de liste répété : déjà en 3:1.
 *
 * @example
 *   {"name": "short-item.txt", "label": "fixed"}
 *
 *   Les résultats du jour :
 *
 *   - Match nul à Lyon
 *   - Match nul à Lyon
 *   - Victoire de Nantes
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   ---
 *   title: Le plan de relance présenté mardi
 *   ---
 *
 *   # Le plan de relance présenté mardi
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Le plan de relance présenté mardi
 *
 *   Le plan de relance présenté mardi
 *   Le gouvernement a présenté mardi un plan de relance de l’économie. Il sera financé par un nouvel emprunt.
 *   Les syndicats ont réagi avec prudence. Il sera financé par un nouvel emprunt.
 *   Selon nos informations, le gouvernement a présenté mardi un plan de relance de l’économie française.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   3:1-4:1 "Le plan de relance présenté mardi\n" → "" [safe]: Ligne répétée : déjà en 1:1.
 *   5:39-5:78 " Il sera financé par un nouvel emprunt." → "" [safe]: Phrase répétée : déjà en 4:68.
 *   6:1-6:101 "Selon nos informations, le gouvernement a présenté mardi un plan de relance de l’économie française." → "" [suggestion]: Phrase presque identique à celle de 4:1.
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "input"}
 *
 *   Le port de Brest accueille la course au large
 *   Le port de Brest acceuille la course au large
 *
 *   Les skippeurs arrivent
 *
 *   Les skippeurs arrivent
 *   Le village ouvre samedi. Le village ouvre samedi.
 *   CONDITIONS DE STOCKAGE CONDITIONS DE STOCKAGE à l’abri de la lumière.
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "output"}
 *
 *   2:1-3:1 "Le port de Brest acceuille la course au large\n" → "" [suggestion]: Ligne presque identique à la précédente (1:1).
 *   6:1-7:1 "Les skippeurs arrivent\n" → "" [safe]: Ligne répétée : déjà en 4:1.
 *   7:25-7:50 " Le village ouvre samedi." → "" [safe]: Phrase répétée : déjà en 7:1.
 *   8:23-8:46 " CONDITIONS DE STOCKAGE" → "" [suggestion]: Groupe de mots répété : « CONDITIONS DE STOCKAGE ».
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "fixed"}
 *
 *   Le port de Brest accueille la course au large
 *   Le port de Brest acceuille la course au large
 *
 *   Les skippeurs arrivent
 *
 *   Le village ouvre samedi.
 *   CONDITIONS DE STOCKAGE CONDITIONS DE STOCKAGE à l’abri de la lumière.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Le plan de relance présenté mardi
 *
 *   Le gouvernement a présenté mardi un plan de relance de l’économie. Il sera financé par un nouvel emprunt.
 *   Les syndicats ont réagi avec prudence.
 *   Selon nos informations, le gouvernement a présenté mardi un plan de relance de l’économie française.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   Le plan de relance présenté mardi
 *   =================================
 *
 *   Le plan de relance présenté mardi
 *   =================================
 *
 *   Le rapport complet est [en ligne](https://exemple.fr/2023.pdf) depuis mardi.
 *
 *   Le rapport complet est [en ligne](https://exemple.fr/2024.pdf) depuis mardi.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   4:1-6:1 "Le plan de relance présenté mardi\n=================================\n" → "" [safe]: Titre répété : déjà en 1:1.
 *   9:1-9:77: Paragraphe répété aux liens, au code ou à la mise en forme près : déjà en 7:1.
 *
 * @example
 *   {"name": "not-ok.md", "label": "fixed"}
 *
 *   Le plan de relance présenté mardi
 *   =================================
 *
 *
 *   Le rapport complet est [en ligne](https://exemple.fr/2023.pdf) depuis mardi.
 *
 *   Le rapport complet est [en ligne](https://exemple.fr/2024.pdf) depuis mardi.
 */
import type {Block, DocumentIndex, SentenceSpan} from '../src/parse/document.js'
import {quotationAt} from '../src/parse/quotation.js'
import {blockDeletionRange, headlineOf} from '../src/rules/blocks.js'
import {defineRule} from '../src/rules/kit.js'
import {editDistance} from '../src/rules/edit-distance.js'

const minimumBlockWords = 5
const minimumSentenceWords = 6
/** Share of word pairs in common above which two sentences are near duplicates. */
const nearDuplicateThreshold = 0.7
/** A word pair seen in more sentences than this is too common to find candidates with. */
const maximumPairPostings = 16

/** Also the title of front matter or <title>: it normally repeats the article's h1. */
const exemptBlockKinds = new Set<Block['kind']>(['list-item', 'table-cell', 'metadata', 'title'])
/** A text line that is a list item: "- ", "* ", "• ", "1. ", "2) ". */
const listMarker = /^(?:[-*•–]\s|\d{1,2}[.)]\s)/u

function placeOf(index: DocumentIndex, offset: number): string {
  const point = index.toPoint(offset)
  return `${point.line}:${point.column}`
}

/**
 * The document's words in order, each lower-cased once per distinct spelling and numbered,
 * so that blocks and sentences compare as runs of numbers (no string built per block,
 * sentence or pair of words). A block's or sentence's words are the range
 * [wordFrom[firstToken], wordFrom[endToken]) of this list.
 */
interface WordTable {
  /** For each word of the document: its token. */
  readonly tokenOf: Int32Array
  /** For each word of the document: the number of its lower-case form. */
  readonly idOf: Int32Array
  /** Letters of the words before each word (one more entry than words). */
  readonly lettersBefore: Int32Array
  /** For each token position, and the end: the first word at or after it. */
  readonly wordFrom: Int32Array
  /** Lower-case forms by number. */
  readonly lower: readonly string[]
  /** For each word: the next word of the same form, -1 when none. */
  readonly nextSame: Int32Array
}

const nonLetters = /[^\p{L}]/gu

/**
 * For each UTF-16 unit below U+0300 (Latin letters, accented ones included): 1 when it is a
 * letter. Built once from the expression, so that French words ("été", "où") are counted
 * by code without a `replace` over their tail.
 */
const latinLetters = (() => {
  const marks = new Uint8Array(0x300)
  for (let code = 0; code < 0x300; code++) if (/\p{L}/u.test(String.fromCharCode(code))) marks[code] = 1
  return marks
})()

/** Letters (UTF-16 units) in a word: Latin ones counted by code, the rest by the expression. */
function letterCount(text: string): number {
  let count = 0
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code >= 0x300) return count + text.slice(at).replace(nonLetters, '').length
    count += latinLetters[code]!
  }
  return count
}

function wordTable(index: DocumentIndex): WordTable {
  const tokens = index.tokens
  let count = 0
  for (let at = 0; at < tokens.length; at++) if (tokens[at]!.kind === 'word') count++
  // The forms' numbers in an open-addressing table of at least twice as many slots as
  // words, hashed from their code units: cheaper than a Map, whose lookups miss the cache.
  let size = 64
  while (size < 2 * count) size <<= 1
  const mask = size - 1
  // Every array of the table is a view of one buffer: each typed array of its own
  // allocated its memory apart, a cost paid some twenty times per article.
  const arrays = new Int32Arrays(tokens.length + 1 + 4 * count + 1 + count + size)
  const wordFrom = arrays.next(tokens.length + 1)
  const tokenOf = arrays.next(count)
  const idOf = arrays.next(count)
  const lettersBefore = arrays.next(count + 1)
  const nextSame = arrays.next(count)
  /** For each form (no more than words): its last word seen, from the end; -1: none yet. */
  const lastSeen = arrays.next(count).fill(-1)
  const slots = arrays.next(size).fill(-1)
  const lower: string[] = []
  const letters: number[] = []
  let word = 0
  for (let at = 0; at < tokens.length; at++) {
    wordFrom[at] = word
    const token = tokens[at]!
    if (token.kind !== 'word') continue
    const form = token.value.toLowerCase()
    let hash = form.length
    for (let unit = 0; unit < form.length; unit++) hash = Math.imul(hash ^ form.charCodeAt(unit), 0x5bd1e995)
    let slot = (hash ^ (hash >>> 15)) & mask
    let id = slots[slot]!
    while (id !== -1 && lower[id] !== form) {
      slot = (slot + 1) & mask
      id = slots[slot]!
    }
    if (id === -1) {
      id = lower.length
      lower.push(form)
      letters.push(letterCount(form))
      slots[slot] = id
    }
    tokenOf[word] = at
    idOf[word] = id
    lettersBefore[word + 1] = lettersBefore[word]! + letters[id]!
    word++
  }
  wordFrom[tokens.length] = count
  // The next word of the same form, for each word (-1: none).
  for (let at = count - 1; at >= 0; at--) {
    const id = idOf[at]!
    nextSame[at] = lastSeen[id]!
    lastSeen[id] = at
  }
  return {tokenOf, idOf, lettersBefore, wordFrom, lower, nextSame}
}

/** Int32Array views handed out one after the other from one buffer of a given number of elements. */
class Int32Arrays {
  readonly #buffer: ArrayBuffer
  #used = 0
  constructor(elements: number) {
    this.#buffer = new ArrayBuffer(4 * elements)
  }
  next(length: number): Int32Array {
    const array = new Int32Array(this.#buffer, 4 * this.#used, length)
    this.#used += length
    return array
  }
  /** Uint8Array view of `length` bytes (a multiple of 4). */
  nextBytes(length: number): Uint8Array {
    const array = new Uint8Array(this.#buffer, 4 * this.#used, length)
    this.#used += length >> 2
    return array
  }
}

/** Whether two ranges of the word list hold the same words. */
function sameWords(table: WordTable, from: number, to: number, otherFrom: number, otherTo: number): boolean {
  if (to - from !== otherTo - otherFrom) return false
  const ids = table.idOf
  for (let at = from, other = otherFrom; at < to; at++, other++) if (ids[at] !== ids[other]) return false
  return true
}

/** A hash of a range of words (a small integer: a map key without a heap number). */
function wordsHash(table: WordTable, from: number, to: number): number {
  const ids = table.idOf
  let hash = to - from
  for (let at = from; at < to; at++) hash = Math.imul(hash ^ ids[at]!, 0x5bd1e995) ^ (hash >>> 15)
  return hash & 0x3fffffff
}

/** The words of a range joined by spaces: the key compared, built only when two hashes collide. */
function wordsKey(table: WordTable, from: number, to: number): string {
  let key = ''
  for (let at = from; at < to; at++) key += (at > from ? ' ' : '') + table.lower[table.idOf[at]!]
  return key
}

/** The first block or sentence seen with given words. */
class FirstByWords<T extends {readonly firstToken: number; readonly endToken: number}> {
  readonly #table: WordTable
  readonly #byHash = new Map<number, T>()
  /** Those whose hash was taken by other words. */
  readonly #collided = new Map<string, T>()
  constructor(table: WordTable) {
    this.#table = table
  }
  find(from: number, to: number, hash: number): T | undefined {
    const candidate = this.#byHash.get(hash)
    if (candidate === undefined) return undefined
    const table = this.#table
    if (sameWords(table, table.wordFrom[candidate.firstToken]!, table.wordFrom[candidate.endToken]!, from, to)) return candidate
    return this.#collided.size === 0 ? undefined : this.#collided.get(wordsKey(table, from, to))
  }
  /** Records words not found. */
  remember(from: number, to: number, hash: number, item: T): void {
    if (!this.#byHash.has(hash)) this.#byHash.set(hash, item)
    else this.#collided.set(wordsKey(this.#table, from, to), item)
  }
}

/** Whether two sentences or blocks are written alike in the source, markup included. */
function sameSource(index: DocumentIndex, first: {start: number; end: number}, second: {start: number; end: number}): boolean {
  return first.end - first.start === second.end - second.start && index.source.slice(first.start, first.end) === index.source.slice(second.start, second.end)
}

/** Letters a short block or sentence needs to count as pasted twice in a row ("Oui. Oui." does not). */
const minimumRepeatedLetters = 12
/** Words an item needs before deleting its copy is safe. */
const shortestSafeItem = 5
/** Words of a phrase repeated at once inside a sentence ("COMMENT UTILISER COMMENT UTILISER" is too short). */
const minimumRunWords = 3
const maximumRunWords = 40

/**
 * Two runs of at least `minimumBlockWords` words, the same but for one word in the same
 * place, retyped with a letter or two changed ("maritim" / "maritime"; not "lundi" / "mardi").
 */
function differByOneWord(table: WordTable, beforeFrom: number, beforeTo: number, from: number, to: number): boolean {
  if (beforeTo - beforeFrom !== to - from || to - from < minimumBlockWords) return false
  const ids = table.idOf
  let different: number | undefined
  for (let at = 0; at < to - from; at++) {
    if (ids[beforeFrom + at] === ids[from + at]) continue
    if (different !== undefined) return false
    different = at
  }
  return different !== undefined && isTypo(table.lower[ids[beforeFrom + different]!]!, table.lower[ids[from + different]!]!)
}

/** Whether two words of four letters or more are one edit apart (a letter added, dropped, changed or two swapped). */
function isTypo(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1 || /\d/.test(a + b)) return false
  return editDistance(a, b) === 1
}

type Report = Parameters<Parameters<typeof defineRule>[1]>[0]['report']

const spacesOnly = /^\s+$/
const lowerCasePhrase = /^[\p{Ll}][\p{L}’' ]*$/u

/**
 * A phrase repeated at once inside a run-on line: "PRÉCAUTIONS DE CONSERVATION PRÉCAUTIONS
 * DE CONSERVATION", a sub-heading pasted twice without a full stop. Three words or more,
 * written the same, nothing but spaces between the copies; the second copy is offered for
 * deletion. `from`, `to`: the sentence's words.
 */
function checkRepeatedRun(index: DocumentIndex, table: WordTable, from: number, to: number, report: Report, lengths: number[]): void {
  const {idOf: ids, lettersBefore, tokenOf, nextSame} = table
  const words = to - from
  for (let start = from; start - from + 2 * minimumRunWords <= words; start++) {
    // A copy starts where the first word comes again: those lengths only, longest first.
    const longest = Math.min(maximumRunWords, (to - start) >> 1)
    // Counted apart rather than truncating the array at each word: setting `length` is a call into the runtime.
    let lengthCount = 0
    for (let again = nextSame[start]!; again !== -1 && again - start <= longest; again = nextSame[again]!) {
      if (again - start >= minimumRunWords) lengths[lengthCount++] = again - start
    }
    for (let candidate = lengthCount - 1; candidate >= 0; candidate--) {
      const length = lengths[candidate]!
      if (lettersBefore[start + length]! - lettersBefore[start]! < minimumRepeatedLetters) break
      let same = true
      for (let offset = 1; offset < length && same; offset++) same = ids[start + offset] === ids[start + length + offset]
      if (!same) continue
      const firstStart = index.tokens[tokenOf[start]!]!.start
      const firstEnd = index.tokens[tokenOf[start + length - 1]!]!.end
      const secondStart = index.tokens[tokenOf[start + length]!]!.start
      const secondEnd = index.tokens[tokenOf[start + 2 * length - 1]!]!.end
      // Written the same, case and punctuation included ("cliniques Toutes les fractures
      // cliniques" starts a sentence that lost its full stop).
      if (!spacesOnly.test(index.source.slice(firstEnd, secondStart))) continue
      const copy = index.source.slice(secondStart, secondEnd)
      if (index.source.slice(firstStart, firstEnd) !== copy) continue
      // Groups of two to four lower-case words are `repeated-words`' ("le président le président").
      if (length <= 4 && lowerCasePhrase.test(copy)) return
      report(`Groupe de mots répété : « ${copy} ».`, firstEnd, secondEnd, {expected: [''], safe: false})
      return
    }
  }
}

/**
 * Earlier sentences by pair of consecutive words (word numbers of the table): open addressing
 * on the two numbers, each pair's sentences chained in the order posted, at most
 * `maximumPairPostings`. Typed arrays sized by the document's words: a Map of an object and
 * an array per pair allocated three objects for each pair of each article.
 */
class PairIndex {
  /** The pair's words by slot; -1: the slot is empty. */
  readonly #previous: Int32Array
  readonly #current: Int32Array
  readonly #mask: number
  /** The sentence that last counted the pair (-1: none yet). */
  readonly seenIn: Int32Array
  /** Sentences posted under the pair, and the first and last of its chain (-1: none). */
  readonly postingCount: Uint8Array
  readonly firstPosting: Int32Array
  readonly #lastPosting: Int32Array
  /** Postings: a sentence, and the next posting of the same pair (-1: the last). */
  readonly postedSentence: Int32Array
  readonly nextPosting: Int32Array
  #postings = 0

  /** For a document of `words` words: no more pairs, nor postings, than words. */
  constructor(words: number) {
    let size = 64
    while (size < 2 * words) size <<= 1
    this.#mask = size - 1
    // One buffer for all (see Int32Arrays); the counts as bytes after the five arrays of slots.
    const postings = Math.max(words, 1)
    const arrays = new Int32Arrays(5 * size + 2 * postings + size / 4)
    this.#previous = arrays.next(size).fill(-1)
    this.#current = arrays.next(size)
    this.seenIn = arrays.next(size).fill(-1)
    this.firstPosting = arrays.next(size).fill(-1)
    this.#lastPosting = arrays.next(size)
    this.postedSentence = arrays.next(postings)
    this.nextPosting = arrays.next(postings)
    this.postingCount = arrays.nextBytes(size)
  }

  /** The slot of a pair of word numbers, made empty (nothing posted, never counted) when new. */
  slotOf(previous: number, current: number): number {
    let hash = Math.imul(previous, 0x9e3779b1) ^ current
    hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b)
    let slot = (hash ^ (hash >>> 13)) & this.#mask
    for (;;) {
      const held = this.#previous[slot]!
      if (held === -1) {
        this.#previous[slot] = previous
        this.#current[slot] = current
        return slot
      }
      if (held === previous && this.#current[slot] === current) return slot
      slot = (slot + 1) & this.#mask
    }
  }

  /** Posts a sentence under the pair of the slot, after those posted before. */
  post(slot: number, sentence: number): void {
    const posting = this.#postings++
    this.postedSentence[posting] = sentence
    this.nextPosting[posting] = -1
    if (this.postingCount[slot] === 0) this.firstPosting[slot] = posting
    else this.nextPosting[this.#lastPosting[slot]!] = posting
    this.#lastPosting[slot] = posting
    this.postingCount[slot]!++
  }
}

/**
 * 1 for each block that is list-like (of an exempt kind, or a line with a list marker in
 * plain text), else 0. Apart from the rule's function, so that V8 optimises that
 * function's loops once: the rarely taken marking reoptimises this function only.
 */
function listLikeBlocks(index: DocumentIndex): Uint8Array {
  const {blocks} = index
  const listLike = new Uint8Array(blocks.length)
  for (let at = 0; at < blocks.length; at++) {
    const block = blocks[at]!
    if (exemptBlockKinds.has(block.kind) || (index.format === 'txt' && listMarker.test(index.source.slice(block.start, block.start + 4)))) listLike[at] = 1
  }
  return listLike
}

/**
 * Blocks repeated (a list item right after itself, a line, a paragraph or a heading),
 * reported; 1 for each such block, else 0. Apart from the rule's function, so that V8
 * optimises the loop over sentences once: a rarely taken branch here reoptimises this
 * function only.
 */
function checkBlocks(index: DocumentIndex, table: WordTable, listLike: Uint8Array, report: Report): Uint8Array {
  const {blocks} = index
  const {wordFrom, lettersBefore} = table
  const firstBlock = new FirstByWords<Block>(table)
  const duplicateBlocks = new Uint8Array(blocks.length)
  // The words of the previous block (not a list item): an empty range at first.
  let previousFrom = 0
  let previousTo = 0
  /** The words of the previous block when it is a list item, else -1. */
  let previousItemFrom = -1
  let previousItemTo = -1
  for (let blockIndex = 0; blockIndex < blocks.length; blockIndex++) {
    const block = blocks[blockIndex]!
    const from = wordFrom[block.firstToken]!
    const to = wordFrom[block.endToken]!
    const count = to - from
    if (listLike[blockIndex]) {
      // A list item pasted twice in a row ("- si vous toussez." twice): a list names
      // different things. The same item further down may be meant (a refrain, a checklist).
      const repeated =
        previousItemFrom !== -1 &&
        count >= 2 &&
        sameWords(table, previousItemFrom, previousItemTo, from, to) &&
        lettersBefore[to]! - lettersBefore[from]! >= minimumRepeatedLetters
      previousItemFrom = from
      previousItemTo = to
      if (!repeated) continue
      const first = blocks[blockIndex - 1]!
      if (!listLike[blockIndex - 1] || !sameSource(index, first, block)) continue
      duplicateBlocks[blockIndex] = 1
      const range = blockDeletionRange(index, block)
      report(`Élément de liste répété : déjà en ${placeOf(index, first.start)}.`, range.start, range.end, {
        expected: [''],
        // A short item may be meant twice in a row (two draws: "- Match nul 1-1"): a suggestion.
        safe: range.wholeLines && count >= shortestSafeItem,
        wholeLines: range.wholeLines,
      })
      continue
    }
    previousItemFrom = -1
    const beforeFrom = previousFrom
    const beforeTo = previousTo
    previousFrom = from
    previousTo = to
    const afterItself = count >= 2 && sameWords(table, beforeFrom, beforeTo, from, to) && lettersBefore[to]! - lettersBefore[from]! >= minimumRepeatedLetters
    if (count < minimumBlockWords && !afterItself) continue
    const hash = afterItself ? 0 : wordsHash(table, from, to)
    const first = afterItself ? blocks[blockIndex - 1] : firstBlock.find(from, to, hash)
    if (!first) {
      firstBlock.remember(from, to, hash, block)
      // A line pasted twice in a row with one word retyped ("maritim" / "maritime").
      if (blockIndex > 0 && differByOneWord(table, beforeFrom, beforeTo, from, to)) {
        duplicateBlocks[blockIndex] = 1
        const range = blockDeletionRange(index, block)
        report(`Ligne presque identique à la précédente (${placeOf(index, blocks[blockIndex - 1]!.start)}).`, range.start, range.end, {
          expected: [''],
          safe: false,
          wholeLines: range.wholeLines,
        })
      }
      continue
    }
    duplicateBlocks[blockIndex] = 1
    const range = blockDeletionRange(index, block)
    const what = index.format === 'txt' ? 'Ligne répétée' : block.kind === 'heading' ? 'Titre répété' : 'Paragraphe répété'
    // Same words are not the same source: another link target, image, code or inline
    // HTML makes it a near copy, reported with no fix (deleting it would lose that link).
    if (!sameSource(index, first, block)) {
      report(`${what} aux liens, au code ou à la mise en forme près : déjà en ${placeOf(index, first.start)}.`, block.start, block.end)
      continue
    }
    report(`${what} : déjà en ${placeOf(index, first.start)}.`, range.start, range.end, {
      expected: [''],
      safe: range.wholeLines,
      wholeLines: range.wholeLines,
    })
  }
  return duplicateBlocks
}

export default defineRule(
  {id: 'duplicate', summary: 'Ligne, paragraphe ou phrase répétés (titre en double, lede recopié).', fix: 'mixed'},
  ({index, report}) => {
    const {blocks, sentences} = index
    const table = wordTable(index)
    const {wordFrom, lettersBefore} = table
    const listLike = listLikeBlocks(index)
    const duplicateBlocks = checkBlocks(index, table, listLike, report)

    // Sentences: exact copies, then near duplicates through an index of word pairs.
    const firstSentence = new FirstByWords<SentenceSpan>(table)
    const pairs = new PairIndex(table.idOf.length)
    // Only the number of distinct pairs of earlier sentences is needed, not the pairs themselves.
    const pairCounts = new Int32Array(sentences.length)
    // Pairs shared with each earlier sentence, for the sentence at hand; `touched` lists the
    // earlier sentences met, in the order met, and is cleared after each sentence.
    const sharedCounts = new Int32Array(sentences.length)
    const touched: number[] = []
    // A first line is a headline when it reads as one; a long one is the article's first paragraph.
    const headline = headlineOf(index)
    const ids = table.idOf
    const runLengths: number[] = []
    let previousSentenceFrom = 0
    let previousSentenceTo = 0
    for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
      const sentence = sentences[sentenceIndex]!
      if (duplicateBlocks[sentence.block]) continue
      const block = blocks[sentence.block]!
      const from = wordFrom[sentence.firstToken]!
      const to = wordFrom[sentence.endToken]!
      const count = to - from
      const inQuotation = quotationAt(index, sentence.start) !== undefined || quotationAt(index, sentence.end - 1) !== undefined
      if (!inQuotation && count >= 2 * minimumRunWords) checkRepeatedRun(index, table, from, to, report, runLengths)
      // A lede that restates the headline is journalism, not a scraping error; a refrain
      // inside a quotation is the speaker's.
      if (listLike[sentence.block] || block === headline || inQuotation) continue
      // "La cuisine est délicieuse. La cuisine est délicieuse.": a short sentence pasted twice in a row.
      const afterItself =
        count >= 3 &&
        sameWords(table, previousSentenceFrom, previousSentenceTo, from, to) &&
        lettersBefore[to]! - lettersBefore[from]! >= minimumRepeatedLetters &&
        sentences[sentenceIndex - 1]?.block === sentence.block
      previousSentenceFrom = from
      previousSentenceTo = to
      if (count < minimumSentenceWords && !afterItself) continue
      const hash = afterItself ? 0 : wordsHash(table, from, to)
      const first = afterItself ? sentences[sentenceIndex - 1] : firstSentence.find(from, to, hash)
      if (first) {
        // A sentence that is its whole block was handled as a block.
        if (block.firstSentence === sentenceIndex && block.endSentence === sentenceIndex + 1) continue
        const previous = index.tokens[sentence.firstToken - 1]
        const start = previous?.kind === 'whitespace' && previous.block === sentence.block ? previous.start : sentence.start
        if (sameSource(index, first, sentence)) report(`Phrase répétée : déjà en ${placeOf(index, first.start)}.`, start, sentence.end, {expected: [''], safe: true})
        else report(`Phrase répétée aux liens, au code ou à la mise en forme près : déjà en ${placeOf(index, first.start)}.`, sentence.start, sentence.end)
        continue
      }
      firstSentence.remember(from, to, hash, sentence)
      // Count the pairs shared with earlier sentences, each distinct pair once, and post
      // this sentence under its pairs (after their earlier sentences were counted).
      let distinctPairs = 0
      for (let at = from + 1; at < to; at++) {
        const slot = pairs.slotOf(ids[at - 1]!, ids[at]!)
        if (pairs.seenIn[slot] === sentenceIndex) continue
        pairs.seenIn[slot] = sentenceIndex
        distinctPairs++
        for (let posting = pairs.firstPosting[slot]!; posting !== -1; posting = pairs.nextPosting[posting]!) {
          const earlier = pairs.postedSentence[posting]!
          if (sharedCounts[earlier] === 0) touched.push(earlier)
          sharedCounts[earlier]!++
        }
        if (pairs.postingCount[slot]! < maximumPairPostings) pairs.post(slot, sentenceIndex)
      }
      let bestSentence = -1
      let bestScore = 0
      for (let at = 0; at < touched.length; at++) {
        const earlier = touched[at]!
        const shared = sharedCounts[earlier]!
        sharedCounts[earlier] = 0
        const score = shared / (distinctPairs + pairCounts[earlier]! - shared)
        if (score >= nearDuplicateThreshold && (bestSentence === -1 || score > bestScore)) {
          bestSentence = earlier
          bestScore = score
        }
      }
      touched.length = 0
      if (bestSentence !== -1) {
        const earlier = sentences[bestSentence]!
        report(`Phrase presque identique à celle de ${placeOf(index, earlier.start)}.`, sentence.start, sentence.end, {
          expected: [''],
          safe: false,
        })
      }
      pairCounts[sentenceIndex] = distinctPairs
    }
  },
)
