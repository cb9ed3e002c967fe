/** The generated rule reference and README table are up to date with the rule files. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {renderReadmeRuleTable, renderRuleReference} from '../src/rules/reference.js'

const root = join(import.meta.dirname, '..')

describe('generated documentation', () => {
  it('docs/rules.md matches the rule files (run npm run docs)', () => {
    expect(readFileSync(join(root, 'docs', 'rules.md'), 'utf8')).toBe(renderRuleReference())
  })
  it('the README rule table matches the rule files (run npm run docs)', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(renderReadmeRuleTable())
  })
})
