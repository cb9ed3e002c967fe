/**
 * Runs every rule's documented examples (remark-lint's pattern): `ok` examples raise no
 * message, `not-ok` inputs raise exactly the documented messages, and safe fixes turn
 * them into the documented `fixed` text.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {detectFormat} from '../src/parse/index.js'
import {createProcessor} from '../src/processor.js'
import {parseRuleDocumentation, type RuleExample} from '../src/rules/docs.js'
import {formatExampleMessage, lintExample} from './helpers.js'

const rulesFolder = join(import.meta.dirname, '..', 'rules')
const ruleFiles = readdirSync(rulesFolder).filter((name) => name.endsWith('.ts') && name !== 'index.ts')

describe('rule files', () => {
  it('every rule file is registered, and every registered rule has a file', () => {
    expect(ruleFiles.map((name) => name.replace(/\.ts$/, '')).sort()).toEqual(Object.keys(rules).sort())
  })
})

for (const fileName of ruleFiles) {
  const id = fileName.replace(/\.ts$/, '')
  const documentation = parseRuleDocumentation(readFileSync(join(rulesFolder, fileName), 'utf8'))
  describe(`rule ${id}`, () => {
    it('documents itself with ok and not-ok examples', () => {
      expect(documentation.description).toContain(`## ${id}`)
      expect(documentation.examples.some((example) => example.name.startsWith('ok'))).toBe(true)
      expect(documentation.examples.some((example) => example.label === 'output')).toBe(true)
    })
    const byName = new Map<string, RuleExample[]>()
    for (const example of documentation.examples) byName.set(example.name, [...(byName.get(example.name) ?? []), example])
    for (const [name, group] of byName) {
      const input = group.find((example) => example.label === undefined || example.label === 'input')!
      const output = group.find((example) => example.label === 'output')
      const fixed = group.find((example) => example.label === 'fixed')
      it(`${name}: messages`, () => {
        const messages = lintExample(id, input)
        const expected = output ? output.text.split('\n').filter((line) => line.trim() !== '') : []
        expect(messages.map((message) => formatExampleMessage(message))).toEqual(expected)
      })
      it(`${name}: every message covers exactly its actual text`, () => {
        const format = detectFormat(name)
        const processor = createProcessor({format, config: {extends: 'none', rules: {[id]: ['error', input.config]}}})
        expect(processor).toBeDefined()
        for (const message of lintExample(id, input)) {
          expect(input.text.slice(message.place!.start.offset, message.place!.end.offset)).toBe(message.actual)
        }
      })
      if (fixed) {
        it(`${name}: safe fixes give the fixed text`, async () => {
          const {fixExample} = await import('./helpers.js')
          expect(await fixExample(id, input)).toBe(fixed.text)
        })
      }
    }
  })
}
