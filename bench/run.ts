/**
 * The bench: every figure of issue 11 measured in one run, side by side, on the corpus
 * (../shared/corpus/orangesum, or $COQUILLE_CORPUS), printed as tables with ratios and
 * written to bench/RESULTS.md with the command and the machine.
 *
 *     npm run bench                      # everything (about a minute and a half on 2 cores)
 *     npm run bench -- --only cold,lsp   # some sections: cold, throughput, rules, cli, scaling, lsp, grammalecte
 *     npm run bench -- --skip scaling --cold-runs 30 --big-mb 5 --no-results
 *     npm run bench -- --baseline ../main/bin/coquille.js   # another build side by side (cold, cli)
 *
 * Sections: cold start (whole process, median of spawns); throughput of `recommended` and
 * `strict` in-process (MB/s, ms per 3 KB, median and p95 per article) against the
 * parse-latin floor; the cost of each rule; the CLI over the whole corpus (wall time, peak
 * memory); scaling (1, 2, 4, 8 articles glued into one file; a 1 MB and a 20 MB file);
 * language-server re-lint latency; Grammalecte on the same files when installed.
 * Nothing here is asserted by the tests: timings depend on the machine.
 */
import {execSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {cpus, freemem, tmpdir, totalmem} from 'node:os'
import {join, relative, resolve} from 'node:path'
import {performance} from 'node:perf_hooks'
import {parseArgs} from 'node:util'
import {ParseLatin} from 'parse-latin'
import {VFile} from 'vfile'
import {wordListStats} from '../src/lexicon/words.js'
import {packageRoot} from '../src/package-root.js'
import {createProcessor, lintFile} from '../src/processor.js'
import {rules} from '../rules/index.js'
import {corpusFolder, loadCorpus, markdownArticle, type Article} from './corpus.js'
import {findGrammalecte, grammalecteCheckMs, grammalecteColdStart, grammalecteInstall} from './grammalecte.js'
import {measureLspLatency, measureTypingLatency} from './lsp.js'
import {fixed, median, megabytes, quantile, timeCommand, timeNodeScript} from './stats.js'

const sections = ['cold', 'throughput', 'rules', 'cli', 'scaling', 'lsp', 'grammalecte'] as const
type Section = (typeof sections)[number]

const {values: flags} = parseArgs({
  options: {
    only: {type: 'string'},
    skip: {type: 'string'},
    'cold-runs': {type: 'string', default: '15'},
    rounds: {type: 'string', default: '3'},
    'cli-runs': {type: 'string', default: '3'},
    'big-mb': {type: 'string', default: '20'},
    'lsp-edits': {type: 'string', default: '40'},
    'grammalecte-articles': {type: 'string', default: '100'},
    results: {type: 'string', default: join(packageRoot, 'bench', 'RESULTS.md')},
    'no-results': {type: 'boolean'},
    /** Another build's bin/coquille.js, run alternately with this one in the cold and cli sections. */
    baseline: {type: 'string'},
  },
})

const positive = (name: keyof typeof flags): number => {
  const value = Number(flags[name])
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number ≥ 1`)
  return value
}
const chosen = (list: string | undefined): Set<Section> => {
  const names = (list ?? '').split(',').map((name) => name.trim()).filter(Boolean)
  for (const name of names) if (!sections.includes(name as Section)) throw new Error(`unknown section \`${name}\` (expected ${sections.join(', ')})`)
  return new Set(names as Section[])
}
const only = chosen(flags.only)
const skipped = chosen(flags.skip)
const wanted = (section: Section): boolean => (only.size === 0 || only.has(section)) && !skipped.has(section)

const bin = join(packageRoot, 'bin', 'coquille.js')
const baseline = flags.baseline ? resolve(flags.baseline) : undefined
const bytesOf = (text: string): number => Buffer.byteLength(text)

/** Everything printed, kept for RESULTS.md. */
const output: string[] = []
const say = (line = ''): void => {
  console.log(line)
  output.push(line)
}
const table = (header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): void => {
  say(`| ${header.join(' | ')} |`)
  say(`| ${align.map((side) => (side === 'r' ? '---:' : '---')).join(' | ')} |`)
  for (const row of rows) say(`| ${row.join(' | ')} |`)
  say()
}

interface SummaryRow {
  readonly measure: string
  readonly value: string
  readonly target: string
  readonly reference: string
  readonly ratio: string
  readonly met: boolean | undefined
}
const summary: SummaryRow[] = []

// In-process throughput ---------------------------------------------------------------

interface Measure {
  readonly name: string
  readonly totalMs: number
  /** Milliseconds per article, in corpus order. */
  readonly perArticle: number[]
  readonly bytes: number
}

function measure(name: string, articles: readonly Article[], run: (article: Article) => void, rounds: number): Measure {
  // Warm-up round: JIT and lazy lexicons are not what is measured here.
  for (const article of articles) run(article)
  const bytes = articles.reduce((sum, article) => sum + bytesOf(article.text), 0)
  let best: Measure | undefined
  for (let round = 0; round < rounds; round++) {
    const perArticle: number[] = []
    const start = performance.now()
    for (const article of articles) {
      const before = performance.now()
      run(article)
      perArticle.push(performance.now() - before)
    }
    const totalMs = performance.now() - start
    if (!best || totalMs < best.totalMs) best = {name, totalMs, perArticle, bytes}
  }
  return best!
}

/**
 * Several runs over the articles, their rounds alternated (a, b, a, b…) after one warm-up
 * round each, so that all see the same load on a shared machine; the best total of each.
 */
function interleaved(articles: readonly Article[], runs: ReadonlyArray<(article: Article) => void>, rounds: number): number[] {
  for (const run of runs) for (const article of articles) run(article)
  const best = runs.map(() => Infinity)
  for (let round = 0; round < rounds; round++) {
    runs.forEach((run, index) => {
      const start = performance.now()
      for (const article of articles) run(article)
      best[index] = Math.min(best[index]!, performance.now() - start)
    })
  }
  return best
}

const mbPerSecond = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000)
const per3k = (bytes: number, ms: number): number => ms / (bytes / 3000)

function lintText(processor: ReturnType<typeof createProcessor>, text: string, path: string): number {
  return lintFile(new VFile({value: text, path}), processor).length
}

// Sections -----------------------------------------------------------------------------

interface Context {
  readonly articles: Article[]
  readonly rounds: number
  readonly folder: string
  readonly grammalecte: string | undefined
  /** Grammalecte's start-up (one-word file), when installed. */
  grammalecteStartup?: number[]
  recommended?: Measure
}

function coldStart(context: Context): void {
  const runs = positive('cold-runs')
  const article = join(corpusFolder(), context.articles[0]!.name)
  const times: number[] = []
  const memory: number[] = []
  for (let run = 0; run < runs; run++) {
    const result = timeNodeScript(bin, [article])
    if (result.status === 2) throw new Error(`coquille failed on ${article}: ${result.stderr}`)
    times.push(result.wallMs)
    if (result.maxRss) memory.push(result.maxRss)
  }
  // Without the memory probe: the plain command, as a user runs it; interleaved with the
  // same command with and without the spelling rule, for its share of the start.
  const plain: number[] = []
  const withSpelling: number[] = []
  const withoutSpelling: number[] = []
  const baselineTimes: number[] = []
  const [withConfig, withoutConfig] = spellingConfigs(context)
  for (let run = 0; run < runs; run++) {
    plain.push(timeCommand(process.execPath, [bin, article]).wallMs)
    withSpelling.push(timeCommand(process.execPath, [bin, '--config', withConfig, article]).wallMs)
    withoutSpelling.push(timeCommand(process.execPath, [bin, '--config', withoutConfig, article]).wallMs)
    if (baseline) baselineTimes.push(timeCommand(process.execPath, [baseline, article]).wallMs)
  }
  const nodeAlone: number[] = []
  for (let run = 0; run < Math.min(runs, 10); run++) nodeAlone.push(timeCommand(process.execPath, ['-e', '0']).wallMs)
  let reference = '–'
  let ratio = '–'
  const rows: string[][] = [
    [`node bin/coquille.js ${context.articles[0]!.name}`, fixed(median(plain), 0), fixed(quantile(plain, 0.9), 0), memory.length > 0 ? megabytes(median(memory)) : '–'],
    ['  the same, `recommended` (--config)', fixed(median(withSpelling), 0), fixed(quantile(withSpelling, 0.9), 0), '–'],
    ['  the same, `recommended` without `spelling` (--config)', fixed(median(withoutSpelling), 0), fixed(quantile(withoutSpelling, 0.9), 0), '–'],
    ['node -e 0 (Node.js itself)', fixed(median(nodeAlone), 0), fixed(quantile(nodeAlone, 0.9), 0), '–'],
    ...(baseline ? [[`baseline: node ${relative(packageRoot, baseline)} ${context.articles[0]!.name}`, fixed(median(baselineTimes), 0), fixed(quantile(baselineTimes, 0.9), 0), '–']] : []),
  ]
  if (context.grammalecte) {
    const grammalecte = grammalecteColdStart(context.grammalecte, article, runs)
    rows.push([`grammalecte-cli -f ${context.articles[0]!.name} -j`, fixed(median(grammalecte), 0), fixed(quantile(grammalecte, 0.9), 0), '–'])
    reference = `Grammalecte ${fixed(median(grammalecte), 0)} ms`
    ratio = `${fixed(median(plain) / median(grammalecte), 2)}× Grammalecte’s`
  }
  say(`### Cold start: one article, whole process (${runs} runs)`)
  say()
  table(['command', 'median ms', 'p90 ms', 'peak RSS'], ['l', 'r', 'r', 'r'], rows)
  summary.push({measure: 'Cold start, one article (median)', value: `${fixed(median(plain), 0)} ms`, target: '≤ 150 ms', reference, ratio, met: median(plain) <= 150})
  const spellingStart = median(withSpelling) - median(withoutSpelling)
  summary.push({measure: 'Cold start: added by `spelling` (median difference)', value: `${fixed(spellingStart, 0)} ms`, target: '≤ 15 ms', reference: `without ${fixed(median(withoutSpelling), 0)} ms`, ratio: '–', met: spellingStart <= 15})
}

/** Configuration files for `recommended` with and without `spelling`, side by side. */
function spellingConfigs(context: Context): [string, string] {
  const withConfig = join(context.folder, 'recommended.json')
  const withoutConfig = join(context.folder, 'recommended-without-spelling.json')
  writeFileSync(withConfig, JSON.stringify({extends: 'recommended'}))
  writeFileSync(withoutConfig, JSON.stringify({extends: 'recommended', rules: {spelling: 'off'}}))
  return [withConfig, withoutConfig]
}

function throughput(context: Context): void {
  const {articles, rounds} = context
  const heapBefore = process.memoryUsage().heapUsed
  const words = wordListStats()
  const heapAfter = process.memoryUsage().heapUsed
  const parseLatinFloor = (article: Article): void => {
    for (const line of article.text.split('\n')) if (line.trim()) new ParseLatin().parse(line)
  }
  const parseOnly = createProcessor({config: {extends: 'none'}})
  const recommended = createProcessor({config: {extends: 'recommended'}})
  const strict = createProcessor({config: {extends: 'strict'}})
  let peakRss = process.memoryUsage().rss
  const sample = (): void => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }
  const results = [
    measure('parse-latin floor (per line)', articles, (article) => (parseLatinFloor(article), sample()), rounds),
    measure('coquille parse only', articles, (article) => (parseOnly.parse(new VFile({value: article.text, path: article.name})), sample()), rounds),
    measure('lint: recommended', articles, (article) => (lintText(recommended, article.text, article.name), sample()), rounds),
    measure('lint: strict', articles, (article) => (lintText(strict, article.text, article.name), sample()), rounds),
  ]
  context.recommended = results[2]
  const floor = results[0]!.totalMs
  say(`### Throughput in-process: ${articles.length} articles, ${(results[0]!.bytes / 1e6).toFixed(2)} MB (best of ${rounds} rounds after a warm-up)`)
  say()
  table(
    ['stage', 'total ms', 'MB/s', 'ms/article median', 'p95', 'ms per 3 KB', '× floor'],
    ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    results.map((result) => [
      result.name,
      fixed(result.totalMs, 0),
      fixed(mbPerSecond(result.bytes, result.totalMs), 2),
      fixed(median(result.perArticle), 3),
      fixed(quantile(result.perArticle, 0.95), 3),
      fixed(per3k(result.bytes, result.totalMs), 3),
      fixed(result.totalMs / floor, 2),
    ]),
  )
  say(`Peak RSS of the in-process run: ${megabytes(peakRss)}.`)
  say(
    `French word list: ${words.forms} forms, ${words.names} names, ${words.brands} brands; loaded in ${fixed(words.loadMs, 0)} ms, ` +
      `${(words.bytes / 1048576).toFixed(1)} MB held (heap +${((heapAfter - heapBefore) / 1048576).toFixed(1)} MB).`,
  )
  say()
  for (const result of results.slice(2)) {
    const preset = result.name.replace('lint: ', '')
    const cost = per3k(result.bytes, result.totalMs)
    summary.push({measure: `\`${preset}\`, ms per 3 KB (in-process)`, value: fixed(cost, 2), target: preset === 'recommended' ? '≤ 2' : '–', reference: `floor ${fixed(per3k(results[0]!.bytes, floor), 2)}`, ratio: `${fixed(result.totalMs / floor, 1)}× floor`, met: preset === 'recommended' ? cost <= 2 : undefined})
    summary.push({measure: `\`${preset}\`, p95 per article`, value: `${fixed(quantile(result.perArticle, 0.95), 2)} ms`, target: '–', reference: '–', ratio: '–', met: undefined})
  }
}

function ruleCosts(context: Context): void {
  const {articles} = context
  const parseOnly = createProcessor({config: {extends: 'none'}})
  const parse = (article: Article): void => void parseOnly.parse(new VFile({value: article.text, path: article.name}))
  const bytes = articles.reduce((sum, article) => sum + bytesOf(article.text), 0)
  const rounds = 2
  const rows: string[][] = []
  const parseTimes: number[] = []
  for (const id of Object.keys(rules).sort()) {
    const alone = createProcessor({config: {extends: 'none', rules: {[id]: 'warn'}}})
    let messages = 0
    // The parse-only rounds alternate with the rule's: the difference is not the load's.
    const [parsed, linted] = interleaved(articles, [parse, (article) => void (messages += lintText(alone, article.text, article.name))], rounds)
    parseTimes.push(parsed!)
    const cost = Math.max(0, linted! - parsed!)
    rows.push([id, fixed(cost, 0), fixed(per3k(bytes, cost), 3), String(messages / (rounds + 1))])
    if (id === 'spelling') summary.push({measure: '`spelling` alone, ms per 3 KB beyond parsing', value: fixed(per3k(bytes, cost), 3), target: '≤ 0.3', reference: `parsing ${fixed(parsed!, 0)} ms, with spelling ${fixed(linted!, 0)} ms`, ratio: '–', met: per3k(bytes, cost) <= 0.3})
  }
  say(`### Cost of each rule alone, beyond parsing (parsing the corpus: ${fixed(median(parseTimes), 0)} ms, median; each rule's rounds alternated with parse-only rounds, best of ${rounds} each)`)
  say()
  table(['rule', 'ms over the corpus', 'ms per 3 KB', 'messages'], ['l', 'r', 'r', 'r'], rows)
}

function cli(context: Context): void {
  const runs = positive('cli-runs')
  const walls: number[] = []
  const memory: number[] = []
  const cpu: number[] = []
  let messages = 0
  for (let run = 0; run < runs; run++) {
    const result = timeNodeScript(bin, ['--report', 'json', corpusFolder()])
    if (result.status === 2) throw new Error(`coquille failed on the corpus: ${result.stderr.slice(0, 500)}`)
    walls.push(result.wallMs)
    if (result.cpuMs) cpu.push(result.cpuMs)
    if (result.maxRss) memory.push(result.maxRss)
    messages = (JSON.parse(result.stderr) as Array<{messages: unknown[]}>).reduce((sum, file) => sum + file.messages.length, 0)
  }
  const stylish: number[] = []
  for (let run = 0; run < runs; run++) stylish.push(timeCommand(process.execPath, [bin, corpusFolder()]).wallMs)
  // The same run with and without the spelling rule, both with --config, interleaved.
  const [withConfig, withoutConfig] = spellingConfigs(context)
  const withSpelling: number[] = []
  const withoutSpelling: number[] = []
  let withSpellingRss = 0
  let withoutSpellingRss = 0
  for (let run = 0; run < runs; run++) {
    const on = timeNodeScript(bin, ['--config', withConfig, '--report', 'json', corpusFolder()])
    withSpelling.push(on.wallMs)
    withSpellingRss = Math.max(withSpellingRss, on.maxRss ?? 0)
    const off = timeNodeScript(bin, ['--config', withoutConfig, '--report', 'json', corpusFolder()])
    withoutSpelling.push(off.wallMs)
    withoutSpellingRss = Math.max(withoutSpellingRss, off.maxRss ?? 0)
  }
  // CI with --cache: a first run fills the cache, the next ones find every article unchanged.
  const supportsCache = timeCommand(process.execPath, [bin, '--help']).stdout.includes('--cache')
  const cacheLocation = join(context.folder, 'cache')
  const filling = supportsCache ? timeNodeScript(bin, ['--cache', '--cache-location', cacheLocation, '--report', 'json', corpusFolder()]) : undefined
  const cached: number[] = []
  let cachedRss = 0
  for (let run = 0; supportsCache && run < runs; run++) {
    const result = timeNodeScript(bin, ['--cache', '--cache-location', cacheLocation, '--report', 'json', corpusFolder()])
    cached.push(result.wallMs)
    cachedRss = Math.max(cachedRss, result.maxRss ?? 0)
  }
  say(`### The command line over the corpus: ${context.articles.length} articles (${runs} runs)`)
  say()
  table(
    ['command', 'wall median', 'CPU (all threads)', 'peak RSS (max)', 'messages'],
    ['l', 'r', 'r', 'r', 'r'],
    [
      [`coquille --report json ${relative(packageRoot, corpusFolder()) || corpusFolder()}`, `${fixed(median(walls) / 1000, 2)} s`, cpu.length > 0 ? `${fixed(median(cpu) / 1000, 2)} s` : '–', memory.length > 0 ? megabytes(Math.max(...memory)) : '–', String(messages)],
      [`coquille ${relative(packageRoot, corpusFolder()) || corpusFolder()} (stylish report)`, `${fixed(median(stylish) / 1000, 2)} s`, '–', '–', String(messages)],
      ['coquille --config recommended --report json …', `${fixed(median(withSpelling) / 1000, 2)} s`, '–', withSpellingRss ? megabytes(withSpellingRss) : '–', '–'],
      ['coquille --config recommended-without-spelling --report json …', `${fixed(median(withoutSpelling) / 1000, 2)} s`, '–', withoutSpellingRss ? megabytes(withoutSpellingRss) : '–', '–'],
      ...(filling
        ? [
            ['coquille --cache --report json … (first run: fills the cache)', `${fixed(filling.wallMs / 1000, 2)} s`, filling.cpuMs ? `${fixed(filling.cpuMs / 1000, 2)} s` : '–', filling.maxRss ? megabytes(filling.maxRss) : '–', String(messages)],
            ['coquille --cache --report json … (nothing changed)', `${fixed(median(cached) / 1000, 2)} s`, '–', cachedRss ? megabytes(cachedRss) : '–', String(messages)],
          ]
        : [['coquille --cache', 'not supported by this version', '–', '–', '–']]),
    ],
  )
  say('The wall time counts on the second core for garbage collection and compilation threads (the CPU column): when another process keeps it busy, the wall time nears the CPU time.')
  say()
  if (filling) summary.push({measure: `CLI, ${context.articles.length} articles, \`--cache\`, nothing changed`, value: `${fixed(median(cached) / 1000, 2)} s`, target: '–', reference: `without cache ${fixed(median(stylish) / 1000, 2)} s`, ratio: `${fixed(median(stylish) / median(cached), 1)}× faster`, met: undefined})
  const wall = Math.max(median(walls), median(stylish))
  summary.push({measure: `CLI, ${context.articles.length} articles: wall`, value: `${fixed(median(stylish) / 1000, 2)} s (json ${fixed(median(walls) / 1000, 2)} s)`, target: '< 2 s', reference: '–', ratio: '–', met: wall < 2000})
  summary.push({measure: `CLI, ${context.articles.length} articles: added by \`spelling\` (--config, median difference)`, value: `${fixed((median(withSpelling) - median(withoutSpelling)) / 1000, 2)} s`, target: '–', reference: `without ${fixed(median(withoutSpelling) / 1000, 2)} s`, ratio: `${fixed(median(withSpelling) / median(withoutSpelling), 2)}×`, met: undefined})
  if (memory.length > 0) summary.push({measure: `CLI, ${context.articles.length} articles: peak RSS`, value: megabytes(Math.max(...memory)), target: '< 250 MB', reference: '–', ratio: '–', met: Math.max(...memory) < 250 * 1048576})
  cliQuiet(context)
}

/**
 * Issue 21's measure: `coquille <corpus> --quiet` (stylish report of the errors), as a user
 * runs it: wall time, CPU time (all threads) and peak memory; with `--baseline`, that build
 * too, the runs alternated.
 */
function cliQuiet(context: Context): void {
  const runs = Math.max(positive('cli-runs'), 3)
  const builds = [{name: 'this build', script: bin}, ...(baseline ? [{name: `baseline (${relative(packageRoot, baseline)})`, script: baseline}] : [])]
  const measured = builds.map(() => ({walls: [] as number[], cpu: [] as number[], memory: [] as number[], codes: new Set<number | null>()}))
  for (let run = 0; run < runs; run++) {
    builds.forEach((build, index) => {
      const result = timeNodeScript(build.script, [corpusFolder(), '--quiet'])
      const into = measured[index]!
      into.walls.push(result.wallMs)
      if (result.cpuMs) into.cpu.push(result.cpuMs)
      if (result.maxRss) into.memory.push(result.maxRss)
      into.codes.add(result.status)
    })
  }
  say(`### The command line over the corpus, \`--quiet\` (issue 21): ${context.articles.length} articles (${runs} runs${baseline ? ', alternated with the baseline' : ''})`)
  say()
  table(
    ['build', 'wall median', 'wall min', 'CPU median (all threads)', 'peak RSS (max)', 'exit codes'],
    ['l', 'r', 'r', 'r', 'r', 'r'],
    builds.map((build, index) => {
      const {walls, cpu, memory, codes} = measured[index]!
      return [build.name, `${fixed(median(walls) / 1000, 2)} s`, `${fixed(Math.min(...walls) / 1000, 2)} s`, cpu.length > 0 ? `${fixed(median(cpu) / 1000, 2)} s` : '–', memory.length > 0 ? megabytes(Math.max(...memory)) : '–', [...codes].join(', ')]
    }),
  )
  say()
  const ours = measured[0]!
  const theirs = measured[1]
  const wall = median(ours.walls)
  summary.push({
    measure: `CLI, ${context.articles.length} articles, \`--quiet\`: wall (CPU, all threads)`,
    value: `${fixed(wall / 1000, 2)} s (${ours.cpu.length > 0 ? fixed(median(ours.cpu) / 1000, 2) : '–'} s)`,
    target: '≤ 1.5 s',
    reference: theirs ? `baseline ${fixed(median(theirs.walls) / 1000, 2)} s (${theirs.cpu.length > 0 ? fixed(median(theirs.cpu) / 1000, 2) : '–'} s)` : '–',
    ratio: theirs ? `${fixed(wall / median(theirs.walls), 2)}× (CPU ${theirs.cpu.length > 0 && ours.cpu.length > 0 ? fixed(median(ours.cpu) / median(theirs.cpu), 2) : '–'}×)` : '–',
    met: wall <= 1500,
  })
  if (ours.memory.length > 0) {
    const peak = Math.max(...ours.memory)
    summary.push({measure: `CLI, ${context.articles.length} articles, \`--quiet\`: peak RSS`, value: megabytes(peak), target: '≤ 250 MB', reference: theirs && theirs.memory.length > 0 ? `baseline ${megabytes(Math.max(...theirs.memory))}` : '–', ratio: '–', met: peak <= 250 * 1048576})
  }
}

/** Articles glued into files of `size` bytes or more, the corpus repeated as needed. */
function gluedText(articles: readonly Article[], size: number): string {
  const parts: string[] = []
  let bytes = 0
  for (let at = 0; bytes < size; at = (at + 1) % articles.length) {
    const text = articles[at]!.text.endsWith('\n') ? articles[at]!.text : articles[at]!.text + '\n'
    parts.push(text)
    bytes += bytesOf(text)
  }
  return parts.join('')
}

function scaling(context: Context): void {
  const {articles, rounds, folder} = context
  // 1, 2, 4, 8 articles per file: the same 64 articles, so the same text is linted each time.
  const recommended = createProcessor({config: {extends: 'recommended'}})
  const base = articles.slice(0, 64)
  const rows: string[][] = []
  let single = 0
  for (const count of [1, 2, 4, 8]) {
    const files: Article[] = []
    for (let at = 0; at < base.length; at += count) files.push({name: `glued-${count}-${at}.txt`, text: base.slice(at, at + count).map((article) => article.text.trimEnd() + '\n').join('')})
    const result = measure(`${count}`, files, (file) => void lintText(recommended, file.text, file.name), rounds)
    if (count === 1) single = result.totalMs
    rows.push([`${count} article${count > 1 ? 's' : ''} per file (${files.length} files)`, fixed(result.totalMs, 1), fixed(per3k(result.bytes, result.totalMs), 3), fixed(result.totalMs / single, 2)])
  }
  say(`### Scaling: the same ${base.length} articles, glued ${'1, 2, 4, 8'} per file (recommended, best of ${rounds})`)
  say()
  table(['files', 'total ms', 'ms per 3 KB', '× one per file'], ['l', 'r', 'r', 'r'], rows)

  // A 1 MB and a big file, each linted in a fresh process (memory measured alone).
  const bigMb = positive('big-mb')
  const small = join(folder, 'one-mb.txt')
  const big = join(folder, `${bigMb}-mb.txt`)
  const warmUp = join(corpusFolder(), articles[0]!.name)
  writeFileSync(small, gluedText(articles, 1 << 20))
  writeFileSync(big, gluedText(articles, bigMb << 20))
  const child = (path: string): {ms: number; messages: number; baselineRss: number; maxRss: number} => {
    const run = timeCommand(process.execPath, ['--max-old-space-size=4096', join(packageRoot, 'dist', 'bench', 'lint-file.js'), path, warmUp])
    if (run.status !== 0) throw new Error(`lint-file failed on ${path}: ${run.stderr.slice(0, 500)}`)
    return JSON.parse(run.stdout) as {ms: number; messages: number; baselineRss: number; maxRss: number}
  }
  const smallRuns = Array.from({length: 3}, () => child(small))
  const one = smallRuns.reduce((best, run) => (run.ms < best.ms ? run : best))
  const large = child(big)
  const smallBytes = bytesOf(gluedText(articles, 1 << 20))
  const bigBytes = bytesOf(gluedText(articles, bigMb << 20))
  const linearity = large.ms / bigBytes / (one.ms / smallBytes)
  const viaCli = timeNodeScript(bin, ['--report', 'json', big])
  const corpusBytes = articles.reduce((sum, article) => sum + bytesOf(article.text), 0)
  say(`### Big files, each linted once in a fresh process (recommended; the corpus articles glued, the ${fixed(corpusBytes / 1048576, 1)} MB corpus repeated as needed)`)
  say()
  table(
    ['file', 'lint ms', 'ms per MB', 'messages', 'peak RSS', 'RSS before lint', 'peak RSS / size'],
    ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    [
      [`1 MB (${fixed(smallBytes / 1048576, 2)} MB)`, fixed(one.ms, 0), fixed(one.ms / (smallBytes / 1048576), 0), String(one.messages), megabytes(one.maxRss), megabytes(one.baselineRss), `${fixed(one.maxRss / smallBytes, 1)}×`],
      [`${bigMb} MB (${fixed(bigBytes / 1048576, 2)} MB)`, fixed(large.ms, 0), fixed(large.ms / (bigBytes / 1048576), 0), String(large.messages), megabytes(large.maxRss), megabytes(large.baselineRss), `${fixed(large.maxRss / bigBytes, 1)}×`],
      [`${bigMb} MB through the CLI (--report json)`, `${fixed(viaCli.wallMs, 0)} (wall)`, fixed(viaCli.wallMs / (bigBytes / 1048576), 0), '–', viaCli.maxRss ? megabytes(viaCli.maxRss) : '–', '–', viaCli.maxRss ? `${fixed(viaCli.maxRss / bigBytes, 1)}×` : '–'],
    ],
  )
  summary.push({measure: `${bigMb} MB file: time per MB vs 1 MB file`, value: `${fixed(large.ms / 1000, 2)} s`, target: '≤ 1.3×', reference: `${bigMb} × 1 MB = ${fixed((one.ms * bigBytes) / smallBytes / 1000, 2)} s`, ratio: `${fixed(linearity, 2)}×`, met: linearity <= 1.3})
  summary.push({measure: `${bigMb} MB file, linted: peak RSS`, value: megabytes(large.maxRss), target: '< 10× size', reference: `size ${fixed(bigBytes / 1048576, 1)} MB`, ratio: `${fixed(large.maxRss / bigBytes, 1)}× size`, met: large.maxRss < 10 * bigBytes})
  if (viaCli.maxRss) {
    summary.push({measure: `${bigMb} MB file through the CLI (JSON report of its ${large.messages} messages): peak RSS`, value: megabytes(viaCli.maxRss), target: '< 10× size', reference: `size ${fixed(bigBytes / 1048576, 1)} MB`, ratio: `${fixed(viaCli.maxRss / bigBytes, 1)}× size`, met: viaCli.maxRss < 10 * bigBytes})
  }
}

async function lsp(context: Context): Promise<void> {
  const edits = positive('lsp-edits')
  const text = gluedText(context.articles, 10 * 1024)
  const result = await measureLspLatency(text, edits)
  say(`### Language server: re-lint of a ${fixed(bytesOf(text) / 1024, 1)} KB article (${edits} edits, didChange → publishDiagnostics)`)
  say()
  table(
    ['measure', 'ms'],
    ['l', 'r'],
    [
      ['open → first diagnostics (loads the lexicons)', fixed(result.firstMs, 1)],
      ['re-lint round trip, median', fixed(median(result.roundTrips), 1)],
      ['re-lint round trip, p90', fixed(quantile(result.roundTrips, 0.9), 1)],
      ['re-lint round trip, min', fixed(Math.min(...result.roundTrips), 1)],
    ],
  )
  summary.push({measure: `LSP re-lint of ${fixed(bytesOf(text) / 1024, 0)} KB (median)`, value: `${fixed(median(result.roundTrips), 1)} ms`, target: '< 20 ms', reference: '–', ratio: '–', met: median(result.roundTrips) < 20})

  // Typing at 20 keys per second into a long Markdown article, no client debounce (issue 18).
  const markdown = markdownArticle(context.articles, 47 * 1024)
  const typing = await measureTypingLatency(markdown, {keys: 60, keysPerSecond: 20, rounds: 5})
  say(`### Language server: typing 60 keys at 20 keys/s into a ${fixed(bytesOf(markdown) / 1024, 1)} KB Markdown article, no client debounce (5 rounds, 1 s apart)`)
  say()
  table(
    ['measure', 'value'],
    ['l', 'r'],
    [
      ['last key → diagnostics of the final text, median', `${fixed(median(typing.finalMs), 0)} ms`],
      ['last key → diagnostics of the final text, worst', `${fixed(Math.max(...typing.finalMs), 0)} ms`],
      ['each round', typing.finalMs.map((ms) => `${fixed(ms, 0)} ms`).join(', ')],
      ['diagnostics published while typing, per round', typing.publishedWhileTyping.join(', ')],
    ],
  )
  const typingMedian = median(typing.finalMs)
  summary.push({measure: `LSP typing into ${fixed(bytesOf(markdown) / 1024, 0)} KB Markdown at 20 keys/s: last key → final diagnostics (median)`, value: `${fixed(typingMedian, 0)} ms`, target: '≤ 1 s (aim 300 ms)', reference: '–', ratio: '–', met: typingMedian <= 1000})
}

function grammalecte(context: Context): void {
  if (!context.grammalecte) {
    say(`### Grammalecte: not installed, skipped (${grammalecteInstall})`)
    say()
    return
  }
  const count = Math.min(positive('grammalecte-articles'), context.articles.length)
  const sample = context.articles.slice(0, count)
  const path = join(context.folder, 'grammalecte-sample.txt')
  const text = sample.map((article) => article.text.trimEnd() + '\n').join('\n')
  writeFileSync(path, text)
  const bytes = sample.reduce((sum, article) => sum + bytesOf(article.text), 0)
  const startupFile = join(context.folder, 'one-word.txt')
  writeFileSync(startupFile, 'Bonjour.\n')
  const startup = grammalecteColdStart(context.grammalecte, startupFile, 5)
  const theirs = grammalecteCheckMs(context.grammalecte, path, startup)
  const recommended = context.recommended ?? measure('lint: recommended', sample, (() => {
    const processor = createProcessor({config: {extends: 'recommended'}})
    return (article: Article) => void lintText(processor, article.text, article.name)
  })(), context.rounds)
  const ours = recommended.perArticle.slice(0, count).reduce((sum, ms) => sum + ms, 0)
  say(`### Grammalecte on the same ${count} articles (${fixed(bytes / 1024, 0)} KB; its start-up, ${fixed(median(startup), 0)} ms, taken off)`)
  say()
  table(
    ['checker', 'ms', 'KB/s', 'ms per 3 KB', 'speed-up'],
    ['l', 'r', 'r', 'r', 'r'],
    [
      ['grammalecte-cli -f … -j', fixed(theirs, 0), fixed(bytes / 1024 / (theirs / 1000), 0), fixed(per3k(bytes, theirs), 2), '1×'],
      ['coquille, recommended (in-process)', fixed(ours, 0), fixed(bytes / 1024 / (ours / 1000), 0), fixed(per3k(bytes, ours), 3), `${fixed(theirs / ours, 1)}×`],
    ],
  )
  summary.push({measure: 'Throughput vs Grammalecte (same files)', value: `${fixed(bytes / 1e6 / (ours / 1000), 2)} MB/s`, target: '≥ 20×', reference: `Grammalecte ${fixed(bytes / 1e6 / (theirs / 1000), 3)} MB/s`, ratio: `${fixed(theirs / ours, 1)}×`, met: theirs / ours >= 20})
}

// Main ---------------------------------------------------------------------------------

function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  } catch {
    return 'unknown'
  }
}

function machine(): string[] {
  const run = (command: string): string => {
    try {
      return execSync(command, {encoding: 'utf8'}).trimEnd()
    } catch {
      return '(unavailable)'
    }
  }
  return [
    `- date: ${new Date().toISOString()}`,
    `- node ${process.version}, ${process.platform} ${process.arch}; \`nproc\`: ${run('nproc')} (${cpus()[0]?.model ?? 'unknown CPU'})`,
    `- memory: ${(totalmem() / 1073741824).toFixed(1)} GB total, ${(freemem() / 1073741824).toFixed(1)} GB free; \`free -h\`:`,
    '',
    '```',
    run('free -h'),
    '```',
    `- load average at start: ${loadAverage()}`,
  ]
}

async function main(): Promise<void> {
  const articles = loadCorpus()
  if (!articles) return
  const corpusVariable = process.env['COQUILLE_CORPUS'] ? `COQUILLE_CORPUS=${process.env['COQUILLE_CORPUS']} ` : ''
  const command = `${corpusVariable}npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`
  const folder = mkdtempSync(join(tmpdir(), 'coquille-bench-'))
  const started = performance.now()
  const header = [`# coquille bench results`, '', `Command: \`${command}\` (corpus: ${relative(packageRoot, corpusFolder()) || corpusFolder()}, ${articles.length} articles).`, '', ...machine(), '']
  for (const line of header) console.log(line)
  const context: Context = {articles, rounds: positive('rounds'), folder, grammalecte: wanted('grammalecte') || wanted('cold') ? findGrammalecte() : undefined}
  if (!context.grammalecte && (wanted('grammalecte') || wanted('cold'))) say(`Grammalecte not found: its columns are skipped. To compare: ${grammalecteInstall}.\n`)
  try {
    if (wanted('cold')) coldStart(context)
    if (wanted('throughput')) throughput(context)
    if (wanted('grammalecte')) grammalecte(context)
    if (wanted('rules')) ruleCosts(context)
    if (wanted('cli')) cli(context)
    if (wanted('scaling')) scaling(context)
    if (wanted('lsp')) await lsp(context)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
  const mark = (met: boolean | undefined): string => (met === undefined ? '' : met ? '✓' : '✗')
  const summaryLines: string[] = []
  const keep = (line: string): void => {
    console.log(line)
    summaryLines.push(line)
  }
  keep(`## Summary (bench took ${fixed((performance.now() - started) / 1000, 0)} s; load average at the end: ${loadAverage()})`)
  keep('')
  keep('Timings are of a shared 2-core machine: other processes running at the same time slow them (see the load averages).')
  keep('')
  keep('| measure | coquille | target | reference | ratio | met |')
  keep('| --- | ---: | --- | --- | ---: | :---: |')
  for (const row of summary) keep(`| ${row.measure} | ${row.value} | ${row.target} | ${row.reference} | ${row.ratio} | ${mark(row.met)} |`)
  keep('')
  if (!flags['no-results']) {
    writeFileSync(flags.results!, [...header, ...summaryLines, '## Details', '', ...output].join('\n').trimEnd() + '\n')
    console.log(`Written to ${relative(process.cwd(), flags.results!) || flags.results}.`)
  }
}

await main()
