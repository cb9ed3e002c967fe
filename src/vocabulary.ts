/**
 * The house vocabulary: one file per newsroom (path set by `vocabulary` in the
 * configuration, relative to it; default `.coquille-vocabulary.txt` beside the
 * configuration), read by the CLI, the language server and the library alike.
 *
 *     # accepted words and names, one per line
 *     BlaBlaCar
 *     Coquillette
 *     # proper nouns: name ; gender ; number ; article ; in ; from
 *     BCE ; f ; s ; la ; à la ; de la
 *     Matignon ; m ; s ; ; à ; de
 *
 * Rules read it from `file.data.vocabulary` (`vocabularyOf(file)`), and nowhere else: names
 * silence glued-word style alarms, proper nouns feed the agreement rules.
 */
import {statSync} from 'node:fs'
import {readSettingsFile} from './input.js'
import {dirname, join, resolve} from 'node:path'
import type {Plugin} from 'unified'
import type {Root} from 'nlcst'
import {ConfigError} from './config-error.js'

export interface VocabularyProperNoun {
  readonly name: string
  readonly gender: 'm' | 'f'
  readonly number: 's' | 'p'
  readonly article: string
  readonly in: string
  readonly from: string
}

export interface Vocabulary {
  readonly path: string | undefined
  readonly words: ReadonlySet<string>
  readonly properNouns: ReadonlyMap<string, VocabularyProperNoun>
}

export const defaultVocabularyName = '.coquille-vocabulary.txt'
export const emptyVocabulary: Vocabulary = {path: undefined, words: new Set(), properNouns: new Map()}

export function parseVocabulary(text: string, path?: string): Vocabulary {
  const words = new Set<string>()
  const properNouns = new Map<string, VocabularyProperNoun>()
  text.split(/\r\n|\r|\n/).forEach((raw, lineIndex) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    if (!line.includes(';')) {
      words.add(line)
      return
    }
    const [name, gender, number, article = '', into = '', from = ''] = line.split(';').map((part) => part.trim())
    if (!name || (gender !== 'm' && gender !== 'f') || (number !== 's' && number !== 'p')) {
      throw new ConfigError(`${path ?? 'vocabulaire'}:${lineIndex + 1}: attendu "nom ; m|f ; s|p ; article ; à ; de"`)
    }
    properNouns.set(name, {name, gender, number, article: article.replace(/'/g, '’'), in: into.replace(/'/g, '’'), from: from.replace(/'/g, '’')})
    words.add(name)
  })
  return {path, words, properNouns}
}

const cache = new Map<string, {mtimeMs: number; vocabulary: Vocabulary}>()

/** Load (cached by modification time) the vocabulary file; a missing default file is empty. */
export function loadVocabulary(path: string, required: boolean): Vocabulary {
  let mtimeMs: number
  try {
    mtimeMs = statSync(path).mtimeMs
  } catch {
    if (required) throw new ConfigError(`fichier de vocabulaire introuvable : ${path}`)
    return emptyVocabulary
  }
  const cached = cache.get(path)
  if (cached && cached.mtimeMs === mtimeMs) return cached.vocabulary
  let text: string
  try {
    text = readSettingsFile(path)
  } catch (error) {
    throw new ConfigError(`fichier de vocabulaire illisible ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  const vocabulary = parseVocabulary(text, path)
  cache.set(path, {mtimeMs, vocabulary})
  return vocabulary
}

/** The vocabulary file that goes with a configuration file (or a folder when there is none). */
export function vocabularyPath(configPath: string | undefined, setting: string | undefined, fallbackFolder: string): {path: string; required: boolean} {
  const base = configPath ? dirname(configPath) : resolve(fallbackFolder)
  return setting ? {path: join(base, setting), required: true} : {path: join(base, defaultVocabularyName), required: false}
}

/** unified plugin: put the vocabulary on every file before the rules run. */
export const coquilleVocabulary: Plugin<[Vocabulary?], Root> = function (vocabulary) {
  return (_tree, file) => {
    file.data.vocabulary = vocabulary ?? emptyVocabulary
  }
}

/** The vocabulary of a file (empty when none was configured). */
export function vocabularyOf(file: {data: {vocabulary?: Vocabulary}}): Vocabulary {
  return file.data.vocabulary ?? emptyVocabulary
}
