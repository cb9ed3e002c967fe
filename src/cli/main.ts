/**
 * The `coquille` command: a thin argv layer over unified-engine (file walking, globs,
 * `.coquilleignore`, configuration discovery), with coquille's own reports and exit codes.
 *
 * Exit codes: 0 no error-level finding; 1 error-level findings (or warnings with
 * `--frail`, or more than `--max-warnings`); 2 usage, configuration or input errors.
 */
import {readFileSync} from 'node:fs'
import {join, relative, resolve} from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import type {Context, Options as EngineOptions} from 'unified-engine'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {ConfigError, resolveConfig} from '../config.js'
import {packageRoot} from '../package-root.js'
import {createProcessor} from '../processor.js'
import {rules} from '../../rules/index.js'
import {renderReportChunks, reportFormats, type ReportFormat} from '../report/index.js'
import {defaultMaxFileSize, isInputProblem, parseSize} from '../input.js'
import {ArticleSearchError, findArticles, type FoundArticles} from './articles.js'
import {diffLibrary, unifiedDiff} from '../fix/diff.js'
import {lintStages, type LintStage} from '../pipeline.js'
import {detectFormat, preloadFormats} from '../parse/formats.js'
import {sectionThreshold} from '../parse/sections.js'
import {builtin} from '../lazy.js'
import type {Format} from '../parse/document.js'
import {loadVocabulary, vocabularyPath} from '../vocabulary.js'
import {batches, writeFileAtomic} from '../io/write.js'
import {restoreMessages} from '../release.js'
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

const help = `Usage: coquille [options] [paths, folders or globs...]

Lint French news articles (.txt, .md, .html). With no path and piped input, reads stdin.

Options:
  -r, --report <format>     report format: ${reportFormats.join(', ')} (default: stylish)
      --report-file <path>  write the report to a file instead of stderr
  -c, --config <path>       use this configuration file (skips discovery)
      --no-config           ignore configuration files (recommended preset)
      --ignore-path <path>  ignore file to use instead of .coquilleignore
      --no-ignore           do not read ignore files
      --silently-ignore     skip files named on the command line that an ignore file
                            ignores, without an error (for hooks that pass every file)
      --stdin-filepath <p>  name of the stdin article (its extension gives the format)
      --frail               exit 1 on warnings too
      --max-warnings <n>    exit 1 when there are more than n warnings
  -q, --quiet               report errors only
      --color, --no-color   force or disable colours in the stylish report
      --verbose             show notes and documentation links
      --list-rules          list the rules and their presets
      --fix                 apply safe fixes in place (atomic writes); from stdin, print
                            the fixed text on stdout
      --fix-dry-run         print the safe fixes as a unified diff; change nothing
      --fix-suggestions <r> also apply the suggestions of these rules (comma-separated
                            ids, or all)
      --cache               report the kept messages of articles unchanged since the
                            last run (same content, configuration and version) without
                            linting them again; not with --fix
      --cache-location <d>  folder of the cache (default: .coquille-cache)
      --max-file-size <n>   refuse articles larger than n bytes, or with k, M, G
                            (default 50M); checked before a file is read
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no error-level finding, 1 findings at error level (or warnings with
--frail / over --max-warnings), 2 usage, configuration or input error.

Configuration: .coquillerc, .coquillerc.json, .coquillerc.yml or a "coquille" field in
package.json, e.g. {"extends": "recommended", "rules": {"repeated-words": "off"}}.`

/** Run the command; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (text: string): number => {
    io.stderr.write(`coquille: ${text}\n`)
    return 2
  }
  let parsed: ReturnType<typeof parseArgs<typeof argsConfig>>
  try {
    parsed = parseArgs({...argsConfig, args: [...argv]})
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]} (see coquille --help)`)
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
  const format = (values.report ?? 'stylish') as ReportFormat
  if (!reportFormats.includes(format)) return fail(`unknown report format \`${values.report}\` (expected ${reportFormats.join(', ')})`)
  let maxWarnings: number | undefined
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) return fail('--max-warnings takes a whole number ≥ 0')
  }
  const maxFileSize = values['max-file-size'] === undefined ? defaultMaxFileSize : parseSize(values['max-file-size'])
  if (maxFileSize === undefined) return fail('--max-file-size takes a size in bytes, or with k, M or G (e.g. 100M)')

  if (values['stdin-filepath'] === '') return fail('--stdin-filepath takes a file name (its extension gives the format)')
  const paths = parsed.positionals.filter((path) => path !== '-')
  const readStdin = paths.length === 0
  if (readStdin && io.stdin.isTTY) return fail('no article given (pass paths, or pipe text on stdin; see coquille --help)')

  const fixing = values.fix === true || values['fix-dry-run'] === true
  const suggestions = values['fix-suggestions'] === 'all' ? 'all' : values['fix-suggestions']?.split(',').map((id) => id.trim()).filter(Boolean)
  if (Array.isArray(suggestions)) {
    const unknown = suggestions.find((id) => !Object.hasOwn(rules, id))
    if (unknown) return fail(`--fix-suggestions: unknown rule \`${unknown}\``)
  }
  // Fixing rewrites articles and must see them: the cache is for lint runs.
  const cache = values.cache && !fixing ? new LintCache(resolve(io.cwd, values['cache-location'] ?? defaultCacheLocation), packageVersion()) : undefined
  const configErrors: string[] = []
  const transform = (raw: unknown, filePath: string): {plugins: LintStage[]} => {
    try {
      const rules = resolveConfig(raw, filePath)
      const setting = (raw as {vocabulary?: unknown} | undefined)?.vocabulary
      if (setting !== undefined && typeof setting !== 'string') throw new ConfigError(`${filePath}: \`vocabulary\` must be a path`)
      const where = vocabularyPath(filePath.endsWith('configuration') ? undefined : filePath, setting, io.cwd)
      const vocabulary = loadVocabulary(where.path, where.required)
      const plugins = lintStages({
        rules,
        vocabulary,
        cache: cache ? {cache, fingerprint: configFingerprint(raw, vocabulary)} : undefined,
        fix: fixing ? {suggestions} : undefined,
        release: true,
      })
      return {plugins}
    } catch (error) {
      if (error instanceof ConfigError) configErrors.push(error.message)
      throw error
    }
  }

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
    defaultConfig = transform({}, 'default configuration')
  } catch (error) {
    if (error instanceof ConfigError) return fail(`invalid configuration: ${error.message}`)
    throw error
  }

  const engineOptions: EngineOptions = {
    processor: () => createProcessor({config: {extends: 'none'}, messageControl: false, maxFileSize}),
    cwd: io.cwd,
    files: found?.files ?? [],
    extensions,
    streamIn: io.stdin,
    filePath: values['stdin-filepath'],
    streamOut: io.stdout,
    streamError: io.stderr,
    out: false,
    output: false,
    rcName: '.coquillerc',
    packageField: 'coquille',
    ignoreName: '.coquilleignore',
    ignorePath: values['ignore-path'],
    detectIgnore: !values['no-ignore'],
    detectConfig: !values['no-config'] && !values.config,
    rcPath: values.config,
    configTransform: transform as EngineOptions['configTransform'],
    defaultConfig: defaultConfig as EngineOptions['defaultConfig'],
    reporter: () => '',
    silentlyIgnore: values['silently-ignore'] === true,
  }
  if (values.config) {
    // An explicit file must exist and parse; say so in one line rather than per article.
    try {
      readFileSync(resolve(io.cwd, values.config))
    } catch (error) {
      return fail(`cannot read configuration \`${values.config}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
  }

  // A text that may be linted in sections: tune the heap of this process for it (a library
  // may not change its host's V8 flags; the command owns its process).
  if (!found || found.largestSize > sectionThreshold) tuneHeapForSections()

  // Load now, in parallel, what this run will need and what a plain-text article does not.
  const [{engine}] = await Promise.all([
    import('unified-engine'),
    preloadFormats(formatsToMeet(found ? found.files.map((file) => file.path) : [], readStdin ? values['stdin-filepath'] : undefined)),
    values['fix-dry-run'] ? diffLibrary.preload() : undefined,
  ])
  let context: Context | undefined
  try {
    // With no file left to read, the engine would read stdin instead: skip it.
    if (!found || found.files.length > 0) {
      context = await new Promise<Context | undefined>((resolve, reject) => {
        engine(engineOptions, (error, _code, result) => (error ? reject(error) : resolve(result)))
      })
    }
  } catch (error) {
    return fail(oneLine((error as Error).message))
  }
  const files = [...(context?.files ?? []), ...(found?.refused ?? [])].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const file of files) restoreMessages(file)
  if (configErrors.length > 0) return fail(`invalid configuration: ${configErrors[0]}`)
  const configProblem = files.flatMap((file) => file.messages).find((message) => !message.ruleId && /Cannot parse file|configuration|ConfigError|\.coquillerc/i.test(causeChain(message)))
  if (configProblem) return fail(`invalid configuration: ${causeChain(configProblem).replace(/^Cannot process file: /, '')}`)
  if (files.length === 0 && values['silently-ignore'] && paths.length > 0) return 0
  if (files.length === 0) return fail(readStdin ? 'nothing read from stdin' : `no article found in ${paths.join(', ')} (extensions: ${extensions.join(', ')})`)

  if (cache) {
    try {
      await cache.save()
    } catch (error) {
      io.stderr.write(`coquille: cannot write the cache ${cache.path}: ${oneLine((error as Error).message)}\n`)
    }
  }

  if (fixing) {
    const problem = await writeFixes(files, {dryRun: values['fix-dry-run'] === true, stdout: io.stdout, cwd: io.cwd})
    if (problem) return fail(problem)
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
        message.reason = `${message.reason} (${cause.code})`
      }
      message.message = message.reason
      message.cause = undefined
      message.stack = ''
    }
    if (values.quiet) file.messages = file.messages.filter((message) => message.fatal === true)
  }
  const report = renderReportChunks(files, format, {cwd: io.cwd, color: values['no-color'] ? false : values.color, verbose: values.verbose ?? false, quiet: values.quiet ?? false})
  if (values['report-file']) {
    try {
      await writeFileAtomic(resolve(io.cwd, values['report-file']), report)
    } catch (error) {
      return fail(`cannot write report \`${values['report-file']}\`: ${(error as Error).message}`)
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

/**
 * Write what the fix stage produced: in place (atomic, refusing a file changed on disk
 * since it was read), as a diff for a dry run, or on stdout for stdin.
 */
async function writeFixes(files: readonly VFile[], options: {dryRun: boolean; stdout: NodeJS.WritableStream; cwd: string}): Promise<string | undefined> {
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
    const path = resolve(options.cwd, file.path)
    let onDisk: string
    try {
      onDisk = readFileSync(path, 'utf8')
    } catch (error) {
      return `cannot re-read ${file.path} before writing: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`
    }
    const bom = file.data.bom ? '\uFEFF' : ''
    if (onDisk !== bom + outcome.original) return `${file.path} changed on disk while coquille was fixing it; not overwritten (run again)`
    try {
      await writeFileAtomic(path, bom + outcome.output)
    } catch (error) {
      return `cannot write ${file.path}: ${(error as Error).message}`
    }
  }
  return undefined
}

const v8 = builtin<typeof import('node:v8')>('node:v8')

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
  v8().setFlagsFromString('--no-allocation-site-pretenuring')
  v8().setFlagsFromString('--heap-growing-percent=20')
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

function listRules(): string {
  const lines = Object.values(rules).map((rule) => `${rule.meta.id.padEnd(24)} ${rule.meta.fix.padEnd(10)} ${rule.meta.summary}`)
  return lines.join('\n') + '\n'
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
