/**
 * `coquille --cache`: a second run on unchanged articles reports the kept messages without
 * linting; an edited article, configuration or vocabulary is linted again. The proof that
 * an article was not linted: a message altered in the cache file comes back as altered.
 * Also: absolute paths for --report-file and --config.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'

const bin = join(import.meta.dirname, '..', 'bin', 'coquille.js')
let folder: string

function run(args: string[]): {code: number; stderr: string; stdout: string} {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: folder, encoding: 'utf8', timeout: 60_000})
  return {code: result.status ?? -1, stderr: result.stderr, stdout: result.stdout}
}

interface CacheFile {
  entries: Record<string, {key: string; messages: Array<{reason: string}>}>
}

const cachePath = (location = '.coquille-cache'): string => join(folder, location, 'results.json')
const readCache = (location?: string): CacheFile => JSON.parse(readFileSync(cachePath(location), 'utf8')) as CacheFile

/** Alter every kept reason of one article: if it is reported altered, it was not linted. */
function tamper(name: string, location?: string): void {
  const cache = readCache(location)
  const entry = cache.entries[join(folder, name)]!
  for (const message of entry.messages) message.reason = `EN CACHE ${message.reason}`
  writeFileSync(cachePath(location), JSON.stringify(cache))
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'coquille-cache-'))
  writeFileSync(join(folder, 'a.txt'), 'Titre\n\nIl a signé le le décret.\n')
  writeFileSync(join(folder, 'b.txt'), 'Titre\n\nLors de sa visite à RussieLa ministre a parlé.\n')
  writeFileSync(join(folder, 'c.md'), '# Titre\n\nUn texte sans faute.\n')
})

describe('coquille --cache', () => {
  it('the second run on unchanged articles prints the same reports without linting them', () => {
    const first = run(['--cache', '.'])
    expect(first.code).toBe(1)
    expect(existsSync(cachePath())).toBe(true)
    expect(Object.keys(readCache().entries).sort()).toEqual(['a.txt', 'b.txt', 'c.md'].map((name) => join(folder, name)))
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const without = run(['--report', format, '.'])
      const cached = run(['--cache', '--report', format, '.'])
      expect(cached.stderr, format).toBe(without.stderr)
      expect(cached.code, format).toBe(without.code)
    }
    tamper('a.txt')
    const second = run(['--cache', '.'])
    expect(second.stderr).toContain('EN CACHE Mot répété')
    expect(second.stderr).toContain('Deux mots collés')
  })

  it('an edited article is linted again, the others still come from the cache', () => {
    run(['--cache', '.'])
    tamper('a.txt')
    tamper('b.txt')
    writeFileSync(join(folder, 'b.txt'), 'Titre\n\nIl a vu le le chat.\n')
    const result = run(['--cache', '.'])
    expect(result.stderr).toContain('EN CACHE Mot répété') // a.txt, unchanged
    expect(result.stderr).not.toContain('Deux mots collés') // b.txt, linted again
    expect(result.stderr.match(/Mot répété/g)).toHaveLength(2)
  })

  it('an edited configuration or vocabulary lints everything again', () => {
    run(['--cache', '.'])
    tamper('a.txt')
    writeFileSync(join(folder, '.coquillerc'), JSON.stringify({rules: {'glued-words': 'off'}}))
    const configured = run(['--cache', '.'])
    expect(configured.stderr).not.toContain('EN CACHE')
    expect(configured.stderr).not.toContain('Deux mots collés')
    tamper('a.txt')
    writeFileSync(join(folder, '.coquille-vocabulary.txt'), 'Zorglub\n')
    expect(run(['--cache', '.']).stderr).not.toContain('EN CACHE')
  })

  it('--cache-location names the folder; without --cache nothing is read or written', () => {
    run(['--cache', '--cache-location', 'build/cache', 'a.txt'])
    expect(existsSync(cachePath('build/cache'))).toBe(true)
    expect(existsSync(cachePath())).toBe(false)
    tamper('a.txt', 'build/cache')
    expect(run(['a.txt']).stderr).not.toContain('EN CACHE')
    expect(run(['--cache', '--cache-location', 'build/cache', 'a.txt']).stderr).toContain('EN CACHE')
  })

  it('a damaged cache file is ignored and rewritten', () => {
    mkdirSync(join(folder, '.coquille-cache'))
    writeFileSync(cachePath(), '{not json')
    const result = run(['--cache', 'a.txt'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Mot répété')
    expect(Object.keys(readCache().entries)).toEqual([join(folder, 'a.txt')])
  })

  it('files refused as input are not kept: their error shows every time', () => {
    writeFileSync(join(folder, 'binary.txt'), Buffer.from([0x41, 0x00, 0x42]))
    expect(run(['--cache', 'binary.txt']).code).toBe(2)
    expect(readCache().entries[join(folder, 'binary.txt')]).toBeUndefined()
    expect(run(['--cache', 'binary.txt']).code).toBe(2)
  })

  it('--fix does not use the cache', () => {
    run(['--cache', 'a.txt'])
    tamper('a.txt')
    const fixed = run(['--cache', '--fix', 'a.txt'])
    expect(fixed.stderr).not.toContain('EN CACHE')
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('Titre\n\nIl a signé le décret.\n')
  })
})

describe('absolute paths', () => {
  it('--report-file and --config take absolute paths', () => {
    const report = join(folder, 'report.json')
    const config = join(folder, 'settings.json')
    writeFileSync(config, JSON.stringify({extends: 'none', rules: {'repeated-words': 'error'}}))
    const result = run(['--report', 'json', '--report-file', report, '--config', config, 'a.txt', 'b.txt'])
    expect(result.code).toBe(1)
    const written = JSON.parse(readFileSync(report, 'utf8')) as Array<{messages: Array<{ruleId: string}>}>
    expect(written.flatMap((file) => file.messages.map((message) => message.ruleId))).toEqual(['repeated-words'])
  })
})
