/** Boilerplate patterns and media names (data/boilerplate.json), compiled once per process. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {dataFolder} from './lists.js'

export interface LinePattern {
  readonly label: string
  readonly strength: 'strong' | 'weak'
  readonly expression: RegExp
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
      lines: Array<{label: string; strength: 'strong' | 'weak'; pattern: string; flags: string}>
      media: string[]
    }
    cached = {
      lines: raw.lines.map((line) => ({label: line.label, strength: line.strength, expression: new RegExp(line.pattern, line.flags + 'u')})),
      media: new Set(raw.media.map((name) => normaliseMediaName(name))),
    }
  }
  return cached
}

export function normaliseMediaName(name: string): string {
  return name.trim().toLowerCase().replace(/'/g, '’')
}
