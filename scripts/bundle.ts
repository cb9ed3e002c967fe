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
import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {build, type Plugin} from 'esbuild'
import {gunzipSync} from 'node:zlib'
import {dataFolder} from '../src/lexicon/lists.js'
import {expandedWordList, lineStarts, wordListHash, wordListLines} from '../src/lexicon/words.js'
import {hashIndexBytes, hashSlots} from '../src/lexicon/hash-index.js'
import {trigramSet, trigramSetPath} from '../src/lexicon/trigrams.js'
import {nounTableSource, properNounTableSource} from '../src/lexicon/nouns.js'
import {vowelWordTableSource} from '../src/lexicon/lefff-words.js'
import {loadTable, writeTable} from '../src/lexicon/sorted-table.js'
import {builtPackedPath, packedBytes, rankTableSource} from '../src/lexicon/ranks.js'
import {packageRoot} from '../src/package-root.js'
import {codeCachePath, commandScript} from '../src/cli/code-cache.js'

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

/**
 * unified-engine imports load-plugin to load plugins and reporters named by strings; coquille
 * gives it functions only (the configuration transform returns coquille's rules, the reporter
 * is coquille's own). load-plugin brings @npmcli/config, semver and import-meta-resolve: 60 % of
 * the engine's chunk, compiled and evaluated at every start. Replaced by a module that says
 * why, should it ever be called.
 */
const noPluginsByName: Plugin = {
  name: 'coquille-no-plugins-by-name',
  setup(context) {
    context.onResolve({filter: /^load-plugin$/}, () => ({path: 'load-plugin', namespace: 'coquille-stub'}))
    context.onLoad({filter: /^load-plugin$/, namespace: 'coquille-stub'}, () => ({
      contents: [
        "const refuse = async (name) => { throw new Error('coquille loads no plugin or reporter by name (`' + name + '`)') }",
        'export const loadPlugin = refuse',
        'export const resolvePlugin = refuse',
      ].join('\n'),
      loader: 'js',
    }))
  },
}

/**
 * What unified-engine imports for cases a lint run rarely meets: yaml (a `.coquillerc.yml`),
 * glob (paths given as strings: coquille gives files) and concat-stream (stdin): some
 * 450 KB of code compiled at every start, and node:assert/strict for its internal checks. yaml and glob (dependencies of coquille) load
 * on first use behind these shims (src/lazy.ts); concat-stream, as unified-engine uses it
 * (the whole stream as one string), is a few lines of node:stream. Its `debug` calls (a
 * dozen per file, 10 ms over 1,000 files, and node:tty at start) go to a no-op unless
 * DEBUG is set, as with the real module.
 */
const deferredEngineImports: Plugin = {
  name: 'coquille-deferred-engine-imports',
  setup(context) {
    const lazyModule = JSON.stringify(join(dist, 'src', 'lazy.js'))
    const shims: Record<string, string> = {
      yaml: `const yaml = lazy('yaml', () => import('yaml'))\nexport default {parse: (...values) => yaml().parse(...values)}`,
      glob: `const glob_ = lazy('glob', () => import('glob'))\nexport const hasMagic = (...values) => glob_().hasMagic(...values)\nexport const glob = async (...values) => (await glob_.preload()).glob(...values)`,
      'concat-stream': [
        "import {Writable} from 'node:stream'",
        'export default (_options, done) => {',
        '  const chunks = []',
        '  return new Writable({',
        '    write(chunk, encoding, callback) { chunks.push(typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk); callback() },',
        '    final(callback) { done(Buffer.concat(chunks).toString("utf8")); callback() },',
        '  })',
        '}',
      ].join('\n'),
      // Its assertions hold (they are about its own state): the real module, 1.5 ms to load, only for one that fails.
      'node:assert/strict': [
        "import {createRequire} from 'node:module'",
        'let real',
        'export default (value, ...rest) => {',
        '  if (value) return',
        "  ;(real ??= createRequire(import.meta.url)('node:assert/strict'))(value, ...rest)",
        '}',
      ].join('\n'),
      debug: [
        "import {createRequire} from 'node:module'",
        'const off = Object.assign(() => {}, {enabled: false})',
        'export default (namespace) => {',
        '  if (!process.env.DEBUG) return off',
        "  try { return createRequire(import.meta.url)('debug')(namespace) } catch { return off }",
        '}',
      ].join('\n'),
    }
    const engineFolder = join('node_modules', 'unified-engine')
    context.onResolve({filter: /^(?:yaml|glob|concat-stream|debug|node:assert\/strict)$/}, (arguments_) =>
      arguments_.importer.includes(engineFolder) ? {path: arguments_.path, namespace: 'coquille-deferred'} : undefined,
    )
    context.onLoad({filter: /.*/, namespace: 'coquille-deferred'}, (arguments_) => ({
      contents: `import {lazy} from ${lazyModule}\n${shims[arguments_.path]}\n`,
      resolveDir: packageRoot,
      loader: 'js',
    }))
  },
}

/** Replacements in unified-engine's files: its file (under lib/) → [code, replacement] pairs. */
type EnginePatches = Readonly<Record<string, ReadonlyArray<readonly [string, string]>>>

/**
 * Two loops of unified-engine that are quadratic in the number of files: each file that
 * reaches the queue scans every file of the run to see whether all are done (with
 * `statistics(file)` over each one's messages), and adding a file searches an array of
 * every path added before. Over 1,000 articles that is some 130 ms of a 2-second run.
 * Patched in the bundle, same behaviour: the scan resumes at the first file not done yet
 * (files only ever become done before the flush), and added paths are also kept in a Set.
 */
const linearLoops: EnginePatches = {
  [join('file-pipeline', 'queue.js')]: [
    [
      'const files = context.fileSet.valueOf()\n  let index = -1\n  while (++index < files.length) {\n    each(files[index])\n  }\n',
      'const files = context.fileSet.valueOf()\n  let index = (scanned.get(context.fileSet) ?? 0) - 1\n  while (++index < files.length) {\n    each(files[index])\n    if (!complete) break\n  }\n  scanned.set(context.fileSet, index)\n',
    ],
    ['const own = {}.hasOwnProperty\n', 'const own = {}.hasOwnProperty\n/** coquille: per file set, how many files were found done, in order. */\nconst scanned = new WeakMap()\n'],
  ],
  'file-set.js': [
    ['if (this.origins.includes(file.history[0])) {', 'if ((this.originSet ??= new Set(this.origins)).has(file.history[0])) {'],
    ['this.origins.push(file.history[0])', 'this.origins.push(file.history[0])\n    this.originSet.add(file.history[0])'],
  ],
}

/**
 * unified-engine reads each article with `fs.readFile`: for a run over many files, a
 * thousand opens, stats, reads and closes sent to libuv's threads and their callbacks
 * (some 55 ms of the main thread's time over the 1,000 corpus articles, before the first
 * article is parsed). The command reads them with `readFileSync` instead (the same text,
 * the same errors passed on): each article is read and linted in turn. Over the corpus,
 * five alternated series of 8 pairs: 25 to 93 ms less.
 */
const synchronousRead: EnginePatches = {
  [join('file-pipeline', 'read.js')]: [
    [
      [
        "    fs.readFile(filePath, 'utf8', function (error, value) {",
        "      debug('Read `%s` (error: %s)', filePath, error)",
        '',
        "      file.value = value || ''",
        '',
        '      next(error)',
        '    })',
      ].join('\n'),
      [
        '    /** @type {string | undefined} */',
        '    let value',
        '    /** @type {Error | undefined} */',
        '    let error',
        '    try {',
        "      value = fs.readFileSync(filePath, 'utf8')",
        '    } catch (caught) {',
        '      error = caught',
        '    }',
        "    debug('Read `%s` (error: %s)', filePath, error)",
        "    file.value = value || ''",
        '    next(error)',
      ].join('\n'),
    ],
  ],
}

/**
 * For the command's CommonJS script only: unified-engine loads a JavaScript configuration
 * given with `--config` by `import(fileUrl)`, which the script cannot run (its other
 * `import()`s name bundled or built-in modules and become `require`s; this one may name an
 * ES module). It calls the loader's own `import` instead, handed to the script by
 * src/cli/code-cache.ts as `__coquilleImport`.
 */
const configurationImportThroughLoader: EnginePatches = {
  'configuration.js': [['await import(fileUrl)', 'await __coquilleImport(fileUrl)']],
}

/**
 * The plugin that applies patches to unified-engine's files (one plugin per build: esbuild
 * takes the first plugin that loads a file). The build fails if the code to patch is not
 * found (after an update of unified-engine).
 */
function patchedEngine(patches: EnginePatches): Plugin {
  return {
    name: 'coquille-patched-engine',
    setup(context) {
      const engineLib = join('node_modules', 'unified-engine', 'lib')
      context.onLoad({filter: /[\\/]unified-engine[\\/]lib[\\/].*\.js$/}, (arguments_) => {
        const name = Object.keys(patches).find((file) => arguments_.path.endsWith(join(engineLib, file)))
        if (!name) return undefined
        let source = readFileSync(arguments_.path, 'utf8')
        for (const [before, after] of patches[name]!) {
          if (!source.includes(before)) throw new Error(`bundle: unified-engine changed, cannot patch ${name} (${JSON.stringify(before.slice(0, 40))}…)`)
          source = source.replace(before, after)
        }
        return {contents: source, loader: 'js'}
      })
    },
  }
}

async function resolvedPath(context: Parameters<Plugin['setup']>[0], specifier: string, resolveDir: string): Promise<string> {
  const result = await context.resolve(specifier, {resolveDir, kind: 'import-statement'})
  if (result.errors.length > 0) throw new Error(`bundle: cannot resolve ${specifier} from ${resolveDir}`)
  return result.path
}

export async function bundle(): Promise<void> {
  // Chunk names carry hashes: start clean so old chunks do not pile up.
  rmSync(join(dist, 'bundle'), {recursive: true, force: true})
  // One build per entry point: built together, they would share chunks, and the command
  // would load ten modules at start instead of two (each costs its own resolution).
  const entryPoints = {
    coquille: join(dist, 'src', 'cli', 'main.js'),
    'coquille-language-server': join(dist, 'src', 'server', 'server.js'),
  }
  for (const [name, path] of Object.entries(entryPoints)) {
    await build({
      entryPoints: {[name]: path},
      outdir: join(dist, 'bundle'),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // CommonJS dependencies call `require`, which an ES module lacks.
      banner: {js: "import {createRequire as __coquilleCreateRequire} from 'node:module';const require = __coquilleCreateRequire(import.meta.url);"},
      plugins: [fastStringWidth, stopwordSource, noPluginsByName, deferredEngineImports, patchedEngine({...linearLoops, ...synchronousRead})],
      legalComments: 'none',
      logLevel: 'warning',
    })
  }
  await bundleCommandScript()
}

/**
 * The command as one CommonJS script, which src/cli/code-cache.ts compiles with V8's code
 * cache (Node 20 caches no code for ES modules). Every `import()` becomes a `require` (a
 * script compiled by node:vm has no loader for them); the modules loaded on demand stay
 * lazy, evaluated on first use.
 */
async function bundleCommandScript(): Promise<void> {
  const outfile = commandScript
  await build({
    entryPoints: [join(dist, 'src', 'cli', 'main.js')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    supported: {'dynamic-import': false},
    define: {'import.meta.url': '__coquilleScriptUrl'},
    banner: {js: "const __coquilleScriptUrl = require('node:url').pathToFileURL(__filename).href;"},
    plugins: [fastStringWidth, stopwordSource, noPluginsByName, deferredEngineImports, patchedEngine({...linearLoops, ...synchronousRead, ...configurationImportThroughLoader})],
    legalComments: 'none',
    logLevel: 'warning',
  })
  const source = readFileSync(outfile, 'utf8')
  // An `import()` of a module named at run time, turned into a `require`, could not load an ES module.
  if (/__toESM\(require\((?!")/.test(source)) throw new Error(`bundle: ${outfile} requires a module named at run time`)
  // (Type comments the dependencies keep, `{import('unist').Node}`, are single-quoted; esbuild writes code with double quotes.)
  if (/(?<![\w$.])import\((?!')/.test(source)) throw new Error(`bundle: ${outfile} still holds an import(), which node:vm cannot load`)
}

/**
 * Writes the command's code cache in a process of its own (under the command's flags only),
 * then checks in another that V8 takes it. A cache V8 would refuse is not kept (the command
 * then starts from the ES module bundle): a warning, not a failed build.
 */
export function writeCommandCodeCache(): void {
  const script = join(dist, 'scripts', 'code-cache.js')
  const made = spawnSync(process.execPath, [script], {stdio: ['ignore', 'inherit', 'inherit']})
  const check = made.status === 0 ? spawnSync(process.execPath, [script, '--check'], {encoding: 'utf8'}) : undefined
  if (check?.stdout.trim() === 'taken') return
  rmSync(codeCachePath(), {force: true})
  process.stderr.write(`bundle: no code cache for the command (${check ? `V8 answered ${JSON.stringify(check.stdout.trim())}` : 'making it failed'}): it will start from the ES module bundle\n`)
}

/** The word list decompressed once, at build time, and where its lines start (src/lexicon/words.ts reads both when fresh). */
export function expandWordList(): void {
  mkdirSync(dirname(expandedWordList), {recursive: true})
  const bytes = gunzipSync(readFileSync(join(dataFolder, 'french-words.txt.gz')))
  writeFileSync(expandedWordList, bytes)
  // Written after the list: a copy older than the list would be taken for stale.
  const lines = lineStarts(bytes)
  writeFileSync(wordListLines, Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength))
  const forms = bytes.toString('utf8').split('\n')
  if (forms[forms.length - 1] === '') forms.pop()
  writeFileSync(wordListHash, hashIndexBytes(forms.length, bytes.length, hashSlots(forms, lines, bytes.length)))
  // The frequency list's entries as loadRanks reads them: suggestions look up both lists.
  const ranked = readFileSync(join(dataFolder, 'word-frequencies.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((entry) => entry !== '' && entry[0] !== '#')
  writeFileSync(trigramSetPath, trigramSet([...forms, ...ranked]))
}

/** The tables src/lexicon/sorted-table.ts reads instead of building maps at run time. */
export function writeTables(): void {
  for (const source of [nounTableSource, properNounTableSource, vowelWordTableSource, rankTableSource('word-frequencies.txt'), rankTableSource('english-words.txt')]) writeTable(source)
  // After the tables: the buckets of the French frequency list (src/lexicon/ranks.ts), from its table just written.
  // (The English list is asked too seldom for its 2 MB: src/lexicon/ranks.ts.)
  writeFileSync(builtPackedPath('word-frequencies.txt'), packedBytes(loadTable(rankTableSource('word-frequencies.txt'))))
}

await bundle()
expandWordList()
writeTables()
// Last: the warm-up run reads the word list and the tables written above.
writeCommandCodeCache()
