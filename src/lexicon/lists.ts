/**
 * Small word lists shipped as text files in data/ (one entry per line, `#` comments),
 * loaded once per process on first use.
 */
import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../package-root.js'

const cache = new Map<string, ReadonlySet<string>>()

export const dataFolder = join(packageRoot, 'src', 'lexicon', 'data')

/** The entries of `src/lexicon/data/<name>`, as a set (cached). */
export function loadList(name: string): ReadonlySet<string> {
  let list = cache.get(name)
  if (!list) {
    const text = readFileSync(join(dataFolder, name), 'utf8')
    list = new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#')),
    )
    cache.set(name, list)
  }
  return list
}

const rankCache = new Map<string, ReadonlyMap<string, number>>()

/**
 * The entries of `src/lexicon/data/<name>` mapped to their rank (1 for the first entry),
 * for lists ordered by frequency (cached). Built in one pass: no intermediate set.
 */
export function loadRanks(name: string): ReadonlyMap<string, number> {
  let ranks = rankCache.get(name)
  if (!ranks) {
    const built = new Map<string, number>()
    for (const line of readFileSync(join(dataFolder, name), 'utf8').split('\n')) {
      // trimEnd: a checkout with CRLF line endings.
      const entry = line.trimEnd()
      if (entry !== '' && entry[0] !== '#') built.set(entry, built.size + 1)
    }
    rankCache.set(name, (ranks = built))
  }
  return ranks
}

/** Entries a memo of answers holds before it starts again (prose repeats its words). */
const answerLimit = 20_000

/**
 * The answer for `key`, computed once and kept in `answers` (a Map hit is cheaper than a
 * dichotomy or a few list lookups); the memo is emptied when full. Answers are never
 * `undefined` (use `null` for "none").
 */
export function remember<V>(answers: Map<string, V>, key: string, compute: (key: string) => V): V {
  const known = answers.get(key)
  if (known !== undefined) return known
  const answer = compute(key)
  if (answers.size >= answerLimit) answers.clear()
  answers.set(key, answer)
  return answer
}

/** Whether the copy at `path` exists and was written after `source` (an older copy is stale). */
export function isFreshCopy(path: string, source: string): boolean {
  const copy = statSync(path, {throwIfNoEntry: false})
  return copy !== undefined && copy.mtimeMs >= statSync(source).mtimeMs
}
