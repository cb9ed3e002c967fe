/**
 * Lists ordered by frequency (`word-frequencies.txt`, `english-words.txt`): a word's rank
 * is its line among the entries (1 for the first).
 *
 * A list is searched as a sorted table (src/lexicon/sorted-table.ts, written by the build
 * with its hash index: reading it is nearly free), and once a run has asked `packAfter`
 * words, its short words are packed into buckets that a lookup reads in one cache line
 * (`PackedRanks`; the build writes those of the French list). No `Map` is built: that cost 8 to 11 ms (21,666 and 30,000 entries)
 * and its lookups read three places where the buckets read one. All answer as
 * `loadRanks` (src/lexicon/lists.ts) does.
 */
import {readFileSync} from 'node:fs'
import {endianness} from 'node:os'
import {join} from 'node:path'
import {packageRoot} from '../package-root.js'
import {dataFolder, isFreshCopy} from './lists.js'
import {findPacked, longestPacked, packKey, storePacked} from './packed-key.js'
import {loadTable, type SortedTable, type TableSource} from './sorted-table.js'

/** Lookups answered from the sorted table before the built buckets are read (1 to 1.5 ms for the file). */
const defaultPackAfter = 200

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

/**
 * The ranks of a table's short words in buckets of 16 bytes holding the word itself (up
 * to 12 Latin-1 characters, one byte each), its length and its rank, four buckets to a
 * cache line: a lookup reads one line, where a Map reads its bucket, its entry and the key
 * string. On the 2-core machine a read that misses the caches costs some 0.5 µs; the
 * spelling rule asks the rank of nearly every word (226,000 questions over the corpus):
 * measured in place, 490 → 210 ns a lookup. Other words are asked of the table.
 */
class PackedRanks {
  /** Bucket i is [length | rank << 8, characters 0–3, 4–7, 8–11] (0 when empty); a third of them used. */
  readonly #buckets: Int32Array
  readonly #mask: number
  readonly #table: SortedTable
  /** The key of the word asked, reused from lookup to lookup. */
  readonly #key = new Int32Array(4)

  constructor(table: SortedTable, buckets: Int32Array) {
    this.#buckets = buckets
    this.#mask = buckets.length / 4 - 1
    this.#table = table
  }

  rank(word: string): number | undefined {
    const key = this.#key
    if (!packKey(word, key)) return this.#fromTable(word)
    const found = findPacked(this.#buckets, this.#mask, word.length, key)
    return found < 0 ? undefined : this.#buckets[found]! >>> 8
  }

  #fromTable(word: string): number | undefined {
    const rank = this.#table.get(word)
    return rank === undefined ? undefined : Number(rank)
  }
}

/** The buckets of a table's short words (see PackedRanks): three buckets a word, a power of two. */
export function packedBuckets(table: SortedTable): Int32Array {
  let size = 16
  while (size < 3 * table.size) size *= 2
  const buckets = new Int32Array(size * 4)
  const mask = size - 1
  const {text, offsets} = table
  const characters = new Int32Array(longestPacked + 1)
  const key = new Int32Array(4)
  entries: for (let entry = 0; entry < table.size; entry++) {
    // The key's characters, decoded from UTF-8: only Latin-1 ones (one or two bytes each).
    let length = 0
    const keyEnd = offsets[2 * entry + 1]! - 1
    for (let at = offsets[2 * entry]!; at < keyEnd; ) {
      const byte = text[at]!
      let code: number
      if (byte < 0x80) {
        code = byte
        at++
      } else if ((byte & 0xe0) === 0xc0) {
        code = ((byte & 0x1f) << 6) | (text[at + 1]! & 0x3f)
        at += 2
      } else continue entries
      if (code > 0xff || length === longestPacked) continue entries
      characters[length++] = code
    }
    if (length === 0) continue
    let rank = 0
    for (let at = offsets[2 * entry + 1]!; at < offsets[2 * entry + 2]! - 1; at++) rank = rank * 10 + text[at]! - 0x30
    if (rank <= 0 || rank > 0x7fffff) continue
    if (!packKey(String.fromCharCode(...characters.subarray(0, length)), key)) continue
    storePacked(buckets, mask, length, key, rank)
  }
  return buckets
}

const packedMagic = 'CQP1'
const packedHeader = 12

/** Where the build writes a list's buckets: packing them at run time took 4 to 17 ms of cold code. */
export const builtPackedPath = (name: string): string => join(packageRoot, 'dist', 'data', `${rankTableSource(name).name}.packed`)

/** The file of a list's buckets: "CQP1", u32 entry count, u32 text length of the table, then the buckets (i32, little-endian). */
export function packedBytes(table: SortedTable): Buffer {
  const buckets = packedBuckets(table)
  const bytes = Buffer.alloc(packedHeader + buckets.length * 4)
  bytes.write(packedMagic, 0, 'latin1')
  bytes.writeUInt32LE(table.size, 4)
  bytes.writeUInt32LE(table.text.length, 8)
  for (let at = 0; at < buckets.length; at++) bytes.writeInt32LE(buckets[at]!, packedHeader + at * 4)
  return bytes
}

/** The built buckets of a list when they fit its table (fresh, same entries and text length, little-endian machine). */
function builtBuckets(name: string, table: SortedTable): Int32Array | undefined {
  const path = builtPackedPath(name)
  if (!isFreshCopy(path, join(dataFolder, name)) || endianness() !== 'LE') return undefined
  const bytes = readFileSync(path)
  let size = 16
  while (size < 3 * table.size) size *= 2
  if (bytes.length !== packedHeader + size * 16 || bytes.toString('latin1', 0, 4) !== packedMagic) return undefined
  if (bytes.readUInt32LE(4) !== table.size || bytes.readUInt32LE(8) !== table.text.length) return undefined
  return (bytes.byteOffset + packedHeader) % 4 === 0
    ? new Int32Array(bytes.buffer, bytes.byteOffset + packedHeader, size * 4)
    : new Int32Array(bytes.buffer.slice(bytes.byteOffset + packedHeader, bytes.byteOffset + bytes.length))
}

export class RankList {
  readonly #name: string
  readonly #packAfter: number
  #table: SortedTable | undefined
  #packed: PackedRanks | undefined
  #lookups = 0

  /** `packAfter`: lookups answered from the table before the buckets are read (or packed, without a built file). */
  constructor(name: string, packAfter = defaultPackAfter) {
    this.#name = name
    this.#packAfter = packAfter
  }

  /** The rank of `word` (1 = most frequent), or undefined when not in the list. */
  rank(word: string): number | undefined {
    if (this.#packed) return this.#packed.rank(word)
    this.#table ??= loadTable(rankTableSource(this.#name))
    if (++this.#lookups > this.#packAfter) {
      this.#packed = new PackedRanks(this.#table, builtBuckets(this.#name, this.#table) ?? packedBuckets(this.#table))
      return this.#packed.rank(word)
    }
    const rank = this.#table.get(word)
    return rank === undefined ? undefined : Number(rank)
  }

  /** How many entries the list has. */
  get size(): number {
    this.#table ??= loadTable(rankTableSource(this.#name))
    return this.#table.size
  }
}

/** French words by frequency (OpenSubtitles; see PROVENANCE.md). */
export const frenchFrequencies = new RankList('word-frequencies.txt')
/**
 * Frequent English words that are no French forms. Asked some 250 times over the corpus:
 * its buckets (2 MB, no built file) are packed only for a run that asks 2,000 words.
 */
export const englishFrequencies = new RankList('english-words.txt', 2_000)

/** Whether the word, in lower case, is one of the frequent English words that are no French forms. */
export function isEnglishWord(word: string): boolean {
  return englishFrequencies.rank(word.toLowerCase()) !== undefined
}
