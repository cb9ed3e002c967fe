/**
 * `coquille --cache`: CI lints thousands of articles of which a handful changed. The
 * messages of each article are kept in `.coquille-cache/results.json` (or
 * `--cache-location`) under a key made of the article's content, its configuration (the
 * configuration file's settings and the house vocabulary) and coquille's version; a later
 * run finds the key unchanged and reports the kept messages without parsing the article.
 * Anything else — another version of coquille, an edited article, configuration or
 * vocabulary — and the article is linted again. Files refused as input (binary, not UTF-8)
 * are never kept: their error shows on every run. `--fix` does not use the cache.
 */
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import type {Root} from 'nlcst'
import type {Plugin, Processor} from 'unified'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {writeFileAtomic} from './io/write.js'
import {builtin} from './lazy.js'
import {DocumentIndexBuilder} from './parse/document.js'
import {detectFormat} from './parse/formats.js'
import type {CoquilleMessage, FixKind} from './rules/kit.js'
import type {Vocabulary} from './vocabulary.js'

export const defaultCacheLocation = '.coquille-cache'
const cacheFileName = 'results.json'
/** Changes when the layout of the cache file does. */
const cacheFormat = 1
const crypto = builtin<typeof import('node:crypto')>('node:crypto')

type Point = {line: number; column: number; offset?: number}

/** A message as kept: what the reports read. */
interface KeptMessage {
  reason: string
  place?: {start: Point; end: Point} | Point
  ruleId?: string
  source?: string
  fatal?: boolean | null
  actual?: string
  expected?: string[]
  note?: string
  url?: string
  fix?: FixKind
}

interface Entry {
  key: string
  messages: KeptMessage[]
}

interface CacheFile {
  format: number
  version: string
  entries: Record<string, Entry>
}

export class LintCache {
  readonly path: string
  readonly #version: string
  readonly #entries = new Map<string, Entry>()
  hits = 0
  misses = 0

  /** The cache in folder `location`; a missing, unreadable or outdated one starts empty. */
  constructor(location: string, version: string) {
    this.path = resolve(location, cacheFileName)
    this.#version = version
    try {
      const data = JSON.parse(readFileSync(this.path, 'utf8')) as CacheFile
      if (data.format === cacheFormat && data.version === version) {
        for (const [path, entry] of Object.entries(data.entries)) this.#entries.set(path, entry)
      }
    } catch {
      // No cache yet, or a damaged one: everything is linted, and the file rewritten.
    }
  }

  /** The key of an article: its content, its configuration, coquille's version. */
  keyOf(content: string, format: string, fingerprint: string): string {
    return crypto().createHash('sha256').update(`${cacheFormat}\0${this.#version}\0${fingerprint}\0${format}\0`).update(content).digest('hex')
  }

  lookup(path: string, key: string): KeptMessage[] | undefined {
    const entry = this.#entries.get(path)
    if (entry?.key === key) {
      this.hits++
      return entry.messages
    }
    this.misses++
    return undefined
  }

  store(path: string, key: string, messages: readonly CoquilleMessage[]): void {
    this.#entries.set(path, {key, messages: messages.map(keep)})
  }

  /** Write the cache (atomically); entries of files that no longer exist are dropped. */
  async save(): Promise<void> {
    const entries: Record<string, Entry> = {}
    for (const [path, entry] of [...this.#entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (existsSync(path)) entries[path] = entry
    }
    mkdirSync(dirname(this.path), {recursive: true})
    const data: CacheFile = {format: cacheFormat, version: this.#version, entries}
    await writeFileAtomic(this.path, JSON.stringify(data))
  }
}

function keep(message: CoquilleMessage): KeptMessage {
  const kept: KeptMessage = {reason: message.reason}
  if (message.place) kept.place = message.place as KeptMessage['place']
  if (message.ruleId) kept.ruleId = message.ruleId
  if (message.source) kept.source = message.source
  if (message.fatal !== undefined) kept.fatal = message.fatal
  if (message.actual !== undefined) kept.actual = message.actual
  if (message.expected) kept.expected = message.expected
  if (message.note) kept.note = message.note
  if (message.url) kept.url = message.url
  if (message.fix) kept.fix = message.fix
  return kept
}

function restore(kept: KeptMessage, file: VFile): CoquilleMessage {
  const message = new VFileMessage(kept.reason, {place: kept.place, ruleId: kept.ruleId, source: kept.source}) as CoquilleMessage
  message.file = file.path
  if (kept.fatal !== undefined) message.fatal = kept.fatal
  if (kept.actual !== undefined) message.actual = kept.actual
  if (kept.expected) message.expected = kept.expected
  if (kept.note) message.note = kept.note
  if (kept.url) message.url = kept.url
  if (kept.fix) message.fix = kept.fix
  return message
}

/** What distinguishes one configuration from another, for the cache key. */
export function configFingerprint(raw: unknown, vocabulary: Vocabulary): string {
  return crypto().createHash('sha256')
    .update(JSON.stringify(raw ?? {}))
    .update('\0')
    .update(JSON.stringify([[...vocabulary.words].sort(), [...vocabulary.properNouns.values()]]))
    .digest('hex')
}

export interface CacheOptions {
  readonly cache: LintCache
  readonly fingerprint: string
}

/**
 * First of the configured plugins: wraps the parser. An article whose key is in the cache
 * gets its kept messages and an empty document, so no rule finds anything more; the others
 * are parsed as usual, and `cacheStore` keeps their messages.
 */
export const cacheLookup: Plugin<[CacheOptions], Root> = function (options) {
  const self = this as unknown as Processor<Root>
  const parse = self.parser!
  self.parser = (document, file) => {
    // Standard input is read once: nothing to gain.
    if (!file.path || file.data.unifiedEngineStreamIn) return parse(document, file)
    const format = file.data.format ?? detectFormat(file.path)
    const key = options.cache.keyOf(String(file.value ?? ''), format, options.fingerprint)
    const path = resolve(file.cwd, file.path)
    const kept = options.cache.lookup(path, key)
    if (!kept) {
      file.data.cacheKey = {path, key}
      return parse(document, file)
    }
    for (const message of kept) file.messages.push(restore(message, file))
    const index = new DocumentIndexBuilder('', format).finish()
    file.data.coquille = index
    return index.tree
  }
}

/** After the rules and inline comments: keep the messages of the articles linted. */
export const cacheStore: Plugin<[CacheOptions], Root> = function (options) {
  return (_tree, file) => {
    const place = file.data.cacheKey
    if (!place) return
    // Input refused (binary, invalid UTF-8, too big): not kept, so the error shows every time.
    if (file.messages.some((message) => message.fatal && !message.ruleId)) return
    options.cache.store(place.path, place.key, file.messages as CoquilleMessage[])
  }
}
