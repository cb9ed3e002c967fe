/** Loads the benchmark corpus: ../shared/corpus/orangesum beside the repo, or $COQUILLE_CORPUS. */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {packageRoot} from '../src/package-root.js'

export interface Article {
  readonly name: string
  readonly text: string
}

export function corpusFolder(): string {
  return resolve(process.env['COQUILLE_CORPUS'] ?? join(packageRoot, '..', 'shared', 'corpus', 'orangesum'))
}

/** The corpus articles, or undefined (with the reason printed) when the corpus is absent. */
export function loadCorpus(): Article[] | undefined {
  const folder = corpusFolder()
  if (!existsSync(folder)) {
    console.log(`bench: corpus not found at ${folder}; set COQUILLE_CORPUS to a folder of .txt articles. Nothing measured.`)
    return undefined
  }
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({name, text: readFileSync(join(folder, name), 'utf8')}))
}

/**
 * Articles of the corpus as one Markdown article of at most `size` bytes: YAML front matter,
 * each article's first line as a section heading, every fourth paragraph a list item,
 * every fifth sentence of a paragraph in emphasis, a link per section.
 */
export function markdownArticle(articles: readonly Article[], size: number): string {
  const parts = ['---\ntitle: Revue de presse\nauthor: La rédaction\n---\n\n# Revue de presse\n\n']
  let bytes = Buffer.byteLength(parts[0]!)
  for (let at = 0; bytes < size; at = (at + 1) % articles.length) {
    const [title = '', ...paragraphs] = articles[at]!.text.trim().split(/\n+/)
    let section = `## ${title.trim()}\n\n`
    paragraphs.forEach((paragraph, index) => {
      const text = index === 0 ? `${paragraph.trim()} ([source](https://example.org/articles/${at}))` : paragraph.trim()
      section += index % 4 === 3 ? `- ${text}\n\n` : `${index % 5 === 4 ? `*${text}*` : text}\n\n`
    })
    parts.push(section)
    bytes += Buffer.byteLength(section)
  }
  // Cut after the last whole paragraph that fits.
  let text = parts.join('')
  while (Buffer.byteLength(text) > size) text = text.slice(0, text.lastIndexOf('\n\n', text.length - 3) + 2)
  return text
}
