/**
 * The letter trigrams of the French word list and of the frequency list, as a 32 KB bit
 * set written by the build (dist/data/french-words.trigrams): a spelling suggestion tries
 * about a thousand edits of a word, most of them with three letters no form has together
 * ("gouvernqment"), each a lookup that misses the caches (the word list's index is 4 MB).
 * A candidate with a trigram outside the set is no form of either list: it is dropped
 * without a lookup. The set has every trigram of every form, so it drops no form.
 *
 * Letters are sorted into 64 classes: 0 for the ends of a word, the letters of French
 * words, and 63 for any other character (a trigram with one is never used to drop).
 */
import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../package-root.js'
import {dataFolder} from './lists.js'

const other = 63
const setBytes = (64 * 64 * 64) / 8
const classedLetters = 'abcdefghijklmnopqrstuvwxyzéèêëàâäîïôöùûüÿçœæ-’\''

/** Character code → class, for codes below ’ (U+2019, the last classed letter). */
const classOfCode = new Uint8Array(0x2020).fill(other)
for (let index = 0; index < classedLetters.length; index++) classOfCode[classedLetters.charCodeAt(index)] = index + 1

/** The class of a UTF-16 unit: 1 to 48 for the letters of French words, 63 (`otherClass`) for any other. */
export const classOf = (code: number): number => (code < 0x2020 ? classOfCode[code]! : other)

export const otherClass = other

export const trigramSetPath = join(packageRoot, 'dist', 'data', 'french-words.trigrams')
/** The lists the set is built from: a set older than either is stale. */
export const trigramSources = [join(dataFolder, 'french-words.txt.gz'), join(dataFolder, 'word-frequencies.txt')]

/** The set of the trigrams of these words. */
export function trigramSet(words: Iterable<string>): Uint8Array {
  const set = new Uint8Array(setBytes)
  for (const word of words) {
    let first = 0
    let second = 0
    for (let at = 0; at <= word.length; at++) {
      const third = at < word.length ? classOf(word.charCodeAt(at)) : 0
      if (at > 0) {
        const trigram = (first << 12) | (second << 6) | third
        set[trigram >> 3]! |= 1 << (trigram & 7)
      }
      first = second
      second = third
    }
  }
  return set
}

/** Whether every trigram of `word` is in the set (then it may be a form; else it is none). */
export function hasKnownTrigrams(word: string, set: Uint8Array): boolean {
  let first = 0
  let second = 0
  for (let at = 0; at <= word.length; at++) {
    const third = at < word.length ? classOf(word.charCodeAt(at)) : 0
    if (at > 0 && first !== other && second !== other && third !== other) {
      const trigram = (first << 12) | (second << 6) | third
      if ((set[trigram >> 3]! & (1 << (trigram & 7))) === 0) return false
    }
    first = second
    second = third
  }
  return true
}

let loaded: Uint8Array | null | undefined

/** The built set when fresh, else null (then nothing is dropped); read once per process. */
export function loadTrigramSet(): Uint8Array | null {
  if (loaded !== undefined) return loaded
  const built = statSync(trigramSetPath, {throwIfNoEntry: false})
  const fresh = built !== undefined && built.size === setBytes && trigramSources.every((source) => built.mtimeMs >= statSync(source).mtimeMs)
  loaded = fresh ? new Uint8Array(readFileSync(trigramSetPath)) : null
  return loaded
}

/**
 * Whether a trigram of classes (0 for the start or the end of a word) may be in a form:
 * in the set, or holding a character of no class (never used to drop). What
 * `hasKnownTrigrams` asks of each trigram of a word.
 */
export function isKnownTrigram(first: number, second: number, third: number, set: Uint8Array): boolean {
  if (first === other || second === other || third === other) return true
  const trigram = (first << 12) | (second << 6) | third
  return (set[trigram >> 3]! & (1 << (trigram & 7))) !== 0
}
