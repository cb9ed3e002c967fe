/**
 * Runs rules over the corpus and prints every message with its context, to review false
 * alarms: node dist/scripts/corpus-alarms.js [--rules a,b] [--preset strict] [--limit N] [--sample N]
 * Reads ../shared/corpus/orangesum (or $COQUILLE_CORPUS); prints counts per rule at the end.
 */
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {loadCorpus} from '../bench/corpus.js'
import {createProcessor, lintFile} from '../src/processor.js'

const {values} = parseArgs({
  options: {rules: {type: 'string'}, preset: {type: 'string'}, limit: {type: 'string'}, sample: {type: 'string'}, quiet: {type: 'boolean'}},
})
const articles = loadCorpus()
if (articles) {
  const ruleIds = values.rules?.split(',').filter(Boolean)
  const config = ruleIds
    ? {extends: 'none', rules: Object.fromEntries(ruleIds.map((id) => [id, 'warn']))}
    : {extends: values.preset ?? 'recommended'}
  const processor = createProcessor({config})
  const sample = values.sample ? articles.slice(0, Number(values.sample)) : articles
  const counts = new Map<string, number>()
  let shown = 0
  const limit = values.limit ? Number(values.limit) : Infinity
  let words = 0
  for (const article of sample) {
    words += article.text.split(/\s+/).length
    const messages = lintFile(new VFile({value: article.text, path: article.name}), processor)
    for (const message of messages) {
      counts.set(message.ruleId ?? '?', (counts.get(message.ruleId ?? '?') ?? 0) + 1)
      if (values.quiet || shown >= limit) continue
      shown++
      const start = (message.place as {start: {offset: number}}).start.offset
      const end = (message.place as {end: {offset: number}}).end.offset
      const context = article.text.slice(Math.max(0, start - 40), start) + '⟦' + article.text.slice(start, end) + '⟧' + article.text.slice(end, end + 40)
      console.log(`${article.name}:${message.line}:${message.column} ${message.ruleId} ${JSON.stringify(message.expected ?? [])} ${message.reason}\n    ${context.replace(/\n/g, '⏎')}`)
    }
  }
  console.log(`\n${sample.length} articles, ~${words} words`)
  for (const [rule, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${rule}: ${count} (${((count / words) * 10000).toFixed(2)} per 10,000 words)`)
}
