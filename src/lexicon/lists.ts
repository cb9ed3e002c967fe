/**
 * Small word lists shipped as text files in data/ (one entry per line, `#` comments),
 * loaded once per process on first use.
 */
import {readFileSync} from 'node:fs'
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
