/**
 * Which files the `coquille` command reads, decided before anything is read: explicit
 * paths, globs, and folders walked recursively, with unified-engine's rules (article
 * extensions in folders, `node_modules` and hidden entries skipped, `.coquilleignore` found upwards or given
 * by `--ignore-path`). unified-engine then gets the articles as explicit files.
 *
 * Walking here rather than in the engine is what keeps the walk safe. The engine's walk
 * follows a symbolic link to a parent folder until the path is 40 links deep (two such
 * links make it exponential), opens a named pipe called `x.txt` (which blocks forever
 * waiting for a writer) and reads a file of any size into memory before looking at it.
 * Here each of these is refused, with one clear message and exit code 2: a loop is not
 * entered, a pipe or device found in a folder is not opened, a file over
 * `--max-file-size` is not read (its size comes from `stat`). A folder that cannot be
 * read (removed during the walk, no permission) is reported the same way and the walk
 * goes on. What the user names explicitly is read as asked (a pipe such as `<(cmd)`
 * included), except a file over the size limit.
 */
import {readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, extname, join, relative, resolve, sep} from 'node:path'
import type {Ignore} from 'ignore'
import {VFile} from 'vfile'
import {formatSize, refuseInput} from '../input.js'
import {lazy} from '../lazy.js'

// Both load only when a run needs them (glob is a fifth of the command's start-up).
const globLibrary = lazy('glob', () => import('glob'))
// `ignore` is CommonJS and its types describe an ES default export: load it as CommonJS.
const require = createRequire(import.meta.url)
const createIgnore = (): Ignore => (require('ignore') as () => Ignore)()
/** Characters without which no path is a glob: glob itself is asked only when one is there. */
const globCharacter = /[*?[\]{}()!+@]/

export interface ArticleSearch {
  readonly cwd: string
  /** Extensions (without the dot) of the articles looked for in folders. */
  readonly extensions: readonly string[]
  /** Files larger than this (bytes) are refused without being read. */
  readonly maxFileSize: number
  readonly detectIgnore: boolean
  readonly ignoreName: string
  readonly ignorePath?: string | undefined
}

export interface FoundArticles {
  /** Files for unified-engine (absolute paths; missing ones too: the engine reports them). */
  readonly files: VFile[]
  /** Files refused before reading, each with one fatal message. */
  readonly refused: VFile[]
  /** Size in bytes of the largest file accepted (Infinity for a pipe or a device named on purpose). */
  readonly largestSize: number
}

/** The given path could not be used (an unreadable `--ignore-path`): one line for the user. */
export class ArticleSearchError extends Error {
  override name = 'ArticleSearchError'
}

export function findArticles(inputs: readonly string[], options: ArticleSearch): FoundArticles {
  const cwd = options.cwd
  const extensions = new Set(options.extensions.map((extension) => '.' + extension))
  const ignoreFiles = new IgnoreFiles(options)
  const accepted = new Map<string, VFile>()
  const refused = new Map<string, VFile>()
  let largestSize = 0

  // Keyed by real path: a file reached twice (through a symbolic link to its folder, or a
  // link to it) is linted, and fixed, once.
  // `realPath`: known already for a file that is no link, in a folder whose real path is known.
  const accept = (path: string, realPath?: string): void => {
    const absolute = resolve(cwd, path)
    let key = realPath ?? absolute
    if (realPath === undefined) {
      try {
        key = realpathSync(absolute)
      } catch {
        // Missing: the engine reports it under the name given.
      }
    }
    if (!accepted.has(key)) accepted.set(key, new VFile({path: absolute}))
  }
  const refuse = (path: string, reason: string): void => {
    const absolute = resolve(cwd, path)
    if (refused.has(absolute)) return
    const file = new VFile({path: relative(cwd, absolute) || absolute, cwd})
    refuseInput(file, reason)
    refused.set(absolute, file)
  }
  const tooBig = (path: string, stats: Stats): boolean => {
    if (stats.size <= options.maxFileSize) {
      largestSize = Math.max(largestSize, stats.size)
      return false
    }
    refuse(path, `Fichier trop gros (${formatSize(stats.size)} > ${formatSize(options.maxFileSize)}) : non lu (voir --max-file-size).`)
    return true
  }

  /** A regular file, a folder, or something to refuse, found by a glob or in a folder. */
  const found = (path: string, stats: Stats, ancestors: ReadonlySet<string>, inFolder: boolean, realPath?: string): void => {
    if (stats.isDirectory()) {
      walk(path, ancestors)
    } else if (inFolder && !extensions.has(extname(path))) {
      // Not an article.
    } else if (!stats.isFile()) {
      refuse(path, `Pas un fichier ordinaire (${kindOf(stats)}) : non lu.`)
    } else if (!tooBig(path, stats)) {
      accept(path, realPath)
    }
  }

  const walk = (folder: string, ancestors: ReadonlySet<string>): void => {
    let real: string
    let entries: Dirent[]
    try {
      real = realpathSync(resolve(cwd, folder))
      if (ancestors.has(real)) {
        refuse(folder, 'Lien symbolique vers un dossier parent (boucle) : non parcouru.')
        return
      }
      entries = readdirSync(resolve(cwd, folder), {withFileTypes: true})
    } catch (error) {
      refuse(folder, `Dossier illisible (${codeOf(error)}) : non parcouru.`)
      return
    }
    const inside = new Set(ancestors).add(real)
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const path = join(folder, entry.name)
      // Hidden entries (".git", ".cache", the house vocabulary ".coquille-vocabulary.txt") are
      // no articles: a folder walk skips them, as a path given by name is still read.
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || ignoreFiles.ignores(path)) continue
      const article = extensions.has(extname(entry.name))
      // Only what could be an article or a folder is looked at more closely.
      if (!article && !entry.isDirectory() && !entry.isSymbolicLink()) continue
      let stats: Stats
      try {
        stats = statSync(resolve(cwd, path))
      } catch (error) {
        // A dangling link or a file removed meanwhile: worth a word only for an article.
        if (article) refuse(path, brokenReason(error))
        continue
      }
      // An entry that is no link is where its folder really is: no realpath call per article.
      found(path, stats, inside, true, entry.isSymbolicLink() ? undefined : join(real, entry.name))
    }
  }

  for (const input of inputs) {
    if (globCharacter.test(input) && globLibrary().hasMagic(input)) {
      let matches: string[]
      try {
        matches = globLibrary().globSync(input, {cwd}).sort()
      } catch (error) {
        throw new ArticleSearchError(`motif invalide « ${input} » : ${(error as Error).message.split('\n')[0]}`)
      }
      for (const match of matches) {
        // Matches of a pattern are skipped when ignored, as files found in folders are.
        if (ignoreFiles.ignores(match)) continue
        let stats: Stats
        try {
          stats = statSync(resolve(cwd, match))
        } catch (error) {
          refuse(match, brokenReason(error))
          continue
        }
        found(match, stats, new Set(), false)
      }
      continue
    }
    const path = relative(cwd, resolve(cwd, input)) || '.'
    let stats: Stats | undefined
    try {
      stats = statSync(resolve(cwd, path))
    } catch {
      stats = undefined
    }
    // Missing, ignored or special files named explicitly go to the engine, which reports
    // the first two and reads the third (a pipe given on purpose).
    if (stats?.isDirectory() && !ignoreFiles.ignores(path)) walk(path, new Set())
    else if (!stats?.isFile() || !tooBig(path, stats)) {
      if (stats && !stats.isFile()) largestSize = Infinity
      accept(path)
    }
  }
  return {files: [...accepted.values()], refused: [...refused.values()], largestSize}
}

/**
 * `.coquilleignore` as unified-engine applies it: the nearest one from the file's folder
 * upwards (or only the `--ignore-path` file), patterns relative to its folder, paths
 * outside that folder never ignored.
 */
class IgnoreFiles {
  readonly #cwd: string
  readonly #name: string | undefined
  readonly #given: IgnoreSet | undefined
  readonly #nearest = new Map<string, IgnoreSet | undefined>()

  constructor(options: ArticleSearch) {
    this.#cwd = options.cwd
    this.#name = options.detectIgnore ? options.ignoreName : undefined
    if (options.ignorePath) {
      const path = resolve(options.cwd, options.ignorePath)
      try {
        this.#given = {folder: dirname(path), patterns: createIgnore().add(readFileSync(path, 'utf8'))}
      } catch (error) {
        throw new ArticleSearchError(`fichier d’exclusion illisible « ${options.ignorePath} » (${codeOf(error)})`)
      }
    }
  }

  ignores(path: string): boolean {
    const absolute = resolve(this.#cwd, path)
    const set = this.#given ?? (this.#name ? this.#find(dirname(absolute)) : undefined)
    if (!set) return false
    const normal = relative(set.folder, absolute)
    if (normal === '' || normal === '..' || normal.startsWith(sep) || normal.startsWith('..' + sep)) return false
    return set.patterns.ignores(normal)
  }

  #find(folder: string): IgnoreSet | undefined {
    if (this.#nearest.has(folder)) return this.#nearest.get(folder)
    let set: IgnoreSet | undefined
    try {
      set = {folder, patterns: createIgnore().add(readFileSync(join(folder, this.#name!), 'utf8'))}
    } catch {
      // None here (or unreadable: the engine reports that one when it checks the file).
      const parent = dirname(folder)
      set = parent === folder ? undefined : this.#find(parent)
    }
    this.#nearest.set(folder, set)
    return set
  }
}

interface IgnoreSet {
  readonly folder: string
  readonly patterns: Ignore
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'tube nommé'
  if (stats.isSocket()) return 'socket'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'périphérique'
  return 'type inconnu'
}

function brokenReason(error: unknown): string {
  const code = codeOf(error)
  if (code === 'ENOENT') return 'Fichier disparu ou lien symbolique cassé (ENOENT) : non lu.'
  if (code === 'ELOOP') return 'Lien symbolique en boucle (ELOOP) : non lu.'
  return `Fichier illisible (${code}) : non lu.`
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message
}
