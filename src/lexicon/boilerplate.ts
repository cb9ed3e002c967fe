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

const wordBetweenSeparators = /[^\s|·•]+/gu

/**
 * Whether every word of `text` between separators (white space, | · •) is in `words`: the
 * words of `text.split(/[\s|·•]+/u)` checked one by one, stopping at the first that is not
 * (most blocks are prose: at their first word) instead of splitting the whole block.
 */
function onlyWordsOf(words: ReadonlySet<string>, text: string): boolean {
  wordBetweenSeparators.lastIndex = 0
  for (let match = wordBetweenSeparators.exec(text); match !== null; match = wordBetweenSeparators.exec(text)) {
    if (!words.has(match[0])) return false
  }
  return true
}

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
          return {label: line.label, strength: line.strength, test: (text) => text !== '' && onlyWordsOf(words, text.toLowerCase())}
        }
        const expression = new RegExp(line.pattern ?? '$^', (line.flags ?? '') + 'u')
        return {label: line.label, strength: line.strength, test: (text) => expression.test(text)}
      }),
      media: new Set(raw.media.map((name) => normaliseMediaName(name))),
    }
  }
  return cached
}

export function normaliseMediaName(name: string): string {
  return name.trim().toLowerCase().replace(/'/g, '’')
}
