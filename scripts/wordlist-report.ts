/**
 * Measures the French word list and the name lists: size on disk, cold load time and memory
 * in fresh `node` processes, lookups per second, and coverage of the corpus word tokens
 * (as the parser cuts them), with the most frequent misses.
 *
 * Run: npx tsc -p . && node dist/scripts/wordlist-report.js [--runs 5] [--misses 40]
 * Reads ../shared/corpus/orangesum (or $COQUILLE_CORPUS) for coverage; prints, writes nothing.
 */
import {execFileSync} from 'node:child_process'
import {statSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {loadCorpus} from '../bench/corpus.js'
import {dataFolder} from '../src/lexicon/lists.js'
import {isFrenchWord, isKnownName, isKnownWord, wordListStats} from '../src/lexicon/words.js'
import {getDocumentIndex} from '../src/parse/document.js'
import {createProcessor} from '../src/processor.js'

const {values} = parseArgs({options: {runs: {type: 'string'}, misses: {type: 'string'}}})
const runs = Number(values.runs ?? 5)
const shownMisses = Number(values.misses ?? 40)

const median = (numbers: readonly number[]): number => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? 0
const megabytes = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`

interface ColdLoad {
  readonly importMs: number
  readonly ms: number
  readonly heap: number
  readonly rss: number
  readonly external: number
}

/** One fresh process: time the import of the module, then the first question, which loads the lists. */
function coldLoad(): ColdLoad {
  const module = pathToFileURL(join(import.meta.dirname, '..', 'src', 'lexicon', 'words.js')).href
  const code = `
    const imported = performance.now()
    const words = await import(${JSON.stringify(module)})
    const importMs = performance.now() - imported
    globalThis.gc()
    const before = process.memoryUsage()
    const start = performance.now()
    words.isKnownWord('maison')
    words.isKnownName('BFMTV')
    const ms = performance.now() - start
    globalThis.gc()
    const after = process.memoryUsage()
    console.log(JSON.stringify({importMs, ms, heap: after.heapUsed - before.heapUsed, rss: after.rss - before.rss,
      external: after.external - before.external}))`
  const output = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], {encoding: 'utf8'})
  return JSON.parse(output) as ColdLoad
}

function lookupsPerSecond(words: readonly string[], lookup: (word: string) => boolean): number {
  let count = 0
  let known = 0
  const start = performance.now()
  while (performance.now() - start < 1000) {
    for (const word of words) if (lookup(word)) known++
    count += words.length
  }
  // `known` keeps the loop from being optimised away.
  return known >= 0 ? count / ((performance.now() - start) / 1000) : 0
}

interface Tally {
  tokens: number
  knownTokens: number
  types: number
  knownTypes: number
  readonly misses: [string, number][]
}

function tally(counts: ReadonlyMap<string, number>, select: (word: string) => boolean, known: (word: string) => boolean): Tally {
  const result: Tally = {tokens: 0, knownTokens: 0, types: 0, knownTypes: 0, misses: []}
  for (const [word, count] of counts) {
    if (!select(word)) continue
    result.tokens += count
    result.types++
    if (known(word)) {
      result.knownTokens += count
      result.knownTypes++
    } else result.misses.push([word, count])
  }
  result.misses.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  return result
}

const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(whole, 1)).toFixed(2)} %`

function main(): void {
  console.log('## Size on disk\n')
  for (const name of ['french-words.txt.gz', 'names.txt', 'brands.txt']) {
    console.log(`- ${name}: ${(statSync(join(dataFolder, name)).size / 1024).toFixed(0)} KB`)
  }

  const loads = Array.from({length: runs}, coldLoad)
  console.log(`\n## Cold load (fresh node ${process.version}, median of ${runs} processes)\n`)
  console.log(`- import of src/lexicon/words.js: ${median(loads.map((load) => load.importMs)).toFixed(1)} ms`)
  console.log(`- first question (loads the lists): ${median(loads.map((load) => load.ms)).toFixed(1)} ms`)
  console.log(`- heap added: ${megabytes(median(loads.map((load) => load.heap)))}; RSS added: ${megabytes(median(loads.map((load) => load.rss)))}`)
  const stats = wordListStats()
  console.log(`- ${stats.forms} forms (${megabytes(stats.bytes)} of text and offsets), ${stats.names} names, ${stats.brands} brands`)

  const articles = loadCorpus()
  if (!articles) return
  const processor = createProcessor({config: {extends: 'none'}})
  const counts = new Map<string, number>()
  for (const article of articles) {
    const file = new VFile({value: article.text, path: article.name})
    const index = getDocumentIndex(file, processor.parse(file))
    for (const token of index.tokens) if (token.kind === 'word') counts.set(token.value, (counts.get(token.value) ?? 0) + 1)
  }

  const types = [...counts.keys()].filter((word) => /^\p{L}+$/u.test(word))
  const garbage = types.map((word) => `${word}zq`)
  console.log('\n## Lookups per second (one second each)\n')
  console.log(`- isFrenchWord, the ${types.length} distinct alphabetic corpus words in turn: ${lookupsPerSecond(types, isFrenchWord).toFixed(0)}`)
  console.log(`- isFrenchWord, the 1,000 most frequent words (answers cached): ${lookupsPerSecond([...counts].sort((a, b) => b[1] - a[1]).slice(0, 1000).map(([word]) => word), isFrenchWord).toFixed(0)}`)
  console.log(`- isKnownWord, unknown words (every fallback tried): ${lookupsPerSecond(garbage, isKnownWord).toFixed(0)}`)

  console.log(`\n## Coverage of the corpus word tokens (${articles.length} articles, ${[...counts.values()].reduce((a, b) => a + b, 0)} word tokens)\n`)
  const rows: [string, (word: string) => boolean, (word: string) => boolean][] = [
    ['lower-case alphabetic ("maison"), isFrenchWord', (word) => /^\p{Ll}+$/u.test(word), isFrenchWord],
    ['lower-case with apostrophe or hyphen ("l’accord", "a-t-il"), isFrenchWord', (word) => /^\p{Ll}[\p{Ll}’'-]*\p{Ll}$/u.test(word) && /[’'-]/.test(word), isFrenchWord],
    ['capitalised ("Macron", "Le"), isKnownWord', (word) => /^\p{Lu}\p{Ll}+$/u.test(word), isKnownWord],
    ['capitalised, taken for names by isKnownName ("Macron", "Russie"; the rest: sentence openers "Le", "Selon", and unknown names)', (word) => /^\p{Lu}\p{Ll}+$/u.test(word), isKnownName],
    ['capitals ("SNCF", "BFMTV"), isKnownWord', (word) => /^\p{Lu}{2,}$/u.test(word), isKnownWord],
  ]
  console.log('| tokens | share of tokens known | share of distinct forms known |')
  console.log('| --- | ---: | ---: |')
  const tallies = rows.map(([label, select, known]) => {
    const result = tally(counts, select, known)
    console.log(`| ${label} | ${percent(result.knownTokens, result.tokens)} of ${result.tokens} | ${percent(result.knownTypes, result.types)} of ${result.types} |`)
    return [label, result] as const
  })
  for (const [label, result] of tallies) {
    console.log(`\nMost frequent misses, ${label}:\n${result.misses.slice(0, shownMisses).map(([word, count]) => `${word} ${count}`).join(', ')}`)
  }
}

main()
