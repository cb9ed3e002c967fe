/** Report formats: golden files, SARIF checked against the 2.1.0 schema, GitHub escaping and caps. */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {reporterJson} from 'vfile-reporter-json'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'
import {escapeData, escapeProperty} from '../src/report/github.js'
import {renderReport, renderReportChunks} from '../src/report/index.js'
import {batches} from '../src/io/write.js'
import {rules} from '../rules/index.js'

const config = {extends: 'none', rules: {'repeated-words': 'error', 'foreign-language': 'warn'}}
const article = 'Titre\n\nIl a vu le le chat.\nThe minister said that the agreement would be signed in the coming weeks.\n'

function files(count = 1) {
  return Array.from({length: count}, (_, index) => lint(article, {path: `/articles/a${index}.txt`, config}).file)
}

describe('reports', () => {
  it('stylish (golden)', async () => {
    await expect(renderReport(files(), 'stylish', {color: false, cwd: '/articles'})).toMatchFileSnapshot('golden/report.stylish.txt')
  })
  it('json (golden)', async () => {
    // Machine-dependent parts (working folder, documentation path) are masked.
    const json = renderReport(files(), 'json', {cwd: '/articles'}).replaceAll(JSON.stringify(process.cwd()), '"<cwd>"').replace(/file:\/\/[^"#]+/g, 'file://…')
    await expect(JSON.stringify(JSON.parse(json), undefined, 2)).toMatchFileSnapshot('golden/report.json')
  })
  it('json is vfile-reporter-json’s report with each message’s fix kind added', () => {
    const all = [...files(2), lint('Titre\n\nTout va bien.\n', {path: '/articles/clean.txt', config}).file]
    for (const quiet of [false, true]) {
      const expected = JSON.parse(reporterJson(all, {quiet})) as Array<{messages: Array<Record<string, unknown>>}>
      expected.forEach((entry, index) => entry.messages.forEach((json, at) => {
        const fix = (all.filter((file) => !quiet || file.messages.length > 0)[index]!.messages[at] as {fix?: string}).fix
        if (fix) json['fix'] = fix
      }))
      expect(renderReport(all, 'json', {quiet})).toBe(JSON.stringify(expected))
    }
  })
  it('github (golden)', async () => {
    await expect(renderReport(files(), 'github', {cwd: '/articles'})).toMatchFileSnapshot('golden/report.github.txt')
  })
  it('sarif and json written in pieces give exactly the text of the whole log', () => {
    const clean = lint('Titre\n\nTout va bien.\n', {path: '/articles/clean.txt', config}).file
    for (const list of [[], [clean], files(1), [...files(3), clean]]) {
      const sarif = renderReport(list, 'sarif', {cwd: '/articles'})
      expect(sarif).toBe(JSON.stringify(JSON.parse(sarif), undefined, 2))
      expect([...renderReportChunks(list, 'sarif', {cwd: '/articles'})].join('')).toBe(sarif)
      const json = renderReport(list, 'json', {cwd: '/articles'})
      expect(json).toBe(JSON.stringify(JSON.parse(json)))
    }
  })
  it('sarif (golden) is valid SARIF 2.1.0', async () => {
    const sarif = renderReport(files(), 'sarif', {cwd: '/articles'})
    const require = createRequire(import.meta.url)
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object
    // ajv-draft-04 is CommonJS; the SARIF schema is draft-04 with patterns that are not unicode-mode safe.
    const Ajv = require('ajv-draft-04') as new (options: object) => {compile(schema: object): ((data: unknown) => boolean) & {errors?: unknown}}
    const validate = new Ajv({allErrors: true, strict: false, unicodeRegExp: false}).compile(schema)
    const log = JSON.parse(sarif) as {runs: Array<{results: Array<Record<string, any>>; tool: {driver: {rules: unknown[]}}}>}
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true)
    const result = log.runs[0]!.results[0]!
    expect(result['ruleId']).toBe('repeated-words')
    expect(result['level']).toBe('error')
    expect(result['locations'][0].physicalLocation.artifactLocation.uri).toBe('a0.txt')
    expect(result['fixes'][0].artifactChanges[0].replacements[0].insertedContent.text).toBe('')
    // Every rule is described; the golden file holds the results (rules come and go).
    expect((log.runs[0]!.tool.driver.rules as Array<{id: string}>).map((rule) => rule.id)).toEqual(Object.keys(rules).sort())
    const driverRules = log.runs[0]!.tool.driver.rules as Array<{id: string}>
    for (const each of log.runs[0]!.results) {
      expect(driverRules[each['ruleIndex']]!.id).toBe(each['ruleId'])
      delete each['ruleIndex'] // depends on how many rules exist
    }
    await expect(JSON.stringify(log.runs[0]!.results, undefined, 2)).toMatchFileSnapshot('golden/report.sarif.json')
  })
  it('github: escaping and the 10-annotation cap, errors first', () => {
    expect(escapeData('50%\nnext\r')).toBe('50%25%0Anext%0D')
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc')
    const many = lint('Il a vu le le chat.\n'.repeat(12), {path: '/articles/many.txt', config}).file
    const lines = renderReport([many], 'github', {cwd: '/articles'}).split('\n')
    expect(lines.filter((line) => line.startsWith('::error')).length).toBe(10)
    expect(lines.at(-2)).toMatch(/^::notice title=coquille::2 autres messages/)
    expect(lines.at(-1)).toBe('coquille: 12 erreurs, 0 avertissement dans 1 fichier')
  })
  it('github and stylish: a suggested no-break space is drawn and named, never blank', () => {
    const {file} = lint('Il a dit: oui.\n', {path: '/articles/n.txt', config: {extends: 'none', rules: {'french-spacing': 'error'}}})
    expect(renderReport([file], 'github', {cwd: '/articles'})).toContain('→ « ␣: » (␣ espace insécable (U+00A0))')
    const stylish = renderReport([file], 'stylish', {color: false, cwd: '/articles'})
    expect(stylish).toContain('→ « ␣: »')
    expect(stylish.split('\n').at(-1)).toBe('Légende : ␣ espace insécable (U+00A0)')
    expect(stylish).not.toContain('\u00A0')
  })
})

describe('stylish report of a file with very many messages', () => {
  it('renders 150,000 messages (vfile-reporter overflowed the stack past about 120,000)', () => {
    const text = 'Il a vu le le chat.\n'.repeat(150_000)
    const {file} = lint(text, {path: '/articles/dump.txt', config: {extends: 'none', rules: {'repeated-words': 'error'}}})
    expect(file.messages).toHaveLength(150_000)
    const report = renderReport([file], 'stylish', {color: false, cwd: '/articles'})
    expect(report.split('\n').filter((line) => line.includes('repeated-words'))).toHaveLength(150_000)
    expect(report).toMatch(/150000 erreurs\n?$/)
    // The JSON report of such a file is written in pieces, never built as one string.
    const pieces = [...renderReportChunks([file], 'json', {cwd: '/articles'})]
    expect(pieces.length).toBeGreaterThan(150_000)
    expect(pieces.reduce((longest, piece) => Math.max(longest, piece.length), 0)).toBeLessThan(2_000)
    const batched = [...batches(pieces)]
    expect(batched.length).toBeGreaterThan(1)
    const json = JSON.parse(batched.join('')) as Array<{messages: unknown[]}>
    expect(json[0]!.messages).toHaveLength(150_000)
  }, 120_000)
})
