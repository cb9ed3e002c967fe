/**
 * Catastrophic backtracking: every regular expression of the project (literals in src/,
 * rules/ and packages/retext-french/lib/, patterns in data files) is checked with recheck (an automaton-based ReDoS
 * checker: unlike star-height heuristics it has no false alarm on `(?:\s\d{3})+`), and the
 * pipeline is run on 1 MB adversarial strings that must finish (a generous timeout guards
 * them; nothing is timed).
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {check} from 'recheck'
import {describe, expect, it} from 'vitest'
import {lint} from '../../src/index.js'

const root = join(import.meta.dirname, '..', '..')

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return name.endsWith('.ts') ? [path] : []
  })
}

/** Regular-expression literals of a TypeScript source: a slash after an operator or keyword. */
const literal = /(?:^|[=(,:[!&|?{};]|\breturn)\s*\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\n\\[*])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\n\\[])*)\/([dgimsuyv]*)/gm

export function projectExpressions(): Array<{where: string; expression: RegExp}> {
  const found: Array<{where: string; expression: RegExp}> = []
  for (const path of [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'rules')), ...sourceFiles(join(root, 'packages', 'retext-french', 'lib'))]) {
    const text = readFileSync(path, 'utf8')
    for (const match of text.matchAll(literal)) {
      try {
        found.push({where: `${path.slice(root.length + 1)}: /${match[1]}/${match[2]}`, expression: new RegExp(match[1]!, match[2])})
      } catch {
        // Not a regular expression (a division in an expression): skip.
      }
    }
  }
  const boilerplate = JSON.parse(readFileSync(join(root, 'src', 'lexicon', 'data', 'boilerplate.json'), 'utf8')) as {lines: Array<{pattern?: string; flags?: string}>}
  for (const line of boilerplate.lines) {
    if (line.pattern) found.push({where: `boilerplate.json: ${line.pattern}`, expression: new RegExp(line.pattern, (line.flags ?? '') + 'u')})
  }
  return found
}

describe('regular expressions', () => {
  const expressions = projectExpressions()
  it('are found in the sources (the scanner works)', () => {
    expect(expressions.length).toBeGreaterThan(50)
  })
  it('are not vulnerable to catastrophic backtracking (recheck)', async () => {
    const verdicts = await Promise.all(expressions.map(async ({where, expression}) => ({where, expression, status: (await check(expression.source, expression.flags)).status})))
    // recheck falls back to timed fuzzing for large bounded repetitions ({1,31}): on a loaded
    // machine that gives "unknown", or even "vulnerable", for a linear expression. Each
    // doubtful verdict is asked again alone, with more time; a real vulnerability stays one.
    const doubtful: Array<{where: string; status: string}> = []
    for (const verdict of verdicts.filter((each) => each.status !== 'safe')) {
      const again = await check(verdict.expression.source, verdict.expression.flags, {timeout: 30_000})
      if (again.status !== 'safe') doubtful.push({where: verdict.where, status: again.status})
    }
    expect(doubtful).toEqual([])
  }, 300_000)
})

describe('1 MB adversarial inputs finish', () => {
  const size = 1 << 20
  const shapes: Record<string, string> = {
    letters: 'a'.repeat(size),
    capitals: 'Aa'.repeat(size / 2),
    dots: '.'.repeat(size),
    'letter-dot': 'a.'.repeat(size / 2),
    spaces: ' '.repeat(size),
    'nbsp and spaces': ' \u00A0'.repeat(size / 2),
    digits: '1 000 '.repeat(size / 6),
    // Every mark here is a message (about 7 µs each): a quarter megabyte keeps the suite
    // within its minute; a quadratic scan would still take hours on it.
    quotes: '«"“'.repeat(size / 12),
    'url-like': 'http://' + 'a.'.repeat(size / 2),
    hyphens: 'a-'.repeat(size / 2),
    apostrophes: "l'".repeat(size / 2),
    'one long line of words': 'mot '.repeat(size / 4),
  }
  for (const [name, text] of Object.entries(shapes)) {
    it(name, () => {
      const {messages} = lint(text, {format: 'txt', config: {extends: 'strict'}})
      expect(Array.isArray(messages)).toBe(true)
    }, 60_000)
  }
  it('Markdown shapes micromark is quadratic on are refused at once', () => {
    const shapes = ['1. '.repeat(size / 3), '> '.repeat(size / 2), '[a] '.repeat(size / 4), 'Une phrase de prose sans ligne vide.\n'.repeat(size / 37)]
    for (const text of shapes) {
      const {messages} = lint(text, {format: 'md', config: {extends: 'strict'}})
      expect(messages.map((message) => message.reason)).toEqual([expect.stringMatching(/^(?:Paragraphe Markdown de plus de 64 Ko|Document trop profondément imbriqué)/)])
    }
  }, 60_000)
  it('Markdown and HTML', () => {
    lint('*'.repeat(size / 4) + '_'.repeat(size / 4), {format: 'md', config: {extends: 'strict'}})
    lint('<a '.repeat(size / 8), {format: 'html', config: {extends: 'strict'}})
  }, 60_000)
})
