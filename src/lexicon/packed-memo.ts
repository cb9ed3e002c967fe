/**
 * A memo of answers by word for the questions rules ask of nearly every token (nounInfo,
 * startsWithVowelSound…), where a Map is slow for being large: a Map hit reads its bucket,
 * its entry and the key string, each a cache miss once the rule's other work has evicted
 * them (some 0.5 µs each on the 2-core machine). Here a word of up to 12 Latin-1
 * characters lives in a bucket of 16 bytes with its answer (four buckets to a cache line):
 * a hit reads one line. Other words, and answers, are kept in Maps.
 *
 * Answers are interned: a bucket holds the number of its answer (compared with `===`,
 * so answers must be immutable values or shared frozen objects). Like `remember`, the
 * memo starts again when full.
 */

import {findPacked, packKey, storePacked} from './packed-key.js'

export class PackedMemo<V> {
  /** Bucket i is [length | answer number << 8, characters 0–3, 4–7, 8–11], 0 when empty. */
  readonly #buckets: Int32Array
  readonly #mask: number
  /** Words a bucket cannot hold, with their answers. */
  readonly #others = new Map<string, V>()
  /** Answer number − 1 → answer, and back. */
  readonly #answers: V[] = []
  readonly #numbers = new Map<V, number>()
  readonly #limit: number
  #count = 0
  /** The key of the word asked, reused from lookup to lookup. */
  readonly #key = new Int32Array(4)

  /** Up to `limit` words in buckets (three buckets a word: short probes), and as many in the Map. */
  constructor(limit = 20_000) {
    let size = 16
    while (size < 3 * limit) size *= 2
    this.#buckets = new Int32Array(size * 4)
    this.#mask = size - 1
    this.#limit = limit
  }

  /** The answer for `word`, computed once (answers must not be undefined). */
  remember(word: string, compute: (word: string) => V): V {
    const key = this.#key
    if (!packKey(word, key)) return this.#other(word, compute)
    const length = word.length
    const found = findPacked(this.#buckets, this.#mask, length, key)
    if (found >= 0) return this.#answers[(this.#buckets[found]! >>> 8) - 1]!
    const answer = compute(word)
    if (this.#count >= this.#limit) {
      this.#buckets.fill(0)
      this.#count = 0
    }
    // Probed again: computing may have filled buckets (a question that asks another), and
    // may have packed another word into the key.
    packKey(word, key)
    storePacked(this.#buckets, this.#mask, length, key, this.#numberOf(answer))
    this.#count++
    return answer
  }

  #other(word: string, compute: (word: string) => V): V {
    const known = this.#others.get(word)
    if (known !== undefined) return known
    const answer = compute(word)
    if (this.#others.size >= this.#limit) this.#others.clear()
    this.#others.set(word, answer)
    return answer
  }

  #numberOf(answer: V): number {
    let number = this.#numbers.get(answer)
    if (number === undefined) {
      // A few dozen answers in practice; past a bucket's 23 bits, start again (never met).
      if (this.#answers.length >= 0x7fffff) throw new Error('coquille: too many distinct answers for a packed memo')
      this.#answers.push(answer)
      number = this.#answers.length
      this.#numbers.set(answer, number)
    }
    return number
  }
}
