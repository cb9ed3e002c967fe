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
  /** The first of `lines` that `text` matches (`lines.find`), sooner. */
  lineMatching(text: string): LinePattern | undefined
}

/** Blocks tested pattern by pattern before the joined expressions are built. */
const joinAfter = 1_000

type RawLine = {label: string; strength: 'strong' | 'weak'; pattern?: string; flags?: string; words?: string[]}

/**
 * The line patterns' expressions joined, one per set of flags, when they can be (no
 * back-reference, which the join would renumber): a block that none of them matches, most
 * blocks, is ruled out in one test per set instead of one per pattern.
 */
function joinedExpressions(lines: readonly RawLine[]): RegExp[] | undefined {
  const sources = new Map<string, string[]>()
  for (const line of lines) {
    if (line.words) continue
    const pattern = line.pattern ?? '$^'
    if (/\\[1-9k]/.test(pattern)) return undefined
    const flags = (line.flags ?? '') + 'u'
    sources.set(flags, [...(sources.get(flags) ?? []), `(?:${pattern})`])
  }
  try {
    return [...sources].map(([flags, patterns]) => new RegExp(patterns.join('|'), flags))
  } catch {
    // Named groups repeated across patterns, say: each pattern is tested on its own.
    return undefined
  }
}

let cached: Boilerplate | undefined

export function getBoilerplate(): Boilerplate {
  if (!cached) {
    const raw = JSON.parse(readFileSync(join(dataFolder, 'boilerplate.json'), 'utf8')) as {
      lines: RawLine[]
      media: string[]
    }
    const lines = raw.lines.map((line): LinePattern => {
        if (line.words) {
          // A block of share buttons: only these words, between separators (no nested regex).
          const words = new Set(line.words)
          return {label: line.label, strength: line.strength, test: (text) => text !== '' && onlyWordsOf(words, text.toLowerCase())}
        }
        const expression = new RegExp(line.pattern ?? '$^', (line.flags ?? '') + 'u')
        return {label: line.label, strength: line.strength, test: (text) => expression.test(text)}
      })
    const wordLines = lines.filter((_, at) => raw.lines[at]!.words !== undefined)
    // The joined expressions cost some 10 ms to compile: a run of a few articles tries the
    // patterns one by one; a batch switches to them after `joinAfter` blocks.
    let joined: RegExp[] | undefined
    let asked = 0
    cached = {
      lines,
      media: new Set(raw.media.map((name) => normaliseMediaName(name))),
      lineMatching: (text) => {
        if (++asked === joinAfter) joined = joinedExpressions(raw.lines)
        // No expression matches: only the lists of words may, in their order.
        if (joined !== undefined && !joined.some((expression) => expression.test(text))) return wordLines.find((line) => line.test(text))
        return lines.find((line) => line.test(text))
      },
    }
  }
  return cached
}

export function normaliseMediaName(name: string): string {
  return name.trim().toLowerCase().replace(/'/g, '’')
}
