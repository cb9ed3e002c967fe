/**
 * `node dist/bench/lint-file.js FILE [WARM-UP FILE]`: lint FILE once with the `recommended`
 * preset in a fresh process (after a warm-up lint of another file, so lexicons and JIT are
 * not counted), and print JSON: lint time, messages, peak resident memory and the resident
 * memory before the lint. Used by the bench for big files, whose memory must be measured
 * alone.
 */
import {readFileSync} from 'node:fs'
import {performance} from 'node:perf_hooks'
import {VFile} from 'vfile'
import {createProcessor, lintFile} from '../src/processor.js'
import {peakRss} from './stats.js'

const [path, warmUp] = process.argv.slice(2)
if (!path) {
  process.stderr.write('usage: lint-file.js FILE [WARM-UP FILE]\n')
  process.exit(2)
}
const processor = createProcessor({config: {extends: 'recommended'}})
if (warmUp) {
  const text = readFileSync(warmUp, 'utf8')
  for (let round = 0; round < 5; round++) lintFile(new VFile({value: text, path: warmUp}), processor)
}
const baselineRss = process.memoryUsage().rss
const before = performance.now()
const messages = lintFile(new VFile({value: readFileSync(path, 'utf8'), path}), processor).length
const ms = performance.now() - before
process.stdout.write(JSON.stringify({ms, messages, baselineRss, maxRss: peakRss()}) + '\n')
