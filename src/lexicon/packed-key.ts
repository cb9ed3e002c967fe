/**
 * 16-byte buckets keyed by a short word (ranks.ts, packed-memo.ts): a word of up to
 * `longestPacked` Latin-1 characters is held in three 32-bit numbers, so a lookup reads one
 * cache line and compares numbers. A bucket: [length | value << 8, first, second, third],
 * 0 in its first number when empty; buckets are probed linearly from the word's hash.
 */

/** The longest word a bucket holds. */
export const longestPacked = 12

/**
 * The key of `word` written into `key`: [hash, first, second, third] (the hash is
 * FNV-1a over the characters, mixed as hash-index.ts mixes it). False, with `key`
 * unspecified, when the word is empty, too long or holds a character above U+00FF.
 */
export function packKey(word: string, key: Int32Array): boolean {
  const length = word.length
  if (length === 0 || length > longestPacked) return false
  let hash = 0x811c9dc5
  let first = 0
  let second = 0
  let third = 0
  for (let at = 0; at < length; at++) {
    const code = word.charCodeAt(at)
    if (code > 0xff) return false
    hash = Math.imul(hash ^ code, 0x01000193)
    if (at < 4) first |= code << (8 * at)
    else if (at < 8) second |= code << (8 * (at - 4))
    else third |= code << (8 * (at - 8))
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x45d9f3b)
  key[0] = hash ^ (hash >>> 16)
  key[1] = first
  key[2] = second
  key[3] = third
  return true
}

/** Where the bucket holding the word of `length` and `key` starts in `buckets`, or -1. */
export function findPacked(buckets: Int32Array, mask: number, length: number, key: Int32Array): number {
  for (let bucket = key[0]! & mask; ; bucket = (bucket + 1) & mask) {
    const at = bucket * 4
    const head = buckets[at]!
    if (head === 0) return -1
    if ((head & 0xff) === length && buckets[at + 1] === key[1] && buckets[at + 2] === key[2] && buckets[at + 3] === key[3]) return at
  }
}

/** Stores the word of `length` and `key` with `value` (at most 23 bits) in the first empty bucket of its probe. */
export function storePacked(buckets: Int32Array, mask: number, length: number, key: Int32Array, value: number): void {
  let bucket = key[0]! & mask
  while (buckets[bucket * 4] !== 0) bucket = (bucket + 1) & mask
  const at = bucket * 4
  buckets[at] = length | (value << 8)
  buckets[at + 1] = key[1]!
  buckets[at + 2] = key[2]!
  buckets[at + 3] = key[3]!
}
