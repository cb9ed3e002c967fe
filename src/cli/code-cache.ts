/**
 * The command started from V8's code cache (design note 17, third round). Node 20 keeps no
 * compiled code between runs for ES modules, so every start parsed and compiled the
 * bundle's functions anew: some 30 ms of a 200 ms run on one article. The build also bundles
 * the command as one CommonJS script (dist/bundle/coquille.cjs), runs it once over an
 * example article and saves V8's cache of the functions that run compiled
 * (`coquille.cjs.<node version>-<arch>.cache`); bin/coquille.js compiles the script with it.
 *
 * V8 takes a cache only from the same V8 version and flags, and checks the script by its
 * length alone: the cache is used only when it is at least as recent as the script, made by
 * this Node. Without one (another Node than the build's), the command starts from the ES
 * module bundle as before. A cache V8 refuses (V8 flags in NODE_OPTIONS) costs the compile
 * it would have saved, nothing else.
 */
import {readFileSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {setFlagsFromString} from 'node:v8'
import {Script} from 'node:vm'
import {packageRoot} from '../package-root.js'
import type {main as commandMain} from './main.js'

export type CommandMain = typeof commandMain

/** The command bundled as one CommonJS script (scripts/bundle.ts). */
export const commandScript = join(packageRoot, 'dist', 'bundle', 'coquille.cjs')

/** V8 refuses a cache made by another version: one file per Node version and architecture. */
export function codeCachePath(script: string = commandScript): string {
  return `${script}.${process.version}-${process.arch}.cache`
}

/**
 * The V8 flags the cache is made and read under (V8 refuses a cache made under other
 * flags): the command's own for a run over articles (src/cli/main.ts, tuneCompilerForArticles).
 */
export function setCommandFlags(): void {
  setFlagsFromString('--no-turbo-inlining')
}

function compile(script: string, source: string, cachedData?: Buffer): Script {
  // `__coquilleImport`: the loader's own `import()`, for the one module the script names at
  // run time (a JavaScript configuration given with --config: scripts/bundle.ts). Strict
  // mode, as in the ES module bundle (the script's own directive follows its banner).
  return new Script(`(function (exports, require, module, __filename, __dirname, __coquilleImport) {'use strict';${source}\n})`, {filename: script, cachedData})
}

function evaluate(compiled: Script, script: string): CommandMain {
  const module: {exports: {main?: CommandMain}} = {exports: {}}
  const importModule = (specifier: string): Promise<unknown> => import(specifier)
  compiled.runInThisContext()(module.exports, createRequire(script), module, script, dirname(script), importModule)
  if (typeof module.exports.main !== 'function') throw new Error(`coquille: ${script} exports no main`)
  return module.exports.main
}

export interface CachedCommand {
  readonly main: CommandMain
  /** Whether V8 refused the cache (the script was compiled from source). */
  readonly cacheRejected: boolean
}

/**
 * The command's `main` from the script and its code cache, or undefined when this Node has
 * no cache for it, or one older than the script (the ES module bundle then serves).
 */
export function commandFromCodeCache(script: string = commandScript, cachePath: string = codeCachePath(script)): CachedCommand | undefined {
  const cacheStats = statSync(cachePath, {throwIfNoEntry: false})
  const scriptStats = statSync(script, {throwIfNoEntry: false})
  if (!cacheStats || !scriptStats || cacheStats.mtimeMs < scriptStats.mtimeMs) return undefined
  let source: string
  let cachedData: Buffer
  try {
    source = readFileSync(script, 'utf8')
    cachedData = readFileSync(cachePath)
  } catch {
    // An unreadable script or cache (permissions, not a file): the ES module bundle serves.
    return undefined
  }
  setCommandFlags()
  const compiled = compile(script, source, cachedData)
  return {main: evaluate(compiled, script), cacheRejected: compiled.cachedDataRejected === true}
}

/**
 * Makes the cache: compiles the script, runs `warmUp` with its `main` (the functions a run
 * compiles lazily are in the cache only once compiled), and writes V8's cache beside it
 * (atomically). Run in a process of its own, under the command's flags only.
 */
export async function writeCodeCache(warmUp: (main: CommandMain) => Promise<void>, script: string = commandScript, cachePath: string = codeCachePath(script)): Promise<void> {
  setCommandFlags()
  const compiled = compile(script, readFileSync(script, 'utf8'))
  await warmUp(evaluate(compiled, script))
  const temporary = `${cachePath}.${process.pid}.tmp`
  writeFileSync(temporary, compiled.createCachedData())
  try {
    renameSync(temporary, cachePath)
  } catch (error) {
    unlinkSync(temporary)
    throw error
  }
}
