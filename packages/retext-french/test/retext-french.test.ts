/**
 * retext-french on its own: the tree it builds, its paragraph option, how it differs from
 * parse-latin, and remark-retext's bridge mode parsing French as ParseFrench does.
 */
import type {Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseLatin} from 'parse-latin'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import retextFrench, {ParseFrench} from 'retext-french'

/** Sentences of a tree, each as its words and marks joined by `|`. */
function sentences(tree: Root): string[] {
  const found: string[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      found.push(sentence.children.filter((node) => node.type !== 'WhiteSpaceNode').map((node) => toString(node)).join('|'))
    }
  }
  return found
}

const article = [
  'M. Dupont a signé l’accord à 3,5 % du capital, soit 11 000 actions.',
  '',
  'Il a parlé.Ensuite il est parti. « Non ! » a-t-il crié.',
  '',
  'Le 30. juin reste une date. Voir p. 12, etc. pour la suite.',
].join('\n')

async function bridged(markdown: string): Promise<Root> {
  let captured: Root | undefined
  const processor = unified()
    .use(remarkParse)
    .use(remarkRetext, unified().use(retextFrench).use(() => (tree: Root) => {
      captured = tree
    }) as never)
  const file = new VFile(markdown)
  await processor.run(processor.parse(file), file)
  return captured!
}

describe('retext-french', () => {
  it('parses French: abbreviations, elisions, decimal commas, digit groups, glued full stops, guillemets', () => {
    const tree = unified().use(retextFrench).parse(article) as Root
    expect(sentences(tree)).toEqual([
      'M.|Dupont|a|signé|l’accord|à|3,5|%|du|capital|,|soit|11 000|actions|.',
      'Il|a|parlé|.',
      'Ensuite|il|est|parti|.',
      '«|Non|!|»|a-t-il|crié|.',
      'Le|30|.|juin|reste|une|date|.',
      'Voir|p.|12|,|etc.|pour|la|suite|.',
    ])
  })

  it('differs from parse-latin where French needs it', () => {
    expect(sentences(new ParseLatin().parse(article))).toEqual([
      'M.|Dupont|a|signé|l’accord|à|3|,|5|%|du|capital|,|soit|11|000|actions|.',
      'Il|a|parlé.Ensuite|il|est|parti|.',
      '«|Non|!',
      '»|a-t-il|crié|.',
      'Le|30.|juin|reste|une|date|.',
      'Voir|p.|12|,|etc.|pour|la|suite|.',
    ])
  })

  it('gives the tree of ParseFrench, positions included', () => {
    expect(unified().use(retextFrench).parse(article)).toEqual(new ParseFrench().parse(article))
  })

  it('cuts paragraphs at every line, or at blank lines only', () => {
    const text = 'Un titre sans point\nUne phrase coupée\npar le retour à la ligne.\n\nUn autre paragraphe.'
    const paragraphs = (tree: Root) => tree.children.filter((node) => node.type === 'ParagraphNode').map((node) => toString(node))
    expect(paragraphs(unified().use(retextFrench).parse(text) as Root)).toEqual(['Un titre sans point', 'Une phrase coupée', 'par le retour à la ligne.', 'Un autre paragraphe.'])
    const joined = unified().use(retextFrench, {paragraphs: 'blank-line'}).parse(text) as Root
    expect(paragraphs(joined)).toEqual(['Un titre sans point\nUne phrase coupée\npar le retour à la ligne.', 'Un autre paragraphe.'])
    expect(toString(joined)).toBe(text)
    const last = joined.children.at(-1)!
    expect(last.position).toEqual({start: {line: 5, column: 1, offset: 65}, end: {line: 5, column: 21, offset: 85}})
  })

  it('in remark-retext’s bridge mode, parses as ParseFrench does', async () => {
    expect(await bridged(article)).toEqual(new ParseFrench().parse(article))
  })
})
