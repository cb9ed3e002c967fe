/**
 * Open-addressing hash indexes over the sorted lexicons (the word list, the sorted tables),
 * written by the build beside them (dist/data/<name>.hash): a lookup is one hash of the
 * word and one or two comparisons, where the dichotomy makes some twenty, each in another
 * part of several megabytes (a cache miss apiece). The dichotomy stays the answer when the
 * index is missing or stale; both answer the same.
 *
 * The hash is taken over the UTF-16 code units of the word, so a lookup encodes nothing;
 * an entry is compared with the UTF-8 bytes of the list as it is decoded. File layout:
 * "CQH1", u32 entry count, then the slots (u32, little-endian, a power of two, at least
 * twice the entries): 0 for an empty slot, else the entry's index + 1 in the low bits and
 * the high bits of its hash above them (most probes of another word stop there).
 */
import {readFileSync, statSync} from 'node:fs'
import {endianness} from 'node:os'

const magic = 'CQH1'
const headerBytes = 8

/** FNV-1a over the UTF-16 code units, with a final mix so that the low bits (the slot) depend on every unit. */
export function hashOfWord(word: string): number {
  let hash = 0x811c9dc5
  for (let at = 0; at < word.length; at++) hash = Math.imul(hash ^ word.charCodeAt(at), 0x01000193)
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x45d9f3b)
  return (hash ^ (hash >>> 16)) >>> 0
}

/** Bits that hold an entry's index + 1. */
function indexBitsFor(count: number): number {
  return 32 - Math.clz32(count + 1)
}

/** The slots of the index of these keys (key i is entry i; keys are distinct). */
export function hashSlots(keys: readonly string[]): Uint32Array {
  const indexBits = indexBitsFor(keys.length)
  if (indexBits > 28) throw new Error('coquille: too many entries for a hash index')
  let size = 16
  while (size < 2 * keys.length) size *= 2
  const slots = new Uint32Array(size)
  const mask = size - 1
  const fingerprintMask = ~((1 << indexBits) - 1)
  keys.forEach((key, index) => {
    // A lone surrogate is looked up as U+FFFD's bytes, but hashed as itself.
    if (key.includes('\uFFFD')) throw new Error(`coquille: ${JSON.stringify(key)} cannot be indexed`)
    const hash = hashOfWord(key)
    let slot = hash & mask
    while (slots[slot] !== 0) slot = (slot + 1) & mask
    slots[slot] = ((hash & fingerprintMask) | (index + 1)) >>> 0
  })
  return slots
}

/** The file's bytes for these slots. */
export function hashIndexBytes(count: number, slots: Uint32Array): Buffer {
  const bytes = Buffer.alloc(headerBytes + slots.length * 4)
  bytes.write(magic, 0, 'latin1')
  bytes.writeUInt32LE(count, 4)
  for (let slot = 0; slot < slots.length; slot++) bytes.writeUInt32LE(slots[slot]!, headerBytes + slot * 4)
  return bytes
}

/**
 * The slots of a built index when it fits: the file is at least as recent as `source`
 * (the data it was built from), was built for `count` entries, on a little-endian machine.
 */
export function readHashIndex(path: string, source: string, count: number): Uint32Array | undefined {
  const copy = statSync(path, {throwIfNoEntry: false})
  if (copy === undefined || copy.mtimeMs < statSync(source).mtimeMs || endianness() !== 'LE') return undefined
  const bytes = readFileSync(path)
  if (bytes.length < headerBytes + 64 || bytes.toString('latin1', 0, 4) !== magic || bytes.readUInt32LE(4) !== count) return undefined
  const size = (bytes.length - headerBytes) / 4
  if (!Number.isInteger(size) || (size & (size - 1)) !== 0 || size < 2 * count) return undefined
  return (bytes.byteOffset + headerBytes) % 4 === 0
    ? new Uint32Array(bytes.buffer, bytes.byteOffset + headerBytes, size)
    : new Uint32Array(bytes.buffer.slice(bytes.byteOffset + headerBytes, bytes.byteOffset + bytes.length))
}

/**
 * The entry holding `word`, or -1. Entry i's bytes are text[positions[stride × i],
 * positions[stride × i + 1] − 1): a line of the word list (stride 1, its line feed left
 * out) or a key of a sorted table (stride 2, its tab left out).
 */
export function findHashed(slots: Uint32Array, word: string, text: Uint8Array, positions: Uint32Array, stride: number): number {
  const indexBits = indexBitsFor((positions.length - 1) / stride)
  const indexMask = (1 << indexBits) - 1
  const hash = hashOfWord(word)
  const fingerprint = (hash & ~indexMask) >>> 0
  const mask = slots.length - 1
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const value = slots[slot]!
    if (value === 0) return -1
    if (((value & ~indexMask) >>> 0) !== fingerprint) continue
    const index = (value & indexMask) - 1
    const at = stride * index
    if (equalsUtf8(word, text, positions[at]!, positions[at + 1]! - 1)) return index
  }
}

/**
 * Whether text[start, end) is the UTF-8 encoding of `word`, as Buffer#write encodes it (a
 * lone surrogate as U+FFFD), without encoding it.
 */
export function equalsUtf8(word: string, text: Uint8Array, start: number, end: number): boolean {
  let at = start
  const length = word.length
  for (let index = 0; index < length; index++) {
    let code = word.charCodeAt(index)
    if (code < 0x80) {
      if (at >= end || text[at] !== code) return false
      at++
    } else if (code < 0x800) {
      if (at + 2 > end || text[at] !== (0xc0 | (code >> 6)) || text[at + 1] !== (0x80 | (code & 0x3f))) return false
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
            return false
          at += 4
          index++
          continue
        }
        code = 0xfffd
      }
      if (at + 3 > end || text[at] !== (0xe0 | (code >> 12)) || text[at + 1] !== (0x80 | ((code >> 6) & 0x3f)) || text[at + 2] !== (0x80 | (code & 0x3f))) return false
      at += 3
    }
  }
  return at === end
}
