/**
 * Every rule is a plain unified plugin: its module imports on its own in a fresh process
 * (no import cycle through the configuration), and behind retextFrench alone it says what
 * `lint()` says with the same options, on the rule's plain-text examples.
 */
import {spawnSync} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {retextFrench} from '../src/parse/index.js'
import {parseRuleDocumentation} from '../src/rules/docs.js'
import {lintExample} from './helpers.js'

const root = join(import.meta.dirname, '..')
const compiledRules = join(root, 'dist', 'rules')

describe('rule modules', () => {
  it('each one imports alone in a fresh process and gives a unified plugin', () => {
    const names = readdirSync(compiledRules).filter((name) => name.endsWith('.js'))
    expect(names.length).toBeGreaterThan(Object.keys(rules).length)
    const failures: string[] = []
    for (const name of names) {
      const url = pathToFileURL(join(compiledRules, name)).href
      const check = `const module = await import(${JSON.stringify(url)})
const exported = ${name === 'index.js' ? 'module.rules["repeated-words"]' : 'module.default'}
if (typeof exported !== 'function') throw new Error('no plugin exported')`
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', check], {encoding: 'utf8', timeout: 30_000})
      if (result.status !== 0) failures.push(`${name}: ${result.stderr.split('\n').find((line) => /Error/.test(line)) ?? result.stderr}`)
    }
    expect(failures).toEqual([])
  })
})

describe('a rule behind retextFrench alone', () => {
  for (const [id, rule] of Object.entries(rules)) {
    const documentation = parseRuleDocumentation(readFileSync(join(root, 'rules', `${id}.ts`), 'utf8'))
    const inputs = documentation.examples.filter((example) => example.name.endsWith('.txt') && (example.label === undefined || example.label === 'input'))
    if (inputs.length === 0) continue
    it(`${id}: the same messages as lint() on its plain-text examples`, () => {
      for (const example of inputs) {
        const file = new VFile({value: example.text, path: example.name})
        const processor = unified().use(retextFrench).use(rule, example.config === undefined ? undefined : (example.config as never))
        processor.runSync(processor.parse(file), file)
        // lint() sorts its messages by place; a rule reports in the order it checks.
        const summary = (messages: readonly import('vfile-message').VFileMessage[]) =>
          messages
            .map((message) => [message.ruleId, message.reason, message.place, message.actual, message.expected] as const)
            .sort((a, b) => JSON.stringify(a[2]).localeCompare(JSON.stringify(b[2])) || a[1].localeCompare(b[1]))
        expect(summary(file.messages), example.name).toEqual(summary(lintExample(id, example)))
      }
    })
  }
})

describe('dependencies point one way', () => {
  it('the lexicon imports no parser module', () => {
    const folder = join(root, 'src', 'lexicon')
    const offenders = readdirSync(folder)
      .filter((name) => name.endsWith('.ts') && /from '\.\.\/parse\//.test(readFileSync(join(folder, name), 'utf8')))
    expect(offenders).toEqual([])
  })
})

describe('the library leaves its host process alone', () => {
  it('only the command changes V8 flags', () => {
    const offenders: string[] = []
    const walk = (folder: string): void => {
      for (const entry of readdirSync(join(root, folder), {withFileTypes: true})) {
        const path = join(folder, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (path.endsWith('.ts') && !path.startsWith(join('src', 'cli')) && readFileSync(join(root, path), 'utf8').includes('setFlagsFromString')) offenders.push(path)
      }
    }
    walk('src')
    walk('rules')
    expect(offenders).toEqual([])
  })
})
