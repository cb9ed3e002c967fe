/**
 * The command's V8 code cache (src/cli/code-cache.ts), written after scripts/bundle.ts has
 * built the command's CommonJS script and the lexicon tables. scripts/bundle.ts runs it in a
 * process of its own (the cache must be made under the command's V8 flags only):
 *
 * - with no argument: runs the command over the example article (docs/examples/article.txt),
 *   then writes the cache;
 * - with `--check`: compiles the script with the cache in this fresh process and prints
 *   whether V8 took it (`taken`, `refused` or `none`).
 */
import {join} from 'node:path'
import {Writable} from 'node:stream'
import {commandFromCodeCache, writeCodeCache} from '../src/cli/code-cache.js'
import {packageRoot} from '../src/package-root.js'

if (process.argv[2] === '--check') {
  const command = commandFromCodeCache()
  process.stdout.write(command === undefined ? 'none\n' : command.cacheRejected ? 'refused\n' : 'taken\n')
} else {
  const discard = new Writable({write: (_chunk, _encoding, done) => done()})
  await writeCodeCache(async (main) => {
    await main(['--quiet', join(packageRoot, 'docs', 'examples', 'article.txt')], {cwd: packageRoot, stdin: process.stdin, stdout: discard, stderr: discard})
  })
}
