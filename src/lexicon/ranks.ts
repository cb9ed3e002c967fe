/**
 * Lists ordered by frequency (`word-frequencies.txt`, `english-words.txt`): a word's rank
 * is its line among the entries (1 for the first).
 *
 * Building a `Map` of such a list costs 8 to 11 ms (21,666 and 30,000 entries), most of
 * what `spelling` added to a cold start, for an article that asks a few thousand words.
 * So a list is first searched as a sorted table (src/lexicon/sorted-table.ts, written by
 * the build: reading it is nearly free; a lookup costs 2 to 7 µs while the code is cold),
 * and the `Map` is built once a run has asked `mapAfter` words, when it pays for itself (a
 * Map hit costs some 0.1 µs): an article asks a few hundred, a batch builds the Map after
 * its first articles, with the short words packed beside it (`PackedRanks`). All answer
 * the same.
 */
import {loadRanks} from './lists.js'
import {loadTable, type SortedTable, type TableSource} from './sorted-table.js'

/** Lookups answered from the sorted table before the Map is built (some 5 to 10 ms of dichotomies, as much as building the Map). */
const mapAfter = 2_000

/** The table of a rank list: each entry and its rank, as `loadRanks` counts them. */
export function rankTableSource(name: string): TableSource {
  return {
    name: name.replace(/\.txt$/, ''),
    source: name,
    entries: (text) => [...ranksOf(text)].map(([word, rank]) => [word, String(rank)] as const),
  }
}

/** The entries of a rank list's text and their ranks (the same as `loadRanks`). */
function ranksOf(text: string): Map<string, number> {
  const ranks = new Map<string, number>()
  for (const line of text.split('\n')) {
    const entry = line.trimEnd()
    if (entry !== '' && entry[0] !== '#') ranks.set(entry, ranks.size + 1)
  }
  return ranks
}

/** The longest word a bucket of `PackedRanks` holds: the words of running text, mostly. */
const longestPacked = 12

/**
 * The ranks of a Map in buckets of 16 bytes holding the word itself (up to 12 Latin-1
 * characters, one byte each), its length and its rank, four buckets to a cache line: a
 * lookup reads one line, where a Map reads its bucket, its entry and the key string.
 * On the 2-core machine a read that misses the caches costs some 0.5 µs; the spelling
 * rule asks the rank of nearly every word (226,000 questions over the corpus): measured
 * in place, 490 → 210 ns a lookup. Other words are asked of the Map.
 */
class PackedRanks {
  /** Bucket i is [length | rank << 8, characters 0–3, 4–7, 8–11] (0 when empty); a third of them used. */
  readonly #buckets: Int32Array
  readonly #mask: number
  readonly #map: ReadonlyMap<string, number>

  constructor(map: ReadonlyMap<string, number>) {
    let size = 16
    while (size < 3 * map.size) size *= 2
    this.#buckets = new Int32Array(size * 4)
    this.#mask = size - 1
    this.#map = map
    for (const [word, rank] of map) {
      if (word.length === 0 || word.length > longestPacked || rank > 0x7fffff || !isLatin1(word)) continue
      let bucket = PackedRanks.#hash(word) & this.#mask
      while (this.#buckets[bucket * 4] !== 0) bucket = (bucket + 1) & this.#mask
      const at = bucket * 4
      this.#buckets[at] = word.length | (rank << 8)
      this.#buckets[at + 1] = packed(word, 0)
      this.#buckets[at + 2] = packed(word, 4)
      this.#buckets[at + 3] = packed(word, 8)
    }
  }

  /** FNV-1a over the characters, mixed: the low bits pick the bucket. */
  static #hash(word: string): number {
    let hash = 0x811c9dc5
    for (let at = 0; at < word.length; at++) hash = Math.imul(hash ^ word.charCodeAt(at), 0x01000193)
    hash ^= hash >>> 16
    hash = Math.imul(hash, 0x45d9f3b)
    return hash ^ (hash >>> 16)
  }

  rank(word: string): number | undefined {
    const length = word.length
    if (length === 0 || length > longestPacked) return this.#map.get(word)
    // The hash and the three packed words in one pass over the characters.
    let hash = 0x811c9dc5
    let first = 0
    let second = 0
    let third = 0
    for (let at = 0; at < length; at++) {
      const code = word.charCodeAt(at)
      if (code > 0xff) return this.#map.get(word)
      hash = Math.imul(hash ^ code, 0x01000193)
      if (at < 4) first |= code << (8 * at)
      else if (at < 8) second |= code << (8 * (at - 4))
      else third |= code << (8 * (at - 8))
    }
    hash ^= hash >>> 16
    hash = Math.imul(hash, 0x45d9f3b)
    hash ^= hash >>> 16
    const buckets = this.#buckets
    const mask = this.#mask
    for (let bucket = hash & mask; ; bucket = (bucket + 1) & mask) {
      const at = bucket * 4
      const head = buckets[at]!
      if (head === 0) return undefined
      if ((head & 0xff) === length && buckets[at + 1] === first && buckets[at + 2] === second && buckets[at + 3] === third) return head >>> 8
    }
  }
}

function isLatin1(word: string): boolean {
  for (let at = 0; at < word.length; at++) if (word.charCodeAt(at) > 0xff) return false
  return true
}

/** Characters from..from + 3 of a Latin-1 word, one byte each (0 past its end). */
function packed(word: string, from: number): number {
  let value = 0
  for (let at = from; at < from + 4 && at < word.length; at++) value |= word.charCodeAt(at) << (8 * (at - from))
  return value
}

export class RankList {
  readonly #name: string
  #table: SortedTable | undefined
  #map: ReadonlyMap<string, number> | undefined
  #packed: PackedRanks | undefined
  #lookups = 0

  constructor(name: string) {
    this.#name = name
  }

  /** The rank of `word` (1 = most frequent), or undefined when not in the list. */
  rank(word: string): number | undefined {
    if (this.#packed) return this.#packed.rank(word)
    if (++this.#lookups > mapAfter) {
      this.#map = loadRanks(this.#name)
      this.#packed = new PackedRanks(this.#map)
      return this.#packed.rank(word)
    }
    this.#table ??= loadTable(rankTableSource(this.#name))
    const rank = this.#table.get(word)
    return rank === undefined ? undefined : Number(rank)
  }

  /** How many entries the list has. */
  get size(): number {
    if (this.#map) return this.#map.size
    this.#table ??= loadTable(rankTableSource(this.#name))
    return this.#table.size
  }
}

/** French words by frequency (OpenSubtitles; see PROVENANCE.md). */
export const frenchFrequencies = new RankList('word-frequencies.txt')
/** Frequent English words that are no French forms. */
export const englishFrequencies = new RankList('english-words.txt')
