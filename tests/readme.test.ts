/**
 * The README's examples are run and compared with what they show, so that they cannot
 * drift from coquille’s behaviour: the library example, the article before and after
 * `--fix`, the count of findings, what remains, the configuration and vocabulary examples;
 * and the cache notes of docs/ci.md.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../src/config.js'
import {parseVocabulary} from '../src/vocabulary.js'
import {defaultCacheLocation} from '../src/cache.js'
import {parse as parseYaml} from 'yaml'

const root = join(import.meta.dirname, '..')
const bin = join(root, 'bin', 'coquille.js')
const readme = readFileSync(join(root, 'README.md'), 'utf8')

/** The fenced blocks of a section of a Markdown text (from its heading to the next heading of its level or higher). */
function blocksOf(heading: string, text = readme): Array<{language: string; text: string}> {
  const start = text.indexOf(`\n${heading}\n`)
  expect(start, heading).toBeGreaterThan(-1)
  const level = heading.split(' ')[0]!.length
  const blocks: Array<{language: string; text: string}> = []
  let open: {language: string; lines: string[]} | undefined
  for (const line of text.slice(start + heading.length + 2).split('\n')) {
    if (open) {
      if (line === '```') {
        blocks.push({language: open.language, text: open.lines.map((each) => each + '\n').join('')})
        open = undefined
      } else open.lines.push(line)
    } else if (line.startsWith('```')) open = {language: line.slice(3), lines: []}
    else if (/^#+ /.test(line) && line.indexOf(' ') <= level) break
  }
  return blocks
}

function coquille(args: string[], input?: string): {code: number; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: root, input: input ?? '', encoding: 'utf8', timeout: 60_000})
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

const ruleIds = (report: string): string[] => (JSON.parse(report) as Array<{messages: Array<{ruleId: string}>}>).flatMap((file) => file.messages.map((message) => message.ruleId))

describe('README examples', () => {
  it('the library example prints what the README shows', () => {
    const [code, output] = blocksOf('### Library')
    expect(code!.text).toContain("from 'coquille'")
    // Run from the package root, where `coquille` resolves to this package (its exports).
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', code!.text], {cwd: root, encoding: 'utf8', timeout: 60_000})
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe(output!.text)
  })

  describe('before and after', () => {
    const [before, after] = blocksOf('## Before and after')
    const article = readFileSync(join(root, 'docs', 'examples', 'article.txt'), 'utf8')

    it('shows docs/examples/article.txt as it is', () => {
      expect(before!.text).toBe(article)
    })

    it('counts its findings and exit code right', () => {
      const claim = /reports (\d+) findings \(exit code (\d)\)/.exec(readme)
      expect(claim).not.toBeNull()
      const result = coquille(['--report', 'json', 'docs/examples/article.txt'])
      expect(ruleIds(result.stderr)).toHaveLength(Number(claim![1]))
      expect(result.code).toBe(Number(claim![2]))
    })

    it('shows the text --fix writes', () => {
      expect(coquille(['--fix', '--stdin-filepath', 'article.txt'], article).stdout).toBe(after!.text)
    })

    it('what remains is what the README says', () => {
      expect(ruleIds(coquille(['--report', 'json', '--stdin-filepath', 'article.txt'], after!.text).stderr).sort()).toEqual(['glued-words', 'quotes', 'stray-period'])
      const strict = ruleIds(coquille(['--report', 'json', '--preset', 'strict', '--stdin-filepath', 'article.txt'], after!.text).stderr)
      expect([...new Set(strict)].sort()).toEqual(['apostrophe', 'ellipsis', 'glued-words', 'number-format', 'quotes', 'stray-period'])
    })
  })

  it('the configuration example is valid, for coquille and for its JSON Schema', () => {
    const jsonBlocks = blocksOf('## Configuration').filter((block) => block.language === 'json')
    expect(jsonBlocks.length).toBeGreaterThan(0)
    const validate = new Ajv({strict: false}).compile(JSON.parse(readFileSync(join(root, 'schema', 'coquillerc.schema.json'), 'utf8')) as object)
    for (const block of jsonBlocks) {
      const config = JSON.parse(block.text) as unknown
      expect(() => resolveConfig(config)).not.toThrow()
      expect(validate(config), JSON.stringify(validate.errors)).toBe(true)
    }
  })

  it('the vocabulary example reads as the README says', () => {
    const [block] = blocksOf('### House vocabulary')
    const vocabulary = parseVocabulary(block!.text)
    expect(vocabulary.words.has('BlaBlaCar')).toBe(true)
    expect(vocabulary.properNouns.get('BCE')).toMatchObject({gender: 'f', number: 's', article: 'la', in: 'à la', from: 'de la'})
  })

  it('docs/ci.md keeps and ignores the folder --cache writes, in YAML that parses', () => {
    const ci = readFileSync(join(root, 'docs', 'ci.md'), 'utf8')
    const blocks = blocksOf('## Whole archives: `--cache`', ci)
    const yamlBlocks = blocks.filter((block) => block.language === 'yaml').map((block) => JSON.stringify(parseYaml(block.text)))
    expect(yamlBlocks).toHaveLength(2)
    for (const yaml of yamlBlocks) expect(yaml).toContain(`${defaultCacheLocation}`)
    expect(blocks.find((block) => block.language === 'gitignore')?.text).toBe(`${defaultCacheLocation}/\n`)
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain(`${defaultCacheLocation}/`)
  })
})
