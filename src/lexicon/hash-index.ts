/**
 * Open-addressing hash indexes over the sorted lexicons (the word list, the sorted tables),
 * written by the build beside them (dist/data/<name>.hash): a lookup is one hash of the
 * word, one slot and the bytes of one entry, where the dichotomy reads some twenty entries
 * and their offsets across megabytes. On the machines coquille runs on, a read that misses
 * the caches costs some 0.5 µs: the number of places a lookup reads is its cost. The
 * dichotomy stays the answer when the index is missing or stale; both answer the same.
 *
 * The hash is taken over the UTF-16 code units of the word, so a lookup encodes nothing;
 * an entry is compared with the UTF-8 bytes of the list as it is decoded, up to the byte
 * that ends it (a line feed in the word list, a tab after a table's key). File layout:
 * "CQH2", u32 entry count, u32 length of the text, then the slots (u32, little-endian, a
 * power of two, at least twice the entries): 0 for an empty slot, else where the entry
 * starts in the text + 1 in the low bits and the high bits of its hash above them (most
 * probes of another word stop there, without reading the text).
 */
import {readFileSync, statSync} from 'node:fs'
import {endianness} from 'node:os'

const magic = 'CQH2'
const headerBytes = 12

/** FNV-1a over the UTF-16 code units, with a final mix so that the low bits (the slot) depend on every unit. */
export function hashOfWord(word: string): number {
  let hash = 0x811c9dc5
  for (let at = 0; at < word.length; at++) hash = Math.imul(hash ^ word.charCodeAt(at), 0x01000193)
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x45d9f3b)
  return (hash ^ (hash >>> 16)) >>> 0
}

/** Bits that hold where an entry starts + 1. */
function offsetBitsFor(textLength: number): number {
  return 32 - Math.clz32(textLength + 1)
}

/** The slots of the index of these keys, each starting at its offset in a text of `textLength` bytes (keys are distinct). */
export function hashSlots(keys: readonly string[], offsets: ArrayLike<number>, textLength: number): Uint32Array {
  const offsetBits = offsetBitsFor(textLength)
  if (offsetBits > 28) throw new Error('coquille: text too long for a hash index')
  let size = 16
  while (size < 2 * keys.length) size *= 2
  const slots = new Uint32Array(size)
  const mask = size - 1
  const fingerprintMask = ~((1 << offsetBits) - 1)
  keys.forEach((key, index) => {
    // A lone surrogate is looked up as U+FFFD's bytes, but hashed as itself.
    if (key.includes('\uFFFD')) throw new Error(`coquille: ${JSON.stringify(key)} cannot be indexed`)
    const hash = hashOfWord(key)
    let slot = hash & mask
    while (slots[slot] !== 0) slot = (slot + 1) & mask
    slots[slot] = ((hash & fingerprintMask) | (offsets[index]! + 1)) >>> 0
  })
  return slots
}

/** The file's bytes for these slots. */
export function hashIndexBytes(count: number, textLength: number, slots: Uint32Array): Buffer {
  const bytes = Buffer.alloc(headerBytes + slots.length * 4)
  bytes.write(magic, 0, 'latin1')
  bytes.writeUInt32LE(count, 4)
  bytes.writeUInt32LE(textLength, 8)
  for (let slot = 0; slot < slots.length; slot++) bytes.writeUInt32LE(slots[slot]!, headerBytes + slot * 4)
  return bytes
}

/**
 * The slots of a built index when it fits: the file is at least as recent as `source`
 * (the data it was built from), was built for a text of `textLength` bytes (and `count`
 * entries, when given), and this machine is little-endian.
 */
export function readHashIndex(path: string, source: string, textLength: number, count?: number): Int32Array | undefined {
  const copy = statSync(path, {throwIfNoEntry: false})
  if (copy === undefined || copy.mtimeMs < statSync(source).mtimeMs || endianness() !== 'LE') return undefined
  const bytes = readFileSync(path)
  if (bytes.length < headerBytes + 64 || bytes.toString('latin1', 0, 4) !== magic || bytes.readUInt32LE(8) !== textLength) return undefined
  const entries = bytes.readUInt32LE(4)
  const size = (bytes.length - headerBytes) / 4
  if ((count !== undefined && entries !== count) || !Number.isInteger(size) || (size & (size - 1)) !== 0 || size < 2 * entries) return undefined
  // Read as signed: small integers all along the lookup (the bit patterns are the same).
  return (bytes.byteOffset + headerBytes) % 4 === 0
    ? new Int32Array(bytes.buffer, bytes.byteOffset + headerBytes, size)
    : new Int32Array(bytes.buffer.slice(bytes.byteOffset + headerBytes, bytes.byteOffset + bytes.length))
}

/**
 * Where the entry holding `word` ends in `text` (the position of its `terminator`), or -1.
 * Entries are indexed by where they start; each ends at its first `terminator` byte.
 */
export function findHashed(slots: Int32Array | Uint32Array, word: string, text: Uint8Array, terminator: number): number {
  const offsetMask = (1 << offsetBitsFor(text.length)) - 1
  const hash = hashOfWord(word)
  const fingerprint = hash & ~offsetMask
  const mask = slots.length - 1
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const value = slots[slot]!
    if (value === 0) return -1
    if ((value & ~offsetMask) !== fingerprint) continue
    const end = matchUtf8(word, text, (value & offsetMask) - 1, terminator)
    if (end >= 0) return end
  }
}

/**
 * Where `word`, encoded in UTF-8 as Buffer#write encodes it (a lone surrogate as U+FFFD),
 * ends in `text` from `start` when it is there followed by `terminator`; else -1. Nothing
 * is encoded; a word holding the terminator is never found.
 */
export function matchUtf8(word: string, text: Uint8Array, start: number, terminator: number): number {
  let at = start
  const length = word.length
  const end = text.length
  for (let index = 0; index < length; index++) {
    let code = word.charCodeAt(index)
    if (code < 0x80) {
      if (code === terminator || at >= end || text[at] !== code) return -1
      at++
    } else if (code < 0x800) {
      if (at + 2 > end || text[at] !== (0xc0 | (code >> 6)) || text[at + 1] !== (0x80 | (code & 0x3f))) return -1
      at += 2
    } else {
      if (code >= 0xd800 && code < 0xe000) {
        const next = index + 1 < length ? word.charCodeAt(index + 1) : 0
        if (code < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
          const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00)
          if (
            at + 4 > end ||
            text[at] !== (0xf0 | (point >> 18)) ||
            text[at + 1] !== (0x80 | ((point >> 12) & 0x3f)) ||
            text[at + 2] !== (0x80 | ((point >> 6) & 0x3f)) ||
            text[at + 3] !== (0x80 | (point & 0x3f))
          )
            return -1
          at += 4
          index++
          continue
        }
        code = 0xfffd
      }
      if (at + 3 > end || text[at] !== (0xe0 | (code >> 12)) || text[at + 1] !== (0x80 | ((code >> 6) & 0x3f)) || text[at + 2] !== (0x80 | (code & 0x3f))) return -1
      at += 3
    }
  }
  return at < end && text[at] === terminator ? at : -1
}
