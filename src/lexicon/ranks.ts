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
 * its first articles. Both answer the same.
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

export class RankList {
  readonly #name: string
  #table: SortedTable | undefined
  #map: ReadonlyMap<string, number> | undefined
  #lookups = 0

  constructor(name: string) {
    this.#name = name
  }

  /** The rank of `word` (1 = most frequent), or undefined when not in the list. */
  rank(word: string): number | undefined {
    if (this.#map) return this.#map.get(word)
    if (++this.#lookups > mapAfter) {
      this.#map = loadRanks(this.#name)
      return this.#map.get(word)
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
