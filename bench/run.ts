/**
 * Benchmark harness: parse-only and full lint over the corpus, side by side in one run,
 * with the parse-latin floor (paragraph by paragraph) as the reference for ratios.
 * Prints MB/s, ms per article (median, p95), ms per 3 KB and peak memory.
 * Run: npm run bench. No timing is asserted anywhere in the tests.
 */
import {performance} from 'node:perf_hooks'
import {ParseLatin} from 'parse-latin'
import {VFile} from 'vfile'
import {wordListStats} from '../src/lexicon/words.js'
import {createProcessor, lintFile} from '../src/processor.js'
import {rules} from '../rules/index.js'
import {loadCorpus, corpusFolder, type Article} from './corpus.js'

interface Measure {
  readonly name: string
  readonly totalMs: number
  readonly perArticle: number[]
  readonly bytes: number
}

function measure(name: string, articles: readonly Article[], run: (article: Article) => void, rounds = 3): Measure {
  // Warm-up round: JIT and lazy lexicons are not what we measure here.
  for (const article of articles) run(article)
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
    const bytes = articles.reduce((sum, article) => sum + Buffer.byteLength(article.text), 0)
    if (!best || totalMs < best.totalMs) best = {name, totalMs, perArticle, bytes}
  }
  return best!
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

function main(): void {
  const articles = loadCorpus()
  if (!articles) return
  // The French word list loads once per process, on first use: measured apart, before any lint.
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
    measure('parse-latin floor (per line)', articles, (article) => (parseLatinFloor(article), sample())),
    measure('coquille parse only', articles, (article) => (parseOnly.parse(new VFile({value: article.text, path: article.name})), sample())),
    measure('lint: recommended', articles, (article) => (lintFile(new VFile({value: article.text, path: article.name}), recommended), sample())),
    measure('lint: strict', articles, (article) => (lintFile(new VFile({value: article.text, path: article.name}), strict), sample())),
  ]
  const floor = results[0]!.totalMs
  console.log(`corpus: ${corpusFolder()} — ${articles.length} articles, ${(results[0]!.bytes / 1e6).toFixed(2)} MB`)
  console.log(`node ${process.version}, best of 3 rounds after a warm-up\n`)
  console.log('| stage | total ms | MB/s | ms/article (median) | p95 | ms per 3 KB | × floor |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const result of results) {
    const mbPerSecond = result.bytes / 1e6 / (result.totalMs / 1000)
    const per3k = result.totalMs / (result.bytes / 3000)
    console.log(
      `| ${result.name} | ${result.totalMs.toFixed(0)} | ${mbPerSecond.toFixed(2)} | ${quantile(result.perArticle, 0.5).toFixed(3)} | ${quantile(result.perArticle, 0.95).toFixed(3)} | ${per3k.toFixed(3)} | ${(result.totalMs / floor).toFixed(2)} |`,
    )
  }
  console.log(`\npeak RSS: ${(peakRss / 1048576).toFixed(0)} MB`)

  // Cost of each rule: lint with that rule alone, minus parsing, in the same run.
  const parseMs = results[1]!.totalMs
  console.log('\n| rule | ms over the corpus (beyond parsing) | ms per 3 KB | messages |')
  console.log('| --- | ---: | ---: | ---: |')
  const bytes = results[0]!.bytes
  for (const id of Object.keys(rules).sort()) {
    const alone = createProcessor({config: {extends: 'none', rules: {[id]: 'warn'}}})
    let messages = 0
    const measured = measure(id, articles, (article) => {
      messages += lintFile(new VFile({value: article.text, path: article.name}), alone).length
    }, 1)
    const cost = Math.max(0, measured.totalMs - parseMs)
    console.log(`| ${id} | ${cost.toFixed(0)} | ${(cost / (bytes / 3000)).toFixed(3)} | ${messages / 2} |`)
  }
  console.log(
    `French word list: ${words.forms} forms, ${words.names} names, ${words.brands} brands; ` +
      `loaded in ${words.loadMs.toFixed(0)} ms, ${(words.bytes / 1048576).toFixed(1)} MB held ` +
      `(heap +${((heapAfter - heapBefore) / 1048576).toFixed(1)} MB)`,
  )
}

main()
