/** Boilerplate patterns and media names (data/boilerplate.json), compiled once per process. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {dataFolder} from './lists.js'

export interface LinePattern {
  readonly label: string
  readonly strength: 'strong' | 'weak'
  /** Does a block's text (trimmed, without a leading '>') match? */
  test(text: string): boolean
}

/** Between the words of a block of share buttons; global: read word by word. */
const separators = /[\s|·•]+/gu

export interface Boilerplate {
  readonly lines: readonly LinePattern[]
  /** Media names, lower-cased, apostrophes normalised to ’. */
  readonly media: ReadonlySet<string>
}

let cached: Boilerplate | undefined

export function getBoilerplate(): Boilerplate {
  if (!cached) {
    const raw = JSON.parse(readFileSync(join(dataFolder, 'boilerplate.json'), 'utf8')) as {
      lines: Array<{label: string; strength: 'strong' | 'weak'; pattern?: string; flags?: string; words?: string[]}>
      media: string[]
    }
    cached = {
      lines: raw.lines.map((line): LinePattern => {
        if (line.words) {
          // A block of share buttons: only these words, between separators (no nested regex).
          const words = new Set(line.words)
          return {label: line.label, strength: line.strength, test: (text) => text !== '' && hasOnlyWords(text.toLowerCase(), words)}
        }
        const expression = new RegExp(line.pattern ?? '$^', (line.flags ?? '') + 'u')
        return {label: line.label, strength: line.strength, test: (text) => expression.test(text)}
      }),
      media: new Set(raw.media.map((name) => normaliseMediaName(name))),
    }
  }
  return cached
}

/**
 * Whether every word of `text` between separators is one of `words`: what
 * `text.split(separators).every(…)` answers, word by word, stopping at the first other one
 * (a paragraph of prose at its first word, without splitting it all).
 */
function hasOnlyWords(text: string, words: ReadonlySet<string>): boolean {
  let start = 0
  separators.lastIndex = 0
  for (;;) {
    const match = separators.exec(text)
    const end = match ? match.index : text.length
    if (end > start && !words.has(text.slice(start, end))) return false
    if (!match) return true
    start = match.index + match[0].length
  }
}

export function normaliseMediaName(name: string): string {
  return name.trim().toLowerCase().replace(/'/g, '’')
}
