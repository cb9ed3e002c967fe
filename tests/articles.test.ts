/**
 * Whole articles: the example article shipped in docs/ shows every family of error and must
 * be flagged for each; a clean, well-edited article must raise nothing under `recommended`.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'
import {fixText} from '../src/pipeline/fix-text.js'

const root = join(import.meta.dirname, '..')

describe('the example article (docs/examples/article.txt)', () => {
  const text = readFileSync(join(root, 'docs', 'examples', 'article.txt'), 'utf8')
  const {messages} = lint(text, {path: 'article.txt', config: {extends: 'recommended'}})
  const found = (ruleId: string, actual: string): boolean => messages.some((message) => message.ruleId === ruleId && message.actual?.includes(actual))

  it.each([
    ['duplicate', 'accord commercial entre la France et le Japon signé à Tokyo – Quotidien.fr\n'],
    ['boilerplate', ' – Quotidien.fr'],
    ['headline-case', 'accord'],
    ['repeated-words', ' le'],
    ['proper-noun-article', 'la'],
    ['determiner-agreement', 'Ce'],
    ['place-preposition', 'à'],
    ['stray-period', 'Kyodo'],
    ['glued-words', 'BFMTVles'],
    ['glued-words', 'an.France'],
    ['number-format', '12000'],
    ['accented-capitals', 'A'],
    ['glued-words', 'accrue.Le'],
    ['quotes', '«'],
    ['glued-words', 'décisive“Nous'],
    ['boilerplate', 'A lire aussi'],
    ['boilerplate', 'Follow us on Google News'],
    ['boilerplate', 'PREV'],
    ['boilerplate', 'NEXT'],
  ])('%s flags %j', (ruleId, actual) => {
    expect(found(ruleId, actual)).toBe(true)
  })

  it('--fix leaves no safe finding, and fixing again changes nothing', () => {
    const fixed = fixText(text, {path: 'article.txt', config: {extends: 'recommended'}})
    expect(fixed.remaining.filter((message) => message.fix === 'safe')).toEqual([])
    expect(fixText(fixed.output, {path: 'article.txt', config: {extends: 'recommended'}}).output).toBe(fixed.output)
  })
})

describe('a clean, well-edited article', () => {
  const markdown = readFileSync(join(root, 'tests', 'fixtures', 'clean-article.md'), 'utf8')
  it('raises nothing under recommended (Markdown)', () => {
    expect(lint(markdown, {format: 'md', config: {extends: 'recommended'}}).messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)).toEqual([])
  })
  it('raises nothing under recommended (plain text of the same article)', () => {
    const plain = markdown.replace(/^---[\s\S]*?---\n\n/, '').replace(/^#+ /gm, '').replace(/^- /gm, '')
    expect(lint(plain, {format: 'txt', config: {extends: 'recommended'}}).messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)).toEqual([])
  })
})
