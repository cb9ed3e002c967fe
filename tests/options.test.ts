/**
 * Rule options: the merge of a user's settings with the preset's, the check of options
 * against each rule's schema, and the JSON Schema of `.coquillerc.json` made from the same
 * schemas (validated here with ajv, as an editor would).
 */
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import {retext} from 'retext'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {presets, rules} from '../rules/index.js'
import {ConfigError, resolveConfig} from '../src/config.js'
import {lint, retextFrench} from '../src/index.js'
import {parseRuleDocumentation} from '../src/rules/docs.js'
import {closest, optionsProblem} from '../src/rules/options.js'
import {renderConfigSchema} from '../src/rules/reference.js'

const root = join(import.meta.dirname, '..')
const optionsOf = (config: unknown, id: string): unknown => resolveConfig(config).find((rule) => rule.id === id)?.options
const problemOf = (config: unknown): string => {
  try {
    resolveConfig(config)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('no configuration error')
}

describe('merging a user’s rule settings with the preset’s', () => {
  it('a severity alone keeps the options the preset gives the rule', () => {
    expect(optionsOf({rules: {'french-spacing': 'error'}}, 'french-spacing')).toEqual({allowOrdinarySpace: true})
    expect(optionsOf({rules: {'french-spacing': ['error']}}, 'french-spacing')).toEqual({allowOrdinarySpace: true})
    expect(optionsOf({extends: 'fr-CA', rules: {'french-spacing': 2}}, 'french-spacing')).toEqual({allowOrdinarySpace: true, profile: 'fr-CA'})
    expect(resolveConfig({rules: {'french-spacing': 'error'}}).find((rule) => rule.id === 'french-spacing')?.severity).toBe('error')
  })

  it('options given replace the preset’s whole', () => {
    expect(optionsOf({rules: {'french-spacing': ['error', {space: 'nbsp'}]}}, 'french-spacing')).toEqual({space: 'nbsp'})
    expect(optionsOf({extends: 'strict', rules: {quotes: ['warn', {levels: true}]}}, 'quotes')).toEqual({levels: true})
  })

  it('raising a rule to error adds no finding on clean copy', () => {
    const clean = readFileSync(join(root, 'tests', 'fixtures', 'clean-article.md'), 'utf8')
    const raised = lint(clean, {format: 'md', config: {rules: {'french-spacing': 'error', 'number-format': 'error'}}}).messages
    expect(raised).toEqual([])
  })
})

describe('checking options against the rule’s schema', () => {
  it.each([
    [{rules: {'french-spacing': ['error', 42]}}, 'configuration : règle « french-spacing » : les options sont un objet ({"nom": valeur}), reçu 42'],
    [{rules: {'french-spacing': ['error', {foo: 1}]}}, 'configuration : règle « french-spacing » : option inconnue « foo » (options : space, profile, allowOrdinarySpace)'],
    [
      {rules: {'french-spacing': ['error', {allowOrdinarySpce: true}]}},
      'configuration : règle « french-spacing » : option inconnue « allowOrdinarySpce » (vouliez-vous dire « allowOrdinarySpace » ?)',
    ],
    [{rules: {quotes: ['error', {space: 'curly'}]}}, 'configuration : règle « quotes » : option « space » : valeur "curly" non permise (valeurs permises : "nbsp", "nnbsp", "none")'],
    [{rules: {'headline-case': ['warn', {allCaps: 'no'}]}}, 'configuration : règle « headline-case » : option « allCaps » : true ou false, reçu "no"'],
    [{rules: {dash: ['warn', {style: 'long'}]}}, 'configuration : règle « dash » : cette règle n’a pas d’options, reçu « style »'],
    [{rules: {'repeated-word': 'off'}}, 'configuration : règle inconnue « repeated-word » (vouliez-vous dire « repeated-words » ?)'],
    [{rules: {'repeated-words': 'loud'}}, 'configuration : règle « repeated-words » : sévérité "loud" non permise (valeurs permises : "off", "warn", "error")'],
    [{extends: 'stric'}, 'configuration : preset inconnu "stric" dans « extends » (vouliez-vous dire « strict » ?)'],
    [{extend: 'strict'}, 'configuration : clé inconnue « extend » (vouliez-vous dire « extends » ?)'],
  ])('%j: one French line', (config, message) => {
    expect(problemOf(config)).toBe(message)
  })

  it('every preset passes its rules’ schemas', () => {
    for (const name of Object.keys(presets)) expect(resolveConfig({extends: name}).length).toBeGreaterThan(0)
  })

  it('every documented example’s options fit its rule’s schema', () => {
    const files = readdirSync(join(root, 'rules')).filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    let checked = 0
    for (const name of files) {
      const id = name.replace(/\.ts$/, '')
      for (const example of parseRuleDocumentation(readFileSync(join(root, 'rules', name), 'utf8')).examples) {
        expect(optionsProblem(rules[id]!.meta.options, example.config), `${id} ${example.name}`).toBeUndefined()
        if (example.config !== undefined) checked++
      }
    }
    expect(checked).toBeGreaterThan(10)
  })

  it('a rule used as a plain unified plugin checks its options too', async () => {
    const file = new VFile('Il a dit : oui.')
    await retext().use(retextFrench).use(rules['french-spacing']!, ['error', {space: 'wide'}]).process(file)
    expect(file.messages.map((message) => (message.cause as Error | undefined)?.message)).toEqual([
      'options de la règle « french-spacing » : option « space » : valeur "wide" non permise (valeurs permises : "any", "nbsp", "nnbsp")',
    ])
  })

  it('suggests the closest name only when it is close', () => {
    expect(closest('allowordinaryspace', ['space', 'allowOrdinarySpace'])).toBe('allowOrdinarySpace')
    expect(closest('sapce', ['space', 'units'])).toBe('space')
    expect(closest('colour', ['space', 'units'])).toBeUndefined()
  })
})

describe('JSON Schema of .coquillerc.json', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schema', 'coquillerc.schema.json'), 'utf8')) as object
  const validate = new Ajv({strict: false}).compile(schema)

  it('is up to date with the rules (run npm run docs)', () => {
    expect(JSON.stringify(schema, null, 2) + '\n').toBe(renderConfigSchema())
  })

  it('accepts what coquille accepts', () => {
    const accepted = [
      {$schema: './node_modules/coquille/schema/coquillerc.schema.json', extends: 'recommended', rules: {}},
      {extends: ['strict'], rules: {'repeated-words': 'off', 'french-spacing': ['error', {space: 'nnbsp', allowOrdinarySpace: true}]}, vocabulary: 'mots.txt'},
      ...Object.entries(presets).map(([name, settings]) => ({extends: name, rules: settings})),
    ]
    for (const config of accepted) {
      expect(validate(config), JSON.stringify(validate.errors)).toBe(true)
      expect(() => resolveConfig(config)).not.toThrow()
    }
  })

  it('rejects what coquille rejects', () => {
    const rejected = [
      {rules: {'repeated-word': 'off'}},
      {rules: {'repeated-words': 'loud'}},
      {rules: {'french-spacing': ['error', 42]}},
      {rules: {'french-spacing': ['error', {allowOrdinarySpce: true}]}},
      {rules: {quotes: ['error', {space: 'curly'}]}},
      {rules: {dash: ['warn', {style: 'long'}]}},
      {extends: 'lax'},
      {extend: 'strict'},
    ]
    for (const config of rejected) {
      expect(validate(config), JSON.stringify(config)).toBe(false)
      expect(() => resolveConfig(config), JSON.stringify(config)).toThrow(ConfigError)
    }
  })
})
