/**
 * "Safe means safe" as properties (issue 16): articles generated from French prose with
 * defects, mixed with links, images, code, comments, attributes, character references,
 * front matter and technical tokens, fixed with every rule of `strict` — safe fixes only,
 * then with every suggestion too (`--fix-suggestions all`). The oracle re-parses the
 * Markdown or HTML with the ecosystem's parsers and compares the skeletons (every node but
 * prose text, with its attributes, URLs, code and front-matter data), independently of the
 * fix engine's own guard.
 */
import {decodeHTML} from 'entities'
import fc from 'fast-check'
import {fromHtml} from 'hast-util-from-html'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfm} from 'micromark-extension-gfm'
import {describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fixText} from '../../src/pipeline/fix-text.js'
import type {Format} from '../../src/parse/index.js'

const config = {extends: 'strict'}

/** Prose with the defects the rules fix (spacing, repeated words, quotes, glued words…). */
const prose = [
  'Il a vu le le chat', 'la ministre a dit', 'Quoi?', 'Vraiment !', 'le 3mars', 'France.Le président', 'A travers', '12000 euros',
  ' , ', ' : ', ';', '...', '«Bonjour»', '"oui"', 'l\'accord', 'de le', 'à Russie', '2ème', '5%', 'Mr Dupont', ' - ', '  ',
  'RussieLa', 'ce ratification',
]
/** Web-page residue: the boilerplate rule deletes the lines holding it, whatever else they hold. */
const residue = ['Suivez-nous sur Facebook', 'Follow us on Google News', 'PREV', 'Lire aussi :']
/** Technical tokens, which safe fixes must leave as written. */
const technical = [
  'https://exemple.fr/a:b?c=d', 'contact@exemple.fr', './configure', 'Rapport.PDF', '.NET', 'C#', 'node.js', '+33612345678',
  'ISO 27001', 'v2.3.1', '01 23 45 67 89', 'www.exemple.fr/page',
]
const words = fc.array(fc.constantFrom(...prose, ...residue, ...technical), {minLength: 1, maxLength: 6}).map((parts) => parts.join(' '))

const markdownInline = fc.oneof(
  {arbitrary: words, weight: 6},
  {arbitrary: fc.tuple(words, fc.constantFrom('https://exemple.fr/2023.pdf', 'https://exemple.fr/a b', '/page:2', '#note')).map(([text, url]) => `[${text}](${url})`), weight: 2},
  {arbitrary: fc.constantFrom('<https://exemple.fr/page>', '<contact@exemple.fr>', '![carte du jour](carte.png "Titre : oui")'), weight: 1},
  {arbitrary: fc.constantFrom('`npm install le le`', '`a : b`', '``x ; y``', '`rm -rf node_modules`'), weight: 1},
  {arbitrary: fc.constantFrom('<!-- more -->', '<span class="x">', '</span>', '<a id="note1"></a>', '<br>'), weight: 1},
  {arbitrary: fc.constantFrom('&nbsp ', '&#160 ', '&notit;', '&#x202F;', '&amp;', '\\*', '*gras*', '**fort** ', '[ici][r1]', '[^1]'), weight: 1},
)
const markdownBlock = fc
  .tuple(fc.constantFrom('', '', '', '# ', '## ', '> ', '- ', '1. ', 'setext'), fc.array(markdownInline, {minLength: 1, maxLength: 5}))
  .map(([prefix, parts]) => {
    const text = parts.join(' ')
    if (prefix === 'setext') return `${text.replace(/\n/g, ' ')}\n${'='.repeat(8)}`
    return prefix + text
  })
const markdownExtras = fc.constantFrom('```\nle le : code\n```', '[r1]: https://exemple.fr/r1 "Réf : un"', '[^1]: Une note , ici.', '| a | b |\n| - | - |\n| le le | x:y |', '<div class="a">\n\nle le texte\n\n</div>')
const frontMatter = fc.constantFrom(
  '',
  '---\ntitle: Le ministre a dit:oui\ndate: 2024-01-02\ntags: [a, b]\n---\n\n',
  '---\ntitle: "Quoi?"\ndescription: Il a vu le le chat...\nurl: https://exemple.fr/a:b\n---\n\n',
  '+++\ntitle = "Le ministre a dit:oui..."\n+++\n\n',
)
const markdownArticle = fc
  .tuple(frontMatter, fc.array(fc.oneof({arbitrary: markdownBlock, weight: 5}, {arbitrary: markdownExtras, weight: 1}), {minLength: 1, maxLength: 6}))
  .map(([front, blocks]) => front + blocks.join('\n\n') + '\n')

const htmlInline = fc.oneof(
  {arbitrary: words.map((text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')), weight: 6},
  {arbitrary: fc.tuple(words, fc.constantFrom('https://exemple.fr/2023', '/a:b', '#note')).map(([text, url]) => `<a href="${url}">${text}</a>`), weight: 2},
  {arbitrary: fc.constantFrom('<!-- more -->', '<a id="note1"></a>', '<code>le le : x</code>', '<img src="a.png" alt="le le">', '<br>', '<span data-x="a : b">', '</span>', '<em>', '</em>'), weight: 1},
  {arbitrary: fc.constantFrom('&nbsp ', '&#160 ', '&notit;', '&#x202F;', '&amp; ', '&quot;oui&quot;', '&laquo;&nbsp;', '&nbsp;&raquo;', '&laquo;oui&raquo;', ' &laquo;', '&raquo; '), weight: 2},
)
const htmlBlock = fc
  .tuple(fc.constantFrom('p', 'p', 'h1', 'h2', 'li', 'blockquote', 'div', 'td'), fc.array(htmlInline, {minLength: 1, maxLength: 5}))
  .map(([tag, parts]) => `<${tag}>${parts.join(' ')}</${tag}>`)
const htmlArticle = fc
  .tuple(fc.constantFrom('', '<title>Le le titre</title>\n'), fc.array(fc.oneof({arbitrary: htmlBlock, weight: 6}, {arbitrary: fc.constantFrom('<pre>le le : x</pre>', '<script>var a = "le le";</script>', '<!-- wp:paragraph -->'), weight: 1}), {minLength: 1, maxLength: 6}))
  .map(([head, blocks]) => head + blocks.join('\n') + '\n')

const textArticle = fc.array(words, {minLength: 1, maxLength: 6}).map((lines) => lines.join('\n\n') + '\n')

// The oracle -----------------------------------------------------------------------------

function markdownSkeleton(source: string): Set<string> {
  const tree = fromMarkdown(source, {
    extensions: [frontmatter(['yaml', 'toml']), gfm()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown()],
  })
  const signatures = new Set<string>()
  const visit = (node: any): void => {
    if (node.type === 'yaml') {
      signatures.add(`yaml ${yamlKeys(node.value)}`)
    } else if (node.type !== 'text' && node.type !== 'root') {
      const {type, children, position, data, ...fields} = node
      const empty = (type === 'link' || type === 'linkReference') && !children.some((child: any) => child.type !== 'text' || child.value.trim() !== '')
      signatures.add(`${type} ${JSON.stringify(fields)}${empty ? ' empty' : ''}`)
    }
    for (const child of node.children ?? []) visit(child)
  }
  visit(tree)
  return signatures
}

/** Keys of the YAML front matter, and whether it parses. */
function yamlKeys(text: string): string {
  try {
    const data = parseYaml(text) as unknown
    return data && typeof data === 'object' ? JSON.stringify(Object.keys(data).sort()) : typeof data
  } catch {
    return 'invalid'
  }
}

function htmlSkeleton(source: string): Set<string> {
  const signatures = new Set<string>()
  const visit = (node: any): void => {
    if (node.type === 'element') {
      const literal = ['code', 'pre', 'script', 'style'].includes(node.tagName)
      const text = literal ? JSON.stringify(textOf(node)) : ''
      const empty = node.tagName === 'a' && textOf(node).trim() === '' && !node.children.some((child: any) => child.type === 'element')
      signatures.add(`<${node.tagName} ${JSON.stringify(node.properties)}${text}${empty ? ' empty' : ''}`)
      if (literal) return
    } else if (node.type === 'comment') {
      signatures.add(`<!--${node.value}`)
    }
    for (const child of node.children ?? []) visit(child)
  }
  visit(fromHtml(source))
  return signatures
}

function textOf(node: any): string {
  if (node.type === 'text') return node.value
  return (node.children ?? []).map(textOf).join('')
}

function skeleton(source: string, format: Format): Set<string> {
  return format === 'md' ? markdownSkeleton(source) : htmlSkeleton(source)
}

/** The character references of a text as the HTML standard reads them: `&notit;` holds `&not`. */
function references(text: string): Set<string> {
  const found = new Set<string>()
  for (const candidate of text.match(/&(?:#[xX][\da-fA-F]+|#\d+|[A-Za-z][A-Za-z\d]*);?/g) ?? []) {
    for (let length = candidate.length; length >= 2; length--) {
      const decoded = decodeHTML(candidate.slice(0, length))
      if (decoded !== candidate.slice(0, length) && [...decoded].length === 1) {
        found.add(candidate.slice(0, length))
        break
      }
    }
  }
  return found
}

function expectSubset(after: Set<string>, before: Set<string>, source: string, output: string): void {
  const added = [...after].filter((signature) => !before.has(signature))
  expect(added, `markup added or altered\n--- source\n${source}\n--- output\n${output}`).toEqual([])
  // A reference cut by a fix ("&laquo« oui »raquo ;") reads as another one, or as text.
  const sourceReferences = references(source)
  const cut = [...references(output)].filter((reference) => !sourceReferences.has(reference))
  expect(cut, `character reference cut\n--- source\n${source}\n--- output\n${output}`).toEqual([])
}

// The properties -------------------------------------------------------------------------

const cases: Array<[Format, fc.Arbitrary<string>]> = [
  ['md', markdownArticle],
  ['html', htmlArticle],
]

describe('fixes never change the markup (re-parse oracle)', () => {
  for (const [format, article] of cases) {
    it(`${format}: safe fixes add and alter no markup: same attributes, URLs, code, comments, front-matter keys`, () => {
      fc.assert(
        fc.property(article, (source) => {
          const output = fixText(source, {format, config}).output
          const before = skeleton(source, format)
          const after = skeleton(output, format)
          expectSubset(after, before, source, output)
        }),
        {numRuns: 120},
      )
    })
    it(`${format}: with every suggestion too, markup is only ever deleted whole`, () => {
      fc.assert(
        fc.property(article, (source) => {
          const output = fixText(source, {format, config, include: () => true}).output
          expectSubset(skeleton(output, format), skeleton(source, format), source, output)
        }),
        {numRuns: 120},
      )
    })
  }
})

describe('safe fixes leave technical tokens alone', () => {
  const articles: Array<[Format, fc.Arbitrary<string>]> = [
    ['txt', textArticle],
    ['md', markdownArticle],
    ['html', htmlArticle],
  ]
  for (const [format, article] of articles) {
    it(`${format}: every URL, address, path, file name, version and number is still written as it was`, () => {
      fc.assert(
        fc.property(article, (source) => {
          // Residue lines are deleted whole by design, with what they hold.
          if (residue.some((phrase) => source.includes(phrase))) return
          const output = fixText(source, {format, config}).output
          for (const token of technical) {
            if (source.includes(token)) expect(output, `${token} lost\n--- source\n${source}\n--- output\n${output}`).toContain(token)
          }
        }),
        {numRuns: 120},
      )
    })
  }
})

describe('the command line is held to the same rules', () => {
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'coquille.js')
  for (const [format, article] of cases) {
    it(`${format}: --fix --fix-suggestions all, with every rule of strict`, () => {
      const folder = mkdtempSync(join(tmpdir(), 'coquille-markup-'))
      writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify(config))
      const path = join(folder, `article.${format}`)
      fc.assert(
        fc.property(article, (source) => {
          writeFileSync(path, source)
          const result = spawnSync(process.execPath, [bin, '--fix', '--fix-suggestions', 'all', path], {encoding: 'utf8', timeout: 60_000})
          expect(result.status === 0 || result.status === 1, result.stderr).toBe(true)
          const output = readFileSync(path, 'utf8')
          expectSubset(skeleton(output, format), skeleton(source, format), source, output)
        }),
        {numRuns: 15},
      )
    }, 120_000)
  }
})
