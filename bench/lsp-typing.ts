/**
 * Typing into a 47 KB Markdown article at 20 keys per second with no client debounce: how
 * long after the last key do the diagnostics of the final text arrive? (issue 18)
 *
 *     npm run build && node dist/bench/lsp-typing.js                    # this checkout's server
 *     node dist/bench/lsp-typing.js --server path/to/coquille-language-server.js   # another one
 *     node dist/bench/lsp-typing.js --kb 47 --keys 60 --rate 20 --rounds 5
 *
 * The article is made from the corpus (see corpus.ts). Prints a Markdown table.
 */
import {parseArgs} from 'node:util'
import {loadCorpus, markdownArticle} from './corpus.js'
import {defaultServer, measureTypingLatency} from './lsp.js'
import {fixed, median} from './stats.js'

const {values: flags} = parseArgs({
  options: {
    server: {type: 'string', default: defaultServer},
    kb: {type: 'string', default: '47'},
    keys: {type: 'string', default: '60'},
    rate: {type: 'string', default: '20'},
    rounds: {type: 'string', default: '5'},
  },
})

const articles = loadCorpus()
if (articles) {
  const text = markdownArticle(articles, Number(flags.kb) * 1024)
  const result = await measureTypingLatency(text, {keys: Number(flags.keys), keysPerSecond: Number(flags.rate), rounds: Number(flags.rounds), server: flags.server})
  console.log(`${fixed(Buffer.byteLength(text) / 1024, 1)} KB Markdown, ${flags.keys} keys at ${flags.rate} keys/s, ${flags.rounds} rounds`)
  console.log('| measure | value |')
  console.log('| --- | ---: |')
  console.log(`| last key → final diagnostics, median | ${fixed(median(result.finalMs), 0)} ms |`)
  console.log(`| last key → final diagnostics, worst | ${fixed(Math.max(...result.finalMs), 0)} ms |`)
  console.log(`| each round (ms) | ${result.finalMs.map((ms) => fixed(ms, 0)).join(', ')} |`)
  console.log(`| diagnostics published while typing, per round | ${result.publishedWhileTyping.join(', ')} |`)
}
