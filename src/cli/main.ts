/**
 * The `coquille` command: a thin argv layer over unified-engine (file walking, globs,
 * `.coquilleignore`, configuration discovery), with coquille's own reports and exit codes.
 *
 * Exit codes: 0 no error-level finding; 1 error-level findings (or warnings with
 * `--frail`, or more than `--max-warnings`); 2 usage, configuration or input errors.
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {Readable} from 'node:stream'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import type {Context, Options as EngineOptions} from 'unified-engine'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {ConfigError, resolveConfig} from '../config.js'
import {closest} from '../rules/options.js'
import {findConfig} from '../config-files.js'
import {packageRoot} from '../package-root.js'
import {createProcessor} from '../processor.js'
import {presets, rules} from '../../rules/index.js'
import {renderReportChunks, reportFormats, type ReportFormat} from '../report/index.js'
import {inert} from '../report/inert.js'
import {defaultMaxFileSize, encodingProblem, isInputProblem, parseSize, readSettingsFile, refuseInput} from '../input.js'
import {ArticleSearchError, findArticles, type FoundArticles} from './articles.js'
import {diffLibrary, unifiedDiff} from '../fix/diff.js'
import {lintStages, type LintStage} from '../pipeline/index.js'
import {detectFormat, preloadFormats} from '../parse/formats.js'
import {sectionThreshold} from '../parse/sections.js'
import {builtin} from '../lazy.js'
import type {Format} from '../parse/document.js'
import {loadVocabulary, vocabularyPath} from '../vocabulary.js'
import {batches, writeFileAtomic, WriteError} from '../io/write.js'
import {restoreMessages} from '../release.js'
import {lintInWorkers, serveLintBatches, workerCount, workerVariable, type WorkerJob} from './parallel.js'
import {configFingerprint, defaultCacheLocation, LintCache} from '../cache.js'

export interface CliIo {
  readonly cwd: string
  readonly stdin: NodeJS.ReadableStream & {isTTY?: boolean}
  readonly stdout: NodeJS.WritableStream
  readonly stderr: NodeJS.WritableStream
  readonly env?: NodeJS.ProcessEnv
}

const argsConfig = {
  allowPositionals: true,
  strict: true,
  options: {
    help: {type: 'boolean', short: 'h'},
    version: {type: 'boolean', short: 'v'},
    report: {type: 'string', short: 'r'},
    'report-file': {type: 'string'},
    config: {type: 'string', short: 'c'},
    'no-config': {type: 'boolean'},
    'ignore-path': {type: 'string'},
    'no-ignore': {type: 'boolean'},
    'stdin-filepath': {type: 'string'},
    frail: {type: 'boolean'},
    quiet: {type: 'boolean', short: 'q'},
    'max-warnings': {type: 'string'},
    color: {type: 'boolean'},
    'no-color': {type: 'boolean'},
    verbose: {type: 'boolean'},
    'list-rules': {type: 'boolean'},
    preset: {type: 'string'},
    init: {type: 'boolean'},
    fix: {type: 'boolean'},
    'fix-dry-run': {type: 'boolean'},
    'fix-suggestions': {type: 'string'},
    cache: {type: 'boolean'},
    'cache-location': {type: 'string'},
    'max-file-size': {type: 'string'},
    'silently-ignore': {type: 'boolean'},
  },
} as const satisfies ParseArgsConfig

const extensions = ['txt', 'md', 'markdown', 'html', 'htm']
/** How errors name the configuration used when no file is found. */
const defaultOrigin = 'configuration par défaut'

const help = `Usage : coquille [options] [chemins, dossiers ou motifs...]
        coquille vocabulary [options] <chemins...>   proposer un vocabulaire maison tiré d’une archive

Relit des articles de presse en français (.txt, .md, .html). Sans chemin, avec du texte
sur l’entrée standard, relit celui-ci.

Options :
  -r, --report <format>     format du rapport : ${reportFormats.join(', ')} (défaut : stylish)
      --report-file <path>  écrire le rapport dans un fichier plutôt que sur stderr
  -c, --config <path>       utiliser ce fichier de configuration (sans recherche)
      --no-config           ignorer les fichiers de configuration (preset recommended)
      --preset <name>       ce preset (recommended, strict, fr-CA ou none) au lieu de
                            celui qu’étend la configuration ; ses règles s’appliquent
      --init                écrire un .coquillerc.json de départ (avec --preset : celui-ci)
      --ignore-path <path>  fichier d’exclusion à lire au lieu de .coquilleignore
      --no-ignore           ne lire aucun fichier d’exclusion
      --silently-ignore     passer sans erreur les fichiers nommés qu’un fichier
                            d’exclusion écarte (pour les hooks qui passent tous les fichiers)
      --stdin-filepath <p>  nom de l’article lu sur l’entrée standard (son extension
                            donne le format)
      --frail               code de sortie 1 aussi pour des avertissements
      --max-warnings <n>    code de sortie 1 au-delà de n avertissements
  -q, --quiet               ne signaler que les erreurs
      --color, --no-color   forcer ou couper les couleurs du rapport stylish
      --verbose             montrer les notes et les liens vers la documentation
      --list-rules          lister les règles, avec leur sévérité et leurs options dans
                            chaque preset
      --fix                 appliquer les corrections sûres (écriture atomique) ; depuis
                            l’entrée standard, écrire le texte corrigé sur stdout
      --fix-dry-run         montrer les corrections sûres en diff unifié, sans rien
                            changer (pas avec --fix)
      --fix-suggestions <r> appliquer aussi les suggestions de ces règles (ids séparés
                            par des virgules, ou all)
      --cache               reprendre les messages gardés des articles inchangés depuis
                            la dernière passe (même texte, configuration et version)
                            sans les relire ; pas avec --fix
      --cache-location <d>  dossier du cache (défaut : .coquille-cache)
      --max-file-size <n>   refuser les articles de plus de n octets, ou avec k, M, G
                            (défaut 50M) ; vérifié avant de lire le fichier
  -h, --help                afficher cette aide
  -v, --version             afficher la version

Codes de sortie : 0 aucune erreur, 1 des erreurs (ou des avertissements avec --frail ou
au-delà de --max-warnings), 2 erreur d’usage, de configuration ou d’entrée.

Configuration : .coquillerc, .coquillerc.json, .coquillerc.yml ou un champ "coquille" de
package.json, par exemple {"extends": "recommended", "rules": {"repeated-words": "off"}}.`

/** Run the command; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (text: string): number => {
    io.stderr.write(`coquille: ${inert(text)}\n`)
    return 2
  }
  if (argv[0] === 'vocabulary') return (await import('./vocabulary.js')).vocabularyCommand(argv.slice(1), io)
  let parsed: ReturnType<typeof parseArgs<typeof argsConfig>>
  try {
    parsed = parseArgs({...argsConfig, args: [...argv]})
  } catch (error) {
    return fail(`${argumentProblem(error as NodeJS.ErrnoException)} (voir coquille --help)`)
  }
  const values = parsed.values
  if (values.help) {
    io.stdout.write(help + '\n')
    return 0
  }
  if (values.version) {
    io.stdout.write(packageVersion() + '\n')
    return 0
  }
  if (values['list-rules']) {
    io.stdout.write(listRules())
    return 0
  }
  const preset = values.preset
  if (preset !== undefined && preset !== 'none' && !Object.hasOwn(presets, preset)) {
    return fail(`--preset : preset inconnu « ${preset} » (valeurs permises : ${[...Object.keys(presets), 'none'].join(', ')})`)
  }
  if (values.init) return writeStarterConfig(io, preset)
  if (values.fix && values['fix-dry-run']) return fail('--fix et --fix-dry-run ensemble : choisir l’un (écrire les corrections) ou l’autre (les montrer sans rien changer)')
  const format = (values.report ?? 'stylish') as ReportFormat
  if (!reportFormats.includes(format)) return fail(`format de rapport inconnu « ${values.report} » (valeurs permises : ${reportFormats.join(', ')})`)
  let maxWarnings: number | undefined
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) return fail('--max-warnings attend un nombre entier ≥ 0')
  }
  const maxFileSize = values['max-file-size'] === undefined ? defaultMaxFileSize : parseSize(values['max-file-size'])
  if (maxFileSize === undefined) return fail('--max-file-size attend une taille en octets, ou avec k, M ou G (par exemple 100M)')

  if (values['stdin-filepath'] === '') return fail('--stdin-filepath attend un nom de fichier (son extension donne le format)')
  const paths = parsed.positionals.filter((path) => path !== '-')
  const readStdin = paths.length === 0
  if (readStdin && io.stdin.isTTY) return fail('aucun article (donner des chemins, ou du texte sur l’entrée standard ; voir coquille --help)')

  const fixing = values.fix === true || values['fix-dry-run'] === true
  const suggestions = values['fix-suggestions'] === 'all' ? 'all' : values['fix-suggestions']?.split(',').map((id) => id.trim()).filter(Boolean)
  if (Array.isArray(suggestions)) {
    const unknown = suggestions.find((id) => !Object.hasOwn(rules, id))
    if (unknown) return fail(`--fix-suggestions : règle inconnue « ${unknown} »`)
  }
  // Fixing rewrites articles and must see them: the cache is for lint runs.
  const cache = values.cache && !fixing ? new LintCache(resolve(io.cwd, values['cache-location'] ?? defaultCacheLocation), packageVersion()) : undefined
  const {transform, configErrors} = lintTransform({io, preset, cache, fixing, suggestions})

  // Paths are walked here, before the engine reads anything (see articles.ts).
  let found: FoundArticles | undefined
  try {
    found = readStdin ? undefined : findArticles(paths, {cwd: io.cwd, extensions, maxFileSize, detectIgnore: !values['no-ignore'], ignoreName: '.coquilleignore', ignorePath: values['ignore-path']})
  } catch (error) {
    if (error instanceof ArticleSearchError) return fail(error.message)
    throw error
  }

  // Without a configuration file: the recommended preset and the vocabulary beside cwd.
  let defaultConfig: ReturnType<typeof transform>
  try {
    defaultConfig = transform({}, defaultOrigin)
  } catch (error) {
    if (error instanceof ConfigError) return fail(`configuration invalide : ${error.message}`)
    throw error
  }

  // stdin is read here, as bytes, and checked like a file: the engine would decode it with
  // replacement characters and write them back with --fix.
  let stdinText: string | undefined
  if (readStdin) {
    const bytes = await readAll(io.stdin)
    const problem = encodingProblem(bytes)
    if (problem) return fail(`stdin: ${problem}`)
    stdinText = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes)
  }

  const engineOptions = engineOptionsOf({values, io, maxFileSize, transform, defaultConfig, stdinText})
  if (values.config) {
    // An explicit file must exist and parse; say so in one line rather than per article.
    try {
      readSettingsFile(resolve(io.cwd, values.config))
    } catch (error) {
      return fail(`configuration illisible « ${values.config} » : ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
  }

  // A text that may be linted in sections: tune the heap of this process for it (a library
  // may not change its host's V8 flags; the command owns its process).
  if (!found || found.largestSize > sectionThreshold) tuneHeapForSections()
  else tuneCompilerForArticles()

  const linted: VFile[] = []
  try {
    const groups = values.config || values['no-config'] ? [{configPath: values.config, files: found?.files}] : configGroups(found?.files, resolve(io.cwd, values['stdin-filepath'] ?? 'stdin'))
    // Many articles to lint and nothing else to do with them: on worker threads (parallel.ts).
    const entry = workerEntry(import.meta.url)
    const threads = found && !fixing && !cache && found.largestSize <= sectionThreshold && entry ? workerCount(found.files.length, io.env ?? process.env) : undefined
    const inWorkers = threads && entry
      ? await lintInWorkers(entry, {argv: [...argv], cwd: io.cwd}, groups.map((group) => ({configPath: group.configPath, paths: (group.files ?? []).map((file) => file.path)})), threads)
      : undefined
    if (inWorkers) linted.push(...inWorkers)
    else {
      // Load now, in parallel, what this run will need and what a plain-text article does not.
      const [{engine}] = await Promise.all([
        import('unified-engine'),
        preloadFormats(formatsToMeet(found ? found.files.map((file) => file.path) : [], readStdin ? values['stdin-filepath'] : undefined)),
        values['fix-dry-run'] ? diffLibrary.preload() : undefined,
      ])
      for (const group of groups) {
        // With no file left to read, the engine would read stdin instead: skip it.
        if (group.files && group.files.length === 0) continue
        const options = {...engineOptions, files: group.files ?? [], rcPath: group.configPath}
        const context = await new Promise<Context | undefined>((resolve, reject) => {
          engine(options, (error, _code, result) => (error ? reject(error) : resolve(result)))
        })
        linted.push(...(context?.files ?? []))
      }
    }
  } catch (error) {
    if (error instanceof ConfigError) return fail(`configuration invalide : ${error.message}`)
    return fail(oneLine((error as Error).message))
  }
  const files = [...linted, ...(found?.refused ?? [])].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const file of files) restoreMessages(file)
  if (configErrors.length > 0) return fail(`configuration invalide : ${configErrors[0]}`)
  const configProblem = files.flatMap((file) => file.messages).find((message) => !message.ruleId && /Cannot parse file|configuration|ConfigError|\.coquillerc/i.test(causeChain(message)))
  if (configProblem) {
    let problem = causeChain(configProblem).replace(/^Cannot process file: /, '')
    const unparsed = 'Cannot parse file `'
    const nameEnd = problem.startsWith(unparsed) ? problem.indexOf('`: ', unparsed.length) : -1
    if (nameEnd > 0) problem = `fichier illisible « ${problem.slice(unparsed.length, nameEnd)} » : ${problem.slice(nameEnd + 3)}`
    return fail(`configuration invalide : ${problem}`)
  }
  if (files.length === 0 && values['silently-ignore'] && paths.length > 0) return 0
  if (files.length === 0) return fail(readStdin ? 'rien lu sur l’entrée standard' : `aucun article trouvé dans ${paths.join(', ')} (extensions : ${extensions.join(', ')})`)

  if (cache) {
    try {
      await cache.save()
    } catch (error) {
      io.stderr.write(`coquille: ${inert(`cache non écrit ${cache.path} : ${oneLine((error as Error).message)}`)}\n`)
    }
  }

  if (fixing) {
    await writeFixes(files, {dryRun: values['fix-dry-run'] === true, stdout: io.stdout, cwd: io.cwd})
  }

  const ruleFailures = new WeakSet<VFileMessage>()
  for (const file of files) {
    for (const message of file.messages) {
      if (isInputProblem(message)) message.cause = undefined
      if (!message.cause) continue
      const cause = message.cause as NodeJS.ErrnoException
      if (message.ruleId) {
        // A rule that threw (an invalid option, a bug): one line and exit code 2, not a finding.
        ruleFailures.add(message)
        message.fatal = true
        message.reason = `La règle « ${message.ruleId} » a échoué : ${oneLine(String(cause.message ?? cause))}`
      } else if (cause.code) {
        // Engine I/O errors: the reason says it; a nested cause would print a trace.
        message.reason = `${engineReasons[message.reason] ?? message.reason} (${cause.code})`
      }
      message.message = message.reason
      message.cause = undefined
      message.stack = ''
    }
    for (const message of file.messages) {
      // unified-engine's own reasons without a cause (an ignored file named on the command line).
      const french = message.ruleId ? undefined : engineReasons[message.reason]
      if (french) message.reason = message.message = french
    }
    if (values.quiet) file.messages = file.messages.filter((message) => message.fatal === true)
  }
  const report = renderReportChunks(files, format, {cwd: io.cwd, color: values['no-color'] ? false : values.color, verbose: values.verbose ?? false, quiet: values.quiet ?? false})
  if (values['report-file']) {
    try {
      await writeFileAtomic(resolve(io.cwd, values['report-file']), report)
    } catch (error) {
      return fail(`rapport non écrit « ${values['report-file']} » : ${(error as Error).message}`)
    }
  } else {
    let last = ''
    for (const batch of batches(report)) {
      io.stderr.write(batch)
      last = batch
    }
    if (last && !last.endsWith('\n')) io.stderr.write('\n')
  }
  return exitCode(files, {frail: values.frail ?? false, maxWarnings, ruleFailures})
}

type Values = ReturnType<typeof parseArgs<typeof argsConfig>>['values']

/**
 * The configuration transform the engine calls for each configuration file (and the
 * default one): coquille's pipeline for its settings. Errors in a configuration are also
 * collected in `configErrors`, for one line instead of one per article.
 */
function lintTransform(options: {
  io: CliIo
  preset: string | undefined
  cache: LintCache | undefined
  fixing: boolean
  suggestions: 'all' | string[] | undefined
}): {transform: (raw: unknown, filePath: string) => {plugins: LintStage[]}; configErrors: string[]} {
  const {io, preset, cache, fixing, suggestions} = options
  const configErrors: string[] = []
  const transform = (raw: unknown, filePath: string): {plugins: LintStage[]} => {
    try {
      // --preset replaces what the configuration extends; its own rule settings still apply.
      const settings = preset === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw) ? raw : {...raw, extends: preset}
      const isDefault = filePath === defaultOrigin
      const origin = isDefault ? filePath : relative(io.cwd, filePath) || filePath
      const rules = resolveConfig(settings, origin)
      const setting = (raw as {vocabulary?: unknown} | undefined)?.vocabulary
      if (setting !== undefined && typeof setting !== 'string') throw new ConfigError(`${origin} : « vocabulary » doit être un chemin`)
      const where = vocabularyPath(isDefault ? undefined : filePath, setting, io.cwd)
      const vocabulary = loadVocabulary(where.path, where.required)
      const plugins = lintStages({
        rules,
        vocabulary,
        cache: cache ? {cache, fingerprint: configFingerprint(settings, vocabulary)} : undefined,
        fix: fixing ? {suggestions} : undefined,
        release: true,
      })
      return {plugins}
    } catch (error) {
      if (error instanceof ConfigError) configErrors.push(error.message)
      throw error
    }
  }
  return {transform, configErrors}
}

/** unified-engine's options for a run (`files` and `rcPath` are set per group of articles). */
function engineOptionsOf(options: {
  values: Values
  io: CliIo
  maxFileSize: number
  transform: ReturnType<typeof lintTransform>['transform']
  defaultConfig: unknown
  stdinText: string | undefined
}): EngineOptions {
  const {values, io, maxFileSize, transform, defaultConfig, stdinText} = options
  return {
    processor: () => createProcessor({config: {extends: 'none'}, messageControl: false, maxFileSize}),
    cwd: io.cwd,
    files: [],
    extensions,
    streamIn: stdinText === undefined ? io.stdin : Readable.from([stdinText]),
    filePath: values['stdin-filepath'],
    streamOut: io.stdout,
    streamError: io.stderr,
    out: false,
    output: false,
    // Discovery is ours (configGroups): the engine would run a `.coquillerc.js` found in
    // any parent folder. It reads the one file each group of articles uses.
    packageField: 'coquille',
    ignoreName: '.coquilleignore',
    ignorePath: values['ignore-path'],
    detectIgnore: !values['no-ignore'],
    detectConfig: false,
    rcPath: values.config,
    configTransform: transform as EngineOptions['configTransform'],
    defaultConfig: defaultConfig as EngineOptions['defaultConfig'],
    reporter: () => '',
    silentlyIgnore: values['silently-ignore'] === true,
  }
}

/**
 * A lint worker (parallel.ts): the same transform and engine options as the main thread,
 * from the same arguments, for the batches of articles the main thread sends.
 */
async function lintWorker(job: WorkerJob): Promise<void> {
  const {values} = parseArgs({...argsConfig, args: [...job.argv]})
  const io: CliIo = {cwd: job.cwd, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr}
  const maxFileSize = (values['max-file-size'] === undefined ? defaultMaxFileSize : parseSize(values['max-file-size'])) ?? defaultMaxFileSize
  const {transform} = lintTransform({io, preset: values.preset, cache: undefined, fixing: false, suggestions: undefined})
  const engineOptions = engineOptionsOf({values, io, maxFileSize, transform, defaultConfig: transform({}, defaultOrigin), stdinText: undefined})
  const {engine} = await import('unified-engine')
  await serveLintBatches(async (batch) => {
    await preloadFormats(formatsToMeet(batch.paths, undefined))
    const options = {...engineOptions, files: batch.paths.map((path) => new VFile({path})), rcPath: batch.configPath}
    const context = await new Promise<Context | undefined>((resolve, reject) => {
      engine(options, (error, _code, result) => (error ? reject(error) : resolve(result)))
    })
    const files = context?.files ?? []
    for (const file of files) restoreMessages(file)
    return files
  })
}

// node:worker_threads is loaded only in a worker (1.4 ms of every start otherwise).
if (process.env[workerVariable] === '1') {
  const thread = builtin<typeof import('node:worker_threads')>('node:worker_threads')()
  if (!thread.isMainThread && (thread.workerData as WorkerJob | undefined)?.coquilleLintWorker === true) void lintWorker(thread.workerData as WorkerJob)
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array))
  return Buffer.concat(chunks)
}

/**
 * Articles grouped by the configuration file that applies to each, found as the language
 * server and the library find it (config-files.ts: `.coquillerc`, `.json`, `.yml`, `.yaml`,
 * `package.json`; never a JavaScript file, which would run code). `files` undefined: stdin,
 * configured from `stdinPath`'s folder.
 */
function configGroups(files: VFile[] | undefined, stdinPath: string): Array<{configPath: string | undefined; files: VFile[] | undefined}> {
  if (!files) return [{configPath: findConfig(stdinPath).path, files: undefined}]
  const groups = new Map<string | undefined, VFile[]>()
  const byFolder = new Map<string, string | undefined>()
  for (const file of files) {
    const folder = dirname(file.path)
    if (!byFolder.has(folder)) byFolder.set(folder, findConfig(file.path).path)
    const configPath = byFolder.get(folder)
    const group = groups.get(configPath)
    if (group) group.push(file)
    else groups.set(configPath, [file])
  }
  return [...groups].map(([configPath, grouped]) => ({configPath, files: grouped}))
}

/**
 * Write what the fix stage produced: in place (see io/write.ts: atomic, keeping links,
 * owner and attributes, refusing read-only files and files changed on disk since they were
 * read), as a diff for a dry run, or on stdout for stdin. A file that cannot be written gets
 * a fatal message (exit code 2) and the run goes on with the others.
 */
async function writeFixes(files: readonly VFile[], options: {dryRun: boolean; stdout: NodeJS.WritableStream; cwd: string}): Promise<void> {
  for (const file of files) {
    const outcome = file.data.fix
    if (!outcome) continue
    const fromStdin = file.data.unifiedEngineStreamIn === true || !file.path
    if (options.dryRun) {
      options.stdout.write(unifiedDiff(outcome.original, outcome.output, file.path ? relative(options.cwd, file.path) || file.path : 'stdin'))
      continue
    }
    if (fromStdin) {
      options.stdout.write((file.data.bom ? '\uFEFF' : '') + outcome.output)
      continue
    }
    if (outcome.output === outcome.original) continue
    const notWritten = (why: string): void => {
      refuseInput(file, `Corrections non écrites : ${why}.`)
    }
    const path = resolve(options.cwd, file.path)
    let onDisk: string
    try {
      onDisk = readFileSync(path, 'utf8')
    } catch (error) {
      notWritten(`fichier illisible avant l’écriture (${(error as NodeJS.ErrnoException).code ?? oneLine((error as Error).message)})`)
      continue
    }
    const bom = file.data.bom ? '\uFEFF' : ''
    if (onDisk !== bom + outcome.original) {
      notWritten('le fichier a changé pendant la correction (relancez coquille)')
      continue
    }
    try {
      await writeFileAtomic(path, bom + outcome.output)
    } catch (error) {
      notWritten(error instanceof WriteError ? error.message : (error as NodeJS.ErrnoException).code ?? oneLine((error as Error).message))
    }
  }
}

const v8 = builtin<typeof import('node:v8')>('node:v8')

/**
 * The module a lint worker loads: this one, compiled (`.js`), or, when the command runs from
 * its CommonJS script with the code cache (src/cli/code-cache.ts), the ES module bundle
 * beside it (the script expects the loader's wrapper). None from the TypeScript sources.
 */
export function workerEntry(moduleUrl: string): URL | undefined {
  if (moduleUrl.endsWith('.cjs')) return new URL('./coquille.js', moduleUrl)
  return moduleUrl.endsWith('.js') ? new URL(moduleUrl) : undefined
}

/**
 * V8 allocates objects straight in the old generation when their allocation site once had
 * most of its objects survive (allocation-site pretenuring). Sections make the parse data
 * short-lived, but whether a site gets pretenured depends on timing: runs on the same 20 MB
 * file peaked at 200 MB or, once a site was pretenured, 400 MB. Turned off for the rest of
 * the process (same speed).
 *
 * Likewise the old generation: after a full collection V8 lets it grow to twice or more
 * what survived before collecting again, and what the sections promoted piles up. Grown
 * by 20 % at a time, it holds a few megabytes of that garbage at most (20 MB file: peak
 * RSS 236 → 215 MB, within the noise in time).
 */
function tuneHeapForSections(): void {
  // V8's default, which the code cache's loader turned off (src/cli/code-cache.ts): long loops pay for inlining.
  v8().setFlagsFromString('--turbo-inlining')
  v8().setFlagsFromString('--no-allocation-site-pretenuring')
  v8().setFlagsFromString('--heap-growing-percent=20')
}

/**
 * A run over articles of ordinary size spends a third of its CPU time in V8's optimizing
 * compiler, on a second core (2 s of 5 s over 1,000 articles), mostly inlining callees into
 * the rules' large functions. Without inlining, the compiler's share falls by some 40 %
 * (0.85 s over 1,000 articles) and the main thread runs as fast within the noise (±2 %):
 * a run is too short for the inlined code to pay for its compilation. Huge files linted in
 * sections (long steady loops) keep V8's default.
 */
function tuneCompilerForArticles(): void {
  v8().setFlagsFromString('--no-turbo-inlining')
}

/**
 * Formats the articles of a run may be in: the extension of each path, or glob, tells; a
 * folder or a glob without one may hold any.
 */
function formatsToMeet(paths: readonly string[], stdinPath: string | undefined): Set<Format> {
  const formats = new Set<Format>()
  if (paths.length === 0) formats.add(detectFormat(stdinPath))
  for (const path of paths) {
    const format = detectFormat(path)
    if (format !== 'txt' || /\.txt$/i.test(path)) formats.add(format)
    else for (const each of ['md', 'html'] as const) formats.add(each)
  }
  return formats
}

function exitCode(files: readonly VFile[], options: {frail: boolean; maxWarnings: number | undefined; ruleFailures: WeakSet<VFileMessage>}): number {
  let errors = 0
  let warnings = 0
  let inputProblems = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (isInputProblem(message) || (!message.ruleId && message.fatal) || options.ruleFailures.has(message)) inputProblems++
      else if (message.fatal) errors++
      else warnings++
    }
  }
  if (inputProblems > 0) return 2
  if (errors > 0) return 1
  if (options.frail && warnings > 0) return 1
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return 1
  return 0
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {version: string}).version
}

/** Each rule, then its severity and options in each preset (`off` where a preset leaves it out). */
function listRules(): string {
  const lines: string[] = []
  for (const rule of Object.values(rules)) {
    lines.push(`${rule.meta.id.padEnd(24)} ${rule.meta.fix.padEnd(10)} ${rule.meta.summary}`)
    for (const [name, settings] of Object.entries(presets)) {
      const setting = settings[rule.meta.id] ?? 'off'
      const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined]
      lines.push(`  ${`${name}:`.padEnd(13)} ${severity}${options === undefined ? '' : ` ${JSON.stringify(options)}`}`)
    }
    const names = Object.keys(rule.meta.options ?? {})
    if (names.length > 0) lines.push(`  ${'options:'.padEnd(13)} ${names.join(', ')} (docs/rules.md#${rule.meta.id})`)
  }
  return lines.join('\n') + '\n'
}

/** What node:util's parseArgs refused, in French, with the closest option for a misspelt one. */
function argumentProblem(error: NodeJS.ErrnoException): string {
  const option = /'([^']+)'/.exec(error.message)?.[1] ?? ''
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const close = option.startsWith('--') ? closest(option.slice(2), Object.keys(argsConfig.options)) : undefined
    return `option inconnue « ${option} »${close ? ` (vouliez-vous dire « --${close} » ?)` : ''}`
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(error.message) ? `l’option « ${option} » attend une valeur` : `l’option « ${option} » ne prend pas de valeur`
  }
  return oneLine(error.message)
}

/** unified-engine's reasons for files it could not take, in French. */
const engineReasons: Readonly<Record<string, string>> = {
  'No such file or folder': 'Fichier ou dossier introuvable',
  'Cannot find file': 'Fichier introuvable',
  'Cannot read folder': 'Dossier illisible',
  'Cannot process file': 'Fichier non traité',
  'Cannot process specified file: it’s ignored': 'Fichier ignoré (.coquilleignore) : non lu.',
}

/** Where `coquille --init` writes, and the schema its `$schema` names (relative, so the file can be committed). */
const starterName = '.coquillerc.json'

async function writeStarterConfig(io: CliIo, preset: string | undefined): Promise<number> {
  const path = join(io.cwd, starterName)
  if (existsSync(path)) {
    io.stderr.write(`coquille: ${starterName} existe déjà : non écrasé\n`)
    return 2
  }
  const schema = relative(io.cwd, join(packageRoot, 'schema', 'coquillerc.schema.json')).split('\\').join('/')
  const starter = {$schema: schema.startsWith('.') ? schema : `./${schema}`, extends: preset ?? 'recommended', rules: {}}
  try {
    await writeFileAtomic(path, JSON.stringify(starter, null, 2) + '\n')
  } catch (error) {
    io.stderr.write(`coquille: ${starterName} non écrit : ${oneLine((error as Error).message)}\n`)
    return 2
  }
  io.stdout.write(`${starterName} écrit (extends: ${starter.extends}) ; schéma : ${starter.$schema}\n`)
  return 0
}

/** A message and its causes, first lines only, joined: what a user needs, without traces. */
function causeChain(message: VFileMessage): string {
  const parts = [message.reason]
  let cause = message.cause as Error | undefined
  for (let depth = 0; cause && depth < 5; depth++) {
    parts.push(oneLine(cause.message ?? String(cause)))
    cause = cause.cause as Error | undefined
  }
  return parts.join(': ')
}

function oneLine(text: string): string {
  return text.split('\n')[0]!.trim()
}

export type {VFileMessage}
