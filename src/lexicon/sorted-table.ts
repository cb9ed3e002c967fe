/**
 * Large lexicons (the Lefff nouns, the vowel words…) as sorted UTF-8 bytes searched by
 * dichotomy. Loading one is reading a file: building a `Map` of 85,000 forms took about
 * 25 ms and much of the garbage collection of a cold start, for an article that looks up
 * a few dozen words.
 *
 * The build (scripts/bundle.ts) writes each table once into dist/data/<name>.table; a
 * process reads it when it is newer than its data file, else builds the same table in
 * memory from the data file (tests from the sources, a stale build).
 *
 * File layout: "CQT1", u32 count, u32 offsets (2 × count + 1, little-endian), then the
 * entries as text, `key TAB value LF`, sorted by the bytes of the key. Offsets 2i and
 * 2i + 1 are where key i and its value start; the last one is the end of the text.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {endianness} from 'node:os'
import {join} from 'node:path'
import {packageRoot} from '../package-root.js'
import {dataFolder, isFreshCopy} from './lists.js'
import {findHashed, hashIndexBytes, hashSlots, readHashIndex} from './hash-index.js'

const magic = 'CQT1'
const headerBytes = 8
const tab = 9
const newline = 10

export interface TableSource {
  /** Name of the built table (dist/data/<name>.table). */
  readonly name: string
  /** The data file it is built from, in src/lexicon/data/. */
  readonly source: string
  /** Entries read from the data file's text; a later entry for the same key wins. */
  readonly entries: (text: string) => Iterable<readonly [key: string, value: string]>
}

export class SortedTable {
  readonly #text: Buffer
  readonly #offsets: Uint32Array
  /** The hash index of the keys (src/lexicon/hash-index.ts), when built: else the dichotomy. */
  readonly #slots: Int32Array | undefined
  readonly size: number
  /** The key encoded, reused from lookup to lookup. */
  #scratch = Buffer.alloc(256)

  constructor(text: Buffer, offsets: Uint32Array, slots?: Int32Array) {
    this.#text = text
    this.#offsets = offsets
    this.#slots = slots
    this.size = (offsets.length - 1) / 2
  }

  /** The entries' bytes (`key TAB value LF`) and where each key and value starts, for indexes built over them. */
  get text(): Uint8Array {
    return this.#text
  }

  get offsets(): Uint32Array {
    return this.#offsets
  }

  /** Key i, decoded, and where it starts in the text (for building the hash index). */
  keyAt(index: number): string {
    return this.#text.toString('utf8', this.#offsets[2 * index]!, this.#offsets[2 * index + 1]! - 1)
  }

  keyStart(index: number): number {
    return this.#offsets[2 * index]!
  }

  get textLength(): number {
    return this.#text.length
  }

  /** The same table, looked up through this hash index of its keys. */
  withIndex(slots: Int32Array): SortedTable {
    return new SortedTable(this.#text, this.#offsets, slots)
  }

  /** The value of `key` ('' for a key without one), undefined when absent. */
  get(key: string): string | undefined {
    if (this.#slots) {
      // The key's tab, then its value up to the line feed: the bytes just read.
      const tabAt = findHashed(this.#slots, key, this.#text, tab)
      return tabAt < 0 ? undefined : this.#text.toString('utf8', tabAt + 1, this.#text.indexOf(newline, tabAt + 1))
    }
    const index = this.#find(key)
    if (index < 0) return undefined
    const offsets = this.#offsets
    return this.#text.toString('utf8', offsets[2 * index + 1]!, offsets[2 * index + 2]! - 1)
  }

  has(key: string): boolean {
    if (this.#slots) return findHashed(this.#slots, key, this.#text, tab) >= 0
    return this.#find(key) >= 0
  }

  #find(key: string): number {
    if (key.length * 3 > this.#scratch.length) this.#scratch = Buffer.alloc(key.length * 3)
    const scratch = this.#scratch
    const length = scratch.write(key, 0, 'utf8')
    const offsets = this.#offsets
    const text = this.#text
    let low = 0
    let high = this.size - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      // The key ends where its tab is, one byte before its value.
      const order = compareBytes(scratch, length, text, offsets[2 * middle]!, offsets[2 * middle + 1]! - 1)
      if (order === 0) return middle
      if (order < 0) high = middle - 1
      else low = middle + 1
    }
    return -1
  }
}

/**
 * The order of key[0, length) and text[start, end): negative, zero or positive. A loop in
 * JavaScript: keys differ from a probe within a byte or two, and Buffer#compare checks its
 * five arguments on every call (a third of a cold lookup).
 */
export function compareBytes(key: Uint8Array, length: number, text: Uint8Array, start: number, end: number): number {
  const shorter = Math.min(length, end - start)
  for (let at = 0; at < shorter; at++) {
    const difference = key[at]! - text[start + at]!
    if (difference !== 0) return difference
  }
  return length - (end - start)
}

/** The table file's bytes for these entries (the last value of a repeated key wins). */
export function tableBytes(entries: Iterable<readonly [string, string]>): Buffer {
  const byKey = new Map<string, string>()
  for (const [key, value] of entries) {
    if (key === '' || /[\t\n]/.test(key) || /[\t\n]/.test(value)) throw new Error(`coquille: table entry ${JSON.stringify(key)} cannot be stored`)
    byKey.set(key, value)
  }
  const keys = [...byKey.keys()].map((key) => Buffer.from(key, 'utf8'))
  keys.sort(Buffer.compare)
  const values = keys.map((key) => Buffer.from(byKey.get(key.toString('utf8'))!, 'utf8'))
  const offsets = new Uint32Array(2 * keys.length + 1)
  let at = 0
  keys.forEach((key, index) => {
    offsets[2 * index] = at
    at += key.length + 1
    offsets[2 * index + 1] = at
    at += values[index]!.length + 1
  })
  offsets[2 * keys.length] = at
  const header = Buffer.alloc(headerBytes)
  header.write(magic, 0, 'latin1')
  header.writeUInt32LE(keys.length, 4)
  const offsetBytes = Buffer.alloc(offsets.length * 4)
  offsets.forEach((offset, index) => offsetBytes.writeUInt32LE(offset, index * 4))
  const parts: Buffer[] = [header, offsetBytes]
  keys.forEach((key, index) => parts.push(key, Buffer.of(tab), values[index]!, Buffer.of(newline)))
  return Buffer.concat(parts)
}

function tableOf(bytes: Buffer): SortedTable | undefined {
  if (bytes.length < headerBytes || bytes.toString('latin1', 0, 4) !== magic) return undefined
  const count = bytes.readUInt32LE(4)
  const textStart = headerBytes + (2 * count + 1) * 4
  if (bytes.length < textStart) return undefined
  let offsets: Uint32Array
  if ((bytes.byteOffset + headerBytes) % 4 === 0 && endianness() === 'LE') {
    offsets = new Uint32Array(bytes.buffer, bytes.byteOffset + headerBytes, 2 * count + 1)
  } else {
    offsets = new Uint32Array(2 * count + 1)
    for (let index = 0; index < offsets.length; index++) offsets[index] = bytes.readUInt32LE(headerBytes + index * 4)
  }
  const text = bytes.subarray(textStart)
  return offsets[2 * count] === text.length ? new SortedTable(text, offsets) : undefined
}

/** Where the build writes a table. */
export const builtTablePath = (name: string): string => join(packageRoot, 'dist', 'data', `${name}.table`)
/** Where the build writes the hash index of a table's keys. */
export const builtTableIndexPath = (name: string): string => join(packageRoot, 'dist', 'data', `${name}.hash`)

const loaded = new Map<string, SortedTable>()

/** The table, from its built file when fresh, else built from its data file; once per process. */
export function loadTable(source: TableSource): SortedTable {
  let table = loaded.get(source.name)
  if (table) return table
  const dataPath = join(dataFolder, source.source)
  const builtPath = builtTablePath(source.name)
  if (isFreshCopy(builtPath, dataPath)) {
    table = tableOf(readFileSync(builtPath))
    const slots = table && readHashIndex(builtTableIndexPath(source.name), dataPath, table.textLength, table.size)
    if (table && slots) table = table.withIndex(slots)
  }
  table ??= tableOf(tableBytes(source.entries(readFileSync(dataPath, 'utf8'))))!
  loaded.set(source.name, table)
  return table
}

/** Writes the built file of a table (scripts/bundle.ts). */
export function writeTable(source: TableSource): void {
  const bytes = tableBytes(source.entries(readFileSync(join(dataFolder, source.source), 'utf8')))
  writeFileSync(builtTablePath(source.name), bytes)
  // Written after the table: an index older than its data would be taken for stale.
  const table = tableOf(bytes)!
  const keys = Array.from({length: table.size}, (_, index) => table.keyAt(index))
  const starts = Array.from({length: table.size}, (_, index) => table.keyStart(index))
  writeFileSync(builtTableIndexPath(source.name), hashIndexBytes(keys.length, table.textLength, hashSlots(keys, starts, table.textLength)))
}
