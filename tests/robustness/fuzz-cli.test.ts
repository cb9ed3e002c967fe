/**
 * Fuzzing the command itself, run in process (`main` with captured streams, about 5 ms a
 * run), and the inputs around an article: `--fix` on generated files of every format,
 * inline comments with random content, configuration files with random JSON or YAML, and
 * vocabulary files with random lines. Properties: the exit code is one of the documented
 * ones; a configuration or vocabulary mistake is one line `coquille: …` with exit code 2;
 * nothing prints a stack trace; `--fix` writes what the library computes and changes no
 * character outside the ranges it fixed.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import type {AppliedFix} from '../../src/fix/loop.js'
import {fixText} from '../../src/fix/text.js'
import {lint} from '../../src/index.js'
import type {Format} from '../../src/parse/index.js'
import {ConfigError} from '../../src/config.js'
import {parseVocabulary} from '../../src/vocabulary.js'
import {rules} from '../../rules/index.js'
import {frenchLike} from './arbitraries.js'
import {cli} from './in-process.js'

const root = mkdtempSync(join(tmpdir(), 'coquille-fuzz-cli-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

/** A fresh folder per run: caches keyed by path and modification time never mix runs. */
function freshFolder(files: Record<string, string>): string {
  const path = mkdtempSync(join(root, 'run-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(path, name), content)
  return path
}

const noTrace = (text: string): void => expect(text).not.toMatch(/\n\s+at |\bat file:|Error: /)
const extensions: Record<Format, string> = {txt: 'txt', md: 'md', html: 'html'}

describe('--fix on generated files', () => {
  it('writes what the library computes, and keeps every character outside the fixed ranges', async () => {
    await fc.assert(
      fc.asyncProperty(frenchLike, fc.constantFrom<Format>('txt', 'md', 'html'), async (generated, format) => {
        const name = `article.${extensions[format]}`
        const folder = freshFolder({[name]: generated})
        // What the disk holds (lone surrogates become U+FFFD when written as UTF-8).
        const original = readFileSync(join(folder, name), 'utf8')
        const result = await cli(['--fix', '--report', 'json', name], folder)
        noTrace(result.stderr)
        const written = readFileSync(join(folder, name), 'utf8')
        if (result.code === 2) {
          // Refused (a NUL byte makes it binary): untouched.
          expect(written).toBe(original)
          return
        }
        expect([0, 1]).toContain(result.code)
        const expected = fixText(original, {format, config: {extends: 'recommended'}})
        expect(written).toBe(expected.output)
        // Replay the applied edits pass by pass, following each original character.
        const bom = original.startsWith('\uFEFF') ? 1 : 0
        let positions = Array.from({length: original.length - bom}, (_, index) => index as number | undefined)
        const applied = expected.applied as AppliedFix[]
        for (let pass = 1; applied.some((edit) => edit.pass === pass); pass++) {
          const edits = applied.filter((edit) => edit.pass === pass).sort((a, b) => a.start - b.start)
          positions = positions.map((at) => {
            if (at === undefined || edits.some((edit) => edit.start <= at && at < edit.end)) return undefined
            return at + edits.filter((edit) => edit.end <= at).reduce((shift, edit) => shift + edit.expected[0]!.length - (edit.end - edit.start), 0)
          })
        }
        positions.forEach((at, index) => {
          if (at !== undefined) expect(written[at + bom]).toBe(original[index + bom])
        })
      }),
      {numRuns: 300},
    )
  }, 30_000)
})

describe('inline comments with random content', () => {
  const verb = fc.constantFrom('coquille-disable', 'coquille-enable', 'coquille-disable-next-line', 'coquille-disable-line', 'coquille-', 'coquille', 'eslint-disable')
  const ids = fc.array(fc.oneof(fc.constantFrom(...Object.keys(rules), 'all', '--', '-- raison', '*'), fc.string({maxLength: 12})), {maxLength: 4}).map((parts) => parts.join(' '))
  const comment = fc.tuple(verb, ids, fc.constantFrom('<!--', '<!---', '<!-- '), fc.constantFrom('-->', '--->', '', ' -- >')).map(([name, rest, open, close]) => `${open}${name} ${rest}${close}`)
  const document = fc.array(fc.oneof(comment, frenchLike, fc.constant('\n\n')), {maxLength: 12}).map((parts) => parts.join(''))

  it('Markdown and HTML: no throw, messages inside the file, actual under the range, fixing settles', () => {
    fc.assert(
      fc.property(document, fc.constantFrom<Format>('md', 'html'), (text, format) => {
        const {messages, file} = lint(text, {format, config: {extends: 'strict'}})
        const source = String(file.value)
        for (const message of messages) {
          const place = message.place as {start?: {offset?: number}; end?: {offset?: number}} | undefined
          if (place?.start?.offset === undefined) continue
          expect(place.start.offset).toBeGreaterThanOrEqual(0)
          expect(place.end!.offset!).toBeLessThanOrEqual(source.length)
          if (message.actual !== undefined) expect(source.slice(place.start.offset, place.end!.offset)).toBe(message.actual)
        }
        const fixed = fixText(text, {format, config: {extends: 'strict'}})
        expect(fixText(fixed.output, {format, config: {extends: 'strict'}}).output).toBe(fixed.output)
      }),
      {numRuns: 600},
    )
  })
})

describe('configuration files with random content', () => {
  const severity = fc.oneof(fc.constantFrom('off', 'warn', 'error', 'on', 0, 1, 2, true, false), fc.jsonValue())
  const setting = fc.oneof(severity, fc.tuple(severity, fc.jsonValue()), fc.array(fc.jsonValue(), {maxLength: 3}))
  const ruleId = fc.oneof(fc.constantFrom(...Object.keys(rules)), fc.constantFrom('__proto__', 'constructor', 'toString', ''), fc.string({maxLength: 8}))
  const quotesOptions = fc.record({outer: fc.constantFrom('«»', '“”', 'x', ''), inner: fc.constantFrom('“”', '‘’', 5), space: fc.constantFrom('nbsp', 'none', 'toString', null)}, {requiredKeys: []})
  const config = fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        extends: fc.oneof(fc.constantFrom('recommended', 'strict', 'none', '__proto__'), fc.array(fc.constantFrom('recommended', 'strict', 'none', 'x'), {maxLength: 3}), fc.jsonValue()),
        rules: fc.oneof(fc.dictionary(ruleId, setting, {maxKeys: 4}), fc.record({quotes: fc.tuple(fc.constantFrom('error', 'warn'), quotesOptions)}), fc.jsonValue()),
        vocabulary: fc.oneof(fc.constantFrom('vocabulaire.txt', 'absent.txt', '', '.', '..', '/'), fc.jsonValue()),
        plugins: fc.jsonValue(),
      },
      {requiredKeys: []},
    ),
  )
  const configFile = fc.oneof(
    config.map((value) => ['.coquillerc.json', JSON.stringify(value)] as const),
    config.map((value) => ['package.json', JSON.stringify({name: 'x', coquille: value})] as const),
    fc.tuple(fc.constantFrom('.coquillerc', '.coquillerc.yml', '.coquillerc.json', 'package.json'), fc.string({unit: 'binary', maxLength: 60})),
    fc.tuple(fc.constantFrom('.coquillerc', '.coquillerc.yml'), fc.constantFrom('rules: [', 'extends: *a', 'a: &a [*a]', '---\n---\n', '{', 'rules:\n  quotes: [error, {outer: x}]', '\t- x', '? a\n: b')),
  )

  it('any file: exit 0, 1 or 2; a mistake is one line; never a trace', async () => {
    await fc.assert(
      fc.asyncProperty(configFile, async ([name, content]) => {
        const folder = freshFolder({[name]: content, 'a.txt': 'Titre\n\nIl a vu le le chat « bonjour ».\n', 'vocabulaire.txt': 'BlaBlaCar\n'})
        const result = await cli(['a.txt'], folder)
        noTrace(result.stderr)
        expect([0, 1, 2]).toContain(result.code)
        if (result.code === 2) expect(result.stderr).toMatch(/^coquille: [^\n]+\n$/)
      }),
      {numRuns: 400},
    )
  }, 30_000)
})

describe('vocabulary files with random content', () => {
  const line = fc.oneof(
    fc.string({maxLength: 20}),
    fc.tuple(fc.string({maxLength: 8}), fc.constantFrom('m', 'f', 'x', ''), fc.constantFrom('s', 'p', 'y', ''), fc.string({maxLength: 5}), fc.string({maxLength: 5})).map((fields) => fields.join(' ; ')),
    fc.constantFrom('# commentaire', 'BCE ; f ; s ; la ; à la ; de la', 'Matignon ; m ; s ; ; à ; de', ';', ' ; ; ', '\uFEFF', 'le'),
  )
  const vocabulary = fc.oneof(fc.array(line, {maxLength: 8}).map((lines) => lines.join('\n')), fc.string({unit: 'binary', maxLength: 80}))

  it('parsing: a vocabulary or a ConfigError naming the line, nothing else', () => {
    fc.assert(
      fc.property(vocabulary, (text) => {
        try {
          const parsed = parseVocabulary(text, 'vocabulaire.txt')
          for (const noun of parsed.properNouns.values()) expect(parsed.words.has(noun.name)).toBe(true)
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError)
          expect((error as Error).message).toMatch(/^vocabulaire\.txt:\d+: /)
        }
      }),
      {numRuns: 500},
    )
  })

  it('the command: exit 0, 1 or 2; a mistake is one line; never a trace', async () => {
    await fc.assert(
      fc.asyncProperty(vocabulary, fc.boolean(), async (text, named) => {
        const files: Record<string, string> = {'a.txt': 'Titre\n\nIl a vu le le chat à Matignon avec BlaBlaCar.\n'}
        if (named) files['.coquillerc.json'] = JSON.stringify({vocabulary: 'vocabulaire.txt'})
        files[named ? 'vocabulaire.txt' : '.coquille-vocabulary.txt'] = text
        const result = await cli(['a.txt'], freshFolder(files))
        noTrace(result.stderr)
        expect([1, 2]).toContain(result.code)
        if (result.code === 2) expect(result.stderr).toMatch(/^coquille: configuration invalide : [^\n]+\n$/)
      }),
      {numRuns: 300},
    )
  }, 30_000)
})

describe('random command lines', () => {
  const flag = fc.constantFrom('--fix', '--fix-dry-run', '--quiet', '--frail', '--verbose', '--no-config', '--no-ignore', '--color', '--no-color', '-q', '--bogus', '-', '-x', '--list-rules')
  const valued = fc.tuple(
    fc.constantFrom('--report', '--max-warnings', '--max-file-size', '--fix-suggestions', '--stdin-filepath', '--config', '--ignore-path', '-r', '-c'),
    fc.oneof(fc.constantFrom('json', 'sarif', 'github', 'stylish', 'xml', '0', '-1', '1.5', '10k', '0k', 'all', 'repeated-words', 'x.md', 'a.txt', '.coquillerc.json', ''), fc.string({maxLength: 10}).filter((value) => !/[/.]/.test(value))),
  )
  // Paths stay inside the run's folder: never a walk of the whole disk (no `--`, after which
  // a value would be a path, and no '/' or '.' in random values).
  const path = fc.constantFrom('a.txt', 'b.md', 'missing.txt', '*.txt', '**/*.md', 'sub', '.', '[', '')
  const argv = fc.array(fc.oneof(flag, valued, path), {maxLength: 6}).map((parts) => parts.flat())

  it('exit 0, 1 or 2, never a throw or a trace; usage mistakes are one line', async () => {
    await fc.assert(
      fc.asyncProperty(argv, frenchLike, async (args, input) => {
        const folder = freshFolder({'a.txt': 'Titre\n\nIl a vu le le chat.\n', 'b.md': '# Titre\n\nIl a vu de de la fenêtre.\n', '.coquillerc.json': '{}'})
        const result = await cli(args, folder, input)
        noTrace(result.stderr)
        expect([0, 1, 2]).toContain(result.code)
        if (result.stderr.startsWith('coquille: ')) expect(result.stderr).toMatch(/^coquille: [^\n]+\n$/)
      }),
      // Found by this test: an empty --stdin-filepath crashed the engine asynchronously (a trace, no exit).
      {numRuns: 300, examples: [[['--stdin-filepath', ''], 'Il a vu le le chat.']]},
    )
  }, 30_000)
})
