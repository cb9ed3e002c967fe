/**
 * The command's bundle patches two loops of unified-engine (scripts/bundle.ts,
 * `linearLoops`); the compiled modules (dist/src) run the engine as published. Both must
 * say the same thing on the same run: many files, in folders, one named twice, some clean.
 */
import {readdirSync, readFileSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCommandModule} from './helpers.js'

const root = join(import.meta.dirname, '..')
const bundled = join(root, 'dist', 'bundle', 'coquille.js')
const compiled = join(root, 'dist', 'src', 'cli', 'main.js')

describe('unified-engine, patched in the bundle and as published', () => {
  it('the bundle holds the patched loops', () => {
    const chunks = readdirSync(join(root, 'dist', 'bundle')).map((name) => readFileSync(join(root, 'dist', 'bundle', name), 'utf8'))
    expect(chunks.some((text) => text.includes('scanned.set(context.fileSet, index)'))).toBe(true)
    expect(chunks.some((text) => text.includes('this.originSet.add('))).toBe(true)
    // Articles read with readFileSync (`synchronousRead`), in the module bundle and the command's script.
    expect(chunks.filter((text) => /value\d* = (?:[\w$]+\.)*readFileSync\(filePath\d*, "utf8"\)/.test(text))).toHaveLength(2)
  })

  it('give the same report and exit code on the same files', () => {
    const folder = mkdtempSync(join(tmpdir(), 'coquille-engine-'))
    for (const section of ['politique', 'sport', 'culture']) {
      mkdirSync(join(folder, section))
      for (let number = 0; number < 15; number++) {
        const body = number % 3 === 0 ? 'Le texte est propre.' : `Le club a gagné le le match numéro ${number}.`
        writeFileSync(join(folder, section, `article-${number}.${number % 2 === 0 ? 'md' : 'txt'}`), `Titre ${number}\n\n${body}\n`)
      }
    }
    const args = ['--report', 'json', 'politique', 'sport/article-3.txt', 'sport', 'culture', 'politique/article-1.txt']
    const expected = runCommandModule(compiled, args, folder)
    const actual = runCommandModule(bundled, args, folder)
    expect(expected.code).toBe(1)
    const report = JSON.parse(expected.stderr) as Array<{path: string; messages: unknown[]}>
    expect(report).toHaveLength(45)
    expect(report.filter((file) => file.messages.length > 0)).toHaveLength(30)
    expect(actual).toEqual(expected)
  })
})
