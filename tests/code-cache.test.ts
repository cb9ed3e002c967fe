/**
 * The command starts from V8's code cache of its CommonJS script (src/cli/code-cache.ts,
 * made by scripts/bundle.ts). The cache must be taken by V8 under this Node, give the very
 * same runs as the ES module bundle, and be left aside when stale or missing.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {codeCachePath, commandFromCodeCache, commandScript, writeCodeCache} from '../src/cli/code-cache.js'
import {workerEntry} from '../src/cli/main.js'
import {runCommandModule} from './helpers.js'

const root = join(import.meta.dirname, '..')
const bin = join(root, 'bin', 'coquille.js')
const example = join(root, 'docs', 'examples', 'article.txt')

function run(args: string[], input = ''): {code: number; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, args, {cwd: root, encoding: 'utf8', input, timeout: 60_000})
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

describe('the command’s code cache', () => {
  it('is built for this Node, and V8 takes it', () => {
    expect(run([join(root, 'dist', 'scripts', 'code-cache.js'), '--check']).stdout.trim()).toBe('taken')
    expect(codeCachePath()).toBe(`${commandScript}.${process.version}-${process.arch}.cache`)
  })

  it.each([
    ['an article', [example], ''],
    ['a JSON report', ['--report', 'json', example], ''],
    ['Markdown on stdin', ['--stdin-filepath', 'article.md'], '# Le le titre\n\nCe ratification est signée.\n'],
    ['a fix on stdout', ['--fix-dry-run', example], ''],
  ])('gives the same run as the ES module bundle: %s', (_name, args, input) => {
    const cached = run([bin, ...args], input)
    // The command from the ES module bundle, as bin/coquille.js runs it without a cache.
    expect(cached).toEqual(runCommandModule(join(root, 'dist', 'bundle', 'coquille.js'), args, root, input))
    expect(cached.code).toBe(1)
  })

  it('is left aside when missing or older than the script, and used when fresh', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'coquille-code-cache-'))
    const script = join(folder, 'command.cjs')
    const cache = join(folder, 'command.cache')
    writeFileSync(script, 'exports.main = async (argv) => argv.length + 40\n')
    expect(commandFromCodeCache(script, cache)).toBeUndefined()
    let warmed = 0
    await writeCodeCache(async (main) => {
      warmed = await main(['a', 'b'], {} as never)
    }, script, cache)
    expect(warmed).toBe(42)
    const command = commandFromCodeCache(script, cache)
    expect(command?.cacheRejected).toBe(false)
    expect(await command?.main(['a'], {} as never)).toBe(41)
    const later = new Date(Date.now() + 60_000)
    utimesSync(script, later, later)
    expect(commandFromCodeCache(script, cache)).toBeUndefined()
  })

  it('lint workers load the ES module bundle beside the script, the compiled module otherwise, none from sources', () => {
    expect(workerEntry('file:///x/dist/bundle/coquille.cjs')?.href).toBe('file:///x/dist/bundle/coquille.js')
    expect(workerEntry('file:///x/dist/bundle/coquille.js')?.href).toBe('file:///x/dist/bundle/coquille.js')
    expect(workerEntry('file:///x/dist/src/cli/main.js')?.href).toBe('file:///x/dist/src/cli/main.js')
    expect(workerEntry('file:///x/src/cli/main.ts')).toBeUndefined()
  })

  it('an unreadable cache is left aside', () => {
    const folder = mkdtempSync(join(tmpdir(), 'coquille-code-cache-'))
    const script = join(folder, 'command.cjs')
    writeFileSync(script, 'exports.main = async () => 7\n')
    const cache = join(folder, 'command.cache')
    mkdirSync(cache)
    const later = new Date(Date.now() + 60_000)
    utimesSync(cache, later, later)
    expect(commandFromCodeCache(script, cache)).toBeUndefined()
  })

  it('a cache V8 refuses only costs the compile: the script runs from source', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'coquille-code-cache-'))
    const script = join(folder, 'command.cjs')
    const cache = join(folder, 'command.cache')
    writeFileSync(script, 'exports.main = async () => 7\n')
    writeFileSync(cache, 'not a code cache')
    const command = commandFromCodeCache(script, cache)
    expect(command?.cacheRejected).toBe(true)
    expect(await command?.main([], {} as never)).toBe(7)
  })
})
