/**
 * Heavy dependencies loaded on first use, so that linting a plain-text article never pays
 * for the Markdown and HTML parsers, the JSON and SARIF reporters or the diff library
 * (module loading is most of a cold start: see DESIGN.md, "Performance by design").
 *
 * Each one can be reached two ways:
 * - `preload()`, asynchronous, with a literal `import()`: entry points (the command line,
 *   the language server) call it for what they are about to need; a bundler splits the
 *   module into its own chunk, loaded only then;
 * - calling it, synchronously, for code that must stay synchronous (`lint()`, the parser
 *   stage): `require` of an ES module, which Node.js does from 20.19 on. Older versions
 *   get a clear error asking for the preload.
 */
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

export interface Lazy<T> {
  (): T
  preload(): Promise<T>
}

export function lazy<T>(specifier: string, load: () => Promise<T>): Lazy<T> {
  let value: T | undefined
  const get = (): T => {
    if (value === undefined) {
      try {
        value = require(specifier) as T
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw error
        throw new Error(`coquille : charger « ${specifier} » à la demande exige Node.js ≥ 20.19 ; appeler d’abord le préchargement (par exemple \`await preloadFormats()\`)`, {cause: error})
      }
    }
    return value
  }
  return Object.assign(get, {
    async preload(): Promise<T> {
      value ??= exportsOf(await load())
      return value
    },
  })
}

/**
 * A CommonJS package (yaml) imported from a bundle chunk comes as `{default: exports}`, its
 * named exports unknown to the bundler; Node.js itself adds them. Either way: the exports.
 */
function exportsOf<T>(namespace: T): T {
  const keys = Object.keys(namespace as object)
  const fallback = (namespace as {default?: unknown}).default
  return keys.length === 1 && keys[0] === 'default' && typeof fallback === 'object' && fallback !== null ? (fallback as T) : namespace
}

/**
 * A Node.js built-in module loaded on first use (crypto, zlib, v8 cost one to two
 * milliseconds each of every start, for `--cache`, a stale build or a huge file).
 */
export function builtin<T>(specifier: `node:${string}`): () => T {
  let value: T | undefined
  return () => (value ??= require(specifier) as T)
}
