/**
 * The fast-start build, after `tsc`. It bundles the compiled command line and language
 * server (dist/src/…) into dist/bundle/ with esbuild: one file to load instead of some five hundred modules, which is most of a
 * cold start (about 330 ms → about 120 ms for one article on the bench machine). Modules
 * loaded on demand (`import()`: the Markdown and HTML parsers, unified-engine, jsdiff) are
 * split into chunks of their own, loaded only when needed.
 *
 * bin/coquille.js and bin/coquille-language-server.js use the bundle when it is at least
 * as recent as dist/src (so a bare `tsc` never leaves them running stale code), else the
 * compiled modules. It also writes the French word list decompressed into dist/data/, and
 * the large lexicons as sorted tables (src/lexicon/sorted-table.ts).
 * Run by `npm run build` (and `npm test`), after `tsc`.
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {build, type Plugin} from 'esbuild'
import {gunzipSync} from 'node:zlib'
import {dataFolder} from '../src/lexicon/lists.js'
import {expandedWordList} from '../src/lexicon/words.js'
import {nounTableSource, properNounTableSource} from '../src/lexicon/nouns.js'
import {vowelWordTableSource} from '../src/lexicon/lefff-words.js'
import {writeTable} from '../src/lexicon/sorted-table.js'
import {packageRoot} from '../src/package-root.js'

const dist = join(packageRoot, 'dist')

/** vfile-reporter measures its cells with src/report/string-width.ts, which delegates to its own string-width. */
const fastStringWidth: Plugin = {
  name: 'coquille-fast-string-width',
  setup(context) {
    const shim = join(dist, 'src', 'report', 'string-width.js')
    context.onResolve({filter: /^string-width$/}, async (arguments_) => {
      if (arguments_.importer === shim) {
        // The shim's own import: the string-width vfile-reporter depends on.
        const reporterFolder = dirname(await resolvedPath(context, 'vfile-reporter', packageRoot))
        return {path: await resolvedPath(context, 'string-width', reporterFolder)}
      }
      if (arguments_.importer.includes(`${join('node_modules', 'vfile-reporter')}`)) return {path: shim}
      return undefined
    })
  },
}

/**
 * stopword's main file is a CommonJS build of all 62 languages; its ES source imports each
 * language from a file of its own, so the bundle keeps only the lists coquille imports.
 */
const stopwordSource: Plugin = {
  name: 'coquille-stopword-source',
  setup(context) {
    // Node's resolution, not esbuild's: asking esbuild would come back to this very hook.
    const main = createRequire(join(packageRoot, 'package.json')).resolve('stopword')
    const source = join(dirname(dirname(main)), 'src', 'stopword.js')
    context.onResolve({filter: /^stopword$/}, () => ({path: source}))
  },
}

async function resolvedPath(context: Parameters<Plugin['setup']>[0], specifier: string, resolveDir: string): Promise<string> {
  const result = await context.resolve(specifier, {resolveDir, kind: 'import-statement'})
  if (result.errors.length > 0) throw new Error(`bundle: cannot resolve ${specifier} from ${resolveDir}`)
  return result.path
}

export async function bundle(): Promise<void> {
  // Chunk names carry hashes: start clean so old chunks do not pile up.
  rmSync(join(dist, 'bundle'), {recursive: true, force: true})
  await build({
    entryPoints: {
      coquille: join(dist, 'src', 'cli', 'main.js'),
      'coquille-language-server': join(dist, 'src', 'server', 'server.js'),
    },
    outdir: join(dist, 'bundle'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // CommonJS dependencies call `require`, which an ES module lacks.
    banner: {js: "import {createRequire as __coquilleCreateRequire} from 'node:module';const require = __coquilleCreateRequire(import.meta.url);"},
    plugins: [fastStringWidth, stopwordSource],
    legalComments: 'none',
    logLevel: 'warning',
  })
}

/** The word list decompressed once, at build time (src/lexicon/words.ts reads it when fresh). */
export function expandWordList(): void {
  mkdirSync(dirname(expandedWordList), {recursive: true})
  writeFileSync(expandedWordList, gunzipSync(readFileSync(join(dataFolder, 'french-words.txt.gz'))))
}

/** The tables src/lexicon/sorted-table.ts reads instead of building maps at run time. */
export function writeTables(): void {
  for (const source of [nounTableSource, properNounTableSource, vowelWordTableSource]) writeTable(source)
}

await bundle()
expandWordList()
writeTables()
